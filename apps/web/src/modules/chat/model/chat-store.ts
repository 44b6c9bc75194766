import type { Socket } from 'socket.io-client';
import type { Client } from 'urql';
import { getSession, refreshSession, subscribeSession } from '@/shared/session';
import { openRealtimeSocket } from '@/shared/realtime';
import { ChatMessagesQuery, ConversationsQuery } from '../graphql/operations';
import {
  emptyThread,
  leavesGap,
  maxSeq,
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
} from './chat-state';
import {
  CHAT_NAMESPACE,
  type ChatActivity,
  type ChatFile,
  type ChatClientToServerEvents,
  asLastMessage,
  type ChatMessage,
  type ChatMessagePayload,
  type ChatResult,
  type ChatServerToClientEvents,
  type ChatSnapshot,
  type ChatSyncReply,
  type ConversationSummary,
  fromPayload,
  newClientMessageId,
  type OutgoingMessage,
  type ThreadState,
} from './types';

type ChatSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

const PAGE_SIZE = 30;
const LIST_SIZE = 50;
const ACK_TIMEOUT_MS = 10_000;
const TYPING_TTL_MS = 6_000;
const TYPING_SEND_INTERVAL_MS = 2_000;
const LIST_REFRESH_DEBOUNCE_MS = 300;

function isError<T extends object>(r: ChatResult<T>): r is { error: import('./types').ChatError } {
  return typeof r === 'object' && r !== null && 'error' in r;
}

/**
 * The chat's client state, outside React (components read it with useSyncExternalStore): one
 * socket on `/chat` per signed-in session, the conversation list with unread counts, and the
 * threads the user opened. Every (re)connect re-joins the opened threads and `sync`s what was
 * missed; sends are optimistic and idempotent per clientMessageId, so a retry is stored once.
 */
export class ChatStore {
  private socket: ChatSocket | null = null;
  private snapshot: ChatSnapshot = {
    status: 'idle',
    everConnected: false,
    conversations: [],
    conversationsLoaded: false,
    conversationsError: false,
    totalUnread: 0,
    threads: new Map(),
  };
  private readonly listeners = new Set<() => void>();
  /** Threads whose room this client wants to be in (opened at least once). */
  private readonly joined = new Set<string>();
  /** Threads visible on screen now (read receipts go out for them). */
  private readonly viewing = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private readonly typingTimers = new Map<string, number>();
  private readonly lastTypingSent = new Map<string, number>();
  private readonly syncing = new Set<string>();
  private listTimer: number | undefined;
  private unsubscribeSession: (() => void) | null = null;
  private lastToken: string | null = null;
  private disposed = false;
  private authRetry = 0;

  constructor(
    private readonly client: Client,
    private readonly userId: string,
  ) {}

  // --- React -----------------------------------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ChatSnapshot => this.snapshot;

  get currentUserId(): string {
    return this.userId;
  }

  private set(patch: Partial<ChatSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (patch.conversations) next.totalUnread = patch.conversations.reduce((sum, c) => sum + c.unreadCount, 0);
    this.snapshot = next;
    this.listeners.forEach((l) => l());
  }

  private thread(id: string): ThreadState {
    return this.snapshot.threads.get(id) ?? emptyThread(id);
  }

  private setThread(id: string, update: (t: ThreadState) => ThreadState): void {
    const threads = new Map(this.snapshot.threads);
    threads.set(id, update(this.thread(id)));
    this.set({ threads });
  }

  private setConversation(id: string, update: (c: ConversationSummary) => ConversationSummary): boolean {
    const index = this.snapshot.conversations.findIndex((c) => c.id === id);
    if (index < 0) return false;
    const list = [...this.snapshot.conversations];
    list[index] = update(list[index]!);
    this.set({ conversations: sortConversations(list) });
    return true;
  }

  // --- lifecycle -------------------------------------------------------------------------------

  start(): void {
    // The `/chat` namespace on the tab's one WebSocket (the notifications share it); the token is
    // read at every (re)connect, so a refreshed one is used.
    const socket: ChatSocket = openRealtimeSocket(CHAT_NAMESPACE, { getToken: () => getSession().accessToken });
    this.socket = socket;
    this.lastToken = getSession().accessToken;
    this.set({ status: 'connecting' });

    socket.on('connect', () => {
      this.authRetry = 0;
      this.set({ status: 'connected', everConnected: true });
      void this.resume();
    });
    socket.on('disconnect', (reason) => {
      this.set({ status: 'disconnected' });
      // The server closed it (token expired): refresh, then come back.
      if (reason === 'io server disconnect' && !this.disposed && navigator.onLine !== false) void this.reauthenticate();
    });
    socket.on('connect_error', (err) => {
      this.set({ status: 'disconnected' });
      // A refusal by the server's middleware is not retried by socket.io: refresh the token first.
      if (err.message === 'UNAUTHENTICATED') void this.reauthenticate();
    });
    socket.on('message', (m) => this.onMessage(m));
    socket.on('message:updated', (m) => {
      const message = fromPayload(m);
      if (this.snapshot.threads.has(message.conversationId))
        this.setThread(message.conversationId, (t) => ({ ...t, messages: mergeMessages(t.messages, [message]) }));
      this.scheduleListRefresh();
    });
    socket.on('typing', (p) => this.onTyping(p.conversationId, p.userId, p.typing));
    socket.on('read', (p) => {
      if (p.userId === this.userId) return;
      if (this.snapshot.threads.has(p.conversationId))
        this.setThread(p.conversationId, (t) => ({ ...t, othersReadSeq: Math.max(t.othersReadSeq, p.seq) }));
      this.setConversation(p.conversationId, (c) => ({ ...c, othersLastReadSeq: Math.max(c.othersLastReadSeq, p.seq) }));
    });
    socket.on('unread', (p) => {
      this.setConversation(p.conversationId, (c) => ({ ...c, unreadCount: p.unread }));
    });
    socket.on('conversation:activity', (p) => this.onActivity(p));

    this.unsubscribeSession = subscribeSession(() => {
      const { accessToken } = getSession();
      if (accessToken && accessToken !== this.lastToken) {
        this.lastToken = accessToken;
        // Keep the open socket past the old token's expiry.
        if (socket.connected) socket.emit('auth', { token: accessToken });
      }
    });
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisibility);
    void this.loadConversations();
  }

  dispose(): void {
    this.disposed = true;
    this.unsubscribeSession?.();
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.clearTimeout(this.listTimer);
    this.typingTimers.forEach((timer) => window.clearTimeout(timer));
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = null;
    this.listeners.clear();
  }

  /** The browser lost the network: close now rather than wait for the heartbeat to time out. */
  private readonly onOffline = () => {
    this.socket?.disconnect();
    this.set({ status: 'disconnected' });
  };

  private readonly onOnline = () => {
    if (this.socket && !this.socket.connected) {
      this.set({ status: 'connecting' });
      this.socket.connect();
    }
  };

  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible') this.viewing.forEach((id) => this.markRead(id));
  };

  /** Reconnect with a refreshed token; gives up (the banner stays) after a few failures. */
  private async reauthenticate(): Promise<void> {
    if (this.authRetry >= 3 || this.disposed) return;
    this.authRetry += 1;
    const ok = await refreshSession();
    if (ok && !this.disposed && this.socket && !this.socket.connected) {
      this.set({ status: 'connecting' });
      this.socket.connect();
    }
  }

  /** After every (re)connect: rejoin opened threads, fetch what was missed, resend pending messages. */
  private async resume(): Promise<void> {
    this.scheduleListRefresh(0);
    await Promise.all(
      [...this.joined].map(async (id) => {
        const ok = await this.joinRoom(id);
        if (!ok) return;
        if (this.thread(id).loaded) await this.sync(id);
        else await this.loadLatest(id);
        this.markRead(id);
      }),
    );
    for (const thread of this.snapshot.threads.values()) {
      for (const o of thread.outgoing) if (o.state === 'pending') this.emitSend(o);
    }
  }

  private emitWithAck<R extends object>(event: string, payload: unknown): Promise<ChatResult<R> | null> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      (
        socket.timeout(ACK_TIMEOUT_MS) as unknown as { emit(e: string, p: unknown, cb: (err: unknown, r: ChatResult<R>) => void): void }
      ).emit(event, payload, (err, reply) => resolve(err ? null : reply));
    });
  }

  private async joinRoom(conversationId: string): Promise<boolean> {
    const reply = await this.emitWithAck<{ lastReadSeq: number; lastSeq: number; unread: number }>('join', { conversationId });
    if (!reply || isError(reply)) return false;
    this.setThread(conversationId, (t) => ({ ...t, myReadSeq: Math.max(t.myReadSeq, reply.lastReadSeq) }));
    return true;
  }

  /** Everything after the newest message held, page by page. */
  private async sync(conversationId: string): Promise<void> {
    if (this.syncing.has(conversationId)) return;
    this.syncing.add(conversationId);
    try {
      // The first page's server time: everything changed after it is read by the next sync.
      let startedAt: string | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const { changedSince } = this.thread(conversationId);
        const reply = await this.emitWithAck<ChatSyncReply>('sync', {
          conversationId,
          afterSeq: maxSeq(this.thread(conversationId)),
          ...(changedSince ? { changedSince } : {}),
        });
        if (!reply || isError(reply)) return;
        // New messages, and edits and deletes made while this client was away.
        this.setThread(conversationId, (t) => withSyncPage(t, reply, this.userId));
        startedAt ??= reply.serverTime;
        if (!reply.hasMore) {
          const since = startedAt;
          this.setThread(conversationId, (t) => ({ ...t, changedSince: since }));
          return;
        }
      }
    } finally {
      this.syncing.delete(conversationId);
    }
  }

  // --- conversations ---------------------------------------------------------------------------

  async loadConversations(): Promise<void> {
    const result = await this.client.query(ConversationsQuery, { first: LIST_SIZE }, { requestPolicy: 'network-only' }).toPromise();
    if (this.disposed) return;
    if (!result.data) {
      this.set({ conversationsError: !this.snapshot.conversationsLoaded });
      return;
    }
    // A live event may be newer than this answer: mergeConversationList keeps what it told.
    const fresh = mergeConversationList(
      this.snapshot.conversations,
      result.data.conversations.edges.map(({ node }) => node),
      this.viewing,
    );
    this.set({ conversations: fresh, conversationsLoaded: true, conversationsError: false });
    for (const c of fresh) {
      if (this.snapshot.threads.has(c.id))
        this.setThread(c.id, (t) => ({ ...t, othersReadSeq: Math.max(t.othersReadSeq, c.othersLastReadSeq) }));
    }
  }

  /** Adds (or replaces) a conversation, e.g. one just opened from a demand. */
  upsertConversation(c: ConversationSummary): void {
    const list = this.snapshot.conversations.filter((x) => x.id !== c.id);
    this.set({ conversations: sortConversations([...list, c]) });
  }

  private scheduleListRefresh(delay = LIST_REFRESH_DEBOUNCE_MS): void {
    window.clearTimeout(this.listTimer);
    this.listTimer = window.setTimeout(() => void this.loadConversations(), delay);
  }

  /** A new message in one of our conversations: move it up, count it unread unless on screen. */
  private onActivity(p: ChatActivity): void {
    const mine = p.senderUserId === this.userId;
    const onScreen = this.viewing.has(p.conversationId) && document.visibilityState !== 'hidden';
    const known = this.setConversation(p.conversationId, (c) => withActivity(c, p, !(mine || onScreen)));
    // Unknown conversation (just opened by the other side) or a preview to update: ask the server.
    if (!known || !this.snapshot.threads.get(p.conversationId)?.loaded) this.scheduleListRefresh();
    if (known && this.joined.has(p.conversationId)) {
      const t = this.thread(p.conversationId);
      if (leavesGap(t, p.seq)) void this.sync(p.conversationId);
    }
  }

  // --- threads ---------------------------------------------------------------------------------

  /** A thread on screen: joins its room, loads its newest page, sends read receipts while visible. */
  openThread(conversationId: string): () => void {
    this.viewing.add(conversationId);
    const first = !this.joined.has(conversationId);
    this.joined.add(conversationId);
    if (!this.snapshot.threads.has(conversationId)) {
      const summary = this.snapshot.conversations.find((c) => c.id === conversationId);
      this.setThread(conversationId, (t) => ({ ...t, othersReadSeq: summary?.othersLastReadSeq ?? 0 }));
    }
    if (first) {
      void (async () => {
        if (this.socket?.connected) await this.joinRoom(conversationId);
        await this.loadLatest(conversationId);
        this.markRead(conversationId);
      })();
    } else {
      this.markRead(conversationId);
    }
    return () => {
      this.viewing.delete(conversationId);
    };
  }

  private async loadLatest(conversationId: string): Promise<void> {
    const result = await this.client
      .query(ChatMessagesQuery, { conversationId, first: PAGE_SIZE }, { requestPolicy: 'network-only' })
      .toPromise();
    if (this.disposed) return;
    const page = result.data?.messages;
    if (!page) {
      this.setThread(conversationId, (t) => ({ ...t, error: !t.loaded }));
      return;
    }
    const messages = page.edges.map((e) => fromPayload(e.node));
    this.setThread(conversationId, (t) => ({
      ...withMessages(t, messages, this.userId),
      loaded: true,
      error: false,
      hasOlder: t.loaded ? t.hasOlder : page.pageInfo.hasNextPage,
    }));
    // Anything between this page and the live stream (e.g. a page read before the join).
    if (this.socket?.connected) await this.sync(conversationId);
  }

  async loadOlder(conversationId: string): Promise<void> {
    const t = this.thread(conversationId);
    if (!t.loaded || t.loadingOlder || !t.hasOlder) return;
    const before = t.messages[0]?.seq;
    if (!before) return;
    this.setThread(conversationId, (x) => ({ ...x, loadingOlder: true }));
    const result = await this.client
      .query(ChatMessagesQuery, { conversationId, before, first: PAGE_SIZE }, { requestPolicy: 'network-only' })
      .toPromise();
    const page = result.data?.messages;
    this.setThread(conversationId, (x) => ({
      ...x,
      loadingOlder: false,
      messages: page
        ? mergeMessages(
            x.messages,
            page.edges.map((e) => fromPayload(e.node)),
          )
        : x.messages,
      hasOlder: page ? page.pageInfo.hasNextPage : x.hasOlder,
    }));
  }

  private onMessage(payload: ChatMessagePayload): void {
    const message = fromPayload(payload);
    const id = message.conversationId;
    this.onActivity({
      conversationId: id,
      messageId: message.id,
      seq: message.seq,
      senderUserId: message.senderUserId,
      createdAt: message.createdAt,
    });
    this.setConversation(id, (c) => (message.seq >= (c.lastMessage?.seq ?? 0) ? { ...c, lastMessage: asLastMessage(message) } : c));
    if (!this.snapshot.threads.has(id)) return;
    const t = this.thread(id);
    const gap = leavesGap(t, message.seq);
    this.addMessages(id, [message]);
    if (message.senderUserId) this.onTyping(id, message.senderUserId, false);
    if (gap) void this.sync(id);
    this.markRead(id);
  }

  private addMessages(conversationId: string, messages: ChatMessage[]): void {
    if (messages.length === 0) return;
    this.setThread(conversationId, (t) => withMessages(t, messages, this.userId));
  }

  /** Sends a read receipt for the newest message held, when the thread is on screen. */
  markRead(conversationId: string): void {
    if (!this.viewing.has(conversationId) || document.visibilityState === 'hidden') return;
    const t = this.thread(conversationId);
    const seq = maxSeq(t);
    this.setConversation(conversationId, (c) => (c.unreadCount === 0 ? c : { ...c, unreadCount: 0 }));
    if (seq <= t.myReadSeq || !this.socket?.connected) return;
    this.setThread(conversationId, (x) => ({ ...x, myReadSeq: seq }));
    this.socket.emit('read', { conversationId, seq });
  }

  // --- sending ---------------------------------------------------------------------------------

  send(conversationId: string, body: string, files: readonly ChatFile[] = []): void {
    const outgoing: OutgoingMessage = {
      clientMessageId: newClientMessageId(),
      conversationId,
      body,
      state: 'pending',
      createdAt: new Date().toISOString(),
      error: null,
      ...(files.length ? { files: [...files] } : {}),
    };
    this.setThread(conversationId, (t) => withOutgoing(t, outgoing));
    this.typing(conversationId, false);
    this.emitSend(outgoing);
  }

  /** Sends a failed message again with the same clientMessageId: the server stores it once. */
  retry(conversationId: string, clientMessageId: string): void {
    const o = this.thread(conversationId).outgoing.find((x) => x.clientMessageId === clientMessageId);
    if (!o) return;
    this.updateOutgoing(o, { state: 'pending', error: null });
    this.emitSend({ ...o, state: 'pending' });
  }

  discard(conversationId: string, clientMessageId: string): void {
    this.setThread(conversationId, (t) => withoutOutgoing(t, clientMessageId));
  }

  private updateOutgoing(o: OutgoingMessage, patch: Partial<OutgoingMessage>): void {
    this.setThread(o.conversationId, (t) => withOutgoingPatched(t, o.clientMessageId, patch));
  }

  /** Waits for the socket when offline (resume() sends it); a lost or refused ack marks it failed. */
  private emitSend(o: OutgoingMessage): void {
    if (!this.socket?.connected) return;
    const attempt = (this.attempts.get(o.clientMessageId) ?? 0) + 1;
    this.attempts.set(o.clientMessageId, attempt);
    void this.emitWithAck<{ id: string; seq: number; createdAt: string }>('send', {
      conversationId: o.conversationId,
      clientMessageId: o.clientMessageId,
      body: o.body,
      ...(o.files?.length ? { fileIds: o.files.map((f) => f.id) } : {}),
    }).then((reply) => {
      if (this.attempts.get(o.clientMessageId) !== attempt) return;
      const current = this.thread(o.conversationId).outgoing.find((x) => x.clientMessageId === o.clientMessageId);
      if (!current) return; // already delivered (its copy arrived by sync)
      if (!reply) {
        // No answer: the socket dropped (resume() resends it) or the server is slow.
        if (this.socket?.connected) this.updateOutgoing(o, { state: 'failed', error: null });
        return;
      }
      if (isError(reply)) {
        this.updateOutgoing(o, { state: 'failed', error: reply.error.message });
        return;
      }
      const stored = storedFromAck(o, reply, this.userId);
      this.attempts.delete(o.clientMessageId);
      const t = this.thread(o.conversationId);
      const gap = leavesGap(t, reply.seq);
      this.addMessages(o.conversationId, [stored]);
      this.setConversation(o.conversationId, (c) =>
        reply.seq >= c.lastSeq ? { ...c, lastSeq: reply.seq, lastMessageAt: reply.createdAt, lastMessage: asLastMessage(stored) } : c,
      );
      if (gap) void this.sync(o.conversationId);
      this.markRead(o.conversationId);
    });
  }

  // --- typing ----------------------------------------------------------------------------------

  /** Tells the other side we are typing (throttled), or that we stopped. */
  typing(conversationId: string, typing: boolean): void {
    if (!this.socket?.connected || !this.joined.has(conversationId)) return;
    const now = Date.now();
    const last = this.lastTypingSent.get(conversationId) ?? 0;
    if (typing && now - last < TYPING_SEND_INTERVAL_MS) return;
    if (!typing && last === 0) return;
    this.lastTypingSent.set(conversationId, typing ? now : 0);
    this.socket.emit('typing', { conversationId, typing });
  }

  private onTyping(conversationId: string, userId: string, typing: boolean): void {
    if (userId === this.userId || !this.snapshot.threads.has(conversationId)) return;
    const key = `${conversationId}:${userId}`;
    window.clearTimeout(this.typingTimers.get(key));
    const t = this.thread(conversationId);
    const has = t.typing.includes(userId);
    if (typing) {
      this.typingTimers.set(
        key,
        window.setTimeout(() => this.onTyping(conversationId, userId, false), TYPING_TTL_MS),
      );
      if (!has) this.setThread(conversationId, (x) => ({ ...x, typing: [...x.typing, userId] }));
    } else if (has) {
      this.typingTimers.delete(key);
      this.setThread(conversationId, (x) => ({ ...x, typing: x.typing.filter((u) => u !== userId) }));
    }
  }
}
