import { useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useClient, useQuery, type CombinedError } from 'urql';
import type { ListingAction } from '@/generated/graphql';
import { useFormatters, useGraphqlLocale, useLocale, useT } from '@/i18n';
import { useViewer } from '@/shared/session';
import { DemandBidsSection } from '@/modules/bids';
import { ProjectSection } from '@/modules/projects';
import { StartConversationButton } from '@/modules/chat';
import { InviteToBidFromListing, MatchAlertSettings, MatchesPanel, MyFitCard } from '@/modules/matching';
import { OrganizationLink, VerificationPanel } from '@/modules/organization';
import { ConceptLabel } from '@/modules/vocabulary';
import { FormAlert, hasErrorCode, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { KindBadge, StatusChip } from '../components/StatusChip';
import { ListingAasQuery, ListingDetailQuery } from '../graphql/operations';
import { useListingCommand, type CommandAction, type CommandExtras } from '../hooks/useListingCommand';
import { useTrustChecklist } from '../hooks/useTrustChecklist';
import { listingConflict, type ListingConflict } from '../model/conflict';
import { describePath, toFieldKey } from '../model/fields';
import { actionDoneKey, actionKey, decisionKey } from '../model/labels';
import { initialNoticeStatus, noticeApplies, type ListingNotice } from '../model/notice';
import { formatKrwRange, localized } from '@/shared/format';
import type { ListingDetail as ListingDetailData } from '../model/types';
import { EDITABLE_STATUSES, REVIEW_ACTIONS, UNSUPPORTED_ACTIONS } from '../model/workflow';
import { ListingFilesSection } from './ListingFilesSection';
import { ListingSections } from './ListingSections';
import { ReviewDecisionDialog } from './ReviewDialogs';
import { ConfirmDialog } from '@/shared/ui/ConfirmDialog';
import { scrollToPanel } from './scroll-to-panel';
import { EligiblePrograms } from '@/modules/programs';
import { deadlineCountdown } from '../model/deadline';

export interface DetailLocationState {
  notice?: 'submitted' | 'saved' | 'resubmitted';
  /** The listing's version right after what the notice reports (the notice goes once it changed). */
  version?: number;
}

function isDetailState(value: unknown): value is DetailLocationState {
  return typeof value === 'object' && value !== null && 'notice' in value;
}

/** `/listings/:id`: the listing, its workflow actions, staff review and the AAS download. */
export function ListingDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const locale = useGraphqlLocale();
  const location = useLocation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ListingDetailQuery,
    variables: { id, locale },
    requestPolicy: 'cache-and-network',
  });
  const listing = data?.listing;
  const initialNotice = isDetailState(location.state) ? location.state : undefined;
  const { viewer } = useViewer();
  // A demand for verified suppliers reads as not found to an unverified supplier: say why, and how to get verified.
  const unverifiedSupplier = viewer?.memberships.find(
    (m) =>
      (m.organization.kind === 'AI_SUPPLIER' || m.organization.kind === 'SI_INTEGRATOR') &&
      m.organization.verificationStatus !== 'VERIFIED',
  );
  const anyVerifiedSupplier = viewer?.memberships.some(
    (m) =>
      (m.organization.kind === 'AI_SUPPLIER' || m.organization.kind === 'SI_INTEGRATOR') &&
      m.organization.verificationStatus === 'VERIFIED',
  );

  if (!listing) {
    if (fetching) return <LoadingState label={t('common.loading')} />;
    if (hasErrorCode(error, 'NOT_FOUND')) {
      return (
        <div className="page page--narrow page--center" data-testid="listing-not-found">
          <h1>{t('listing.notFound.title')}</h1>
          <p>{t('listing.notFound.body')}</p>
          <Link to="/" className="button">
            {t('notFound.home')}
          </Link>
          {unverifiedSupplier && !anyVerifiedSupplier ? (
            <VerificationPanel
              organizationId={unverifiedSupplier.organization.id}
              canRequest={unverifiedSupplier.role === 'OWNER'}
              context="restricted"
            />
          ) : null}
        </div>
      );
    }
    return (
      <div className="page">
        <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
      </div>
    );
  }

  return (
    <ListingDetail
      key={listing.id}
      listing={listing}
      initialNotice={initialNotice}
      reload={() => reexecute({ requestPolicy: 'network-only' })}
    />
  );
}

function ListingDetail({
  listing,
  initialNotice,
  reload,
}: {
  listing: ListingDetailData;
  initialNotice: DetailLocationState | undefined;
  reload: () => void;
}) {
  const t = useT();
  const uiLocale = useLocale();
  const format = useFormatters();
  const { viewer, isStaff } = useViewer();
  const { run, running } = useListingCommand();
  const checklist = useTrustChecklist({ pause: listing.kind !== 'SUPPLY' });
  const [notice, setNotice] = useState<ListingNotice | null>(() => {
    const kind = initialNotice?.notice;
    if (!kind) return null;
    const text =
      kind === 'submitted' ? t('listing.actionDone.submit') : kind === 'resubmitted' ? t('editor.resubmitted') : t('editor.saved');
    return { text, status: initialNoticeStatus(kind), version: initialNotice.version ?? null };
  });
  const [conflict, setConflict] = useState<ListingConflict | null>(null);
  const [failure, setFailure] = useState<CombinedError | undefined>(undefined);
  const [decision, setDecision] = useState<'approve' | 'reject' | 'requestChanges' | null>(null);
  const [confirming, setConfirming] = useState<'archive' | null>(null);

  const isOwner = viewer?.memberships.some((m) => m.organization.id === listing.organization.id) ?? false;
  const canEdit = isOwner && EDITABLE_STATUSES.includes(listing.status);
  // A supplier (AI supplier or SI integrator) who sees a published demand may ask its owner before bidding.
  const askAs =
    listing.kind === 'DEMAND' && listing.status === 'PUBLISHED' && !isOwner && !isStaff
      ? (viewer?.memberships.find((m) => m.organization.kind === 'AI_SUPPLIER' || m.organization.kind === 'SI_INTEGRATOR')?.organization ??
        null)
      : null;
  // Anyone acting for an organization may ask the supplier of a published supply listing (문의하기, #14).
  const inquireAs =
    listing.kind === 'SUPPLY' && listing.status === 'PUBLISHED' && !isOwner && !isStaff
      ? (viewer?.memberships.find((m) => m.organization.kind !== 'ASSOCIATION')?.organization ?? null)
      : null;
  const ownerActions = listing.availableActions.filter(
    (action): action is CommandAction => !REVIEW_ACTIONS.includes(action) && !UNSUPPORTED_ACTIONS.includes(action),
  );
  const reviewActions = listing.availableActions.filter((action) => REVIEW_ACTIONS.includes(action));
  const title = localized(listing.title, listing.titleEn, uiLocale);

  const comments = useMemo(() => {
    const map = new Map<string, string[]>();
    const order = listing.__typename === 'SupplyListing' ? listing.trustProfile.checklist.map((c) => c.itemId) : [];
    for (const comment of listing.review?.comments ?? []) {
      const key = toFieldKey(comment.path, order);
      map.set(key, [...(map.get(key) ?? []), comment.comment]);
    }
    return map;
  }, [listing]);
  const showFeedback =
    !!listing.review &&
    (listing.review.decision !== 'APPROVED' || !!listing.review.reason || listing.review.comments.length > 0) &&
    (isOwner || isStaff);

  const execute = async (action: CommandAction, extras?: CommandExtras) => {
    setNotice(null);
    setConflict(null);
    setFailure(undefined);
    const result = await run(action, listing, extras);
    if (result.ok) {
      setDecision(null);
      setConfirming(null);
      setNotice({ text: t(actionDoneKey(action)), status: result.listing.status, version: result.listing.version });
      reload();
      return result;
    }
    const found = listingConflict(result.error);
    if (found) {
      setDecision(null);
      setConfirming(null);
      setConflict(found);
    } else if (!decision) {
      setFailure(result.error);
    }
    return result;
  };

  const onAction = (action: ListingAction) => {
    if (action === 'approve' || action === 'reject' || action === 'requestChanges') setDecision(action);
    else if (action === 'archive') setConfirming('archive');
    else void execute(action as CommandAction);
  };

  const describe = (path: string) =>
    describePath(path, listing.kind, t, {
      checklistQuestion: checklist.questionOf,
      checklistOrder: listing.__typename === 'SupplyListing' ? listing.trustProfile.checklist.map((c) => c.itemId) : [],
    });

  return (
    <div className="page listing-detail" data-testid="listing-detail" data-listing-id={listing.id}>
      <nav className="breadcrumbs" aria-label={t('listing.breadcrumbs')}>
        <Link to={listing.kind === 'DEMAND' ? '/demands' : '/supplies'}>
          {listing.kind === 'DEMAND' ? t('nav.demands') : t('nav.supplies')}
        </Link>
        {isOwner ? (
          <>
            <span aria-hidden="true"> · </span>
            <Link to="/listings/mine">{t('nav.myListings')}</Link>
          </>
        ) : null}
        {isStaff ? (
          <>
            <span aria-hidden="true"> · </span>
            <Link to="/staff/review">{t('nav.review')}</Link>
          </>
        ) : null}
      </nav>

      <header className="listing-header">
        <div className="listing-header__badges">
          <KindBadge kind={listing.kind} testId="listing-kind" />
          <StatusChip status={listing.status} />
        </div>
        <h1 className="listing-header__title" data-testid="listing-title" lang={title.lang}>
          {title.text || t('listing.untitled')}
        </h1>
        <p className="listing-header__meta">
          <span data-testid="listing-org-name">
            <OrganizationLink organization={listing.organization} testId="listing-org-link" />
          </span>
          <span aria-hidden="true">·</span>
          <span>
            {listing.publishedAt
              ? t('listing.publishedOn', { date: format.date(listing.publishedAt) })
              : t('listing.updatedOn', { date: format.date(listing.updatedAt) })}
          </span>
          {isOwner || isStaff ? (
            <>
              <span aria-hidden="true">·</span>
              <span className="muted" data-testid="listing-version">
                {t('listing.version', { version: listing.version })}
              </span>
            </>
          ) : null}
        </p>
        <KeyFacts listing={listing} />
      </header>

      {notice && noticeApplies(notice, listing) ? (
        <p className="alert alert--success" role="status" data-testid="listing-notice">
          {notice.text}
        </p>
      ) : null}
      {conflict ? (
        <div className="alert alert--error alert--with-action" role="alert" data-testid="listing-conflict">
          <p>{conflict.message}</p>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setConflict(null);
              reload();
            }}
            data-testid="listing-reload"
          >
            {t('listing.reload')}
          </button>
        </div>
      ) : null}
      {failure ? (
        <FormAlert
          summary={summariseError(failure, {
            networkMessage: t('error.network'),
            unknownMessage: t('error.unknown'),
            describeUnknown: (fieldError) => `${describe(fieldError.path)}: ${fieldError.message}`,
            knownPaths: [],
          })}
          testId="listing-alert"
        />
      ) : null}

      {isOwner && !isStaff && listing.status === 'SUBMITTED' ? (
        <p className="alert alert--info" data-testid="listing-in-review">
          {t('listing.inReview')}
        </p>
      ) : null}

      <div className="action-bar" data-testid="listing-actions">
        {canEdit ? (
          <Link to={`/listings/${listing.id}/edit`} className="button" data-testid="listing-edit">
            {t('listing.edit')}
          </Link>
        ) : null}
        {ownerActions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === 'archive' ? 'button button--ghost' : action === 'submit' && !canEdit ? 'button' : 'button button--ghost'}
            onClick={() => onAction(action)}
            disabled={running !== null}
            data-testid={`listing-action-${action}`}
          >
            {running === action ? t('common.working') : t(actionKey(action))}
          </button>
        ))}
        {askAs ? (
          // The bid panel is at the end of a long page: "입찰하기" is reachable from the top too.
          <button type="button" className="button" onClick={() => scrollToPanel('bid-panel')} data-testid="listing-jump-to-bid">
            {t('bid.start')}
          </button>
        ) : null}
        {askAs ? (
          <StartConversationButton
            input={{ contextType: 'DEMAND', contextId: listing.id, partyOrganizationId: askAs.id }}
            label={t('chat.ask')}
            title={t('chat.askHint')}
            testId="listing-ask-question"
          />
        ) : null}
        {inquireAs ? (
          <StartConversationButton
            input={{ contextType: 'SUPPLY_INQUIRY', contextId: listing.id, partyOrganizationId: inquireAs.id }}
            label={t('chat.inquire')}
            title={t('chat.inquireHint')}
            testId="listing-inquire"
          />
        ) : null}
        {inquireAs ? <InviteToBidFromListing supplyListingId={listing.id} /> : null}
        <AasDownloadButton listingId={listing.id} />
      </div>

      {askAs ? <MyFitCard demandId={listing.id} /> : null}

      {showFeedback && listing.review ? (
        <section
          className={`review-feedback review-feedback--${listing.review.decision.toLowerCase().replace('_', '-')}`}
          aria-labelledby="review-feedback-heading"
          data-testid="review-feedback"
        >
          <h2 id="review-feedback-heading" className="review-feedback__title">
            {t('review.feedbackTitle')}: {t(decisionKey(listing.review.decision))}
          </h2>
          {listing.review.reason ? (
            <p className="review-feedback__reason" data-testid="review-feedback-reason">
              {listing.review.reason}
            </p>
          ) : null}
          {listing.review.comments.length > 0 ? (
            <ul className="review-feedback__comments" data-testid="review-feedback-comments">
              {listing.review.comments.map((comment, index) => (
                <li key={index}>
                  <span className="review-feedback__path">{describe(comment.path)}</span>
                  <span>{comment.comment}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {isOwner && canEdit && listing.review.decision === 'CHANGES_REQUESTED' ? (
            <Link to={`/listings/${listing.id}/edit`} className="button button--small">
              {t('review.fixNow')}
            </Link>
          ) : null}
        </section>
      ) : null}

      {(isOwner || isStaff) && listing.warnings.length > 0 ? (
        <section className="alert alert--warning" aria-labelledby="listing-warnings-heading" data-testid="listing-warnings">
          <h2 id="listing-warnings-heading" className="alert__title">
            {t('listing.warningsTitle')}
          </h2>
          <ul>
            {listing.warnings.map((warning, index) => (
              <li key={index}>
                {describe(warning.path)}: {warning.message}
                {warning.replacementId ? (
                  <>
                    {' '}
                    {t('listing.replacement')} <ConceptLabel id={warning.replacementId} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {isStaff && reviewActions.length > 0 ? (
        <section className="card review-panel" aria-labelledby="review-panel-heading" data-testid="review-panel">
          <div>
            <h2 id="review-panel-heading" className="card__title">
              {t('review.panelTitle')}
            </h2>
            <p className="card__lead">{t('review.panelLead')}</p>
            <Link to={`/staff/review/${listing.id}`} className="button button--small button--ghost" data-testid="listing-open-curation">
              {t('curation.openItem')}
            </Link>
          </div>
          <div className="button-row">
            {reviewActions.map((action) => (
              <button
                key={action}
                type="button"
                className={action === 'approve' ? 'button' : action === 'reject' ? 'button button--danger-ghost' : 'button button--ghost'}
                onClick={() => onAction(action)}
                disabled={running !== null}
                data-testid={`listing-action-${action}`}
              >
                {t(actionKey(action))}
              </button>
            ))}
          </div>
        </section>
      ) : null}

      <ListingSections listing={listing} comments={comments} showMissing={isOwner || isStaff} />
      {listing.__typename === 'DemandListing' ? <ListingFilesSection listingId={listing.id} /> : null}
      {listing.__typename === 'DemandListing' && isOwner && !isStaff ? <EligiblePrograms demandId={listing.id} /> : null}

      {listing.__typename === 'DemandListing' ? (
        <ProjectSection demandId={listing.id} demandStatus={listing.status} onChanged={reload} />
      ) : null}
      {listing.__typename === 'DemandListing' ? <DemandBidsSection demand={listing} isOwner={isOwner} onDemandChanged={reload} /> : null}

      {isOwner && listing.status === 'PUBLISHED' ? (
        listing.kind === 'DEMAND' ? (
          <MatchesPanel target={{ kind: 'DEMAND', listingId: listing.id }} />
        ) : (
          <>
            <MatchesPanel target={{ kind: 'SUPPLY', listingId: listing.id }} />
            <MatchAlertSettings organizationId={listing.organization.id} supplyListingId={listing.id} listingTitle={listing.title} />
          </>
        )
      ) : null}

      <ReviewDecisionDialog
        decision={decision}
        kind={listing.kind}
        busy={running !== null}
        onClose={() => setDecision(null)}
        onConfirm={(action, extras) => execute(action, extras)}
      />
      <ConfirmDialog
        open={confirming === 'archive'}
        title={t('listing.archiveTitle')}
        body={t('listing.archiveBody')}
        confirmLabel={t('listing.action.archive')}
        danger
        busy={running === 'archive'}
        onCancel={() => setConfirming(null)}
        onConfirm={() => void execute('archive')}
      />
    </div>
  );
}

/** Budget / price, deadline, region, lead time: what a reader compares first. */
function KeyFacts({ listing }: { listing: ListingDetailData }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormatters();
  const money = formatKrwRange(listing.commercialTerms.minAmountKrw, listing.commercialTerms.maxAmountKrw, locale, t);
  const facts: Array<{ key: string; label: string; value: string; note?: string; urgent?: boolean }> = [
    { key: 'money', label: listing.kind === 'DEMAND' ? t('listing.budget') : t('listing.price'), value: money ?? t('money.negotiable') },
  ];
  if (listing.__typename === 'DemandListing') {
    if (listing.bidDeadline) {
      const countdown = deadlineCountdown(listing.status, listing.bidDeadline, Date.now());
      facts.push({
        key: 'deadline',
        label: t('element.bidDeadline'),
        value: format.date(listing.bidDeadline),
        note:
          countdown === null
            ? undefined
            : countdown === 'closed'
              ? t('listing.closed')
              : t('listing.daysLeft', { count: countdown.daysLeft }),
        urgent: countdown !== null && (countdown === 'closed' || countdown.daysLeft <= 7),
      });
    }
    if (listing.status !== 'DRAFT')
      facts.push({ key: 'bids', label: t('bid.count.label'), value: t('bid.count.value', { count: listing.bidCount }) });
    if (listing.region) facts.push({ key: 'region', label: t('element.regionId'), value: listing.region.label });
    if (listing.commercialTerms.durationWeeks) {
      facts.push({
        key: 'duration',
        label: t('element.durationWeeks'),
        value: t('listing.weeks', { count: listing.commercialTerms.durationWeeks }),
      });
    }
  } else if (listing.commercialTerms.leadTimeWeeks) {
    facts.push({
      key: 'lead',
      label: t('element.leadTimeWeeks'),
      value: t('listing.weeks', { count: listing.commercialTerms.leadTimeWeeks }),
    });
  }
  return (
    <dl className="key-facts" data-testid="listing-key-facts">
      {facts.map((fact) => (
        <div key={fact.key} className="key-facts__item" data-testid={`listing-fact-${fact.key}`}>
          <dt>{fact.label}</dt>
          <dd>
            {fact.value}
            {fact.note ? (
              <span className={fact.urgent ? 'key-facts__note key-facts__note--soon' : 'key-facts__note'}>{fact.note}</span>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Downloads `listingAas` as `listing-<id>.aas.json`. */
function AasDownloadButton({ listingId }: { listingId: string }) {
  const t = useT();
  const client = useClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const download = async () => {
    setBusy(true);
    setFailed(false);
    const result = await client.query(ListingAasQuery, { id: listingId }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    if (!result.data) {
      setFailed(true);
      return;
    }
    let text = result.data.listingAas;
    try {
      text = `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    } catch {
      // Not JSON after all: save it as received.
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `listing-${listingId}.aas.json`;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <>
      <button
        type="button"
        className="button button--ghost action-bar__end"
        onClick={() => void download()}
        disabled={busy}
        title={t('listing.aasHint')}
        data-testid="download-aas"
      >
        {busy ? t('common.working') : t('listing.downloadAas')}
      </button>
      {failed ? (
        <span className="field__error" role="alert">
          {t('listing.aasFailed')}
        </span>
      ) : null}
    </>
  );
}
