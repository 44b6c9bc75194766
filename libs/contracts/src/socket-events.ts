/**
 * Typed socket.io event maps shared by api and web. One WebSocket per client carries every
 * real-time push; features add their events here (chat, notifications).
 */
export interface ServerToClientEvents {
  'session:expired': () => void;
}

export interface ClientToServerEvents {
  ping: (ack: (reply: { at: string }) => void) => void;
}
