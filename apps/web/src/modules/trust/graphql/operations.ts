import { graphql } from '@/generated';

export const TrustOpenCaseCountQuery = graphql(`
  query TrustOpenCaseCount {
    trustOpenCaseCount
  }
`);

export const TrustCasesQuery = graphql(`
  query TrustCases($first: Int!, $after: String) {
    trustCases(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          organizationId
          lastActivityAt
          openCount
          counts {
            kind
            count
          }
          organization {
            id
            nameKo
            nameEn
          }
        }
      }
    }
  }
`);

export const TrustCaseQuery = graphql(`
  query TrustCase($organizationId: ID!) {
    trustCase(organizationId: $organizationId) {
      organizationId
      organization {
        id
        nameKo
        nameEn
        verificationStatus
      }
      signals {
        id
        kind
        status
        statusReason
        evidence
        firstSeenAt
        lastSeenAt
        relatedOrganizations {
          id
          nameKo
          nameEn
        }
      }
      trail {
        id
        action
        reason
        createdAt
      }
    }
  }
`);

export const WarnOrganizationMutation = graphql(`
  mutation WarnOrganization($input: TrustActionInput!) {
    warnOrganization(input: $input) {
      id
    }
  }
`);

export const SuspendTrustCaseMutation = graphql(`
  mutation SuspendTrustCase($input: TrustActionInput!) {
    suspendTrustCase(input: $input) {
      id
    }
  }
`);

export const DismissTrustSignalsMutation = graphql(`
  mutation DismissTrustSignals($input: DismissTrustSignalsInput!) {
    dismissTrustSignals(input: $input) {
      id
      status
    }
  }
`);
