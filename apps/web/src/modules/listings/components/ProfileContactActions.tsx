import { useState } from 'react';
import type { OrganizationKind } from '@/generated/graphql';
import { useGraphqlLocale, useLocale, useT } from '@/i18n';
import { StartConversationButton } from '@/modules/chat';
import { InviteToBidFromListing } from '@/modules/matching';
import { localized } from '@/shared/format';
import { useViewer } from '@/shared/session';
import { OrganizationPublishedListingsQuery } from '../graphql/operations';
import { useListingPages } from '../hooks/useListingPages';
import { creatableKind } from '../model/labels';

/**
 * "문의하기" and "입찰 초대" on an organization's profile (#14 item 3): both are about one of its
 * published supply listings (a picker when it has several). 문의하기 opens (or reopens) the
 * SUPPLY_INQUIRY conversation; 입찰 초대 is the listing page's invitation (the viewer's open demands).
 * Nothing on organizations that do not supply (SMEs), for their own members, staff, or viewers without an organization.
 */
export function ProfileContactActions({
  organizationId,
  organizationKind,
}: {
  organizationId: string;
  organizationKind: OrganizationKind;
}) {
  const t = useT();
  const uiLocale = useLocale();
  const locale = useGraphqlLocale();
  const { viewer, isStaff } = useViewer();
  const isMember = viewer?.memberships.some((m) => m.organization.id === organizationId) ?? false;
  // Only organizations that publish supply listings (AI suppliers, SI integrators) are asked or invited from their profile.
  const offersSupply = creatableKind(organizationKind) === 'SUPPLY';
  const inquireAs =
    offersSupply && !isMember && !isStaff
      ? (viewer?.memberships.find((m) => m.organization.kind !== 'ASSOCIATION')?.organization ?? null)
      : null;
  const pages = useListingPages(
    OrganizationPublishedListingsQuery,
    { id: organizationId, kind: 'SUPPLY', locale },
    (data) => data.organization.publishedListings,
    { pageSize: 50, pause: !inquireAs },
  );
  const [chosen, setChosen] = useState<string | null>(null);
  if (!inquireAs) return null;
  const supplies = pages.listings;
  const listingId = chosen && supplies.some((l) => l.id === chosen) ? chosen : supplies[0]?.id;
  if (!listingId) {
    return pages.fetching ? null : (
      <p className="muted" data-testid="org-profile-contact-none">
        {t('profile.contact.none')}
      </p>
    );
  }
  return (
    <div className="profile-contact" data-testid="org-profile-contact">
      {supplies.length > 1 ? (
        <div className="field field--inline">
          <label className="field__label" htmlFor="org-profile-about">
            {t('profile.contact.about')}
          </label>
          <select
            id="org-profile-about"
            value={listingId}
            onChange={(event) => setChosen(event.target.value)}
            data-testid="org-profile-about"
          >
            {supplies.map((l) => (
              <option key={l.id} value={l.id}>
                {localized(l.title, l.titleEn, uiLocale).text || t('listing.untitled')}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="button-row">
        <StartConversationButton
          key={`inquire-${listingId}`}
          input={{ contextType: 'SUPPLY_INQUIRY', contextId: listingId, partyOrganizationId: inquireAs.id }}
          label={t('chat.inquire')}
          title={t('chat.inquireHint')}
          testId="org-profile-inquire"
        />
        <InviteToBidFromListing key={`invite-${listingId}`} supplyListingId={listingId} />
      </div>
    </div>
  );
}
