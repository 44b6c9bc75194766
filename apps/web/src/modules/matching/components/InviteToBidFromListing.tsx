import { useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '@/i18n';
import { MyOpenDemandsQuery } from '../graphql/operations';
import { InviteToBidButton } from './InviteToBidButton';

/**
 * On a supplier's published supply listing, for an organization with open demands: pick one of
 * them and invite the supplier to bid on it (the same invitation as from a match card).
 */
export function InviteToBidFromListing({ supplyListingId }: { supplyListingId: string }) {
  const t = useT();
  const [{ data }] = useQuery({ query: MyOpenDemandsQuery });
  const demands = data?.myListings.edges.map((e) => e.node) ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const demandId = chosen ?? demands[0]?.id;
  if (!demandId) return null;
  return (
    <span className="invite-from-listing" data-testid="listing-invite-to-bid">
      <label htmlFor="invite-demand" className="visually-hidden">
        {t('matching.invite.demand')}
      </label>
      {demands.length > 1 ? (
        <select id="invite-demand" value={demandId} onChange={(event) => setChosen(event.target.value)} data-testid="listing-invite-demand">
          {demands.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      ) : null}
      {/* A new demand chosen is a new invitation: the button starts fresh. */}
      <InviteToBidButton key={demandId} demandId={demandId} supplyListingId={supplyListingId} />
    </span>
  );
}
