import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import type { AccountTokenPurpose } from './dto/identity.records';
import { IdentityRepository } from './identity.repository';

/** The longest token text accepted from a link (issued tokens are 43 characters). */
const MAX_TOKEN_LENGTH = 200;

/**
 * The one implementation of one-time account links (e-mail verification, password reset):
 * 32 random bytes, stored only as an HMAC (a stolen table grants nothing), for one purpose and
 * one address, expiring, and used at most once. Issue and use inside the caller's transaction,
 * so that the mail (an outbox event in the same transaction) and the token exist together.
 */
@Injectable()
export class AccountTokenService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new token for `userId` at `email`; returns the raw token (to put in the mailed link, never stored). */
  async issue(tx: EntityManager, userId: string, purpose: AccountTokenPurpose, email: string, ttlSeconds: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + ttlSeconds * 1000);
    await this.repository.insertAccountToken(tx, { userId, purpose, email, tokenHash: this.hash(token), expiresAt });
    return token;
  }

  /**
   * Uses a token: the account and address it proves, or null when it is unknown, already used,
   * expired, for another purpose, or was mailed to an address the account no longer has. The
   * user's other unused tokens of the same purpose are retired with it.
   */
  async use(tx: EntityManager, token: string, purpose: AccountTokenPurpose): Promise<{ userId: string; email: string } | null> {
    if (!token || token.length > MAX_TOKEN_LENGTH) return null;
    const now = this.clock.now();
    const used = await this.repository.useAccountToken(tx, this.hash(token), purpose, now);
    if (used) await this.repository.retireAccountTokens(tx, used.userId, purpose, now);
    return used;
  }

  /** Retires every unused token of the user for `purpose` (e.g. reset links after a password change). */
  retireAll(tx: EntityManager, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    return this.repository.retireAccountTokens(tx, userId, purpose, this.clock.now());
  }

  private hash(token: string): string {
    return createHmac('sha256', this.config.JWT_REFRESH_SECRET).update(`account-token:${token}`).digest('base64url');
  }
}
