import { graphql } from '@/generated';

/*
 * Bids, reviews and reputation. Kept lean: the API bounds a document's depth and cost.
 * Commands return the bid's workflow state; pages reload what they show.
 */

/** A bid as its bidder edits it and as the owner's comparison table shows it. */
export const BidFieldsFragment = graphql(`
  fragment BidFields on Bid {
    id
    demandId
    organizationId
    status
    version
    revision
    canEdit
    availableActions
    amountKrw
    durationWeeks
    approach
    coveredConceptIds
    milestones {
      title
      weeks
      amountKrw
    }
    submittedAt
    updatedAt
    decidedAt
    decisionReason
    decisionDeadline
    leadSharePercent
    partners {
      organizationId
      role
      sharePercent
      status
      invitedAt
      respondedAt
      organization {
        id
        nameKo
        nameEn
      }
    }
  }
`);

/** The viewer's organizations' bids (as lead or partner), last changed first. */
export const MyBidsQuery = graphql(`
  query MyBids($first: Int!, $after: String, $status: BidStatus) {
    myBids(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...BidFields
          organization {
            id
            nameKo
            nameEn
          }
          demand {
            id
            title
            titleEn
            status
            organization {
              id
              nameKo
              nameEn
            }
          }
        }
      }
    }
  }
`);

/** A demand's submitted bids side by side (its owner). */
export const BidsForDemandQuery = graphql(`
  query BidsForDemand($demandId: ID!, $first: Int!, $locale: Locale!) {
    bidsForDemand(demandId: $demandId, first: $first) {
      totalCount
      edges {
        node {
          ...BidFields
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
            reputation {
              count
              mean
            }
          }
          coverage {
            covered
            required
            ratio
            missing {
              id
              label(locale: $locale)
            }
          }
          match {
            score
            capped
          }
          revisions {
            number
            amountKrw
            durationWeeks
            submittedAt
          }
          files {
            id
            name
            size
            contentType
            downloadUrl
          }
        }
      }
    }
  }
`);

export const BidStateFieldsFragment = graphql(`
  fragment BidStateFields on Bid {
    id
    status
    version
    revision
    canEdit
    availableActions
    decisionReason
  }
`);

export const CreateBidMutation = graphql(`
  mutation CreateBid($input: CreateBidInput!) {
    createBid(input: $input) {
      ...BidStateFields
    }
  }
`);

export const UpdateBidMutation = graphql(`
  mutation UpdateBid($id: ID!, $version: Int!, $input: BidContentInput!) {
    updateBid(id: $id, version: $version, input: $input) {
      ...BidStateFields
    }
  }
`);

export const SubmitBidMutation = graphql(`
  mutation SubmitBid($id: ID!, $version: Int!) {
    submitBid(id: $id, version: $version) {
      ...BidStateFields
    }
  }
`);

export const WithdrawBidMutation = graphql(`
  mutation WithdrawBid($id: ID!, $version: Int!) {
    withdrawBid(id: $id, version: $version) {
      ...BidStateFields
    }
  }
`);

export const ShortlistBidMutation = graphql(`
  mutation ShortlistBid($id: ID!, $version: Int!) {
    shortlistBid(id: $id, version: $version) {
      ...BidStateFields
    }
  }
`);

export const DeclineBidMutation = graphql(`
  mutation DeclineBid($id: ID!, $version: Int!, $reason: String!) {
    declineBid(id: $id, version: $version, reason: $reason) {
      ...BidStateFields
    }
  }
`);

export const AcceptBidMutation = graphql(`
  mutation AcceptBid($id: ID!, $version: Int!) {
    acceptBid(id: $id, version: $version) {
      ...BidStateFields
    }
  }
`);

export const CancelDemandMutation = graphql(`
  mutation CancelDemand($id: ID!, $version: Int!, $reason: String!) {
    cancelDemand(id: $id, version: $version, reason: $reason) {
      id
      status
      version
    }
  }
`);

/** Partner candidates: published supply listings matching a name or capability, with their organization. */
export const PartnerSearchQuery = graphql(`
  query PartnerSearch($q: String, $first: Int!) {
    searchListings(kind: SUPPLY, q: $q, first: $first) {
      edges {
        node {
          id
          title
          organization {
            id
            kind
            nameKo
            nameEn
            verificationStatus
          }
        }
      }
    }
  }
`);

/** A bid as an invited consortium partner sees it. */
export const ConsortiumInvitationQuery = graphql(`
  query ConsortiumInvitation($id: ID!) {
    bid(id: $id) {
      id
      status
      version
      amountKrw
      durationWeeks
      leadSharePercent
      organizationId
      organization {
        id
        nameKo
        nameEn
      }
      demand {
        id
        title
        titleEn
        organization {
          id
          nameKo
          nameEn
        }
      }
      partners {
        organizationId
        role
        sharePercent
        status
        respondedAt
        organization {
          id
          nameKo
          nameEn
        }
      }
    }
  }
`);

export const RespondToConsortiumInvitationMutation = graphql(`
  mutation RespondToConsortiumInvitation($bidId: ID!, $accept: Boolean!) {
    respondToConsortiumInvitation(bidId: $bidId, accept: $accept) {
      id
      status
      version
      partners {
        organizationId
        status
        respondedAt
      }
    }
  }
`);
