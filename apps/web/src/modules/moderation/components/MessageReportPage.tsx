import { ArrowLeft } from 'lucide-react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useFormatters, useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { ModerationCountsQuery, ReportedMessageContextQuery, ResolveMessageReportMutation } from '../graphql/operations';
import { ReasonForm } from './ReasonForm';

/** The maximum length of a resolution reason (the API's rule). */
const REASON_MAX = 1000;

/** `/staff/moderation/messages/:reportId`: the reported message highlighted among up to 5 on each side (the read is audited). */
export function MessageReportPage() {
  const t = useT();
  const format = useFormatters();
  const { reportId = '' } = useParams();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: ReportedMessageContextQuery,
    variables: { reportId },
    requestPolicy: 'network-only',
  });
  const [, resolve] = useMutation(ResolveMessageReportMutation);
  const [, refreshCounts] = useQuery({ query: ModerationCountsQuery, pause: true });
  const ctx = data?.reportedMessageContext;

  const back = (
    <p>
      <Link to="/staff/moderation?tab=messages" data-testid="moderation-back">
        <ArrowLeft aria-hidden="true" size={16} /> {t('moderation.back')}
      </Link>
    </p>
  );
  if (!ctx) {
    return (
      <div className="page">
        {back}
        {error ? (
          <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
        ) : null}
        {fetching ? <LoadingState label={t('common.loading')} /> : null}
      </div>
    );
  }
  const { report, messages } = ctx;
  return (
    <div className="page moderation" data-testid="message-report-page" data-status={report.status}>
      {back}
      <h1>{t('moderation.context.title')}</h1>
      <p className="muted">{t('moderation.context.audited')}</p>
      <p>
        <span className="muted">{t('moderation.reportReason')}:</span> {report.reason}
      </p>
      <ol className="moderation-context card" data-testid="moderation-context">
        {messages.map((m) => {
          const reported = m.id === report.messageId;
          return (
            <li
              key={m.id}
              className={reported ? 'moderation-context__message moderation-context__message--reported' : 'moderation-context__message'}
              data-testid={reported ? 'context-reported' : `context-message-${m.seq}`}
              aria-current={reported ? 'true' : undefined}
            >
              <span className="muted moderation-context__meta">
                #{m.seq} · <time dateTime={String(m.createdAt)}>{format.date(String(m.createdAt))}</time>
                {reported ? <strong className="badge badge--rejected"> {t('moderation.context.reported')}</strong> : null}
              </span>
              <p className={m.deletedAt ? 'moderation-context__body muted' : 'moderation-context__body'}>
                {m.deletedAt ? t('chat.deleted') : m.kind === 'SYSTEM' ? t('moderation.context.system') : m.body}
              </p>
            </li>
          );
        })}
      </ol>
      {report.status === 'OPEN' ? (
        <ReasonForm
          testId="message-resolve"
          maxLength={REASON_MAX}
          actions={[
            { id: 'DISMISS', label: t('moderation.action.dismiss') },
            { id: 'REMOVE_MESSAGE', label: t('moderation.action.removeMessage'), danger: true },
          ]}
          run={(action, reason) => resolve({ reportId: report.id, action: action as 'DISMISS' | 'REMOVE_MESSAGE', reason })}
          onDone={() => {
            reexecute({ requestPolicy: 'network-only' });
            refreshCounts({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        <p className="alert alert--success" data-testid="message-report-resolved">
          {t(report.resolution === 'REMOVE_MESSAGE' ? 'moderation.resolved.removed' : 'moderation.resolved.dismissed')}
          {report.resolutionReason ? ` — ${report.resolutionReason}` : ''}
        </p>
      )}
    </div>
  );
}
