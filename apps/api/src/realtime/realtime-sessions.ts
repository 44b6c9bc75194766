import { ErrorCode, type SocketError } from '@aimatch/contracts';
import { localizeViolation, type MessageLocale, parseInput } from '@aimatch/validation';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { z } from 'zod';
import { AccessTokenVerifier } from '../common/auth/access-token.verifier';
import { Clock } from '../common/clock';
import { AppError } from '../common/errors/app-error';
import { clientAddress, type TrustFunction, trustFunction } from '../common/http/client-address';
import { message as localized } from '../common/errors/messages';
import { RateLimiter, type RateLimitPolicy } from '../common/rate-limit/rate-limit.service';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import type { Viewer } from '../graphql/request-context';
import { realtimeSessionRoom } from './realtime.publisher';

/** What the handshake leaves on every socket of every namespace. */
export interface RealtimeSocketData {
  viewer: Viewer;
  token: string;
  expiry?: NodeJS.Timeout;
  /** When the session was last found live (Clock ms): the handshake, `auth`, or an event's re-check. */
  sessionCheckedAt?: number;
  /** The re-check under way, shared by the events that arrive meanwhile. */
  sessionCheck?: Promise<void>;
}

/** A socket of any namespace, as far as the shared session code is concerned. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each gateway types its own event maps
type AnySocket = Socket<any, any, any, RealtimeSocketData>;
type Middleware = (socket: AnySocket, next: (err?: Error) => void) => void;
/** The engine.io connection (the WebSocket) under a namespace's socket. */
type Connection = AnySocket['conn'];

/** Binds a namespace's client events through the shared limiter and error mapping. */
export interface RealtimeEvents {
  /**
   * Binds `event`: counts it under `policy` per user (null when the handler counts it itself, e.g.
   * after validating), runs the handler and answers its result, or a SocketError, in the ack; a
   * refused event without an ack goes to the namespace's `unacked` handler.
   */
  on(event: string, policy: RateLimitPolicy | null, handler: (payload: unknown) => Promise<unknown>): void;
}

const authSchema = z.object({ token: z.string().min(1).max(4096) }).strict();
const MAX_TOKEN_LENGTH = 4096;
// setTimeout overflows past 2^31-1 ms; access tokens live far shorter.
const MAX_TIMER_MS = 2 ** 31 - 1;
/**
 * How long a socket's session check holds: an event re-reads the session (revoked? current roles
 * and locale?) when the last check is older than 5 seconds. A revocation normally closes the
 * sockets at once (SessionService.revoke → `session.revoked` → RealtimePublisher.endSessions);
 * this bounds the damage when that close did not arrive (an instance without the adapter, a
 * revocation written by another process): at most 5 s of events after it, then UNAUTHENTICATED.
 */
export const SESSION_RECHECK_MS = 5_000;

/** An event refused because the socket's session ended: answered UNAUTHENTICATED, then the socket is closed. */
class SessionEnded extends AppError {
  constructor() {
    super(ErrorCode.UNAUTHENTICATED, 'session-expired');
  }
}

/** Seconds-since-epoch expiry of a JWT already verified by AccessTokenVerifier. */
function tokenExpiry(token: string): number {
  return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number }).exp;
}

/**
 * The one handshake and session implementation of every socket.io namespace (`/` for
 * notifications, `/chat`), which a client multiplexes over one WebSocket:
 *
 * - **Handshake** (namespace middleware, before the socket exists, so no event arrives
 *   unauthenticated): the address's handshake rate (`socket-connect`) and concurrent-connection
 *   cap, the access token (`auth: { token }`), then the user's concurrent-connection cap. A refusal
 *   is `connect_error` with message UNAUTHENTICATED or RATE_LIMITED and `data: SocketError`.
 * - **Expiry**: `session:expired`, then the namespace is closed at the token's expiry, unless the
 *   client sent a fresher token of the same user with `auth` (which reschedules it). Only that
 *   namespace closes: the client's other namespaces on the same WebSocket keep their own sessions.
 * - **Events**: each is counted under a rate-limit policy per user and answers `{ error }` in its
 *   ack when refused; errors never disturb other sockets. Before that the session is re-checked
 *   (at most every SESSION_RECHECK_MS): a revoked one refuses the event with UNAUTHENTICATED,
 *   sends `session:revoked` and closes the connection.
 * - **Revocation**: every socket joins its session's room (`session:<familyId>`), which
 *   RealtimePublisher.endSessions tells (`session:revoked`) and closes on every instance.
 *
 * Connection caps count WebSockets (engine.io connections, whatever namespaces they carry) per
 * user and per address **in this process**: a cap of N admits up to N per instance. The handshake
 * and event rates are counted in PostgreSQL (RateLimiter), across instances.
 */
@Injectable()
export class RealtimeSessions {
  private readonly logger = new Logger('Realtime');
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly byAddress = new Map<string, Set<Connection>>();
  private readonly trust: TrustFunction;

  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.trust = trustFunction(config.TRUST_PROXY);
  }

  /** Installs the shared handshake on a namespace (or on the server's default one). */
  authenticate(target: { use(fn: Middleware): unknown }): void {
    target.use((socket, next) => {
      const address = this.addressOf(socket);
      const connection = socket.conn;
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      const admitted = async (): Promise<void> => {
        if (!this.hasRoom(this.byAddress, address, connection, this.config.SOCKET_MAX_CONNECTIONS_PER_ADDRESS)) {
          throw AppError.rateLimited(1);
        }
        await this.limiter.consume('socket-connect', address);
        if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw AppError.unauthenticated();
        const viewer = await this.verifier.verify(token);
        if (
          !this.hasRoom(this.byUser, viewer.userId, connection, this.config.SOCKET_MAX_CONNECTIONS_PER_USER) ||
          !this.hasRoom(this.byAddress, address, connection, this.config.SOCKET_MAX_CONNECTIONS_PER_ADDRESS)
        ) {
          throw AppError.rateLimited(1);
        }
        // Gone while the token was checked: nothing to count (its 'close' has fired already).
        if (connection.readyState === 'closed') throw AppError.unauthenticated();
        this.count(connection, viewer.userId, address);
        socket.data.viewer = viewer;
        socket.data.token = token;
        socket.data.sessionCheckedAt = this.clock.now().getTime();
      };
      admitted().then(
        () => next(),
        (err: unknown) => next(this.handshakeRefusal(err)),
      );
    });
  }

  /**
   * Starts the session of a connected socket: the expiry timer (cleared on disconnect) and the
   * `auth` refresh. Returns the binder for the namespace's own events; `unacked` receives the
   * errors of events sent without an ack.
   */
  open(socket: AnySocket, unacked: (error: SocketError, event: string) => void = () => undefined): RealtimeEvents {
    this.scheduleExpiry(socket);
    socket.once('disconnect', () => clearTimeout(socket.data.expiry));
    void socket.join(realtimeSessionRoom(socket.data.viewer.sessionId));
    const events: RealtimeEvents = {
      on: (event, policy, handler) => {
        socket.on(event, (...args: unknown[]) => {
          const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: unknown) => void) : undefined;
          const payload = args.length === 1 ? args[0] : undefined;
          const run = async () => {
            await this.recheckSession(socket);
            if (policy) await this.limiter.consume(policy, socket.data.viewer.userId);
            return handler(payload);
          };
          run().then(
            (result) => ack?.(result),
            (err: unknown) => {
              const error = this.toSocketError(err, socket.data.viewer);
              if (ack) ack({ error });
              else unacked(error, event);
              if (err instanceof SessionEnded) socket.disconnect(true);
            },
          );
        });
      },
    };
    events.on('auth', 'socket-auth', (p) => this.refresh(socket, p));
    return events;
  }

  /** `auth`: a fresher token of the same user keeps the socket open past the old expiry. */
  private async refresh(socket: AnySocket, payload: unknown): Promise<{ expiresAt: string }> {
    const parsed = parseInput(authSchema, payload);
    if (!parsed.ok) throw AppError.badInput(parsed.violations);
    const { token } = parsed.value;
    const viewer = await this.verifier.verify(token);
    if (viewer.userId !== socket.data.viewer.userId) throw AppError.forbidden();
    // A token of another session of the same user (signed in again): the socket now belongs to that session.
    if (viewer.sessionId !== socket.data.viewer.sessionId) {
      void socket.leave(realtimeSessionRoom(socket.data.viewer.sessionId));
      void socket.join(realtimeSessionRoom(viewer.sessionId));
    }
    socket.data.viewer = viewer;
    socket.data.token = token;
    socket.data.sessionCheckedAt = this.clock.now().getTime();
    this.scheduleExpiry(socket);
    return { expiresAt: new Date(tokenExpiry(token) * 1000).toISOString() };
  }

  /**
   * Re-reads the socket's session when the last check is older than SESSION_RECHECK_MS (current
   * roles and locale included). A revoked (or expired) session refuses the event: the socket is
   * told (`session:revoked`, or `session:expired` past the token's expiry) and closed after the answer.
   */
  private async recheckSession(socket: AnySocket): Promise<void> {
    if (this.clock.now().getTime() - (socket.data.sessionCheckedAt ?? 0) < SESSION_RECHECK_MS) return;
    socket.data.sessionCheck ??= (async () => {
      const token = socket.data.token;
      try {
        const viewer = await this.verifier.verify(token);
        if (socket.data.token === token) {
          socket.data.viewer = viewer;
          socket.data.sessionCheckedAt = this.clock.now().getTime();
        }
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== ErrorCode.UNAUTHENTICATED) throw err;
        socket.emit(tokenExpiry(token) * 1000 <= Date.now() ? 'session:expired' : 'session:revoked');
        throw new SessionEnded();
      }
    })().finally(() => (socket.data.sessionCheck = undefined));
    return socket.data.sessionCheck;
  }

  private scheduleExpiry(socket: AnySocket): void {
    clearTimeout(socket.data.expiry);
    const ms = Math.min(MAX_TIMER_MS, Math.max(0, tokenExpiry(socket.data.token) * 1000 - Date.now()));
    socket.data.expiry = setTimeout(() => {
      socket.emit('session:expired');
      // This namespace only: the WebSocket may carry the client's other namespaces.
      socket.disconnect();
    }, ms);
  }

  /** The client's address, by the same rule as HTTP's `request.ip` (named trusted proxies only). */
  private addressOf(socket: AnySocket): string {
    return clientAddress(socket.request, this.trust);
  }

  /** True when `key` may hold one more connection (a connection already counted for it, e.g. by another namespace, always fits). */
  private hasRoom(counts: Map<string, Set<Connection>>, key: string, connection: Connection, cap: number): boolean {
    const held = counts.get(key);
    return !held || held.has(connection) || held.size < cap;
  }

  /** Counts the connection for its user and address until the WebSocket closes. */
  private count(connection: Connection, userId: string, address: string): void {
    const add = (counts: Map<string, Set<Connection>>, key: string) => {
      let held = counts.get(key);
      if (!held) counts.set(key, (held = new Set()));
      if (held.has(connection)) return;
      held.add(connection);
      connection.once('close', () => {
        held.delete(connection);
        if (!held.size && counts.get(key) === held) counts.delete(key);
      });
    };
    add(this.byUser, userId);
    add(this.byAddress, address);
  }

  private handshakeRefusal(err: unknown): Error & { data: SocketError } {
    const limited = err instanceof AppError && err.code === ErrorCode.RATE_LIMITED;
    if (!(err instanceof AppError)) this.logger.warn(`socket handshake refused: ${err instanceof Error ? err.message : String(err)}`);
    const key = limited
      ? 'rate-limited'
      : err instanceof AppError && err.messageKey === 'session-expired'
        ? 'session-expired'
        : 'unauthenticated';
    const code = limited ? ErrorCode.RATE_LIMITED : ErrorCode.UNAUTHENTICATED;
    const refusal = new Error(code) as Error & { data: SocketError };
    refusal.data = { code, message: localized(key, 'ko') };
    if (limited && err.retryAfterSeconds !== undefined) refusal.data.retryAfter = err.retryAfterSeconds;
    return refusal;
  }

  /** The one mapping of a failed event to what the client receives, in the viewer's language. */
  private toSocketError(err: unknown, viewer: Viewer | undefined): SocketError {
    const locale: MessageLocale = viewer?.locale === 'EN' ? 'en' : 'ko';
    if (err instanceof AppError) {
      const error: SocketError = { ...err.messageParams, code: err.code, message: localized(err.messageKey, locale, err.messageParams) };
      if (err.violations.length)
        error.fields = err.violations.map((v) => ({ path: v.path, rule: v.rule, message: localizeViolation(v, locale) }));
      if (err.retryAfterSeconds !== undefined) error.retryAfter = err.retryAfterSeconds;
      return error;
    }
    this.logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    return { code: ErrorCode.INTERNAL, message: localized('internal', locale) };
  }
}
