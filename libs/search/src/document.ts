import type { ListingContent, ListingKind, Vocabulary } from '@aimatch/capability-model';
import { choseong, indexTerms } from '@aimatch/korean-text';
import { conceptToken } from './concept-token';
import { CONCEPT_FACETS, type ConceptFacet, type SearchDocument } from './port';

export interface IndexableListing {
  id: string;
  kind: ListingKind;
  version: number;
  visibility: 'PUBLIC' | 'VERIFIED_SUPPLIERS';
  publishedAt: Date;
  content: ListingContent;
  organization: { id: string; nameKo: string; nameEn: string | null; verified: boolean; regionId: string | null };
}

const unique = (xs: Iterable<string>) => [...new Set(xs)];

/** Concept ids per facet as the listing states them (demands: requirement + data profile; supplies: capability + trust). */
export function listingConcepts(listing: IndexableListing): Record<ConceptFacet, string[]> {
  const c = listing.content;
  if (c.kind === 'DEMAND') {
    return {
      task: unique(c.requirement.tasks),
      industry: unique(c.requirement.industries),
      region: c.regionId ? [c.regionId] : listing.organization.regionId ? [listing.organization.regionId] : [],
      deployment: unique(c.requirement.deployments),
      integration: unique([...c.requirement.integrations, ...c.dataProfile.systems]),
      modality: unique([...c.requirement.modalities, ...c.dataProfile.dataKinds]),
      certification: [],
    };
  }
  return {
    task: unique(c.capability.tasks),
    industry: unique([...c.capability.industries, ...c.referenceCases.flatMap((r) => (r.industryId ? [r.industryId] : []))]),
    region: listing.organization.regionId ? [listing.organization.regionId] : [],
    deployment: unique(c.capability.deployments),
    integration: unique(c.capability.integrations),
    modality: unique(c.capability.modalities),
    certification: unique(c.trustProfile.certifications),
  };
}

/** Maps a published listing to the document both engines index. Pure and deterministic. */
export function buildSearchDocument(listing: IndexableListing, vocabulary: Vocabulary): SearchDocument {
  const c = listing.content;
  const concepts = listingConcepts(listing);
  const known = (id: string) => vocabulary.has(id);
  const conceptsExpanded = Object.fromEntries(
    CONCEPT_FACETS.map((f) => [f, unique(concepts[f].filter(known).flatMap((id) => [id, ...vocabulary.ancestors(id).map((a) => a.id)]))]),
  ) as Record<ConceptFacet, string[]>;
  const allExpanded = unique(CONCEPT_FACETS.flatMap((f) => conceptsExpanded[f]));
  const conceptWords = allExpanded.flatMap((id) => {
    const concept = vocabulary.get(id)!;
    return [concept.labels.ko, concept.labels.en, ...concept.synonyms.ko, ...concept.synonyms.en];
  });
  const body = [
    c.summary,
    c.summaryEn,
    c.description,
    c.descriptionEn,
    ...(c.kind === 'SUPPLY' ? c.referenceCases.map((r) => `${r.title} ${r.summary ?? ''}`) : []),
  ];
  const orgNames = [listing.organization.nameKo, listing.organization.nameEn ?? ''];
  return {
    id: listing.id,
    kind: listing.kind,
    version: listing.version,
    visibility: listing.visibility,
    organizationId: listing.organization.id,
    organizationName: listing.organization.nameKo,
    verified: listing.organization.verified,
    title: c.title,
    summary: c.summary,
    publishedAt: listing.publishedAt.toISOString(),
    amountMin: c.commercialTerms.minAmountKrw,
    amountMax: c.commercialTerms.maxAmountKrw,
    concepts,
    conceptsExpanded,
    terms: {
      a: indexTerms([c.title, c.titleEn ?? ''].join(' ')),
      b: unique([...allExpanded.map(conceptToken), ...indexTerms(conceptWords.join(' ')), ...indexTerms(orgNames.join(' '))]),
      c: indexTerms(body.filter(Boolean).join(' ')),
    },
    choseong: [c.title, listing.organization.nameKo, ...allExpanded.map((id) => vocabulary.get(id)!.labels.ko)]
      .map((s) => choseong(s))
      .filter(Boolean)
      .join(' '),
  };
}
