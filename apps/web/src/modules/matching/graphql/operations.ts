import { graphql } from '@/generated';

/*
 * `$locale` keys the document cache by UI language (concept labels). Reason texts come in the
 * request's Accept-Language (`text`) and in both languages (`ko`, `en`); the card picks by the
 * UI language so that a language switch needs no refetch.
 * The API bounds depth (8) and cost: the counterpart listing is asked for with few fields.
 */

/** One ranked counterpart with its explanation, as a match card shows it. */
export const MatchEdgeFieldsFragment = graphql(`
  fragment MatchEdgeFields on MatchEdge {
    cursor
    node {
      __typename
      id
      kind
      title
      titleEn
      summary
      summaryEn
      organization {
        id
        nameKo
        nameEn
        verificationStatus
        certifications {
          conceptId
          labelKo
          labelEn
          expiresOn
        }
      }
      commercialTerms {
        minAmountKrw
        maxAmountKrw
      }
    }
    supplyListingId
    explanation {
      score
      tier
      summary
      summaryKo
      summaryEn
      capped
      textOnly
      budgetFit
      weightsVersion
      features {
        feature
        applicable
        value
        weight
        points
      }
      matched {
        scheme
        conceptId
        concept {
          id
          label(locale: $locale)
        }
        inferred
        evidence
        offeredConcept {
          id
          label(locale: $locale)
        }
        relation
        similarity
      }
      missing {
        scheme
        conceptId
        concept {
          id
          label(locale: $locale)
        }
        inferred
        evidence
      }
      constraints {
        code
        satisfied
      }
      reasons {
        code
        tone
        feature
        text
        ko
        en
      }
    }
  }
`);

/** Supply listings ranked for a demand (its organization and staff). */
export const MatchesForDemandQuery = graphql(`
  query MatchesForDemand($demandId: ID!, $first: Int!, $after: String, $locale: Locale!) {
    matchesForDemand(demandId: $demandId, first: $first, after: $after) {
      totalCount
      weightsVersion
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...MatchEdgeFields
      }
    }
  }
`);

/** Published demands ranked for a supply listing (its organization and staff). */
export const RecommendedDemandsQuery = graphql(`
  query RecommendedDemands($supplyListingId: ID!, $first: Int!, $after: String, $locale: Locale!) {
    recommendedDemands(supplyListingId: $supplyListingId, first: $first, after: $after) {
      totalCount
      weightsVersion
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...MatchEdgeFields
      }
    }
  }
`);

/** Drafting help: structured demand fields proposed from a few sentences. */
export const SuggestDemandFieldsQuery = graphql(`
  query SuggestDemandFields($text: String!, $locale: Locale!) {
    suggestDemandFields(text: $text) {
      field
      conceptId
      concept {
        id
        label(locale: $locale)
      }
      evidence
      partial
      spans {
        text
        name
        kind
      }
    }
  }
`);

export const MatchAlertsQuery = graphql(`
  query MatchAlerts($first: Int!, $after: String) {
    matchAlerts(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          organizationId
          supplyListingId
          minScore
          criteria
          createdAt
        }
      }
    }
  }
`);

export const CreateMatchAlertMutation = graphql(`
  mutation CreateMatchAlert($input: CreateMatchAlertInput!) {
    createMatchAlert(input: $input) {
      id
      name
      organizationId
      supplyListingId
      minScore
      criteria
      createdAt
    }
  }
`);

export const DeleteMatchAlertMutation = graphql(`
  mutation DeleteMatchAlert($id: ID!) {
    deleteMatchAlert(id: $id)
  }
`);

/** The demand's owner asks the supplier of a matching supply listing to bid (#14). */
export const InviteToBidMutation = graphql(`
  mutation InviteToBid($demandId: ID!, $supplyListingId: ID!) {
    inviteToBid(demandId: $demandId, supplyListingId: $supplyListingId) {
      alreadyInvited
      organizationId
    }
  }
`);

/** A supplier's own fit for one demand (#14): its best published supply listing, explained. */
export const DemandFitQuery = graphql(`
  query DemandFit($id: ID!) {
    listing(id: $id) {
      id
      ... on DemandListing {
        myFit {
          supplyListingId
          explanation {
            score
            tier
            summary
            summaryKo
            summaryEn
            features {
              feature
              applicable
              weight
            }
            reasons {
              code
              tone
              feature
              text
              ko
              en
            }
          }
        }
      }
    }
  }
`);

/** The viewer's open demands, to pick which one a supplier is invited to (#14). */
export const MyOpenDemandsQuery = graphql(`
  query MyOpenDemands {
    myListings(kind: DEMAND, status: PUBLISHED, first: 50) {
      edges {
        node {
          id
          title
        }
      }
    }
  }
`);

/** The supplier's home (#14): demands recommended across all of its organization's published listings. */
export const RecommendedDemandsForOrganizationQuery = graphql(`
  query RecommendedDemandsForOrganization($organizationId: ID!, $first: Int!, $after: String, $locale: Locale!) {
    recommendedDemandsForOrganization(organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        ...MatchEdgeFields
      }
    }
  }
`);

/** What matching read from a demand's text, with the owner's decision on each (#14 item 8). */
export const InferredConceptsQuery = graphql(`
  query InferredConcepts($id: ID!, $locale: Locale!) {
    listing(id: $id) {
      id
      ... on DemandListing {
        inferredConcepts {
          scheme
          conceptId
          evidence
          decision
          concept {
            id
            label(locale: $locale)
          }
        }
      }
    }
  }
`);

export const DecideInferredConceptMutation = graphql(`
  mutation DecideInferredConcept($demandId: ID!, $conceptId: ID!, $scheme: String!, $decision: InferredConceptDecision, $locale: Locale!) {
    decideInferredConcept(demandId: $demandId, conceptId: $conceptId, scheme: $scheme, decision: $decision) {
      scheme
      conceptId
      evidence
      decision
      concept {
        id
        label(locale: $locale)
      }
    }
  }
`);
