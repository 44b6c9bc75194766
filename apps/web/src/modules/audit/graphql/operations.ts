import { graphql } from '@/generated';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditLogFilterInput, $first: Int!, $after: String) {
    auditLog(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          action
          subjectType
          subjectId
          reason
          before
          after
          createdAt
          actorUserId
          actor {
            id
            displayName
            email
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
