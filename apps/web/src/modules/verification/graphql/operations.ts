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

/** Helper C: certification claims for staff (queue oldest first, one claim, the decision). */
export const CertificationQueueQuery = graphql(`
  query CertificationQueue($first: Int, $after: String) {
    certificationQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          conceptId
          labelKo
          labelEn
          claimedAt
          waitingSeconds
          organization {
            id
            kind
            nameKo
            nameEn
          }
        }
      }
    }
  }
`);

export const CertificationQueueHeadQuery = graphql(`
  query CertificationQueueHead {
    certificationQueue(first: 2) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const CertificationClaimReviewQuery = graphql(`
  query CertificationClaimReview($id: ID!) {
    certificationClaim(id: $id) {
      id
      conceptId
      labelKo
      labelEn
      certificateNumber
      issuedOn
      expiresOn
      note
      status
      claimedAt
      decidedAt
      decisionReason
      waitingSeconds
      evidence {
        id
        name
        size
        uploadedAt
        downloadUrl
      }
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
    }
  }
`);

export const DecideCertificationClaimMutation = graphql(`
  mutation DecideCertificationClaim($input: DecideCertificationClaimInput!) {
    decideCertificationClaim(input: $input) {
      id
      status
      decidedAt
      decisionReason
    }
  }
`);

/** The reviewed organization's certification claims, on the verification review page. */
export const ReviewOrganizationClaimsQuery = graphql(`
  query ReviewOrganizationClaims($id: ID!) {
    organization(id: $id) {
      id
      certificationClaims {
        id
        labelKo
        labelEn
        status
        claimedAt
        expiresOn
      }
    }
  }
`);
