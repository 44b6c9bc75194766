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

/** One search of the concept picker (labels and synonyms, ko and en). */
export const ConceptSearchQuery = graphql(`
  query ConceptSearch($scheme: String!, $search: String!, $first: Int!, $locale: Locale!) {
    concepts(scheme: $scheme, search: $search, first: $first) {
      totalCount
      edges {
        node {
          id
          label(locale: $locale)
          parentId
          deprecated
        }
      }
    }
  }
`);

/** One concept's label (e.g. the replacement of a deprecated concept). */
export const ConceptLabelQuery = graphql(`
  query ConceptLabel($id: ID!, $locale: Locale!) {
    concept(id: $id) {
      id
      label(locale: $locale)
      parentId
      deprecated
    }
  }
`);
