import { describe, expect, it } from '@jest/globals';
import {
  emptyThread,
  leavesGap,
  mergeConversationList,
  mergeMessages,
  sortConversations,
  storedFromAck,
  withActivity,
  withMessages,
  withOutgoing,
  withOutgoingPatched,
  withoutOutgoing,
  withSyncPage,
} from '../chat-state';
import type { ChatMessage, ChatMessagePayload, ConversationSummary, OutgoingMessage, ThreadState } from '../types';

const ME = 'user-me';
const OTHER = 'user-other';
const C = 'conv-1';

function message(seq: number, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: C,
    seq,
    kind: 'USER',
    senderUserId: OTHER,
    senderOrganizationId: null,
    clientMessageId: null,
    body: `message ${seq}`,
    systemEvent: null,
    systemPayload: null,
    createdAt: `2026-11-02T09:00:${String(seq).padStart(2, '0')}.000Z`,
    editedAt: null,
    deletedAt: null,
    ...patch,
  };
}

function payload(m: ChatMessage): ChatMessagePayload {
  return { ...m, kind: m.kind as ChatMessagePayload['kind'], systemPayload: null };
}

function outgoing(clientMessageId: string, body = 'hello'): OutgoingMessage {
  return { clientMessageId, conversationId: C, body, state: 'pending', createdAt: '2026-11-02T09:01:00.000Z', error: null };
}

function conversation(id: string, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    __typename: 'Conversation',
    id,
    contextType: 'DEMAND',
    contextId: `listing-${id}`,
    contextTitle: null,
    contextTitleEn: null,
    lastSeq: 0,
    lastMessageAt: null,
    unreadCount: 0,
    lastReadSeq: 0,
    othersLastReadSeq: 0,
    createdAt: '2026-11-01T00:00:00.000Z',
    participants: [],
    lastMessage: null,
    ...patch,
  } as ConversationSummary;
}

const loaded = (messages: ChatMessage[], patch: Partial<ThreadState> = {}): ThreadState => ({
  ...emptyThread(C),
  messages,
  loaded: true,
  ...patch,
});
const seqs = (t: ThreadState | readonly ChatMessage[]) => ('messages' in t ? t.messages : t).map((m) => m.seq);

describe('chat state: order and dedupe', () => {
  it('keeps messages ascending by seq whatever order they arrive in', () => {
    expect(seqs(mergeMessages([message(1), message(4)], [message(3), message(2), message(5)]))).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds one copy per id, the later one winning (an edit, a tombstone)', () => {
    const edited = message(2, { body: 'edited', editedAt: '2026-11-02T10:00:00.000Z' });
    const deleted = message(3, { body: null, deletedAt: '2026-11-02T10:05:00.000Z' });
    const merged = mergeMessages([message(1), message(2), message(3)], [edited, message(1), deleted]);
    expect(merged.map((m) => [m.id, m.body])).toEqual([
      ['m1', 'message 1'],
      ['m2', 'edited'],
      ['m3', null],
    ]);
  });

  it('returns the same list when nothing arrives', () => {
    const current = [message(1)];
    expect(mergeMessages(current, [])).toBe(current);
  });

  it('sees a gap only after what a loaded thread holds', () => {
    expect(leavesGap(loaded([message(1), message(2)]), 3)).toBe(false);
    expect(leavesGap(loaded([message(1), message(2)]), 5)).toBe(true);
    expect(leavesGap(emptyThread(C), 5)).toBe(false);
  });
});

describe('chat state: optimistic send, ack and retry', () => {
  it('shows a send as pending, then the ack turns it into the stored message once', () => {
    const o = outgoing('web-1');
    const pending = withOutgoing(loaded([message(1)]), o);
    expect(pending.outgoing).toEqual([o]);
    const stored = storedFromAck(o, { id: 'm2', seq: 2, createdAt: '2026-11-02T09:01:01.000Z' }, ME);
    expect(stored).toMatchObject({ id: 'm2', seq: 2, senderUserId: ME, clientMessageId: 'web-1', body: 'hello', kind: 'USER' });
    const acked = withMessages(pending, [stored], ME);
    expect(acked.outgoing).toEqual([]);
    expect(seqs(acked)).toEqual([1, 2]);
    // The same message again (the live broadcast of our own send): still one copy.
    expect(seqs(withMessages(acked, [stored], ME))).toEqual([1, 2]);
  });

  it('clears a pending send whose stored copy arrives by sync after a lost ack', () => {
    const thread = withOutgoing(withOutgoing(loaded([message(1)]), outgoing('web-1')), outgoing('web-2', 'second'));
    const synced = withSyncPage(
      thread,
      { messages: [payload(message(2, { senderUserId: ME, clientMessageId: 'web-1', body: 'hello' }))], changed: [] },
      ME,
    );
    expect(synced.outgoing.map((o) => o.clientMessageId)).toEqual(['web-2']);
    expect(seqs(synced)).toEqual([1, 2]);
  });

  it('does not take another user’s message with the same client id as our ack', () => {
    const thread = withOutgoing(loaded([]), outgoing('web-1'));
    const theirs = message(1, { senderUserId: OTHER, clientMessageId: 'web-1' });
    expect(withMessages(thread, [theirs], ME).outgoing).toHaveLength(1);
  });

  it('marks a refused send failed and a retry pending again, keeping its client id', () => {
    const thread = withOutgoing(loaded([]), outgoing('web-1'));
    const failed = withOutgoingPatched(thread, 'web-1', { state: 'failed', error: 'RATE_LIMITED' });
    expect(failed.outgoing[0]).toMatchObject({ clientMessageId: 'web-1', state: 'failed', error: 'RATE_LIMITED' });
    const retried = withOutgoingPatched(failed, 'web-1', { state: 'pending', error: null });
    expect(retried.outgoing[0]).toMatchObject({ clientMessageId: 'web-1', state: 'pending', error: null, body: 'hello' });
    expect(withoutOutgoing(retried, 'web-1').outgoing).toEqual([]);
  });
});

describe('chat state: sync merge', () => {
  it('appends the missed messages and applies edits and deletes of older ones', () => {
    const thread = loaded([message(1), message(2)]);
    const next = withSyncPage(
      thread,
      {
        messages: [message(4), message(3)].map(payload),
        changed: [payload(message(1, { body: null, deletedAt: '2026-11-02T11:00:00.000Z' }))],
      },
      ME,
    );
    expect(seqs(next)).toEqual([1, 2, 3, 4]);
    expect(next.messages[0]).toMatchObject({ id: 'm1', body: null, deletedAt: '2026-11-02T11:00:00.000Z' });
  });

  it('is idempotent: a page applied twice changes nothing', () => {
    const page = { messages: [payload(message(3))], changed: [] };
    const once = withSyncPage(loaded([message(1), message(2)]), page, ME);
    expect(withSyncPage(once, page, ME).messages).toEqual(once.messages);
  });
});

describe('chat state: conversation list', () => {
  it('lists the most recent activity first, ties by id', () => {
    const list = sortConversations([
      conversation('a', { lastMessageAt: '2026-11-02T09:00:00.000Z' }),
      conversation('b', { lastMessageAt: '2026-11-02T10:00:00.000Z' }),
      conversation('c'),
      conversation('d', { lastMessageAt: '2026-11-02T09:00:00.000Z' }),
    ]);
    expect(list.map((c) => c.id)).toEqual(['b', 'd', 'a', 'c']);
  });

  it('counts a newer message unread unless told not to, and ignores older news', () => {
    const c = conversation('a', { lastSeq: 5, unreadCount: 1 });
    const activity = { conversationId: 'a', messageId: 'm6', seq: 6, senderUserId: OTHER, createdAt: '2026-11-02T12:00:00.000Z' };
    expect(withActivity(c, activity, true)).toMatchObject({ lastSeq: 6, lastMessageAt: activity.createdAt, unreadCount: 2 });
    expect(withActivity(c, activity, false)).toMatchObject({ lastSeq: 6, unreadCount: 1 });
    expect(withActivity(c, { ...activity, seq: 5 }, true)).toBe(c);
  });

  it('keeps what a live event told when the server’s list is older, and reads what is on screen', () => {
    const local = [conversation('a', { lastSeq: 9, lastMessageAt: '2026-11-02T12:00:00.000Z', unreadCount: 3 })];
    const fresh = [
      conversation('a', { lastSeq: 7, lastMessageAt: '2026-11-02T11:00:00.000Z', unreadCount: 1 }),
      conversation('b', { lastSeq: 2, lastMessageAt: '2026-11-02T13:00:00.000Z', unreadCount: 4 }),
    ];
    const merged = mergeConversationList(local, fresh, new Set(['b']));
    expect(merged.map((c) => [c.id, c.lastSeq, c.unreadCount])).toEqual([
      ['b', 2, 0],
      ['a', 9, 3],
    ]);
  });
});
