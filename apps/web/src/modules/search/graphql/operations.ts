import { graphql } from '@/generated';

/*
 * `$locale` keys the document cache by UI language (facet concept labels, card concepts).
 * The listing fields come from the cards' `ListingSummaryFields` (one spread, as the browse
 * pages do), so a search result renders with the same card.
 */

/** One page of search results; facet counts are asked for on the first page only. */
export const SearchListingsQuery = graphql(`
  query SearchListings(
    $kind: ListingKind
    $q: String
    $filters: SearchFiltersInput
    $facets: [SearchFacet!]
    $sort: SearchSort
    $first: Int!
    $after: String
    $locale: Locale!
  ) {
    searchListings(kind: $kind, q: $q, filters: $filters, facets: $facets, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      facets {
        facet
        value
        count
        concept {
          id
          label(locale: $locale)
        }
      }
      edges {
        cursor
        highlights {
          field
          text
          matches {
            start
            length
          }
        }
        node {
          ...ListingSummaryFields
        }
      }
    }
  }
`);

/** Search-as-you-type: concepts (labels in the request's Accept-Language) and listing titles. */
export const SuggestQuery = graphql(`
  query Suggest($q: String!, $first: Int) {
    suggest(q: $q, first: $first) {
      kind
      id
      label
      scheme
    }
  }
`);
