/**
 * The chat's state rules as pure functions (the ChatStore applies them to what the socket and
 * GraphQL answer): message order and dedupe by id, optimistic sends and their acks, sync pages,
 * the conversation list with unread counts.
 */
import type { ChatActivity, ChatMessage, ChatSyncReply, ConversationSummary, OutgoingMessage, ThreadState } from './types';
import { fromPayload } from './types';

export const emptyThread = (conversationId: string): ThreadState => ({
  conversationId,
  messages: [],
  outgoing: [],
  loaded: false,
  loadingOlder: false,
  hasOlder: false,
  error: false,
  othersReadSeq: 0,
  myReadSeq: 0,
  typing: [],
});

/** Newest activity first; ties by id so that the order is stable. Sorts in place. */
export function sortConversations(list: ConversationSummary[]): ConversationSummary[] {
  const at = (c: ConversationSummary) => Date.parse(c.lastMessageAt ?? c.createdAt) || 0;
  return list.sort((a, b) => at(b) - at(a) || (a.id < b.id ? 1 : -1));
}

/** Inserts messages into an ascending, id-unique list (a later copy of an id wins: edits, tombstones). */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const byId = new Map(current.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** The newest seq held (0 when empty). */
export const maxSeq = (t: ThreadState): number => t.messages.at(-1)?.seq ?? 0;

/** True when `seq` would leave a hole after what the loaded thread holds (a sync fills it). */
export const leavesGap = (t: ThreadState, seq: number): boolean => t.loaded && seq > maxSeq(t) + 1;

/**
 * Messages arrived (live, sync, a page, an ack): merged in, and our outgoing copies whose stored
 * message is among them are no longer pending.
 */
export function withMessages(t: ThreadState, messages: readonly ChatMessage[], userId: string): ThreadState {
  if (messages.length === 0) return t;
  const merged = { ...t, messages: mergeMessages(t.messages, messages) };
  const delivered = new Set(messages.filter((m) => m.senderUserId === userId && m.clientMessageId).map((m) => m.clientMessageId));
  if (delivered.size === 0 || !t.outgoing.some((o) => delivered.has(o.clientMessageId))) return merged;
  return { ...merged, outgoing: merged.outgoing.filter((o) => !delivered.has(o.clientMessageId)) };
}

/** An optimistic send: shown as pending until its ack (or its stored copy) arrives. */
export function withOutgoing(t: ThreadState, o: OutgoingMessage): ThreadState {
  return { ...t, outgoing: [...t.outgoing, o] };
}

export function withOutgoingPatched(t: ThreadState, clientMessageId: string, patch: Partial<OutgoingMessage>): ThreadState {
  return { ...t, outgoing: t.outgoing.map((x) => (x.clientMessageId === clientMessageId ? { ...x, ...patch } : x)) };
}

export function withoutOutgoing(t: ThreadState, clientMessageId: string): ThreadState {
  return { ...t, outgoing: t.outgoing.filter((o) => o.clientMessageId !== clientMessageId) };
}

/** The message the server stored for an acknowledged send. */
export function storedFromAck(o: OutgoingMessage, ack: { id: string; seq: number; createdAt: string }, userId: string): ChatMessage {
  return {
    id: ack.id,
    conversationId: o.conversationId,
    seq: ack.seq,
    kind: 'USER',
    senderUserId: userId,
    senderOrganizationId: null,
    clientMessageId: o.clientMessageId,
    body: o.body,
    systemEvent: null,
    systemPayload: null,
    createdAt: ack.createdAt,
    editedAt: null,
    deletedAt: null,
    files: o.files ?? [],
  };
}

/** One `sync` page: the new messages after the thread's newest, and edits/deletes of older ones. */
export function withSyncPage(t: ThreadState, reply: Pick<ChatSyncReply, 'messages' | 'changed'>, userId: string): ThreadState {
  const next = withMessages(t, reply.messages.map(fromPayload), userId);
  const changed = reply.changed.map(fromPayload);
  return changed.length ? { ...next, messages: mergeMessages(next.messages, changed) } : next;
}

/** A new message in a conversation: it moves up and counts as unread unless it is ours or on screen. Older news is ignored. */
export function withActivity(c: ConversationSummary, p: ChatActivity, countsUnread: boolean): ConversationSummary {
  if (p.seq <= c.lastSeq) return c;
  return { ...c, lastSeq: p.seq, lastMessageAt: p.createdAt, unreadCount: countsUnread ? c.unreadCount + 1 : c.unreadCount };
}

/**
 * A fresh conversation list from the server, merged with what live events told meanwhile: a
 * conversation whose local copy is newer keeps its last message and unread count; those on
 * screen are read.
 */
export function mergeConversationList(
  local: readonly ConversationSummary[],
  fresh: readonly ConversationSummary[],
  viewing: ReadonlySet<string>,
): ConversationSummary[] {
  const known = new Map(local.map((c) => [c.id, c]));
  return sortConversations(
    fresh.map((node) => {
      const mine = known.get(node.id);
      if (mine && mine.lastSeq > node.lastSeq)
        return { ...node, lastSeq: mine.lastSeq, lastMessageAt: mine.lastMessageAt, unreadCount: mine.unreadCount };
      return viewing.has(node.id) ? { ...node, unreadCount: 0 } : node;
    }),
  );
}
