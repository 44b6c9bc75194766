import { PlatformRole, VerificationStatus } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { updatedRows } from '../../database/updated-rows';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { AccountTokenPurpose, OrganizationMember, RegistrationFacts } from './dto/identity.records';
import { InvitationEntity } from './entities/invitation.entity';
import { MembershipEntity } from './entities/membership.entity';
import { OrganizationEntity } from './entities/organization.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { UserEntity } from './entities/user.entity';

function byIdLoader<T extends { id: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await load([...ids]);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Users, organizations, memberships, sessions and invitations in PostgreSQL. */
@Injectable()
export class IdentityRepository {
  /** Per-request batched look-ups, one factory per entity. */
  readonly userLoader: LoaderFactory<string, UserEntity | null> = {
    create: () => byIdLoader((ids) => this.manager.findBy(UserEntity, { id: In(ids) })),
  };
  readonly organizationLoader: LoaderFactory<string, OrganizationEntity | null> = {
    create: () => byIdLoader((ids) => this.manager.findBy(OrganizationEntity, { id: In(ids) })),
  };
  /** All memberships of a user, keyed by user id. */
  readonly membershipsByUserLoader: LoaderFactory<string, MembershipEntity[]> = {
    create: () =>
      new DataLoader(async (userIds) => {
        const rows = await this.manager.find(MembershipEntity, {
          where: { userId: In([...userIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        });
        return userIds.map((id) => rows.filter((r) => r.userId === id));
      }),
  };

  constructor(private readonly dataSource: DataSource) {}

  private get manager(): EntityManager {
    return this.dataSource.manager;
  }

  findOrganization(id: string): Promise<OrganizationEntity | null> {
    return this.manager.findOneBy(OrganizationEntity, { id });
  }

  async updateUser(id: string, patch: Partial<Pick<UserEntity, 'displayName' | 'locale'>>): Promise<void> {
    await this.manager.update(UserEntity, { id }, { ...patch, updatedAt: () => 'now()' });
  }

  findUser(id: string): Promise<UserEntity | null> {
    return this.manager.findOneBy(UserEntity, { id });
  }

  findUserByEmailWithPassword(email: string): Promise<UserEntity | null> {
    return this.manager
      .createQueryBuilder(UserEntity, 'u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  async emailTaken(email: string): Promise<boolean> {
    return (await this.manager.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email])).length > 0;
  }

  async brnTaken(brn: string, exceptOrganizationId?: string): Promise<boolean> {
    const rows = await this.manager.query(
      'SELECT 1 FROM organizations WHERE business_registration_number = $1 AND ($2::uuid IS NULL OR id <> $2)',
      [brn, exceptOrganizationId ?? null],
    );
    return rows.length > 0;
  }

  insertUser(
    tx: EntityManager,
    user: Pick<UserEntity, 'email' | 'passwordHash' | 'displayName' | 'locale' | 'platformRoles' | 'signupIp'> &
      Partial<Pick<UserEntity, 'emailVerifiedAt'>>,
  ): Promise<UserEntity> {
    return tx.save(tx.create(UserEntity, user));
  }

  insertOrganization(tx: EntityManager, org: Partial<OrganizationEntity>): Promise<OrganizationEntity> {
    return tx.save(tx.create(OrganizationEntity, org));
  }

  async updateOrganization(tx: EntityManager, id: string, patch: Partial<OrganizationEntity>): Promise<OrganizationEntity> {
    if (Object.keys(patch).length) await tx.update(OrganizationEntity, { id }, { ...patch, updatedAt: () => 'now()' });
    return tx.findOneByOrFail(OrganizationEntity, { id });
  }

  insertMembership(tx: EntityManager, m: Pick<MembershipEntity, 'userId' | 'organizationId' | 'role'>): Promise<MembershipEntity> {
    return tx.save(tx.create(MembershipEntity, m));
  }

  membershipsOfUser(userId: string, tx: EntityManager = this.manager): Promise<MembershipEntity[]> {
    return tx.find(MembershipEntity, { where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async membersPage(organizationId: string, limit: number, after: unknown[] | null): Promise<{ rows: MembershipEntity[]; total: number }> {
    const qb = this.manager.createQueryBuilder(MembershipEntity, 'm').where('m.organization_id = :organizationId', { organizationId });
    const total = await qb.getCount();
    if (after) qb.andWhere('(m.created_at, m.id) > (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await qb
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }

  async organizationsPage(
    filter: { verificationStatus?: VerificationStatus },
    limit: number,
    after: unknown[] | null,
  ): Promise<{ rows: OrganizationEntity[]; total: number }> {
    const qb = this.manager.createQueryBuilder(OrganizationEntity, 'o');
    if (filter.verificationStatus) qb.where('o.verification_status = :s', { s: filter.verificationStatus });
    const total = await qb.getCount();
    if (after) qb.andWhere('(o.created_at, o.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await qb
      .orderBy('o.created_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }

  // --- sessions -------------------------------------------------------------------------------

  insertRefreshToken(
    tx: EntityManager,
    row: Pick<RefreshTokenEntity, 'userId' | 'familyId' | 'tokenHash' | 'expiresAt'>,
  ): Promise<RefreshTokenEntity> {
    return tx.save(tx.create(RefreshTokenEntity, row));
  }

  /** Atomically marks a live token used; null when it is unknown, used, revoked or expired. */
  async claimRefreshToken(tx: EntityManager, tokenHash: string, now: Date): Promise<{ userId: string; familyId: string } | null> {
    const [rows] = await tx.query(
      `UPDATE refresh_tokens SET used_at = $2
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2
        RETURNING user_id AS "userId", family_id AS "familyId"`,
      [tokenHash, now],
    );
    return rows[0] ?? null;
  }

  findRefreshToken(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.manager.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  /**
   * Revokes the user's live refresh families: the given ones, or all but `exceptFamilyId`
   * (SessionService.revoke). Returns the ids of the families that had live tokens.
   */
  async revokeUserFamilies(
    tx: EntityManager,
    userId: string,
    now: Date,
    which: { familyIds: string[] } | { exceptFamilyId: string | null },
  ): Promise<string[]> {
    const result: unknown =
      'familyIds' in which
        ? await tx.query(
            `UPDATE refresh_tokens SET revoked_at = $2
              WHERE user_id = $1 AND family_id = ANY($3::uuid[]) AND revoked_at IS NULL
              RETURNING family_id AS "familyId"`,
            [userId, now, which.familyIds],
          )
        : await tx.query(
            `UPDATE refresh_tokens SET revoked_at = $2
              WHERE user_id = $1 AND ($3::uuid IS NULL OR family_id <> $3::uuid) AND revoked_at IS NULL
              RETURNING family_id AS "familyId"`,
            [userId, now, which.exceptFamilyId],
          );
    return [...new Set(updatedRows<{ familyId: string }>(result).map((r) => r.familyId))];
  }

  // --- invitations ----------------------------------------------------------------------------

  insertInvitation(tx: EntityManager, row: Partial<InvitationEntity>): Promise<InvitationEntity> {
    return tx.save(tx.create(InvitationEntity, row));
  }

  lockInvitationByTokenHash(tx: EntityManager, tokenHash: string): Promise<InvitationEntity | null> {
    return tx
      .createQueryBuilder(InvitationEntity, 'i')
      .setLock('pessimistic_write')
      .where('i.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  async acceptInvitation(tx: EntityManager, id: string, userId: string, now: Date): Promise<void> {
    await tx.update(InvitationEntity, { id }, { acceptedAt: now, acceptedById: userId });
  }

  async isMemberByEmail(organizationId: string, email: string): Promise<boolean> {
    const rows = await this.manager.query(
      'SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND lower(u.email) = lower($2)',
      [organizationId, email],
    );
    return rows.length > 0;
  }

  // --- reads for other modules (through IdentityService) ---------------------------------------

  findOrganizations(ids: string[], tx: EntityManager = this.manager): Promise<OrganizationEntity[]> {
    return ids.length ? tx.findBy(OrganizationEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  /** The organizations a user belongs to, in membership order (oldest first). */
  organizationsOfUser(userId: string, tx: EntityManager = this.manager): Promise<OrganizationEntity[]> {
    return tx
      .createQueryBuilder(OrganizationEntity, 'o')
      .innerJoin(MembershipEntity, 'm', 'm.organization_id = o.id')
      .where('m.user_id = :userId', { userId })
      .orderBy('m.created_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
  }

  /** The distinct members of an organization, by user id. */
  async memberUserIds(organizationId: string, tx: EntityManager = this.manager): Promise<string[]> {
    const rows: Array<{ userId: string }> = await tx.query(
      'SELECT DISTINCT user_id AS "userId" FROM memberships WHERE organization_id = $1::uuid ORDER BY user_id',
      [organizationId],
    );
    return rows.map((r) => r.userId);
  }

  /** Those of these user ids that name a user, each once. */
  async existingUserIds(userIds: string[], tx: EntityManager = this.manager): Promise<string[]> {
    if (userIds.length === 0) return [];
    const rows: Array<{ id: string }> = await tx.query('SELECT id FROM users WHERE id = ANY($1::uuid[]) ORDER BY id', [userIds]);
    return rows.map((r) => r.id);
  }

  findUsers(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.manager.findBy(UserEntity, { id: In(ids) }) : Promise.resolve([]);
  }

  /** Memberships of these users in these organizations. */
  async membershipsAmong(userIds: string[], organizationIds: string[]): Promise<Array<{ userId: string; organizationId: string }>> {
    if (userIds.length === 0 || organizationIds.length === 0) return [];
    return this.manager.query(
      `SELECT user_id AS "userId", organization_id AS "organizationId" FROM memberships
        WHERE user_id = ANY($1::uuid[]) AND organization_id = ANY($2::uuid[])`,
      [userIds, organizationIds],
    );
  }

  /** A user's roles and locale, and whether the session (refresh family) was signed out; null for an unknown user. */
  async sessionState(
    userId: string,
    familyId: string,
  ): Promise<{ locale: UserEntity['locale']; platformRoles: UserEntity['platformRoles']; revoked: boolean; secondFactor: boolean } | null> {
    const rows: Array<{ locale: UserEntity['locale']; platform_roles: UserEntity['platformRoles']; revoked: boolean; mfa: boolean }> =
      await this.manager.query(
        `SELECT u.locale, u.platform_roles,
                EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL) AS revoked,
                EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.user_id = $1 AND r.mfa_at IS NOT NULL) AS mfa
           FROM users u WHERE u.id = $1`,
        [userId, familyId],
      );
    return rows.length
      ? { locale: rows[0].locale, platformRoles: rows[0].platform_roles, revoked: rows[0].revoked, secondFactor: rows[0].mfa }
      : null;
  }

  // --- verification and suspension (through IdentityService) -------------------------------------

  lockOrganization(tx: EntityManager, id: string): Promise<OrganizationEntity | null> {
    return tx.createQueryBuilder(OrganizationEntity, 'o').setLock('pessimistic_write').where('o.id = :id', { id }).getOne();
  }

  async staffUserIds(tx: EntityManager = this.manager): Promise<string[]> {
    const rows: Array<{ id: string }> = await tx.query('SELECT id FROM users WHERE platform_roles && $1::text[] ORDER BY id', [
      [PlatformRole.STAFF, PlatformRole.ADMIN],
    ]);
    return rows.map((r) => r.id);
  }

  membersWithUsers(organizationId: string): Promise<OrganizationMember[]> {
    return this.manager.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, m.role, m.created_at AS "joinedAt"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1::uuid
        ORDER BY m.created_at, m.id`,
      [organizationId],
    );
  }

  // --- trust & safety reads (through IdentityService) --------------------------------------------

  /** Every organization (or these) with its registration facts and its members' e-mail addresses and sign-up addresses. */
  async registrationFacts(organizationIds?: string[]): Promise<RegistrationFacts[]> {
    const rows: Array<RegistrationFacts & { members: RegistrationFacts['members'] | null }> = await this.manager.query(
      `SELECT o.id, o.kind, o.name_ko AS "nameKo", o.name_en AS "nameEn", o.website, o.verification_status AS "verificationStatus",
              o.created_at AS "createdAt", o.created_by_user_id AS "createdByUserId", o.created_from_ip AS "createdFromIp",
              (SELECT json_agg(json_build_object('userId', u.id, 'email', u.email, 'role', m.role, 'signupIp', u.signup_ip,
                                                 'signedUpAt', u.created_at) ORDER BY m.created_at, m.id)
                 FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = o.id) AS members
         FROM organizations o
        WHERE $1::uuid[] IS NULL OR o.id = ANY($1::uuid[])
        ORDER BY o.created_at, o.id`,
      [organizationIds ?? null],
    );
    return rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt),
      members: (r.members ?? []).map((m) => ({ ...m, signedUpAt: new Date(m.signedUpAt) })),
    }));
  }

  /** The user ids of the organization's owners, ascending. */
  async ownerUserIds(organizationId: string, tx: EntityManager = this.manager): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await tx.query(
      `SELECT user_id FROM memberships WHERE organization_id = $1::uuid AND role = 'OWNER' ORDER BY user_id`,
      [organizationId],
    );
    return rows.map((r) => r.user_id);
  }

  // --- one-time account tokens (AccountTokenService) ------------------------------------------

  async insertAccountToken(
    tx: EntityManager,
    row: { userId: string; purpose: AccountTokenPurpose; email: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await tx.query(`INSERT INTO account_tokens (user_id, purpose, email, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      row.userId,
      row.purpose,
      row.email,
      row.tokenHash,
      row.expiresAt,
    ]);
  }

  /**
   * Atomically uses a live token of `purpose` whose address is still the account's address;
   * null when it is unknown, used, expired, for another purpose, or mailed to an old address.
   */
  async useAccountToken(
    tx: EntityManager,
    tokenHash: string,
    purpose: AccountTokenPurpose,
    now: Date,
  ): Promise<{ userId: string; email: string } | null> {
    const result: unknown = await tx.query(
      `UPDATE account_tokens t SET used_at = $3
         FROM users u
        WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3
          AND u.id = t.user_id AND u.email = t.email
        RETURNING t.user_id AS "userId", t.email AS "email"`,
      [tokenHash, purpose, now],
    );
    return updatedRows<{ userId: string; email: string }>(result)[0] ?? null;
  }

  /** Marks every unused token of the user for `purpose` used (after one of them worked, or on request). */
  async retireAccountTokens(tx: EntityManager, userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    await tx.query(`UPDATE account_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [
      userId,
      purpose,
      now,
    ]);
  }

  /** Deletes tokens that expired before `before` (housekeeping). */
  async deleteExpiredAccountTokens(before: Date): Promise<number> {
    const result: unknown = await this.manager.query(`DELETE FROM account_tokens WHERE expires_at < $1 RETURNING id`, [before]);
    return updatedRows(result).length;
  }

  // --- member administration and invitations (MemberAdminService, InvitationService; helper M) ---

  /** The membership of `userId` in the organization, read in the caller's transaction (after lockOrganization). */
  findMembership(tx: EntityManager, organizationId: string, userId: string): Promise<MembershipEntity | null> {
    return tx.findOneBy(MembershipEntity, { organizationId, userId });
  }

  async updateMembershipRole(tx: EntityManager, id: string, role: MembershipEntity['role']): Promise<MembershipEntity> {
    await tx.update(MembershipEntity, { id }, { role });
    return tx.findOneByOrFail(MembershipEntity, { id });
  }

  async deleteMembership(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(MembershipEntity, { id });
  }

  /** The organizations in which `userId` is an owner, by id (the order in which to lock them). */
  async ownedOrganizationIds(tx: EntityManager, userId: string): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await tx.query(
      `SELECT organization_id FROM memberships WHERE user_id = $1::uuid AND role = 'OWNER' ORDER BY organization_id`,
      [userId],
    );
    return rows.map((r) => r.organization_id);
  }

  findInvitation(id: string, tx: EntityManager = this.manager): Promise<InvitationEntity | null> {
    return tx.findOneBy(InvitationEntity, { id });
  }

  lockInvitation(tx: EntityManager, id: string): Promise<InvitationEntity | null> {
    return tx.createQueryBuilder(InvitationEntity, 'i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  async revokeInvitation(tx: EntityManager, id: string, byUserId: string, now: Date): Promise<InvitationEntity> {
    await tx.update(InvitationEntity, { id }, { revokedAt: now, revokedById: byUserId });
    return tx.findOneByOrFail(InvitationEntity, { id });
  }

  /** Pending invitations of an organization (not accepted, not revoked, not expired at `now`), oldest first. */
  async pendingInvitationsPage(
    organizationId: string,
    now: Date,
    limit: number,
    after: unknown[] | null,
  ): Promise<{ rows: InvitationEntity[]; total: number }> {
    const qb = this.manager
      .createQueryBuilder(InvitationEntity, 'i')
      .where('i.organization_id = :organizationId', { organizationId })
      .andWhere('i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now', { now });
    const total = await qb.getCount();
    if (after) qb.andWhere('(i.created_at, i.id) > (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await qb
      .orderBy('i.created_at', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    return { rows, total };
  }

  findInvitationByTokenHash(tokenHash: string): Promise<InvitationEntity | null> {
    return this.manager.findOneBy(InvitationEntity, { tokenHash });
  }

  /** Records that the user proved their current address (first proof kept); false when already verified. */
  async markEmailVerified(tx: EntityManager, userId: string, at: Date): Promise<boolean> {
    const result = await tx.update(
      UserEntity,
      { id: userId, emailVerifiedAt: IsNull() },
      { emailVerifiedAt: at, updatedAt: () => 'now()' },
    );
    return (result.affected ?? 0) > 0;
  }

  // --- passwords (PasswordService) --------------------------------------------------------------

  findUserWithPassword(id: string): Promise<UserEntity | null> {
    return this.manager.createQueryBuilder(UserEntity, 'u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  /** Sets a new password hash; `verifiedAt` also marks the current address proven (a reset link reached it) if it was not yet. */
  async setPasswordHash(tx: EntityManager, userId: string, passwordHash: string, now: Date, verifiedAt?: Date): Promise<void> {
    await tx.query(
      `UPDATE users SET password_hash = $2, updated_at = $3,
              email_verified_at = COALESCE(email_verified_at, $4::timestamptz)
        WHERE id = $1`,
      [userId, passwordHash, now, verifiedAt ?? null],
    );
  }

  // --- verified organizations (modules/verification's supplier list; helper G) --------------------

  /** VERIFIED organizations of these kinds, by Korean name then id; `regionId` and `onlyIds` narrow it; `limit` null: all. */
  async verifiedOrganizationsPage(
    filter: { kinds: string[]; regionId: string | null; onlyIds: string[] | null },
    limit: number | null,
    after: unknown[] | null,
  ): Promise<{ rows: OrganizationEntity[]; total: number }> {
    const qb = this.manager
      .createQueryBuilder(OrganizationEntity, 'o')
      .where('o.verification_status = :status', { status: VerificationStatus.VERIFIED })
      .andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.regionId) qb.andWhere('o.region_id = :regionId', { regionId: filter.regionId });
    if (filter.onlyIds) qb.andWhere('o.id = ANY(:onlyIds::uuid[])', { onlyIds: filter.onlyIds });
    const total = await qb.getCount();
    if (after) qb.andWhere('(o.name_ko, o.id) > (:name::text, :id::uuid)', { name: after[0], id: after[1] });
    qb.orderBy('o.name_ko', 'ASC').addOrderBy('o.id', 'ASC');
    if (limit !== null) qb.limit(limit + 1);
    return { rows: await qb.getMany(), total };
  }

  // --- market numbers (#15 item 4) -------------------------------------------------------------

  /**
   * Organizations created in [from, to) per period (Korean calendar) and kind; both bounds are Korean
   * midnights, summed from the daily rollup `organization_daily_counts` (kept exact by triggers).
   */
  newOrganizationsPerPeriod(
    from: Date,
    to: Date,
    unit: 'day' | 'week' | 'month',
  ): Promise<Array<{ period: string; kind: string; count: number }>> {
    const day = (at: Date) => new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
    return this.manager.query(
      `SELECT to_char(date_trunc($3, day), 'YYYY-MM-DD') AS period, kind, sum(count)::int AS count
         FROM organization_daily_counts WHERE day >= $1::date AND day < $2::date AND count <> 0 GROUP BY 1, 2 ORDER BY 1, 2`,
      [day(from), day(to), unit],
    );
  }

  /** The facts eligibility rules test, for every organization except the association's own (lean: no members). */
  eligibilityFactsOfAll(): Promise<
    Array<{
      id: string;
      kind: string;
      employeeBand: string | null;
      regionId: string | null;
      industryId: string | null;
      verificationStatus: string;
      foundedYear: number | null;
    }>
  > {
    return this.manager.query(
      `SELECT id, kind, employee_band AS "employeeBand", region_id AS "regionId", industry_id AS "industryId",
              verification_status AS "verificationStatus", founded_year AS "foundedYear"
         FROM organizations WHERE kind <> 'ASSOCIATION'`,
    );
  }
}
