import { graphql } from '@/generated';

/** One row of the conversation list (and the header's unread total). */
export const ConversationFieldsFragment = graphql(`
  fragment ConversationFields on Conversation {
    id
    contextType
    contextId
    contextTitle
    contextTitleEn
    lastSeq
    lastMessageAt
    unreadCount
    lastReadSeq
    othersLastReadSeq
    createdAt
    participants {
      id
      nameKo
      nameEn
      verificationStatus
    }
    lastMessage {
      id
      seq
      kind
      body
      systemEvent
      systemPayload
      senderUserId
      deletedAt
    }
  }
`);

/** The viewer's conversations, latest message first. */
export const ConversationsQuery = graphql(`
  query Conversations($first: Int!) {
    conversations(first: $first) {
      totalCount
      edges {
        node {
          ...ConversationFields
        }
      }
    }
  }
`);

export const ChatMessageFieldsFragment = graphql(`
  fragment ChatMessageFields on ChatMessage {
    id
    conversationId
    seq
    kind
    senderUserId
    senderOrganizationId
    clientMessageId
    body
    systemEvent
    systemPayload
    createdAt
    editedAt
    deletedAt
    files {
      id
      name
      size
      contentType
    }
  }
`);

/** A page of a thread (ascending seq): the newest, or the one before `before` when scrolling back. */
export const ChatMessagesQuery = graphql(`
  query ChatMessages($conversationId: ID!, $before: Int, $first: Int!) {
    messages(conversationId: $conversationId, before: $before, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
      }
      edges {
        node {
          ...ChatMessageFields
        }
      }
    }
  }
`);

/** Opens (or finds) the conversation about a demand or supply listing. */
export const OpenConversationMutation = graphql(`
  mutation OpenConversation($input: OpenConversationInput!) {
    openConversation(input: $input) {
      ...ConversationFields
    }
  }
`);

/** A signed link to one file of a message (participants only; a few minutes). */
export const ChatFileLinksQuery = graphql(`
  query ChatFileLinks($ids: [ID!]!) {
    storedFiles(ids: $ids) {
      id
      downloadUrl
    }
  }
`);
