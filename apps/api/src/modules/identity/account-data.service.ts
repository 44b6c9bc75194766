import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { SessionService } from './session.service';
import { AccountDataRepository, type SessionSummary } from './account-data.repository';
import { AccountTokenService } from './account-token.service';
import { ConsentService } from './consent.service';
import { IdentityRepository } from './identity.repository';
import { PasswordHasher } from './password-hasher';

export type { SessionSummary } from './account-data.repository';

/** Identity's part of a user's personal data download (modules/account assembles the whole). */
export interface IdentityPersonalData {
  profile: {
    id: string;
    email: string;
    displayName: string;
    locale: string;
    platformRoles: string[];
    emailVerifiedAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  };
  memberships: { organizationId: string; organizationName: string; role: string; joinedAt: Date }[];
  consents: { kind: string; version: string; grantedAt: Date; withdrawnAt: Date | null }[];
  sessions: SessionSummary[];
}

/** At most this many sign-ins (refresh families) in a download, newest first. */
export const MAX_EXPORTED_SESSIONS = 200;

/**
 * The signed-in user's own account data and the deletion of their account: identity's side of modules/account
 * (which calls the other modules' services and holds the one transaction). No access checks beyond "the user
 * themselves": callers pass the viewer's own id.
 */
@Injectable()
export class AccountDataService {
  constructor(
    private readonly repository: AccountDataRepository,
    private readonly identity: IdentityRepository,
    private readonly consents: ConsentService,
    private readonly tokens: AccountTokenService,
    private readonly hasher: PasswordHasher,
    private readonly rateLimit: RateLimiter,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
  ) {}

  async personalData(userId: string): Promise<IdentityPersonalData> {
    const [user, memberships, organizations, consents, sessions] = await Promise.all([
      this.identity.findUser(userId),
      this.identity.membershipsOfUser(userId),
      this.identity.organizationsOfUser(userId),
      this.consents.history(userId),
      this.repository.sessions(userId, MAX_EXPORTED_SESSIONS),
    ]);
    if (!user || user.deletedAt) throw AppError.unauthenticated();
    const names = new Map(organizations.map((o) => [o.id, o.nameKo]));
    return {
      profile: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        locale: user.locale,
        platformRoles: user.platformRoles,
        emailVerifiedAt: user.emailVerifiedAt,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
      memberships: memberships.map((m) => ({
        organizationId: m.organizationId,
        organizationName: names.get(m.organizationId) ?? '',
        role: m.role,
        joinedAt: m.createdAt,
      })),
      consents,
      sessions,
    };
  }

  /**
   * Confirms a destructive account action with the user's password. A wrong one is BAD_USER_INPUT on `password`
   * and counts like a failed sign-in (the `signin-account` bucket of this account and address), so the
   * confirmation cannot be used to guess passwords faster than the sign-in form.
   */
  async confirmPassword(userId: string, password: string, ip: string): Promise<void> {
    const account = await this.repository.passwordHashOf(userId);
    if (!account) throw AppError.unauthenticated();
    const key = `${account.email}|${ip}`;
    await this.rateLimit.claimAttempt('signin-account', key);
    if (!(await this.hasher.verify(account.passwordHash, password.slice(0, 200)))) {
      await this.rateLimit.recordFailure('signin-account', key);
      throw AppError.field('password', 'password-incorrect');
    }
    await this.rateLimit.clearFailures('signin-account', key);
  }

  /**
   * Identity's part of deleting the account, inside the caller's transaction: refused with CONFLICT `last-owner`
   * while the user is the only owner of an organization that has other members (transfer ownership first); a
   * sole member's organization stays, with its listings, without members. Then the user row is anonymised, the
   * memberships removed, every session ended and the one-time account tokens retired.
   */
  async deleteInTransaction(tx: EntityManager, userId: string): Promise<void> {
    const blocking = await this.repository.soleOwnerWithMembers(tx, userId);
    if (blocking.length) {
      throw AppError.conflict('last-owner-with-members', {
        reason: 'last-owner',
        organizations: blocking.map((o) => o.nameKo).join(', '),
        organizationIds: blocking.map((o) => o.id).join(','),
      });
    }
    if (!(await this.repository.anonymise(tx, userId, this.clock.now()))) throw AppError.unauthenticated();
    // Through the one revocation path, so that the user's open sockets are told and closed too.
    await this.sessions.revoke(tx, { userId, allExcept: null });
    await this.tokens.retireAll(tx, userId, 'VERIFY_EMAIL');
    await this.tokens.retireAll(tx, userId, 'RESET_PASSWORD');
  }
}
