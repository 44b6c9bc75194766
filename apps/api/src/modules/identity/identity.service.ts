import { Locale, MembershipRole, type PlatformRole, type VerificationStatus } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../common/errors/app-error';
import { OutboxService } from '../../database/outbox/outbox.service';
import type {
  Membership,
  Organization,
  OrganizationMember,
  RegistrationFacts,
  SeedOrganization,
  UserProfile,
} from './dto/identity.records';
import { IdentityRepository } from './identity.repository';
import { PasswordHasher } from './password-hasher';

/**
 * Identity's read API for other modules: organizations, memberships and users (identity owns
 * their tables; others ask here instead of joining them). Methods that take `tx` read inside the
 * caller's transaction. No access checks: callers authorise their own actor first.
 */
@Injectable()
export class IdentityService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  organization(id: string): Promise<Organization | null> {
    return this.repository.findOrganization(id);
  }

  organizations(ids: string[], tx?: EntityManager): Promise<Organization[]> {
    return this.repository.findOrganizations([...new Set(ids)], tx);
  }

  /** The organizations the user belongs to, oldest membership first. */
  organizationsOfUser(userId: string, tx?: EntityManager): Promise<Organization[]> {
    return this.repository.organizationsOfUser(userId, tx);
  }

  /** The ids of the organizations the user belongs to, oldest membership first. */
  async organizationIdsOfUser(userId: string, tx?: EntityManager): Promise<string[]> {
    return (await this.repository.membershipsOfUser(userId, tx)).map((m) => m.organizationId);
  }

  /** The distinct members of an organization (user ids, ascending). */
  memberUserIds(organizationId: string, tx?: EntityManager): Promise<string[]> {
    return this.repository.memberUserIds(organizationId, tx);
  }

  /** Those of these ids that name a user, each once, ascending. */
  existingUserIds(userIds: string[], tx?: EntityManager): Promise<string[]> {
    return this.repository.existingUserIds([...new Set(userIds)], tx);
  }

  /** Users (without credentials) by id; unknown ids are left out. */
  async users(ids: string[]): Promise<UserProfile[]> {
    return (await this.repository.findUsers([...new Set(ids)])).map(({ passwordHash: _, ...user }) => user);
  }

  /** Which of these users belong to which of these organizations. */
  membershipsAmong(userIds: string[], organizationIds: string[]): Promise<Array<Pick<Membership, 'userId' | 'organizationId'>>> {
    return this.repository.membershipsAmong([...new Set(userIds)], [...new Set(organizationIds)]);
  }

  // --- seeding (the demo marketplace; no validation, no outbox events) ------------------------

  hashPassword(password: string): Promise<string> {
    return this.hasher.hash(password);
  }

  /** The account with this e-mail and its first organization, or null when there is none. */
  async accountByEmail(email: string): Promise<{ userId: string; organizationId: string | null } | null> {
    const user = await this.repository.findUserByEmailWithPassword(email);
    if (!user) return null;
    const [membership] = await this.repository.membershipsOfUser(user.id);
    return { userId: user.id, organizationId: membership?.organizationId ?? null };
  }

  emailTaken(email: string): Promise<boolean> {
    return this.repository.emailTaken(email);
  }

  /** A user who owns a new organization, inside the caller's transaction; returns the organization id. */
  async createAccountWithOrganization(
    tx: EntityManager,
    account: { email: string; passwordHash: string; displayName: string; roles: PlatformRole[]; organization: SeedOrganization },
  ): Promise<string> {
    const user = await this.repository.insertUser(tx, {
      email: account.email,
      passwordHash: account.passwordHash,
      displayName: account.displayName,
      locale: Locale.KO,
      platformRoles: account.roles,
      emailVerifiedAt: this.clock.now(),
    });
    const organization = await this.repository.insertOrganization(tx, account.organization);
    await this.repository.insertMembership(tx, { userId: user.id, organizationId: organization.id, role: MembershipRole.OWNER });
    return organization.id;
  }

  // --- verification and suspension (modules/verification decides; identity keeps the status) ---

  /** The organization, locked FOR UPDATE in the caller's transaction (serialises status changes); null when unknown. */
  lockOrganization(tx: EntityManager, id: string): Promise<Organization | null> {
    return this.repository.lockOrganization(tx, id);
  }

  /**
   * Sets the organization's verification status inside the caller's transaction, with an
   * `organization.verification-changed` event (search re-indexes its listings: verified badge,
   * and a suspended organization's listings leave search). Returns the organization as it is now.
   */
  async setVerificationStatus(tx: EntityManager, organizationId: string, status: VerificationStatus): Promise<Organization> {
    const before = await this.repository.lockOrganization(tx, organizationId);
    if (!before) throw new Error(`organization ${organizationId} does not exist`);
    const after = await this.repository.updateOrganization(tx, organizationId, { verificationStatus: status });
    await this.outbox.enqueue(tx, {
      aggregateType: 'organization',
      aggregateId: organizationId,
      eventType: 'organization.verification-changed',
      payload: { organizationId, from: before.verificationStatus, to: status },
    });
    return after;
  }

  /** Every user with a staff platform role (STAFF or ADMIN), ascending by id. */
  staffUserIds(tx?: EntityManager): Promise<string[]> {
    return this.repository.staffUserIds(tx);
  }

  /** The organization's members with their names and e-mail addresses, oldest membership first (for staff). */
  membersOf(organizationId: string): Promise<OrganizationMember[]> {
    return this.repository.membersWithUsers(organizationId);
  }

  // --- trust & safety (modules/trust reads; identity records the facts at sign-up) ---------------

  /** Registration facts of every organization, or of these (for the trust & safety scan; no access checks). */
  registrationFacts(organizationIds?: string[]): Promise<RegistrationFacts[]> {
    return this.repository.registrationFacts(organizationIds);
  }

  /** The user ids of the organization's owners (e.g. to warn them), inside `tx` when given. */
  ownerUserIds(organizationId: string, tx?: EntityManager): Promise<string[]> {
    return this.repository.ownerUserIds(organizationId, tx);
  }

  // --- e-mail verification (helper E) ---------------------------------------------------------

  /**
   * FORBIDDEN `email-unverified` unless the user proved their e-mail address: the one gate of
   * messages, bids and listing submission. Reads the database, not the token, so a verification
   * takes effect at once.
   */
  async assertEmailVerified(userId: string): Promise<void> {
    const user = await this.repository.findUser(userId);
    if (!user?.emailVerifiedAt) throw AppError.forbidden('email-unverified', { reason: 'email-unverified' });
  }

  // --- verified organizations (modules/verification's supplier list; helper G) --------------------

  /** VERIFIED organizations of these kinds, by Korean name (no access checks: the caller is staff-only). */
  verifiedOrganizationsPage(
    filter: { kinds: string[]; regionId: string | null; onlyIds: string[] | null },
    limit: number | null,
    after: unknown[] | null,
  ): Promise<{ rows: Organization[]; total: number }> {
    return this.repository.verifiedOrganizationsPage(filter, limit, after);
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /** Organizations created in [from, to) per period and kind. */
  newOrganizationsPerPeriod(from: Date, to: Date, unit: 'day' | 'week' | 'month') {
    return this.repository.newOrganizationsPerPeriod(from, to, unit);
  }

  /** Eligibility facts of every member organization (not the association's), in one query. */
  eligibilityFactsOfAll() {
    return this.repository.eligibilityFactsOfAll();
  }
}
