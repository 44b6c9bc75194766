import { graphql } from '@/generated';

/** The bell's latest notifications with the unread count. */
export const NotificationListQuery = graphql(`
  query NotificationList($first: Int!) {
    notifications(first: $first) {
      unreadCount
      totalCount
      edges {
        node {
          id
          type
          payload
          readAt
          createdAt
          link {
            type
            id
          }
        }
      }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** The viewer's e-mail and in-app choice for every notification type. */
export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      type
      email
      inApp
    }
  }
`);

export const UpdateNotificationPreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($preferences: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(preferences: $preferences) {
      type
      email
      inApp
    }
  }
`);
