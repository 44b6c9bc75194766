import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useClient } from 'urql';
import { useSession } from '@/shared/session';
import { ChatStore } from '../model/chat-store';
import type { ChatSnapshot, ThreadState } from '../model/types';

const ChatContext = createContext<ChatStore | null>(null);

/**
 * One chat store (and socket) per signed-in session: rebuilt when the identity changes, closed
 * on sign-out. Mounted once in the layout so the header badge and the pages share it.
 */
export function ChatProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const { status, userId, epoch } = useSession();
  const [store, setStore] = useState<ChatStore | null>(null);
  const active = status === 'authenticated' && userId !== null;

  useEffect(() => {
    if (!active || !userId) {
      setStore(null);
      return;
    }
    const next = new ChatStore(client, userId);
    next.start();
    setStore(next);
    return () => next.dispose();
    // `epoch` changes with the identity; a token rotation for the same user keeps the store.
  }, [active, userId, epoch, client]);

  return <ChatContext.Provider value={store}>{children}</ChatContext.Provider>;
}

/** The chat store of the session, or null when signed out (or before it started). */
export function useChatStore(): ChatStore | null {
  return useContext(ChatContext);
}

const IDLE: ChatSnapshot = {
  status: 'idle',
  everConnected: false,
  conversations: [],
  conversationsLoaded: false,
  conversationsError: false,
  totalUnread: 0,
  threads: new Map(),
};
const noop = () => () => {};

export function useChatSnapshot(): ChatSnapshot {
  const store = useChatStore();
  return useSyncExternalStore(store?.subscribe ?? noop, store ? store.getSnapshot : () => IDLE);
}

/** A thread's state; opening it (joins, loads, read receipts) for as long as the component is mounted. */
export function useThread(conversationId: string): ThreadState | undefined {
  const store = useChatStore();
  const snapshot = useChatSnapshot();
  useEffect(() => store?.openThread(conversationId), [store, conversationId]);
  return snapshot.threads.get(conversationId);
}
