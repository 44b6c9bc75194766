import { graphql } from '@/generated';

/*
 * - Every query that carries concept labels takes `$locale`, so that the document cache keeps
 *   one result per UI language (the Accept-Language header is not part of the cache key).
 * - The API limits a document's cost (graphql-armor: each nesting level and each fragment
 *   spread multiplies by 1.5). The detail query is therefore written out without spreads,
 *   and commands return only the listing's workflow state; pages reload what they show.
 */

/** What a card or a table row shows. */
export const ListingSummaryFieldsFragment = graphql(`
  fragment ListingSummaryFields on Listing {
    __typename
    id
    kind
    status
    version
    title
    titleEn
    summary
    summaryEn
    updatedAt
    publishedAt
    organization {
      id
      kind
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
      leadTimeWeeks
    }
    region {
      id
      label(locale: $locale)
    }
    ... on DemandListing {
      bidDeadline
      requirement {
        tasks {
          id
          label(locale: $locale)
        }
        industries {
          id
          label(locale: $locale)
        }
      }
    }
    ... on SupplyListing {
      capability {
        tasks {
          id
          label(locale: $locale)
        }
        industries {
          id
          label(locale: $locale)
        }
      }
    }
  }
`);

/** The listing with all its content, as the detail page and the editor read it. */
export const ListingDetailQuery = graphql(`
  query ListingDetail($id: ID!, $locale: Locale!) {
    listing(id: $id) {
      __typename
      id
      kind
      status
      version
      availableActions
      submittedAt
      title
      titleEn
      summary
      summaryEn
      description
      descriptionEn
      updatedAt
      publishedAt
      organization {
        id
        kind
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
      region {
        id
        label(locale: $locale)
        deprecated
      }
      commercialTerms {
        minAmountKrw
        maxAmountKrw
        leadTimeWeeks
        desiredStartDate
        durationWeeks
      }
      contact {
        name
        role
        email
        phone
      }
      review {
        decision
        reason
        comments {
          path
          comment
        }
      }
      warnings {
        path
        rule
        message
        replacementId
      }
      ... on DemandListing {
        bidDeadline
        bidCount
        onSiteRequired
        visibility
        requirement {
          tasks {
            id
            label(locale: $locale)
            deprecated
          }
          modalities {
            id
            label(locale: $locale)
            deprecated
          }
          industries {
            id
            label(locale: $locale)
            deprecated
          }
          deployments {
            id
            label(locale: $locale)
            deprecated
          }
          integrations {
            id
            label(locale: $locale)
            deprecated
          }
          languages
        }
        dataProfile {
          dataKinds {
            id
            label(locale: $locale)
            deprecated
          }
          systems {
            id
            label(locale: $locale)
            deprecated
          }
          volumeDescription
          approximateRecords
          labelling
          sampleAvailable
          containsPersonalData
        }
      }
      ... on SupplyListing {
        capability {
          tasks {
            id
            label(locale: $locale)
            deprecated
          }
          modalities {
            id
            label(locale: $locale)
            deprecated
          }
          industries {
            id
            label(locale: $locale)
            deprecated
          }
          deployments {
            id
            label(locale: $locale)
            deprecated
          }
          integrations {
            id
            label(locale: $locale)
            deprecated
          }
          languages
        }
        trustProfile {
          certifications {
            id
            label(locale: $locale)
            deprecated
          }
          checklist {
            itemId
            answer
            note
          }
        }
        referenceCases {
          title
          year
          summary
          industry {
            id
            label(locale: $locale)
            deprecated
          }
        }
      }
    }
  }
`);

/** What a command returns: the listing's workflow state (and what the editor shows of it). */
export const ListingStateFieldsFragment = graphql(`
  fragment ListingStateFields on Listing {
    __typename
    id
    kind
    status
    version
    availableActions
    review {
      decision
      reason
      comments {
        path
        comment
      }
    }
    warnings {
      path
      rule
      message
      replacementId
    }
  }
`);

export const ListingAasQuery = graphql(`
  query ListingAas($id: ID!) {
    listingAas(id: $id)
  }
`);

export const TrustChecklistQuery = graphql(`
  query TrustChecklist {
    trustChecklist {
      id
      questionKo
      questionEn
    }
  }
`);

export const PublishedListingsQuery = graphql(`
  query PublishedListings($kind: ListingKind!, $first: Int!, $after: String, $locale: Locale!) {
    listings(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ListingSummaryFields
        }
      }
    }
  }
`);

export const MyListingsQuery = graphql(`
  query MyListings($kind: ListingKind, $status: ListingStatus, $first: Int!, $after: String, $locale: Locale!) {
    myListings(kind: $kind, status: $status, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ListingSummaryFields
        }
      }
    }
  }
`);

export const ReviewQueueQuery = graphql(`
  query ReviewQueue($kind: ListingKind, $first: Int!, $after: String, $locale: Locale!) {
    listingsForReview(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ListingSummaryFields
        }
      }
    }
  }
`);

export const CreateDemandListingMutation = graphql(`
  mutation CreateDemandListing($organizationId: ID!, $input: DemandListingInput!) {
    createDemandListing(organizationId: $organizationId, input: $input) {
      ...ListingStateFields
    }
  }
`);

export const CreateSupplyListingMutation = graphql(`
  mutation CreateSupplyListing($organizationId: ID!, $input: SupplyListingInput!) {
    createSupplyListing(organizationId: $organizationId, input: $input) {
      ...ListingStateFields
    }
  }
`);

export const UpdateDemandListingMutation = graphql(`
  mutation UpdateDemandListing($id: ID!, $version: Int!, $input: DemandListingInput!) {
    updateDemandListing(id: $id, version: $version, input: $input) {
      ...ListingStateFields
    }
  }
`);

export const UpdateSupplyListingMutation = graphql(`
  mutation UpdateSupplyListing($id: ID!, $version: Int!, $input: SupplyListingInput!) {
    updateSupplyListing(id: $id, version: $version, input: $input) {
      ...ListingStateFields
    }
  }
`);

export const SubmitListingMutation = graphql(`
  mutation SubmitListing($id: ID!, $version: Int!) {
    submitListing(id: $id, version: $version) {
      ...ListingStateFields
    }
  }
`);

export const PauseListingMutation = graphql(`
  mutation PauseListing($id: ID!, $version: Int!) {
    pauseListing(id: $id, version: $version) {
      ...ListingStateFields
    }
  }
`);

export const ResumeListingMutation = graphql(`
  mutation ResumeListing($id: ID!, $version: Int!) {
    resumeListing(id: $id, version: $version) {
      ...ListingStateFields
    }
  }
`);

export const ArchiveListingMutation = graphql(`
  mutation ArchiveListing($id: ID!, $version: Int!) {
    archiveListing(id: $id, version: $version) {
      ...ListingStateFields
    }
  }
`);

export const ApproveListingMutation = graphql(`
  mutation ApproveListing($id: ID!, $version: Int!) {
    approveListing(id: $id, version: $version) {
      ...ListingStateFields
    }
  }
`);

export const RejectListingMutation = graphql(`
  mutation RejectListing($id: ID!, $version: Int!, $reason: String!) {
    rejectListing(id: $id, version: $version, reason: $reason) {
      ...ListingStateFields
    }
  }
`);

export const RequestListingChangesMutation = graphql(`
  mutation RequestListingChanges($id: ID!, $version: Int!, $reason: String, $comments: [FieldCommentInput!]) {
    requestListingChanges(id: $id, version: $version, reason: $reason, comments: $comments) {
      ...ListingStateFields
    }
  }
`);

/** The curation queue (#12 item 4): the review queue with the submission time (oldest first). */
export const CurationQueueQuery = graphql(`
  query CurationQueue($kind: ListingKind, $first: Int!, $after: String, $locale: Locale!) {
    listingsForReview(kind: $kind, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...ListingSummaryFields
          submittedAt
        }
      }
    }
  }
`);

/** The head of the curation queue: its count (navigation badge) and the next items ("다음 항목"). */
export const CurationQueueHeadQuery = graphql(`
  query CurationQueueHead {
    listingsForReview(first: 3) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

/** An organization's published listings on its profile (helper P, #14 item 2). */
export const OrganizationPublishedListingsQuery = graphql(`
  query OrganizationPublishedListings($id: ID!, $kind: ListingKind, $first: Int!, $after: String, $locale: Locale!) {
    organization(id: $id) {
      id
      publishedListings(kind: $kind, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...ListingSummaryFields
          }
        }
      }
    }
  }
`);
