import type { ListingDetailQuery } from '@/generated/graphql';
import { useViewer } from '@/shared/session';
import type { RequirementConcept } from './BidForm';
import { OwnerBidsPanel } from './OwnerBidsPanel';
import { SupplierBidPanel } from './SupplierBidPanel';

type Demand = Extract<ListingDetailQuery['listing'], { __typename: 'DemandListing' }>;

const BIDDING_STATUSES = ['PUBLISHED', 'AWARDED', 'COMPLETED', 'CANCELLED'];

/** The required concepts a bid can say it covers (tasks, modalities, industries, deployments, integrations). */
function requirementConcepts(demand: Demand): RequirementConcept[] {
  const r = demand.requirement;
  const seen = new Set<string>();
  return [...r.tasks, ...r.modalities, ...r.industries, ...r.deployments, ...r.integrations].flatMap((c) => {
    if (seen.has(c.id)) return [];
    seen.add(c.id);
    return [{ id: c.id, label: c.label }];
  });
}

/** Bids on a demand page: the owner's comparison, or the supplier's own bid (form, state, review). */
export function DemandBidsSection({ demand, isOwner, onDemandChanged }: { demand: Demand; isOwner: boolean; onDemandChanged: () => void }) {
  const { viewer, isStaff } = useViewer();
  if (!BIDDING_STATUSES.includes(demand.status)) return null;
  if (isOwner) return <OwnerBidsPanel demand={demand} onDemandChanged={onDemandChanged} />;
  if (isStaff || !viewer) return null;
  const bidders = viewer.memberships.map((m) => m.organization).filter((o) => o.kind === 'AI_SUPPLIER' || o.kind === 'SI_INTEGRATOR');
  if (bidders.length === 0) return null;
  return <SupplierBidPanel demand={demand} requirement={requirementConcepts(demand)} organizations={bidders} />;
}
