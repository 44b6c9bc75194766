import type { ErrorCode, FieldError } from './errors';
import type { NotificationPayload } from './notifications';

/**
 * Typed socket.io event maps shared by api and web. A client holds ONE WebSocket (one socket.io
 * Manager) and opens a namespace on it per feature: `/` for notifications, `/chat` for the chat.
 * Every namespace has the same handshake (`auth: { token }`, refused with `connect_error`
 * UNAUTHENTICATED or RATE_LIMITED and `data: SocketError`), closes at the token's expiry after
 * `session:expired` unless the client sends a fresher token with `auth`, and is rate-limited per event.
 * When the session is revoked (sign-out elsewhere, refresh-token reuse, password reset or change)
 * every namespace receives `session:revoked` and the connection is closed; an event of a socket
 * whose session was revoked is refused with UNAUTHENTICATED (then the socket is closed too).
 */

/** Every refused socket event answers with this (in the ack; on `/chat` as `chat:error` when there is no ack); a refused handshake carries it as `connect_error`'s `data`. */
export interface SocketError {
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  /** Seconds until a RATE_LIMITED event may be retried. */
  retryAfter?: number;
  /** The event that was refused, on `chat:error`. */
  event?: string;
  [detail: string]: unknown;
}
export type SocketResult<T> = T | { error: SocketError };

/** The default namespace `/`. */
export interface ServerToClientEvents {
  'session:expired': () => void;
  /** The session was revoked (signed out elsewhere, password reset/changed, stolen refresh token): sign out; the connection closes next. */
  'session:revoked': () => void;
  /** A new in-app notification of the signed-in user (sent once per notification, after it was stored). */
  notification: (n: NotificationPayload) => void;
}

export interface ClientToServerEvents {
  ping: (ack: (reply: SocketResult<{ at: string }>) => void) => void;
  /** A refreshed access token for the same user: the socket stays open past the old expiry. */
  auth: (p: { token: string }, ack?: (r: SocketResult<{ expiresAt: string }>) => void) => void;
}

// --- chat: the `/chat` namespace ------------------------------------------------------------

/** What a conversation is about. BID conversations open once bids exist. */
export enum ConversationContextType {
  DEMAND = 'DEMAND',
  BID = 'BID',
  SUPPLY_INQUIRY = 'SUPPLY_INQUIRY',
}

export enum ChatMessageKind {
  USER = 'USER',
  SYSTEM = 'SYSTEM',
}

export const CHAT_NAMESPACE = '/chat';
export const CHAT_MAX_BODY = 4000;
/** At most this many files on one chat message. */
export const CHAT_MAX_FILES = 5;
export const CHAT_EDIT_WINDOW_SECONDS = 600;
/** Largest page a `sync` returns; the client asks again while `hasMore`. */
export const CHAT_SYNC_MAX_PAGE = 200;

/** Every refused chat event answers with this (in the ack, or as a `chat:error` event when there is no ack). */
export type ChatError = SocketError;
export type ChatResult<T> = SocketResult<T>;

export interface ChatMessagePayload {
  id: string;
  conversationId: string;
  seq: number;
  kind: ChatMessageKind;
  senderUserId: string | null;
  senderOrganizationId: string | null;
  clientMessageId: string | null;
  /** Plain text (render it escaped); null once deleted (a tombstone). */
  body: string | null;
  systemEvent: string | null;
  systemPayload: Record<string, unknown> | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Files sent with the message (participants get a download link through GraphQL `storedFile`); absent or empty when none. */
  files?: ChatFilePayload[];
}

/** A file of a chat message as the socket carries it: metadata only, never a link. */
export interface ChatFilePayload {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

export interface ChatJoinReply {
  conversationId: string;
  lastSeq: number;
  lastReadSeq: number;
  unread: number;
}
export interface ChatSendReply {
  id: string;
  seq: number;
  createdAt: string;
  /** True when this clientMessageId was already stored: the original id and seq are returned. */
  duplicate?: boolean;
}
export interface ChatSyncReply {
  conversationId: string;
  messages: ChatMessagePayload[];
  hasMore: boolean;
  lastSeq: number;
  /** Messages at or below `afterSeq` edited or deleted since `changedSince` (empty without it). */
  changed: ChatMessagePayload[];
  /** Pass it as `changedSince` next time (a little before the server's clock, so nothing slips between). */
  serverTime: string;
}
export interface ChatReadReply {
  conversationId: string;
  lastReadSeq: number;
  unread: number;
}

/** A new message in a conversation of one of your organizations that this socket did not join (for lists and badges). */
export interface ChatActivity {
  conversationId: string;
  messageId: string;
  seq: number;
  senderUserId: string | null;
  createdAt: string;
}

export interface ChatClientToServerEvents {
  join: (p: { conversationId: string }, ack: (r: ChatResult<ChatJoinReply>) => void) => void;
  leave: (p: { conversationId: string }, ack?: (r: ChatResult<{ conversationId: string }>) => void) => void;
  send: (
    p: { conversationId: string; clientMessageId: string; body: string; fileIds?: string[] },
    ack: (r: ChatResult<ChatSendReply>) => void,
  ) => void;
  edit: (p: { messageId: string; body: string }, ack: (r: ChatResult<ChatMessagePayload>) => void) => void;
  delete: (p: { messageId: string }, ack: (r: ChatResult<ChatMessagePayload>) => void) => void;
  sync: (
    p: { conversationId: string; afterSeq: number; limit?: number; changedSince?: string },
    ack: (r: ChatResult<ChatSyncReply>) => void,
  ) => void;
  typing: (p: { conversationId: string; typing?: boolean }) => void;
  read: (p: { conversationId: string; seq: number }, ack?: (r: ChatResult<ChatReadReply>) => void) => void;
  /** A refreshed access token for the same user: the socket stays open past the old expiry. */
  auth: (p: { token: string }, ack?: (r: ChatResult<{ expiresAt: string }>) => void) => void;
}

export interface ChatServerToClientEvents {
  message: (m: ChatMessagePayload) => void;
  /** An edit or a delete (tombstone) of a message already delivered. */
  'message:updated': (m: ChatMessagePayload) => void;
  typing: (p: { conversationId: string; userId: string; typing: boolean }) => void;
  /** A participant's read receipt. */
  read: (p: { conversationId: string; userId: string; seq: number }) => void;
  /** Sent to the members of the participant organizations whose socket did not join the conversation (joined ones get `message`). */
  'conversation:activity': (p: ChatActivity) => void;
  /** Your own unread count changed (e.g. read on another tab). */
  unread: (p: { conversationId: string; unread: number }) => void;
  'chat:error': (e: ChatError) => void;
  'session:expired': () => void;
  /** As on `/`: the session was revoked; the connection closes next. */
  'session:revoked': () => void;
}
