import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { MilestoneStatus, ProjectFieldsFragment, ProjectHistoryQuery as ProjectHistoryResult, ProjectSide } from '@/generated/graphql';
import { useFormatters, useLocale, useT, type SimpleMessageKey, type Translate } from '@/i18n';
import { useOnNotification } from '@/modules/notifications';
import { FormAlert, hasErrorCode, summariseError } from '@/shared/forms';
import { formatKrw, subjectParticle } from '@/shared/format';
import { useViewer } from '@/shared/session';
import { formatFileSize, uploadFile, UploadError, type UploadHandle } from '@/shared/upload';
import {
  AcceptMilestoneMutation,
  ConfirmCompletionMutation,
  DeliverMilestoneMutation,
  ProjectHistoryQuery,
  ProjectQuery,
  ProposeCompletionMutation,
  RequestMilestoneReworkMutation,
  WithdrawCompletionProposalMutation,
} from '../graphql/operations';

const PROJECT_STATUSES = ['AWARDED', 'COMPLETED', 'CANCELLED'];
const MAX_NOTE = 2000;
const MAX_FILES = 10;
const FILE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.hwp,.hwpx,.docx,.xlsx';

type Project = ProjectFieldsFragment;
type Milestone = Project['milestones'][number];
type HistoryEvent = NonNullable<ProjectHistoryResult['project']>['history']['edges'][number]['node'];
type Action = 'deliver' | 'accept' | 'requestRework' | 'proposeCompletion' | 'confirmCompletion' | 'withdrawCompletionProposal';

interface PickedFile {
  key: string;
  name: string;
  size: number;
  state: 'uploading' | 'done' | 'error';
  fileId?: string;
  error?: string;
}
let nextKey = 0;

/**
 * "프로젝트 진행" on an awarded demand's page, for the two parties (the accepted bid's consortium
 * partners and staff read only): the
 * accepted bid's milestones with their status, the supplier's delivery (note and files), the
 * client's acceptance or rework request (reason), the completion progress, completion by
 * agreement (propose / confirm / withdraw) and the history. Each action's error shows next to it.
 * Renders nothing for anyone else (the API answers FORBIDDEN) and before the award.
 */
export function ProjectSection({ demandId, demandStatus, onChanged }: { demandId: string; demandStatus: string; onChanged: () => void }) {
  const { viewer } = useViewer();
  if (!viewer || !PROJECT_STATUSES.includes(demandStatus)) return null;
  return <ProjectPanel demandId={demandId} demandStatus={demandStatus} onChanged={onChanged} />;
}

function ProjectPanel({ demandId, demandStatus, onChanged }: { demandId: string; demandStatus: string; onChanged: () => void }) {
  const t = useT();
  const locale = useLocale();
  const client = useClient();
  const [{ data, error }, reexecute] = useQuery({ query: ProjectQuery, variables: { demandId }, requestPolicy: 'cache-and-network' });
  const [history, reexecuteHistory] = useQuery({ query: ProjectHistoryQuery, variables: { demandId }, requestPolicy: 'cache-and-network' });
  const events: HistoryEvent[] = history.data?.project?.history.edges.map((e) => e.node) ?? [];
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteHistory({ requestPolicy: 'network-only' });
  };
  useOnNotification(['MILESTONE_', 'PROJECT_', 'DEMAND_'], refresh);
  const fetched: Project | null = data?.project ?? null;
  const [latest, setLatest] = useState<Project | null>(null);
  const project = latest && fetched && latest.version > fetched.version ? latest : fetched;
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ at: string; error: CombinedError | undefined } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<{ at: string; action: Action } | null>(null);

  if (error && (hasErrorCode(error, 'FORBIDDEN') || hasErrorCode(error, 'NOT_FOUND'))) return null;
  if (!project) {
    return error ? (
      <section className="card project-section" data-testid="project-section" data-state="error">
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      </section>
    ) : null;
  }

  const side = project.viewerSide ?? null;
  const orgName = (s: ProjectSide) => {
    const o = s === 'supplier' ? project.supplierOrganization : project.clientOrganization;
    return (o && ((locale === 'en' && o.nameEn) || o.nameKo)) || t('project.otherParty');
  };
  const completed = !!project.completedAt;
  const cancelled = demandStatus === 'CANCELLED';

  /** Runs a command; `at` names where its error shows (a milestone id or "completion"). */
  const run = async (at: string, action: Action, exec: () => Promise<{ data?: unknown; error?: CombinedError }>) => {
    setBusy(at);
    setFailure(null);
    setNotice(null);
    const r = await exec();
    setBusy(null);
    const next = r.data ? (Object.values(r.data as Record<string, unknown>)[0] as Project | null) : null;
    if (!next) {
      setFailure({ at, error: r.error });
      refresh();
      return false;
    }
    setLatest(next);
    reexecuteHistory({ requestPolicy: 'network-only' });
    setOpen(null);
    setNotice(t(`project.notice.${action}` as SimpleMessageKey));
    if (next.completedAt) onChanged();
    return true;
  };
  const errorAt = (at: string) =>
    failure?.at === at ? (
      <FormAlert
        summary={summariseError(failure.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
        testId={`project-error-${at}`}
      />
    ) : null;

  const milestoneLabel = (id: string | null) => {
    const m = project.milestones.find((x) => x.id === id);
    return m ? t('chat.system.milestone', { n: m.position + 1, title: m.title }) : '';
  };

  return (
    <section
      className="card project-section"
      aria-labelledby="project-heading"
      data-testid="project-section"
      data-completed={completed ? 'true' : 'false'}
    >
      <div className="section-header">
        <h2 id="project-heading" className="card__title">
          {t('project.title')}
        </h2>
        <span className="muted" data-testid="project-side">
          {side ? t(`project.youAre.${side}`) : project.viewerPartner ? t('project.youAre.partner') : t('project.youAre.staff')}
        </span>
      </div>
      <p className="muted project-section__intro">{t('project.intro')}</p>
      <Progress project={project} />
      {notice ? (
        <p className="alert alert--success" role="status" data-testid="project-notice">
          {notice}
        </p>
      ) : null}
      {completed ? (
        <p className="alert alert--success" data-testid="project-completed">
          {t('project.completed')}
        </p>
      ) : null}
      {cancelled ? (
        <p className="alert alert--info" data-testid="project-cancelled">
          {t('project.cancelled')}
        </p>
      ) : null}

      <ol className="plain-list project-milestones" data-testid="project-milestones">
        {project.milestones.map((m) => (
          <MilestoneItem
            key={m.id}
            milestone={m}
            side={side}
            events={events}
            busy={busy}
            open={open?.at === m.id ? open.action : null}
            onOpen={(action) => {
              setFailure(null);
              setOpen(action ? { at: m.id, action } : null);
            }}
            error={errorAt(m.id)}
            onDeliver={(note, fileIds) =>
              run(m.id, 'deliver', () => client.mutation(DeliverMilestoneMutation, { milestoneId: m.id, note, fileIds }).toPromise())
            }
            onAccept={() => run(m.id, 'accept', () => client.mutation(AcceptMilestoneMutation, { milestoneId: m.id }).toPromise())}
            onRework={(reason) =>
              run(m.id, 'requestRework', () => client.mutation(RequestMilestoneReworkMutation, { milestoneId: m.id, reason }).toPromise())
            }
          />
        ))}
      </ol>

      {!completed && !cancelled ? (
        <Completion
          project={project}
          side={side}
          busy={busy === 'completion'}
          open={open?.at === 'completion'}
          onOpen={(v) => {
            setFailure(null);
            setOpen(v ? { at: 'completion', action: 'proposeCompletion' } : null);
          }}
          otherName={side ? orgName(side === 'supplier' ? 'client' : 'supplier') : ''}
          error={errorAt('completion')}
          onPropose={(note) =>
            run('completion', 'proposeCompletion', () => client.mutation(ProposeCompletionMutation, { demandId, note }).toPromise())
          }
          onConfirm={() =>
            run('completion', 'confirmCompletion', () => client.mutation(ConfirmCompletionMutation, { demandId }).toPromise())
          }
          onWithdraw={() =>
            run('completion', 'withdrawCompletionProposal', () =>
              client.mutation(WithdrawCompletionProposalMutation, { demandId }).toPromise(),
            )
          }
        />
      ) : null}

      <History events={events} orgName={orgName} milestoneLabel={milestoneLabel} />
    </section>
  );
}

function Progress({ project }: { project: Project }) {
  const t = useT();
  const locale = useLocale();
  const p = project.progress;
  return (
    <div className="project-progress" data-testid="project-progress" data-accepted={p.accepted} data-total={p.total}>
      <p>
        {t('project.progress', {
          accepted: p.accepted,
          total: p.total,
          acceptedAmount: formatKrw(p.acceptedAmountKrw, locale),
          totalAmount: formatKrw(p.totalAmountKrw, locale),
        })}
      </p>
      <progress max={Math.max(1, p.total)} value={p.accepted} aria-label={t('project.progressLabel')} />
    </div>
  );
}

function StatusChip({ status, testId }: { status: MilestoneStatus; testId: string }) {
  const t = useT();
  return (
    <span className={`status project-status project-status--${status.toLowerCase()}`} data-testid={testId} data-status={status}>
      {t(`project.status.${status}`)}
    </span>
  );
}

function MilestoneItem({
  milestone: m,
  side,
  events,
  busy,
  open,
  onOpen,
  error,
  onDeliver,
  onAccept,
  onRework,
}: {
  milestone: Milestone;
  side: ProjectSide | null;
  events: readonly HistoryEvent[];
  busy: string | null;
  open: Action | null;
  onOpen: (action: Action | null) => void;
  error: ReactNode;
  onDeliver: (note: string, fileIds: string[]) => Promise<boolean>;
  onAccept: () => Promise<boolean>;
  onRework: (reason: string) => Promise<boolean>;
}) {
  const t = useT();
  const locale = useLocale();
  const n = m.position + 1;
  const actions = m.availableActions;
  const lastDelivery = [...events].reverse().find((e) => e.milestoneId === m.id && e.action === 'deliver');
  const disabled = busy !== null;
  const [confirmAccept, setConfirmAccept] = useState(false);
  return (
    <li className="project-milestone" data-testid={`milestone-${n}`} data-status={m.status}>
      <div className="project-milestone__head">
        <span className="project-milestone__title">
          <span className="muted">{t('project.milestone.number', { n })}</span> {m.title}
        </span>
        <StatusChip status={m.status} testId={`milestone-${n}-status`} />
      </div>
      <p className="muted">{t('project.milestone.meta', { weeks: m.weeks, amount: formatKrw(m.amountKrw, locale) })}</p>
      {lastDelivery ? (
        <div className="project-milestone__delivery" data-testid={`milestone-${n}-delivery`}>
          <span className="muted">{t('project.lastDelivery')}</span>
          {lastDelivery.note ? <p className="project-note">{lastDelivery.note}</p> : null}
          <FileLinks files={lastDelivery.files} testId={`milestone-${n}-file`} />
        </div>
      ) : null}
      {side === 'supplier' && m.status === 'DELIVERED' ? <p className="muted">{t('project.waiting.client')}</p> : null}
      {side === 'client' && (m.status === 'PLANNED' || m.status === 'REWORK_REQUESTED') ? (
        <p className="muted">{t('project.waiting.supplier')}</p>
      ) : null}

      {open === null && actions.length ? (
        <div className="button-row">
          {actions.includes('deliver') ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => onOpen('deliver')}
              disabled={disabled}
              data-testid={`milestone-${n}-deliver`}
            >
              {m.status === 'REWORK_REQUESTED' ? t('project.deliverAgain') : t('project.deliver')}
            </button>
          ) : null}
          {actions.includes('accept') && !confirmAccept ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => setConfirmAccept(true)}
              disabled={disabled}
              data-testid={`milestone-${n}-accept`}
            >
              {t('project.accept')}
            </button>
          ) : null}
          {actions.includes('requestRework') && !confirmAccept ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => onOpen('requestRework')}
              disabled={disabled}
              data-testid={`milestone-${n}-rework`}
            >
              {t('project.rework')}
            </button>
          ) : null}
        </div>
      ) : null}
      {confirmAccept && open === null ? (
        <div className="project-confirm" role="group" data-testid={`milestone-${n}-accept-confirm`}>
          <p>{t('project.acceptConfirm')}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              disabled={disabled}
              onClick={() => void onAccept().then((ok) => ok && setConfirmAccept(false))}
              data-testid={`milestone-${n}-accept-yes`}
            >
              {t('project.accept')}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setConfirmAccept(false)}
              disabled={disabled}
            >
              {t('project.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {open === 'deliver' ? <DeliverForm n={n} busy={disabled} onCancel={() => onOpen(null)} onSubmit={onDeliver} /> : null}
      {open === 'requestRework' ? (
        <NoteForm
          id={`milestone-${n}-rework`}
          label={t('project.rework.reason')}
          hint={t('project.rework.reasonHint')}
          submitLabel={t('project.rework.submit')}
          busy={disabled}
          onCancel={() => onOpen(null)}
          onSubmit={onRework}
        />
      ) : null}
      {error}
    </li>
  );
}

function FileLinks({ files, testId }: { files: ReadonlyArray<{ id: string; name: string; downloadUrl?: string | null }>; testId: string }) {
  if (!files.length) return null;
  return (
    <ul className="plain-list project-files">
      {files.map((f) => (
        <li key={f.id}>
          {f.downloadUrl ? (
            <a href={f.downloadUrl} download={f.name} data-testid={testId}>
              {f.name}
            </a>
          ) : (
            <span data-testid={testId}>{f.name}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A required note (≤ 2,000 characters) with its counter and a submit button; the server's errors show below it. */
function NoteForm({
  id,
  label,
  hint,
  submitLabel,
  busy,
  onCancel,
  onSubmit,
  extra,
  blocked,
}: {
  id: string;
  label: string;
  hint: string;
  submitLabel: string;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string) => Promise<boolean>;
  extra?: ReactNode;
  blocked?: boolean;
}) {
  const t = useT();
  const format = useFormatters();
  const [note, setNote] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <form
      className="project-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit(note);
      }}
      data-testid={`${id}-form`}
    >
      <label className="field__label" htmlFor={`${id}-note`}>
        {label}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <textarea
        ref={ref}
        id={`${id}-note`}
        className="textarea"
        rows={3}
        maxLength={MAX_NOTE}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby={`${id}-hint`}
        required
        data-testid={`${id}-note`}
      />
      <span className="muted project-form__count">
        {t('project.charCount', { count: format.number(note.length), max: format.number(MAX_NOTE) })}
      </span>
      {extra}
      <div className="button-row">
        <button type="submit" className="button button--small" disabled={busy || blocked || !note.trim()} data-testid={`${id}-submit`}>
          {submitLabel}
        </button>
        <button type="button" className="button button--ghost button--small" onClick={onCancel} disabled={busy}>
          {t('project.cancel')}
        </button>
      </div>
    </form>
  );
}

function DeliverForm({
  n,
  busy,
  onCancel,
  onSubmit,
}: {
  n: number;
  busy: boolean;
  onCancel: () => void;
  onSubmit: (note: string, fileIds: string[]) => Promise<boolean>;
}) {
  const t = useT();
  const locale = useLocale();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const handles = useRef(new Map<string, UploadHandle>());
  useEffect(() => {
    const inFlight = handles.current;
    return () => inFlight.forEach((h) => h.abort());
  }, []);
  const update = (key: string, patch: Partial<PickedFile>) => setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...patch } : f)));
  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = Array.from(event.target.files ?? []);
    event.target.value = '';
    for (const file of picked.slice(0, Math.max(0, MAX_FILES - files.length))) {
      const key = `delivery-${++nextKey}`;
      const handle = uploadFile(file, { kind: 'document' });
      handles.current.set(key, handle);
      setFiles((list) => [...list, { key, name: file.name, size: file.size, state: 'uploading' }]);
      handle.done.then(
        (stored) => {
          handles.current.delete(key);
          update(key, { state: 'done', fileId: stored.id, name: stored.name });
        },
        (err: unknown) => {
          handles.current.delete(key);
          if (err instanceof UploadError && err.code === 'ABORTED') return;
          update(key, {
            state: 'error',
            error: err instanceof UploadError && err.message ? err.message : t('project.deliver.uploadFailed'),
          });
        },
      );
    }
  };
  const remove = (key: string) => {
    handles.current.get(key)?.abort();
    handles.current.delete(key);
    setFiles((list) => list.filter((f) => f.key !== key));
  };
  const uploading = files.some((f) => f.state === 'uploading');
  return (
    <NoteForm
      id={`milestone-${n}-deliver`}
      label={t('project.deliver.note')}
      hint={t('project.deliver.noteHint')}
      submitLabel={t('project.deliver.submit')}
      busy={busy}
      blocked={uploading}
      onCancel={onCancel}
      onSubmit={(note) =>
        onSubmit(
          note,
          files.filter((f) => f.state === 'done' && f.fileId).map((f) => f.fileId!),
        )
      }
      extra={
        <div className="project-form__files">
          <label className="field__label" htmlFor={`milestone-${n}-files`}>
            {t('project.deliver.files')}
          </label>
          <input
            id={`milestone-${n}-files`}
            type="file"
            multiple
            accept={FILE_ACCEPT}
            onChange={onPick}
            disabled={busy || files.length >= MAX_FILES}
            data-testid={`milestone-${n}-deliver-files`}
          />
          {uploading ? <p className="muted">{t('project.deliver.uploading')}</p> : null}
          {files.length ? (
            <ul className="plain-list project-files">
              {files.map((f) => (
                <li key={f.key} data-state={f.state} data-testid={`milestone-${n}-deliver-file`}>
                  {f.name} <span className="muted">{formatFileSize(f.size, locale)}</span>{' '}
                  <button type="button" className="button button--ghost button--small" onClick={() => remove(f.key)}>
                    {t('project.remove')}
                  </button>
                  {f.state === 'error' ? (
                    <p className="field__error" role="alert">
                      {f.error}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      }
    />
  );
}

function Completion({
  project,
  side,
  busy,
  open,
  onOpen,
  otherName,
  error,
  onPropose,
  onConfirm,
  onWithdraw,
}: {
  project: Project;
  side: ProjectSide | null;
  busy: boolean;
  open: boolean;
  onOpen: (open: boolean) => void;
  otherName: string;
  error: ReactNode;
  onPropose: (note: string) => Promise<boolean>;
  onConfirm: () => Promise<boolean>;
  onWithdraw: () => Promise<boolean>;
}) {
  const t = useT();
  const actions = project.availableActions;
  const proposal = project.completionProposal;
  const [confirming, setConfirming] = useState(false);
  if (!side && !proposal) return null;
  return (
    <div className="project-completion" data-testid="project-completion" data-proposed-by={proposal?.by ?? ''}>
      <h3 className="project-completion__title">{t('project.completion.title')}</h3>
      {proposal ? (
        <div className="alert alert--info" data-testid="completion-proposal">
          <p>
            {proposal.by === side
              ? t('project.completion.mine')
              : t('project.completion.theirs', { org: otherName, particle: subjectParticle(otherName) })}
          </p>
          <p className="project-note">{proposal.note}</p>
        </div>
      ) : (
        <p className="muted">{t('project.completion.hint')}</p>
      )}
      {actions.includes('proposeCompletion') && !open ? (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => onOpen(true)}
          disabled={busy}
          data-testid="completion-propose"
        >
          {t('project.completion.propose')}
        </button>
      ) : null}
      {open ? (
        <NoteForm
          id="completion"
          label={t('project.completion.note')}
          hint={t('project.completion.noteHint')}
          submitLabel={t('project.completion.submit')}
          busy={busy}
          onCancel={() => onOpen(false)}
          onSubmit={onPropose}
        />
      ) : null}
      {actions.includes('confirmCompletion') ? (
        confirming ? (
          <div className="project-confirm" role="group">
            <p>{t('project.completion.confirmPrompt')}</p>
            <div className="button-row">
              <button
                type="button"
                className="button button--small"
                onClick={() => void onConfirm()}
                disabled={busy}
                data-testid="completion-confirm-yes"
              >
                {t('project.completion.confirm')}
              </button>
              <button type="button" className="button button--ghost button--small" onClick={() => setConfirming(false)} disabled={busy}>
                {t('project.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button--small"
            onClick={() => setConfirming(true)}
            disabled={busy}
            data-testid="completion-confirm"
          >
            {t('project.completion.confirm')}
          </button>
        )
      ) : null}
      {actions.includes('withdrawCompletionProposal') ? (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => void onWithdraw()}
          disabled={busy}
          data-testid="completion-withdraw"
        >
          {t('project.completion.withdraw')}
        </button>
      ) : null}
      {error}
    </div>
  );
}

function History({
  events,
  orgName,
  milestoneLabel,
}: {
  events: readonly HistoryEvent[];
  orgName: (side: ProjectSide) => string;
  milestoneLabel: (id: string | null) => string;
}) {
  const t = useT();
  const locale = useLocale();
  const when = new Intl.DateTimeFormat(locale === 'en' ? 'en' : 'ko', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <details className="project-history" data-testid="project-history" open={events.length > 0 && events.length <= 6}>
      <summary>
        {t('project.history.title')} ({events.length})
      </summary>
      {events.length === 0 ? <p className="muted">{t('project.history.empty')}</p> : null}
      <ol className="plain-list project-timeline">
        {[...events].reverse().map((e) => {
          const org = orgName(e.side);
          return (
            <li key={e.id} className="project-timeline__item" data-testid="project-event" data-action={e.action}>
              <time className="muted" dateTime={String(e.createdAt)}>
                {when.format(new Date(String(e.createdAt)))}
              </time>
              <p>{historyText(t, e.action, org, milestoneLabel(e.milestoneId))}</p>
              {e.note ? <p className="project-note">{e.note}</p> : null}
              <FileLinks files={e.files} testId="project-event-file" />
            </li>
          );
        })}
      </ol>
    </details>
  );
}

function historyText(t: Translate, action: Action, org: string, milestone: string): string {
  const v = { org, particle: subjectParticle(org) };
  switch (action) {
    case 'deliver':
      return t('project.history.deliver', { ...v, milestone });
    case 'accept':
      return t('project.history.accept', { ...v, milestone });
    case 'requestRework':
      return t('project.history.requestRework', { ...v, milestone });
    case 'proposeCompletion':
      return t('project.history.proposeCompletion', v);
    case 'confirmCompletion':
      return t('project.history.confirmCompletion', v);
    case 'withdrawCompletionProposal':
      return t('project.history.withdrawCompletionProposal', v);
  }
}
