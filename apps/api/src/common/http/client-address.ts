import proxyaddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';

export type TrustFunction = (address: string, hop: number) => boolean;

/**
 * The one rule for who is believed about the client's address, shared by HTTP (Fastify's
 * `trustProxy`, hence `request.ip`) and the socket handshake: X-Forwarded-For is walked from
 * the right and each hop is believed only while the address that sent it is a named trusted
 * proxy (TRUST_PROXY); the first untrusted address is the client. With no trusted proxies the
 * peer address is the client, whatever headers it sends.
 */
export function trustFunction(trustedProxies: readonly string[]): TrustFunction {
  if (trustedProxies.length === 0) return () => false;
  return proxyaddr.compile([...trustedProxies]);
}

/** The client address of a raw request (a socket.io handshake's `socket.request`, for instance). */
export function clientAddress(request: IncomingMessage, trust: TrustFunction): string {
  return proxyaddr(request, trust);
}
