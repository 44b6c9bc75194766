import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { OrganizationLink, VerificationBadge } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { localized } from '@/shared/format';
import { CurationQueueQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { kindKey, LISTING_KINDS, parseKind } from '../model/labels';
import { ListFooter } from '../components/LoadMore';
import { KindBadge } from '../components/StatusChip';
import { bulkApprove, isClean, usePrechecks, type BulkApproveResult } from './curation-api';
import { FlagChips, PrecheckUnavailable } from './PrecheckPanel';
import { waitingSince } from './waiting';

/**
 * `/staff/review`: the curation queue. Submitted listings oldest first with how long they have
 * waited, the submitter's organization (linked), the automated pre-check flags per item, and
 * "일괄 승인" for the selected items that have no flags.
 */
export function CurationQueuePage() {
  const t = useT();
  const locale = useLocale();
  const graphqlLocale = useGraphqlLocale();
  const format = useFormatters();
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const kind = parseKind(params.get('kind'));
  const pages = useListingPages(CurationQueueQuery, { kind, locale: graphqlLocale }, (data) => data.listingsForReview);
  const ids = useMemo(() => pages.listings.map((l) => l.id), [pages.listings]);
  const prechecks = usePrechecks(ids);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulk, setBulk] = useState<{ busy: boolean; result: BulkApproveResult | null; failed: boolean }>({
    busy: false,
    result: null,
    failed: false,
  });
  const reports = prechecks.state === 'ready' ? prechecks.value : null;
  const selectable = (id: string) => !!reports && isClean(reports.get(id));
  const chosen = ids.filter((id) => selected.has(id) && selectable(id));
  const titleOf = (id: string) => {
    const listing = pages.listings.find((l) => l.id === id);
    return listing ? localized(listing.title, listing.titleEn, locale).text || t('listing.untitled') : id;
  };

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const approveSelected = async () => {
    setBulk({ busy: true, result: null, failed: false });
    const r = await bulkApprove(client, chosen);
    setBulk({ busy: false, result: r.ok ? r.result : null, failed: !r.ok });
    if (r.ok) {
      setSelected(new Set());
      pages.reload();
    }
  };

  return (
    <div className="page curation" data-testid="review-queue-page">
      <div className="page__header">
        <div>
          <h1>{t('curation.title')}</h1>
          <p className="page__lead">{t('curation.lead')}</p>
        </div>
        <Link to="/staff/prohibited-keywords" className="button button--ghost button--small" data-testid="curation-keywords-link">
          {t('curation.keywordsLink')}
        </Link>
      </div>
      <div className="filters">
        <div className="field field--inline">
          <label className="field__label" htmlFor="review-kind">
            {t('mine.filter.kind')}
          </label>
          <select
            id="review-kind"
            value={kind ?? ''}
            onChange={(event) => setParams(event.target.value ? { kind: event.target.value } : {}, { replace: true })}
            data-testid="review-filter-kind"
          >
            <option value="">{t('mine.filter.all')}</option>
            {LISTING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(kindKey(k))}
              </option>
            ))}
          </select>
        </div>
        {pages.totalCount !== null ? (
          <span className="muted filters__count" data-testid="review-count">
            {t('reviewQueue.count', { count: format.number(pages.totalCount) })}
          </span>
        ) : null}
      </div>

      {prechecks.state === 'failed' ? <PrecheckUnavailable /> : null}

      {pages.listings.length > 0 ? (
        <div className="curation__bulk" data-testid="curation-bulk">
          <button
            type="button"
            className="button"
            disabled={chosen.length === 0 || bulk.busy}
            onClick={() => void approveSelected()}
            data-testid="curation-bulk-approve"
          >
            {bulk.busy ? t('common.working') : t('curation.bulkApprove', { count: chosen.length })}
          </button>
          <span className="muted curation__bulk-hint">{t('curation.bulkHint')}</span>
          {bulk.failed ? (
            <span className="field__error" role="alert" data-testid="curation-bulk-failed">
              {t('curation.bulkFailed')}
            </span>
          ) : null}
          {bulk.result ? (
            <div className="curation__bulk-result" role="status" data-testid="curation-bulk-result">
              <p>{t('curation.bulkApproved', { count: bulk.result.approved.length })}</p>
              {bulk.result.skipped.length > 0 ? (
                <ul data-testid="curation-bulk-skipped">
                  {bulk.result.skipped.map((s) => (
                    <li key={s.id}>
                      {titleOf(s.id)}: {s.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </div>
      ) : null}

      {pages.listings.length > 0 ? (
        <ol className="curation__list" data-testid="review-queue">
          {pages.listings.map((listing, index) => {
            const title = localized(listing.title, listing.titleEn, locale);
            const submittedAt = (listing as { submittedAt?: string | null }).submittedAt ?? listing.updatedAt;
            const report = reports?.get(listing.id);
            const canSelect = selectable(listing.id);
            return (
              <li key={listing.id} className="card curation__item" data-testid={`review-row-${listing.id}`}>
                <div className="curation__item-head">
                  <input
                    type="checkbox"
                    aria-label={t('curation.select', { title: title.text || t('listing.untitled') })}
                    checked={canSelect && selected.has(listing.id)}
                    disabled={!canSelect}
                    title={canSelect ? undefined : t('curation.selectDisabled')}
                    onChange={() => toggle(listing.id)}
                    data-testid={`curation-select-${listing.id}`}
                  />
                  <span className="table__muted">{index + 1}</span>
                  <KindBadge kind={listing.kind} />
                  <Link
                    to={`/staff/review/${listing.id}`}
                    lang={title.lang}
                    className="curation__title"
                    data-testid={`curation-open-${listing.id}`}
                  >
                    {title.text || t('listing.untitled')}
                  </Link>
                </div>
                <p className="curation__meta">
                  <OrganizationLink organization={listing.organization} className="table__org" testId={`curation-org-${listing.id}`} />
                  <VerificationBadge status={listing.organization.verificationStatus} testId={`review-org-verification-${listing.id}`} />
                  <span aria-hidden="true">·</span>
                  <span data-testid={`curation-waiting-${listing.id}`} title={format.date(submittedAt)}>
                    {t('curation.waiting', { time: waitingSince(submittedAt, t) })}
                  </span>
                  <span aria-hidden="true">·</span>
                  <Link to={`/listings/${listing.id}`} data-testid={`review-open-${listing.id}`}>
                    {t('curation.publicView')}
                  </Link>
                </p>
                {report ? (
                  <FlagChips report={report} testId={`curation-flags-${listing.id}`} />
                ) : prechecks.state === 'loading' ? (
                  <p className="muted">{t('common.loading')}</p>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : !pages.fetching && !pages.error ? (
        <div className="empty card" data-testid="review-queue-empty">
          <p>{t('reviewQueue.empty')}</p>
        </div>
      ) : null}
      {pages.error && pages.listings.length === 0 ? (
        <FormAlert summary={summariseError(pages.error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      ) : null}
      <ListFooter
        fetching={pages.fetching}
        error={pages.error}
        hasNextPage={pages.hasNextPage}
        onMore={pages.loadMore}
        testId="review-queue"
      />
    </div>
  );
}
