import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ListingKind } from '@/generated/graphql';
import { useGraphqlLocale, useLocale, useT } from '@/i18n';
import { useViewer, type ViewerMembership } from '@/shared/session';
import { organizationName } from '@/modules/organization';
import { FormAlert, summariseError } from '@/shared/forms';
import { LoadingState } from '@/shared/ui/LoadingState';
import { ListingDetailQuery } from '../graphql/operations';
import { creatableKind, parseKind, statusKey } from '../model/labels';
import type { ListingState } from '../model/types';
import { emptyValues, fromListing } from '../model/values';
import { EDITABLE_STATUSES } from '../model/workflow';
import { isMissing, ListingEditor } from './ListingEditor';

/**
 * `/listings/new?kind=DEMAND|SUPPLY[&org=<id>]` and `/listings/:id/edit`. Both routes render
 * this component, so after the first save of a new listing the URL becomes its edit URL while
 * the editor (and the step the user is on) stays as it is.
 */
export function ListingEditorRoute() {
  const { id } = useParams();
  const location = useLocation();
  const [created, setCreated] = useState<string | null>(null);
  const navigate = useNavigate();

  const reloadRequested = typeof location.state === 'object' && location.state !== null && 'reload' in location.state;
  if (!id || (id === created && !reloadRequested)) {
    return (
      <NewListing
        onCreated={(listing) => {
          setCreated(listing.id);
          void navigate(`/listings/${listing.id}/edit`, { replace: true });
        }}
      />
    );
  }
  return <EditListing key={`${id}:${location.key}`} id={id} />;
}

function NewListing({ onCreated }: { onCreated: (listing: ListingState) => void }) {
  const t = useT();
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const { viewer, fetching } = useViewer();
  // Fixed at mount: after the first save the URL no longer carries them.
  const [requested] = useState(() => ({ kind: parseKind(params.get('kind')), org: params.get('org') }));
  const [chosen, setChosen] = useState<{ kind: ListingKind; organizationId: string } | null>(null);

  if (!viewer) return <LoadingState label={fetching ? t('common.loading') : t('session.restoring')} />;

  const eligible = (kind: ListingKind | null) =>
    viewer.memberships.filter(
      (m) => creatableKind(m.organization.kind) !== null && (kind === null || creatableKind(m.organization.kind) === kind),
    );
  const candidates = eligible(requested.kind);

  if (!chosen) {
    const single = candidates.length === 1 ? candidates[0] : candidates.find((m) => m.organization.id === requested.org);
    if (single) {
      const kind = creatableKind(single.organization.kind)!;
      return (
        <EditorForNew
          key={`${kind}:${single.organization.id}`}
          kind={kind}
          membership={single}
          viewer={{ name: viewer.user.displayName, email: viewer.user.email }}
          onCreated={onCreated}
        />
      );
    }
    if (candidates.length === 0) {
      return (
        <div className="page page--narrow" data-testid="editor-not-allowed">
          <h1>{requested.kind === 'SUPPLY' ? t('editor.newSupply') : t('editor.newDemand')}</h1>
          <p className="alert alert--info">
            {requested.kind === 'SUPPLY'
              ? t('editor.cannotCreateSupply')
              : requested.kind === 'DEMAND'
                ? t('editor.cannotCreateDemand')
                : t('editor.cannotCreate')}
          </p>
          <Link to="/listings/mine" className="button button--ghost">
            {t('nav.myListings')}
          </Link>
        </div>
      );
    }
    return (
      <div className="page page--narrow" data-testid="editor-choose-organization">
        <h1>
          {requested.kind === 'SUPPLY'
            ? t('editor.newSupply')
            : requested.kind === 'DEMAND'
              ? t('editor.newDemand')
              : t('editor.newListing')}
        </h1>
        <p>{t('editor.chooseOrganization')}</p>
        <ul className="choice-list">
          {candidates.map((m) => {
            const kind = creatableKind(m.organization.kind)!;
            return (
              <li key={m.id}>
                <button
                  type="button"
                  className="choice"
                  onClick={() => {
                    setParams({ kind, org: m.organization.id }, { replace: true });
                    setChosen({ kind, organizationId: m.organization.id });
                  }}
                  data-testid={`editor-org-${m.organization.id}`}
                >
                  <span className="choice__title">{organizationName(m.organization, locale)}</span>
                  <span className="choice__meta">{kind === 'DEMAND' ? t('listing.newDemand') : t('listing.newSupply')}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    );
  }
  const membership = viewer.memberships.find((m) => m.organization.id === chosen.organizationId)!;
  return (
    <EditorForNew
      key={`${chosen.kind}:${chosen.organizationId}`}
      kind={chosen.kind}
      membership={membership}
      viewer={{ name: viewer.user.displayName, email: viewer.user.email }}
      onCreated={onCreated}
    />
  );
}

function EditorForNew({
  kind,
  membership,
  viewer,
  onCreated,
}: {
  kind: ListingKind;
  membership: ViewerMembership;
  viewer: { name: string; email: string };
  onCreated: (listing: ListingState) => void;
}) {
  const locale = useLocale();
  const [initialValues] = useState(() => emptyValues(viewer));
  return (
    <ListingEditor
      kind={kind}
      organizationId={membership.organization.id}
      organizationLabel={organizationName(membership.organization, locale)}
      listing={null}
      initialValues={initialValues}
      onCreated={onCreated}
    />
  );
}

function EditListing({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const graphqlLocale = useGraphqlLocale();
  const { viewer } = useViewer();
  // Loaded once: a language switch refetches with other labels, but the editor keeps its state.
  const [firstLocale] = useState(graphqlLocale);
  const [{ data, fetching, error }] = useQuery({
    query: ListingDetailQuery,
    variables: { id, locale: firstLocale },
    requestPolicy: 'network-only',
  });
  const listing = data?.listing;

  if (!listing) {
    if (fetching || !viewer) return <LoadingState label={t('common.loading')} />;
    return (
      <div className="page page--narrow" data-testid="editor-load-failed">
        <h1>{t('editor.editListing')}</h1>
        {isMissing(error) ? (
          <p>{t('listing.notFound.body')}</p>
        ) : (
          <FormAlert summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })} />
        )}
      </div>
    );
  }
  if (!viewer) return <LoadingState label={t('common.loading')} />;
  const isOwner = viewer.memberships.some((m) => m.organization.id === listing.organization.id);
  if (!isOwner || !EDITABLE_STATUSES.includes(listing.status)) {
    return (
      <div className="page page--narrow" data-testid="editor-not-editable">
        <h1>{t('editor.editListing')}</h1>
        <p className="alert alert--info">
          {isOwner ? t('editor.notEditable', { status: t(statusKey(listing.status)) }) : t('editor.notOwner')}
        </p>
        <Link to={`/listings/${listing.id}`} className="button button--ghost">
          {t('editor.viewListing')}
        </Link>
      </div>
    );
  }
  return (
    <ListingEditor
      kind={listing.kind}
      organizationId={listing.organization.id}
      organizationLabel={organizationName(listing.organization, locale)}
      listing={listing}
      initialValues={fromListing(listing)}
      initialChecklistOrder={listing.__typename === 'SupplyListing' ? listing.trustProfile.checklist.map((entry) => entry.itemId) : []}
      onCreated={() => undefined}
    />
  );
}
