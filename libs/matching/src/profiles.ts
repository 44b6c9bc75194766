/**
 * What matching compares: a demand's required profile and a supplier's offered profile (listing
 * plus organization). Built from listing content with the vocabulary; everything else in this
 * library works on these two shapes only.
 */
import type { DemandContent, SupplyContent } from '@aimatch/capability-model';

export interface AmountRange {
  min: number | null;
  max: number | null;
}

export interface RequiredProfile {
  id: string;
  title: string;
  /** Summary and description (Korean and English), for concept extraction and text relevance. */
  body: string;
  tasks: string[];
  modalities: string[];
  industries: string[];
  integrations: string[];
  /** Acceptable deployment models; when not empty, offering none of them breaks a hard constraint. */
  deployments: string[];
  regionId: string | null;
  onSiteRequired: boolean;
  budget: AmountRange | null;
  /** Concepts read from the text that the demand's owner removed: never inferred again. */
  dismissedConcepts?: string[];
}

/** The demand owner's decisions on concepts inferred from its text (kept by listings, beside the content). */
export interface ConceptDecisions {
  /** Confirmed: counted as stated in the field of its scheme. */
  confirmed: Array<{ scheme: 'task' | 'industry' | 'modality' | 'integration'; conceptId: string }>;
  /** Removed: no longer inferred from the text. */
  dismissed: string[];
}

/** The supplier organization's record on the marketplace (imported by the association, later kept by reviews). */
export interface TrackRecord {
  verified: boolean;
  completedProjects: number | null;
  /** 1–5, null without ratings. */
  rating: number | null;
  ratingCount: number;
  /** 0..1 share of conversations answered within a working day, null when unknown. */
  responseRate: number | null;
}

export interface OfferedProfile {
  id: string;
  organizationId: string;
  title: string;
  /** Summary, description and reference cases. */
  body: string;
  tasks: string[];
  modalities: string[];
  industries: string[];
  integrations: string[];
  deployments: string[];
  certifications: string[];
  /** Head-office region: where engineers travel from. */
  regionId: string | null;
  price: AmountRange;
  track: TrackRecord;
}

const join = (...parts: Array<string | null | undefined>) => parts.filter((p) => p && p.trim()).join('\n');
const unique = (xs: Iterable<string>) => [...new Set(xs)];

export function requiredProfileOf(
  id: string,
  c: DemandContent,
  organizationRegionId: string | null = null,
  decisions: ConceptDecisions = { confirmed: [], dismissed: [] },
): RequiredProfile {
  const budgeted = c.commercialTerms.minAmountKrw !== null || c.commercialTerms.maxAmountKrw !== null;
  const confirmed = (scheme: ConceptDecisions['confirmed'][number]['scheme']) =>
    decisions.confirmed.filter((d) => d.scheme === scheme).map((d) => d.conceptId);
  return {
    id,
    title: join(c.title, c.titleEn),
    body: join(c.summary, c.summaryEn, c.description, c.descriptionEn, c.dataProfile.volumeDescription),
    tasks: unique([...c.requirement.tasks, ...confirmed('task')]),
    modalities: unique([...c.requirement.modalities, ...c.dataProfile.dataKinds, ...confirmed('modality')]),
    industries: unique([...c.requirement.industries, ...confirmed('industry')]),
    integrations: unique([...c.requirement.integrations, ...c.dataProfile.systems, ...confirmed('integration')]),
    deployments: unique(c.requirement.deployments),
    regionId: c.regionId ?? organizationRegionId,
    onSiteRequired: c.onSiteRequired,
    budget: budgeted ? { min: c.commercialTerms.minAmountKrw, max: c.commercialTerms.maxAmountKrw } : null,
    dismissedConcepts: unique(decisions.dismissed),
  };
}

export function offeredProfileOf(
  id: string,
  c: SupplyContent,
  organization: { id: string; regionId: string | null },
  track: TrackRecord,
): OfferedProfile {
  return {
    id,
    organizationId: organization.id,
    title: join(c.title, c.titleEn),
    body: join(c.summary, c.summaryEn, c.description, c.descriptionEn, ...c.referenceCases.map((r) => join(r.title, r.summary))),
    tasks: unique(c.capability.tasks),
    modalities: unique(c.capability.modalities),
    industries: unique([...c.capability.industries, ...c.referenceCases.flatMap((r) => (r.industryId ? [r.industryId] : []))]),
    integrations: unique(c.capability.integrations),
    deployments: unique(c.capability.deployments),
    certifications: unique(c.trustProfile.certifications),
    regionId: organization.regionId,
    price: { min: c.commercialTerms.minAmountKrw, max: c.commercialTerms.maxAmountKrw },
    track,
  };
}
