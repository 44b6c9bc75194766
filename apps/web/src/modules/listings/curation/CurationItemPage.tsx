import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { OrganizationLink, VerificationBadge } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { localized } from '@/shared/format';
import { LoadingState } from '@/shared/ui/LoadingState';
import { KindBadge, StatusChip } from '../components/StatusChip';
import { ReviewDecisionDialog } from '../detail/ReviewDialogs';
import { ListingSections } from '../detail/ListingSections';
import { CurationQueueHeadQuery, ListingDetailQuery } from '../graphql/operations';
import { useListingCommand, type CommandExtras } from '../hooks/useListingCommand';
import { listingConflict } from '../model/conflict';
import { describePath } from '../model/fields';
import { actionKey } from '../model/labels';
import type { ListingDetail } from '../model/types';
import { useChangesSincePublished, usePrechecks } from './curation-api';
import { PrecheckPanel, PrecheckUnavailable } from './PrecheckPanel';
import { waitingSince } from './waiting';

type Decision = 'approve' | 'reject' | 'requestChanges';
const DECISIONS: Decision[] = ['approve', 'requestChanges', 'reject'];

/**
 * `/staff/review/:id`: one queue item with its pre-check panel, the changes since the last
 * published version and the decisions; after a decision it opens the next queue item ("다음 항목")
 * or says the queue is empty.
 */
export function CurationItemPage() {
  const t = useT();
  const { id = '' } = useParams();
  const locale = useGraphqlLocale();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ListingDetailQuery,
    variables: { id, locale },
    requestPolicy: 'network-only',
  });
  const listing = data?.listing;
  if (!listing) {
    if (fetching) return <LoadingState label={t('common.loading')} />;
    return (
      <div className="page" data-testid="curation-item-missing">
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
        <Link to="/staff/review">{t('curation.back')}</Link>
      </div>
    );
  }
  return <CurationItem key={listing.id} listing={listing} reload={() => reexecute({ requestPolicy: 'network-only' })} />;
}

function CurationItem({ listing, reload }: { listing: ListingDetail; reload: () => void }) {
  const t = useT();
  const uiLocale = useLocale();
  const format = useFormatters();
  const client = useClient();
  const navigate = useNavigate();
  const { run, running } = useListingCommand();
  const prechecks = usePrechecks([listing.id]);
  const diff = useChangesSincePublished(listing.id, listing.version);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [failure, setFailure] = useState<CombinedError | undefined>(undefined);
  const [conflict, setConflict] = useState<string | null>(null);
  const [queueEmpty, setQueueEmpty] = useState(false);
  const title = localized(listing.title, listing.titleEn, uiLocale);
  const waiting = listing.status === 'SUBMITTED';
  const describe = (path: string) => describePath(path, listing.kind, t);

  /** The oldest queue item other than this one, or the empty-queue message. */
  const next = async () => {
    const r = await client.query(CurationQueueHeadQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    const head = r.data?.listingsForReview.edges.find((e) => e.node.id !== listing.id);
    if (!head) {
      setQueueEmpty(true);
      return;
    }
    void navigate(`/staff/review/${head.node.id}`);
  };

  const decide = async (action: Decision, extras: CommandExtras) => {
    setFailure(undefined);
    setConflict(null);
    const result = await run(action, listing, extras);
    if (result.ok) {
      setDecision(null);
      reload();
      await next();
      return result;
    }
    const found = listingConflict(result.error);
    if (found) {
      setDecision(null);
      setConflict(found.message);
    }
    return result;
  };

  const report = prechecks.state === 'ready' ? prechecks.value.get(listing.id) : undefined;
  const comments = new Map<string, string[]>();

  return (
    <div className="page curation-item" data-testid="curation-item" data-listing-id={listing.id} data-status={listing.status}>
      <nav className="breadcrumbs" aria-label={t('listing.breadcrumbs')}>
        <Link to="/staff/review" data-testid="curation-back">
          {t('curation.title')}
        </Link>
      </nav>
      <header className="listing-header">
        <div className="listing-header__badges">
          <KindBadge kind={listing.kind} />
          <StatusChip status={listing.status} />
        </div>
        <h1 className="listing-header__title" lang={title.lang} data-testid="curation-item-title">
          {title.text || t('listing.untitled')}
        </h1>
        <p className="listing-header__meta">
          <OrganizationLink organization={listing.organization} testId="curation-item-org" />
          <VerificationBadge status={listing.organization.verificationStatus} />
          {waiting && listing.submittedAt ? (
            <>
              <span aria-hidden="true">·</span>
              <span>{t('curation.waiting', { time: waitingSince(listing.submittedAt, t) })}</span>
            </>
          ) : null}
          <span aria-hidden="true">·</span>
          <span className="muted">{t('listing.version', { version: listing.version })}</span>
          <span aria-hidden="true">·</span>
          <Link to={`/listings/${listing.id}`}>{t('curation.publicView')}</Link>
        </p>
      </header>

      {queueEmpty ? (
        <div className="alert alert--success" role="status" data-testid="curation-queue-empty">
          <p>{t('curation.queueEmpty')}</p>
          <Link to="/staff/review" className="button button--small">
            {t('curation.back')}
          </Link>
        </div>
      ) : null}
      {conflict ? (
        <p className="alert alert--error" role="alert" data-testid="curation-conflict">
          {conflict}
        </p>
      ) : null}
      {failure ? (
        <FormAlert summary={summariseError(failure, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}

      {waiting ? (
        <div className="action-bar curation-item__actions" data-testid="curation-actions">
          {DECISIONS.filter((d) => listing.availableActions.includes(d)).map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'approve' ? 'button' : action === 'reject' ? 'button button--danger-ghost' : 'button button--ghost'}
              onClick={() => setDecision(action)}
              disabled={running !== null}
              data-testid={`curation-action-${action}`}
            >
              {t(actionKey(action))}
            </button>
          ))}
          <button type="button" className="button button--ghost action-bar__end" onClick={() => void next()} data-testid="curation-next">
            {t('curation.next')}
          </button>
        </div>
      ) : queueEmpty ? null : (
        <p className="alert alert--info" data-testid="curation-decided">
          {t('curation.notWaiting')}{' '}
          <button type="button" className="button button--small" onClick={() => void next()} data-testid="curation-next">
            {t('curation.next')}
          </button>
        </p>
      )}

      {prechecks.state === 'failed' ? <PrecheckUnavailable /> : report ? <PrecheckPanel report={report} /> : null}

      <section className="card curation__panel" aria-labelledby="diff-heading" data-testid="curation-diff">
        <h2 id="diff-heading" className="card__title">
          {t('curation.diffTitle')}
        </h2>
        {diff.state === 'loading' ? (
          <p className="muted">{t('common.loading')}</p>
        ) : diff.state === 'failed' ? (
          <p className="muted" data-testid="curation-diff-unavailable">
            {t('curation.diffFailed')}
          </p>
        ) : diff.value === null ? (
          <p className="muted" data-testid="curation-diff-never">
            {t('curation.diffNever')}
          </p>
        ) : (
          <>
            <p className="muted">
              {t('curation.diffSince', { version: diff.value.publishedVersion, date: format.date(diff.value.publishedAt) })}
            </p>
            {diff.value.changes.length === 0 ? (
              <p data-testid="curation-diff-none">{t('curation.diffNone')}</p>
            ) : (
              <ul className="curation__diff">
                {diff.value.changes.map((change, index) => (
                  <li key={`${change.path}-${index}`} data-testid={`curation-diff-${index}`} data-path={change.path}>
                    <p className="curation__diff-path">{change.label ?? describe(change.path)}</p>
                    <p className="curation__diff-before">
                      <span className="muted">{t('curation.before')}</span> {change.before ?? '—'}
                    </p>
                    <p className="curation__diff-after">
                      <span className="muted">{t('curation.after')}</span> {change.after ?? '—'}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>

      <ListingSections listing={listing} comments={comments} showMissing />

      <ReviewDecisionDialog
        decision={decision}
        kind={listing.kind}
        busy={running !== null}
        onClose={() => setDecision(null)}
        onConfirm={(action, extras) => decide(action, extras)}
      />
    </div>
  );
}
