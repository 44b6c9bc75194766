import { graphql } from '@/generated';

/*
 * The role homes (#14 item 1): one query per block, each capped (with "모두 보기" to the full page)
 * or cursor-paged. Rows ask for few fields; lists of counts come from batched field resolvers.
 */

/** Invitations to bid addressed to the viewer's organizations (BID_INVITATION notifications). */
export const HomeInvitationsQuery = graphql(`
  query HomeInvitations($first: Int!) {
    notifications(first: $first, types: ["BID_INVITATION"]) {
      totalCount
      unreadCount
      edges {
        node {
          id
          type
          payload
          link {
            type
            id
          }
          readAt
          createdAt
        }
      }
    }
  }
`);

/** Consortium requests still awaiting an answer from one of the viewer's organizations. */
export const HomeConsortiumRequestsQuery = graphql(`
  query HomeConsortiumRequests($first: Int!) {
    myBids(awaitingOurAnswer: true, first: $first) {
      totalCount
      edges {
        node {
          id
          status
          amountKrw
          demand {
            id
            title
            titleEn
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

/** The viewer's bids that need it to act: drafts to finish, shortlisted ones, awarded projects. */
export const HomeBidsNeedingActionQuery = graphql(`
  query HomeBidsNeedingAction($first: Int!) {
    myBids(statuses: [DRAFT, SHORTLISTED, ACCEPTED], first: $first) {
      totalCount
      edges {
        node {
          id
          status
          amountKrw
          demand {
            id
            title
            titleEn
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

/** The latest conversations: the home shows those with unread messages. */
export const HomeConversationsQuery = graphql(`
  query HomeConversations($first: Int!) {
    conversations(first: $first) {
      totalCount
      edges {
        node {
          id
          contextTitle
          contextTitleEn
          unreadCount
          lastMessageAt
          participants {
            id
            nameKo
            nameEn
          }
        }
      }
    }
  }
`);

/** An SME's published demands with the number of bids each has received. */
export const HomeMyDemandsQuery = graphql(`
  query HomeMyDemands($organizationId: ID!, $first: Int!) {
    myListings(organizationId: $organizationId, kind: DEMAND, status: PUBLISHED, first: $first) {
      totalCount
      edges {
        node {
          id
          title
          titleEn
          ... on DemandListing {
            bidCount
            bidDeadline
          }
        }
      }
    }
  }
`);
