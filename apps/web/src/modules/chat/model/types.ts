/*
 * The `/chat` socket contract is shared with the API (@aimatch/contracts: framework-free types and
 * constants, nothing of the API's code reaches the bundle).
 */
import type { ChatMessageFieldsFragment, ConversationFieldsFragment } from '@/generated/graphql';
import type {
  ChatActivity,
  ChatClientToServerEvents,
  ChatError,
  ChatJoinReply,
  ChatMessagePayload,
  ChatReadReply,
  ChatResult,
  ChatSendReply,
  ChatServerToClientEvents,
  ChatSyncReply,
} from '@aimatch/contracts';

export type {
  ChatActivity,
  ChatClientToServerEvents,
  ChatError,
  ChatJoinReply,
  ChatMessagePayload,
  ChatReadReply,
  ChatResult,
  ChatSendReply,
  ChatServerToClientEvents,
  ChatSyncReply,
};

export { CHAT_MAX_BODY, CHAT_NAMESPACE } from '@aimatch/contracts';

/** A stored message, from GraphQL or the socket. */
export interface ChatMessage {
  id: string;
  conversationId: string;
  seq: number;
  kind: 'USER' | 'SYSTEM';
  senderUserId: string | null;
  /** The organization the sender wrote for (its verification state decides how links are shown). */
  senderOrganizationId: string | null;
  clientMessageId: string | null;
  body: string | null;
  systemEvent: string | null;
  /** SYSTEM messages: the event's data (amount, weeks, revision, organization…). */
  systemPayload: Record<string, unknown> | null;
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Files sent with it (metadata; a participant asks for a link when showing one). */
  files?: ChatFile[];
}

/** A file of a message. */
export interface ChatFile {
  id: string;
  name: string;
  size: number;
  contentType: string;
}

/** A message of ours not acknowledged yet: pending (in flight or waiting for the socket) or failed. */
export interface OutgoingMessage {
  clientMessageId: string;
  conversationId: string;
  body: string;
  state: 'pending' | 'failed';
  createdAt: string;
  error: string | null;
  /** Uploaded (staged) files sent with it; the server attaches them with the message. */
  files?: ChatFile[];
}

export type ConversationSummary = ConversationFieldsFragment;

export interface ThreadState {
  conversationId: string;
  /** Ascending seq, unique by id. */
  messages: readonly ChatMessage[];
  outgoing: readonly OutgoingMessage[];
  loaded: boolean;
  loadingOlder: boolean;
  hasOlder: boolean;
  error: boolean;
  /** Furthest seq read by the other side. */
  othersReadSeq: number;
  myReadSeq: number;
  /** The server's time of the last sync: edits and deletes after it are asked for on the next one. */
  changedSince?: string;
  /** Users of the other side typing now. */
  typing: readonly string[];
}

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'disconnected';

export interface ChatSnapshot {
  status: ConnectionStatus;
  /** True once the socket connected at least once (the banner shows only after a loss). */
  everConnected: boolean;
  conversations: readonly ConversationSummary[];
  conversationsLoaded: boolean;
  conversationsError: boolean;
  totalUnread: number;
  threads: ReadonlyMap<string, ThreadState>;
}

export function fromPayload(m: ChatMessagePayload | ChatMessageFieldsFragment): ChatMessage {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: m.seq,
    kind: m.kind === 'SYSTEM' ? 'SYSTEM' : 'USER',
    senderUserId: m.senderUserId ?? null,
    senderOrganizationId: m.senderOrganizationId ?? null,
    clientMessageId: m.clientMessageId ?? null,
    body: m.body ?? null,
    systemEvent: m.systemEvent ?? null,
    systemPayload: parseSystemPayload(m.systemPayload),
    createdAt: m.createdAt,
    editedAt: m.editedAt ?? null,
    deletedAt: m.deletedAt ?? null,
    files: (m.files ?? []).map((f) => ({ id: f.id, name: f.name, size: f.size, contentType: f.contentType })),
  };
}

/** A client message id: random, URL-safe, unique per message (a retry reuses it). */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** GraphQL sends a system message's data as a JSON string, the socket as an object. */
export function parseSystemPayload(value: unknown): Record<string, unknown> | null {
  if (value && typeof value === 'object') return value as Record<string, unknown>;
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A message as a conversation's `lastMessage` (the GraphQL shape: its system data as JSON text). */
export function asLastMessage(m: ChatMessage) {
  return { __typename: 'ChatMessage' as const, ...m, systemPayload: m.systemPayload ? JSON.stringify(m.systemPayload) : null };
}
