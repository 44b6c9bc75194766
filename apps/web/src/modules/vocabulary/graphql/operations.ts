import { graphql } from '@/generated';

export const ConceptsPageQuery = graphql(`
  query ConceptsPage($scheme: String!, $locale: Locale!, $first: Int!, $after: String) {
    concepts(scheme: $scheme, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          parentId
          label(locale: $locale)
          deprecated
        }
      }
    }
  }
`);
