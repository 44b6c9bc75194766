import { graphql } from '@/generated';

/** An organization's public face: name, verification, reputation. */
export const OrganizationReputationQuery = graphql(`
  query OrganizationReputation($id: ID!) {
    organization(id: $id) {
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
      reputation {
        count
        mean
        recentMean
        previousMean
        trend
        criteria {
          criterion
          count
          mean
        }
      }
    }
  }
`);

export const ReviewFieldsFragment = graphql(`
  fragment ReviewFields on Review {
    id
    demandId
    side
    authorOrganizationId
    subjectOrganizationId
    rating
    ratings {
      criterion
      score
    }
    body
    submittedAt
    revealsAt
    visible
    hidden
  }
`);

export const ReviewsOfQuery = graphql(`
  query ReviewsOf($organizationId: ID!, $first: Int!, $after: String) {
    reviewsOf(organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ReviewFields
        }
      }
    }
  }
`);

export const SubmitReviewMutation = graphql(`
  mutation SubmitReview($input: SubmitReviewInput!) {
    submitReview(input: $input) {
      ...ReviewFields
    }
  }
`);
