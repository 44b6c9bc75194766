import { graphql } from '@/generated';

export const VerificationQueueQuery = graphql(`
  query VerificationQueue($first: Int!, $after: String) {
    verificationQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          requestedAt
          waitingSeconds
          note
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

/** The staff navigation's count, and the "next item" after a decision (the oldest open request). */
export const VerificationQueueHeadQuery = graphql(`
  query VerificationQueueHead {
    verificationQueue(first: 1) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const VerificationReviewQuery = graphql(`
  query VerificationReview($id: ID!) {
    verificationRequest(id: $id) {
      request {
        id
        status
        note
        requestedAt
        decidedAt
        decisionReason
        waitingSeconds
        evidence {
          id
          name
          size
          contentType
          uploadedAt
          downloadUrl
        }
      }
      organization {
        id
        kind
        nameKo
        nameEn
        businessRegistrationNumber
        website
        foundedYear
        employeeBand
        verificationStatus
        createdAt
      }
      brnCheck {
        formatted
        valid
      }
      listingsCount
      members {
        userId
        displayName
        email
        role
        joinedAt
      }
      history {
        id
        status
        note
        requestedAt
        decidedAt
        decisionReason
      }
      suspension {
        reason
        since
      }
    }
  }
`);

export const DecideVerificationMutation = graphql(`
  mutation DecideVerification($input: DecideVerificationInput!) {
    decideVerification(input: $input) {
      id
      status
      decidedAt
      decisionReason
      organization {
        id
        verificationStatus
      }
    }
  }
`);

export const OrganizationSuspensionQuery = graphql(`
  query OrganizationSuspension($id: ID!) {
    organization(id: $id) {
      id
      kind
      verificationStatus
      suspension {
        reason
        since
      }
    }
  }
`);

export const SuspendOrganizationMutation = graphql(`
  mutation SuspendOrganization($input: SuspendOrganizationInput!) {
    suspendOrganization(input: $input) {
      id
      verificationStatus
      suspension {
        reason
        since
      }
    }
  }
`);

export const UnsuspendOrganizationMutation = graphql(`
  mutation UnsuspendOrganization($input: UnsuspendOrganizationInput!) {
    unsuspendOrganization(input: $input) {
      id
      verificationStatus
      suspension {
        reason
        since
      }
    }
  }
`);
