import { type Locale, PlatformRole } from '@aimatch/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SessionLookup } from '../../common/auth/session-lookup';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../common/clock';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { RealtimePublisher } from '../../realtime/realtime.publisher';
import { IdentityRepository } from './identity.repository';

/** Platform roles that need a session which passed the second factor. */
export const SECOND_FACTOR_ROLES: readonly PlatformRole[] = [PlatformRole.STAFF, PlatformRole.ADMIN];

/** Which sessions (refresh families) of a user to revoke: the given ones, or all but one (null: all). */
export type RevokeTarget = { userId: string; familyIds: string[] } | { userId: string; allExcept: string | null };

/** Outbox event of every revocation: the sessions' sockets are told and closed after commit. */
export const SESSION_REVOKED_EVENT = 'session.revoked';

export interface IssuedSession {
  userId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

/**
 * Sessions: short-lived JWT access tokens plus opaque refresh tokens that rotate on every use.
 * A refresh token is stored only as an HMAC; presenting one that was already used revokes its
 * whole family (a stolen token is then worthless to both holders) — except within a few
 * seconds of its use (REFRESH_REUSE_GRACE_SECONDS), where a client whose reload or second tab
 * lost the rotated token gets another one instead of being signed out.
 */
@Injectable()
export class SessionService implements SessionLookup, OnModuleInit {
  constructor(
    private readonly jwt: JwtService,
    private readonly repository: IdentityRepository,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly publisher: RealtimePublisher,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(SESSION_REVOKED_EVENT, (e) => this.endSockets(e));
  }

  hashToken(token: string): string {
    return createHmac('sha256', this.config.JWT_REFRESH_SECRET).update(token).digest('base64url');
  }

  /** Starts a session (new family) or continues one (rotation) inside the caller's transaction. */
  async issue(tx: EntityManager, userId: string, familyId: string = randomUUID()): Promise<IssuedSession> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshTokenExpiresAt = new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
    await this.repository.insertRefreshToken(tx, {
      userId,
      familyId,
      tokenHash: this.hashToken(refreshToken),
      expiresAt: refreshTokenExpiresAt,
    });
    const accessToken = await this.jwt.signAsync({ sub: userId, sid: familyId });
    return {
      userId,
      accessToken,
      accessTokenExpiresAt: new Date(now.getTime() + this.config.ACCESS_TOKEN_TTL_SECONDS * 1000),
      refreshToken,
      refreshTokenExpiresAt,
    };
  }

  async refresh(refreshToken: string): Promise<IssuedSession> {
    const tokenHash = this.hashToken(refreshToken.slice(0, 200));
    const now = this.clock.now();
    const session = await this.transactions.run(async (tx) => {
      const claimed = await this.repository.claimRefreshToken(tx, tokenHash, now);
      return claimed ? this.issue(tx, claimed.userId, claimed.familyId) : null;
    });
    if (session) return session;
    const known = await this.repository.findRefreshToken(tokenHash);
    if (!known) throw AppError.unauthenticated();
    const graceMs = this.config.REFRESH_REUSE_GRACE_SECONDS * 1000;
    if (known.usedAt && !known.revokedAt && now.getTime() - known.usedAt.getTime() <= graceMs && known.expiresAt > now) {
      return this.transactions.run((tx) => this.issue(tx, known.userId, known.familyId));
    }
    if (known.usedAt && !known.revokedAt) {
      await this.transactions.run((tx) => this.revoke(tx, { userId: known.userId, familyIds: [known.familyId] }));
      throw AppError.unauthenticated('refresh-reused');
    }
    throw AppError.unauthenticated('session-expired');
  }

  /** Ends the session the token belongs to (all its rotations). Unknown tokens are ignored. */
  async signOut(refreshToken: string): Promise<void> {
    const known = await this.repository.findRefreshToken(this.hashToken(refreshToken.slice(0, 200)));
    if (known) await this.transactions.run((tx) => this.revoke(tx, { userId: known.userId, familyIds: [known.familyId] }));
  }

  /**
   * SessionLookup (provided to common/auth's access-token check): the user's roles and locale while the session is live.
   * STAFF and ADMIN count only in a session that passed the second factor (TwoFactorService): until then a staff
   * member is an ordinary user, who can enrol.
   */
  async activeSession(userId: string, sessionId: string): Promise<{ roles: PlatformRole[]; locale: Locale } | null> {
    const state = await this.repository.sessionState(userId, sessionId);
    if (!state || state.revoked) return null;
    const roles = state.secondFactor ? state.platformRoles : state.platformRoles.filter((r) => !SECOND_FACTOR_ROLES.includes(r));
    return { roles, locale: state.locale };
  }

  // --- revocation (#13 M2) ---------------------------------------------------------------------

  /**
   * THE one way to end sessions (sign-out, refresh-token reuse, password reset and change,
   * account deletion): revokes the user's refresh families in the caller's transaction and
   * queues `session.revoked`, whose handler (after commit) tells the sessions' sockets
   * (`session:revoked`) and closes them on every instance. Access tokens of those sessions stop
   * working at once (AccessTokenVerifier reads the revocation). Returns the revoked family ids.
   */
  async revoke(tx: EntityManager, target: RevokeTarget): Promise<string[]> {
    const now = this.clock.now();
    const familyIds = await this.repository.revokeUserFamilies(
      tx,
      target.userId,
      now,
      'familyIds' in target ? { familyIds: target.familyIds } : { exceptFamilyId: target.allExcept },
    );
    if (familyIds.length) {
      await this.outbox.enqueue(tx, {
        aggregateType: 'user',
        aggregateId: target.userId,
        eventType: SESSION_REVOKED_EVENT,
        payload: { userId: target.userId, familyIds },
      });
    }
    return familyIds;
  }

  private endSockets(event: OutboxEventEntity): Promise<void> {
    const { familyIds } = event.payload as { familyIds?: string[] };
    this.publisher.endSessions(Array.isArray(familyIds) ? familyIds : []);
    return Promise.resolve();
  }
}
