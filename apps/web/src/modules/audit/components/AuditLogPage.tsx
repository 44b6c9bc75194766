import { type FormEvent, useMemo, useState } from 'react';
import type { AuditLogFilterInput, AuditLogQuery as AuditResult } from '@/generated/graphql';
import { useFormatters, useLocale, useT } from '@/i18n';
import { organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { usePagedList } from '@/shared/paging';
import { AuditLogQuery } from '../graphql/operations';

type Edge = AuditResult['auditLog']['edges'][number];
type Entry = Edge['node'];
const PAGE_SIZE = 30;

interface Draft {
  actorUserId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  from: string;
  to: string;
}
const EMPTY: Draft = { actorUserId: '', action: '', subjectType: '', subjectId: '', from: '', to: '' };

/** `YYYY-MM-DD` (local) → the start of that day; `to` is inclusive on screen, so it becomes the next day's start. */
function dayStart(value: string, plusDays = 0): string | undefined {
  if (!value) return undefined;
  const [y = NaN, m = NaN, d = NaN] = value.split('-').map(Number);
  const date = new Date(y, m - 1, d + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function toFilter(draft: Draft): AuditLogFilterInput {
  const text = (v: string) => v.trim() || undefined;
  return {
    actorUserId: text(draft.actorUserId),
    action: text(draft.action),
    subjectType: text(draft.subjectType),
    subjectId: text(draft.subjectId),
    from: dayStart(draft.from),
    to: dayStart(draft.to, 1),
  };
}

/** `/staff/audit`: the immutable audit log, newest first, filtered by actor, action, object and date. */
export function AuditLogPage() {
  const t = useT();
  const format = useFormatters();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [filter, setFilter] = useState<AuditLogFilterInput>({});
  const list = usePagedList<Edge>({
    key: JSON.stringify(filter),
    idOf: (edge) => edge.node.id,
    fetchPage: async (client, after) => {
      const r = await client.query(AuditLogQuery, { filter, first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
      return { page: r.data?.auditLog, error: r.error };
    },
  });
  const error = list.error ?? list.moreError;
  const set = (field: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));
  const apply = (next: Draft) => {
    setDraft(next);
    setFilter(toFilter(next));
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };

  const input = (field: keyof Draft, label: string, type = 'text') => (
    <div className="field">
      <label className="field__label" htmlFor={`audit-filter-${field}`}>
        {label}
      </label>
      <input
        id={`audit-filter-${field}`}
        type={type}
        value={draft[field]}
        onChange={set(field)}
        maxLength={200}
        data-testid={`audit-filter-${field}`}
      />
    </div>
  );

  return (
    <div className="page" data-testid="audit-log-page">
      <div className="page__header">
        <div>
          <h1>{t('auditLog.title')}</h1>
          <p className="page__lead">{t('auditLog.lead')}</p>
        </div>
        {list.totalCount !== null ? (
          <span className="muted" data-testid="audit-log-count">
            {t('auditLog.count', { count: format.number(list.totalCount) })}
          </span>
        ) : null}
      </div>
      <form className="card audit-filters" onSubmit={onSubmit} data-testid="audit-filters">
        {input('actorUserId', t('auditLog.filter.actor'))}
        {input('action', t('auditLog.filter.action'))}
        {input('subjectType', t('auditLog.filter.subjectType'))}
        {input('subjectId', t('auditLog.filter.subjectId'))}
        {input('from', t('auditLog.filter.from'), 'date')}
        {input('to', t('auditLog.filter.to'), 'date')}
        <div className="audit-filters__actions">
          <button type="submit" className="button button--small" data-testid="audit-filter-apply">
            {t('auditLog.filter.apply')}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => apply(EMPTY)}>
            {t('auditLog.filter.clear')}
          </button>
        </div>
      </form>
      {error ? (
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      {list.edges.length > 0 ? (
        <table className="table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t('auditLog.col.time')}</th>
              <th scope="col">{t('auditLog.col.actor')}</th>
              <th scope="col">{t('auditLog.col.action')}</th>
              <th scope="col">{t('auditLog.col.subject')}</th>
              <th scope="col">{t('auditLog.col.change')}</th>
            </tr>
          </thead>
          <tbody>
            {list.edges.map(({ node }) => (
              <AuditRow key={node.id} entry={node} onActor={(id) => apply({ ...EMPTY, actorUserId: id })} />
            ))}
          </tbody>
        </table>
      ) : !list.loading && !error ? (
        <div className="empty card" data-testid="audit-log-empty">
          <p>{t('auditLog.empty')}</p>
        </div>
      ) : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--ghost"
          onClick={list.loadMore}
          disabled={list.loadingMore}
          data-testid="audit-log-more"
        >
          {list.loadingMore ? t('common.loading') : t('listing.more')}
        </button>
      ) : null}
    </div>
  );
}

function AuditRow({ entry, onActor }: { entry: Entry; onActor: (id: string) => void }) {
  const t = useT();
  const locale = useLocale();
  const dateTime = useDateTime();
  const subject = entry.organization ? organizationName(entry.organization, locale) : null;
  return (
    <tr data-testid={`audit-row-${entry.id}`}>
      <td data-label={t('auditLog.col.time')}>
        <time dateTime={String(entry.createdAt)}>{dateTime(String(entry.createdAt))}</time>
      </td>
      <td data-label={t('auditLog.col.actor')} data-testid="audit-actor">
        {entry.actor ? (
          <button type="button" className="link-button" onClick={() => onActor(entry.actor!.id)} title={t('auditLog.byThisActor')}>
            {entry.actor.displayName} <span className="muted">{entry.actor.email}</span>
          </button>
        ) : (
          <span className="muted">{entry.actorUserId ? t('auditLog.deletedActor') : t('auditLog.system')}</span>
        )}
      </td>
      <td data-label={t('auditLog.col.action')} data-testid="audit-action">
        <code>{entry.action}</code>
      </td>
      <td data-label={t('auditLog.col.subject')} data-testid="audit-subject">
        {subject ? <span>{subject} </span> : null}
        <span className="muted audit-table__id">
          {entry.subjectType} · {entry.subjectId}
        </span>
      </td>
      <td data-label={t('auditLog.col.change')} data-testid="audit-change">
        {entry.reason ? (
          <p className="audit-table__reason">
            {t('auditLog.reason')}: {entry.reason}
          </p>
        ) : null}
        <ChangeSummary before={entry.before ?? null} after={entry.after ?? null} />
        {entry.before || entry.after ? (
          <details className="audit-table__details">
            <summary>{t('auditLog.details')}</summary>
            {entry.before ? (
              <p className="audit-table__json muted">
                {t('auditLog.before')}: {entry.before}
              </p>
            ) : null}
            {entry.after ? (
              <p className="audit-table__json">
                {t('auditLog.after')}: {entry.after}
              </p>
            ) : null}
          </details>
        ) : null}
      </td>
    </tr>
  );
}

/** Date and time in the reader's locale and time zone (the log is about moments, not days). */
function useDateTime(): (iso: string) => string {
  const locale = useLocale();
  return useMemo(() => {
    const f = new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
    return (iso: string) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : f.format(value);
    };
  }, [locale]);
}

type Summary = Record<string, unknown>;

function parseSummary(json: string | null): Summary | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Summary) : { value };
  } catch {
    return { value: json };
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** `organizationStatus` → "organization status" when no label is known. */
function keyLabel(key: string, t: ReturnType<typeof useT>): string {
  const known: Record<string, string> = {
    organizationStatus: t('auditLog.key.organizationStatus'),
    requestStatus: t('auditLog.key.requestStatus'),
    status: t('auditLog.key.status'),
  };
  return known[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The before/after summaries as one readable line per field: "기관 상태: PENDING → VERIFIED". */
function ChangeSummary({ before, after }: { before: string | null; after: string | null }) {
  const t = useT();
  const b = parseSummary(before);
  const a = parseSummary(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  if (!keys.length) return null;
  return (
    <ul className="audit-table__changes" data-testid="audit-change-summary">
      {keys.map((key) => {
        const from = b && key in b ? show(b[key]) : null;
        const to = a && key in a ? show(a[key]) : null;
        return (
          <li key={key}>
            <span className="muted">{keyLabel(key, t)}:</span>{' '}
            {from !== null && to !== null && from !== to ? (
              <>
                {from} → <strong>{to}</strong>
              </>
            ) : (
              <strong>{to ?? from}</strong>
            )}
          </li>
        );
      })}
    </ul>
  );
}
