import { type Locale, PlatformRole } from '@aimatch/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SessionLookup } from '../../common/auth/session-lookup';
import { AppError } from '../../common/errors/app-error';
import { Clock } from '../../common/clock';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { TransactionService } from '../../database/transaction.service';
import { IdentityRepository } from './identity.repository';

/** Platform roles that need a session which passed the second factor. */
export const SECOND_FACTOR_ROLES: readonly PlatformRole[] = [PlatformRole.STAFF, PlatformRole.ADMIN];

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
export class SessionService implements SessionLookup {
  constructor(
    private readonly jwt: JwtService,
    private readonly repository: IdentityRepository,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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
      await this.repository.revokeFamily(known.familyId, now);
      throw AppError.unauthenticated('refresh-reused');
    }
    throw AppError.unauthenticated('session-expired');
  }

  /** Ends the session the token belongs to (all its rotations). Unknown tokens are ignored. */
  async signOut(refreshToken: string): Promise<void> {
    const known = await this.repository.findRefreshToken(this.hashToken(refreshToken.slice(0, 200)));
    if (known) await this.repository.revokeFamily(known.familyId, this.clock.now());
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
}
