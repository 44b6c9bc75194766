import { Locale, MembershipRole } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { AppError } from '../../common/errors/app-error';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import type { Viewer } from '../../graphql/request-context';
import { AccountMailService, type AccountMailRequest, type MailContext } from './account-mail.service';
import type { MembershipEntity } from './entities/membership.entity';
import { IdentityRepository } from './identity.repository';
import { MembershipPolicy } from './membership.policy';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The account mail that tells a person their membership changed. */
export const MEMBERSHIP_CHANGED_MAIL = 'membership-changed';
/** Outbox event when a person stops being a member (removed or left): `{ organizationId, userId, reason }`. */
export const MEMBERSHIP_ENDED_EVENT = 'membership.ended';
type MembershipChange = 'removed' | 'role-changed' | 'ownership-transferred';

/**
 * Owners remove members, change roles and hand over ownership; any member may leave. An
 * organization always keeps at least one owner: every change runs with the organization row
 * locked (so two owners demoting each other one after the other leave exactly one owner),
 * re-reads the caller's membership under that lock, and refuses with CONFLICT `last-owner`
 * when it would leave none. Each change is audited and the affected person is told by e-mail in
 * their language. Access ends at once: policies read memberships on every request.
 *
 * Transfer of ownership: the target becomes OWNER and the caller becomes MEMBER, unless the
 * caller asks to stay an owner (`keepOwnership`), which leaves two owners.
 */
@Injectable()
export class MemberAdminService {
  constructor(
    private readonly repository: IdentityRepository,
    private readonly policy: MembershipPolicy,
    private readonly transactions: TransactionService,
    private readonly audit: AuditService,
    private readonly mail: AccountMailService,
    private readonly outbox: OutboxService,
  ) {
    this.mail.register(MEMBERSHIP_CHANGED_MAIL, (request, context) => this.composeMembershipChanged(request, context));
  }

  /**
   * Refuses (CONFLICT `last-owner`) when `userId` is the only owner of `organizationId`, or, with
   * no organization given, of any organization. Locks the organization rows (in id order), so
   * call it inside the transaction that then removes or demotes the user (e.g. account deletion).
   */
  async assertNotLastOwner(tx: EntityManager, userId: string, organizationId?: string): Promise<void> {
    const organizationIds = organizationId ? [organizationId] : await this.repository.ownedOrganizationIds(tx, userId);
    for (const id of [...organizationIds].sort()) {
      await this.repository.lockOrganization(tx, id);
      const owners = await this.repository.ownerUserIds(id, tx);
      if (owners.includes(userId) && owners.length <= 1) throw AppError.conflict('last-owner');
    }
  }

  async removeMember(viewer: Viewer, organizationId: string, userId: string, requestId?: string): Promise<boolean> {
    checkIds({ organizationId, userId });
    if (userId === viewer.userId) throw AppError.field('userId', 'not-yourself');
    await this.policy.assertOwner(viewer, organizationId);
    await this.transactions.run(async (tx) => {
      const target = await this.lockedTarget(tx, viewer, organizationId, userId);
      if (target.role === MembershipRole.OWNER) await this.assertNotLastOwner(tx, userId, organizationId);
      await this.repository.deleteMembership(tx, target.id);
      await this.record(tx, viewer, 'membership.removed', target, { role: target.role }, requestId);
      await this.ended(tx, target, 'removed');
      await this.tell(tx, userId, organizationId, 'removed', null);
    });
    return true;
  }

  async changeMemberRole(
    viewer: Viewer,
    organizationId: string,
    userId: string,
    role: MembershipRole,
    requestId?: string,
  ): Promise<MembershipEntity> {
    checkIds({ organizationId, userId });
    if (!Object.values(MembershipRole).includes(role)) throw AppError.field('role', 'not-allowed');
    await this.policy.assertOwner(viewer, organizationId);
    return this.transactions.run(async (tx) => {
      const target = await this.lockedTarget(tx, viewer, organizationId, userId);
      if (target.role === role) return target;
      if (role !== MembershipRole.OWNER) await this.assertNotLastOwner(tx, userId, organizationId);
      const changed = await this.repository.updateMembershipRole(tx, target.id, role);
      await this.record(tx, viewer, 'membership.role-changed', target, { before: target.role, after: role }, requestId);
      if (userId !== viewer.userId) await this.tell(tx, userId, organizationId, 'role-changed', role);
      return changed;
    });
  }

  async transferOwnership(
    viewer: Viewer,
    organizationId: string,
    toUserId: string,
    keepOwnership: boolean,
    requestId?: string,
  ): Promise<MembershipEntity> {
    checkIds({ organizationId, toUserId });
    if (toUserId === viewer.userId) throw AppError.field('toUserId', 'not-yourself');
    await this.policy.assertOwner(viewer, organizationId);
    return this.transactions.run(async (tx) => {
      const target = await this.lockedTarget(tx, viewer, organizationId, toUserId, 'toUserId');
      const promoted =
        target.role === MembershipRole.OWNER ? target : await this.repository.updateMembershipRole(tx, target.id, MembershipRole.OWNER);
      if (!keepOwnership) {
        const mine = await this.repository.findMembership(tx, organizationId, viewer.userId);
        await this.repository.updateMembershipRole(tx, mine!.id, MembershipRole.MEMBER);
      }
      await this.record(
        tx,
        viewer,
        'membership.ownership-transferred',
        target,
        { before: target.role, after: MembershipRole.OWNER, previousOwnerStaysOwner: keepOwnership },
        requestId,
      );
      await this.tell(tx, toUserId, organizationId, 'ownership-transferred', MembershipRole.OWNER);
      return promoted;
    });
  }

  async leave(viewer: Viewer, organizationId: string, requestId?: string): Promise<boolean> {
    checkIds({ organizationId });
    await this.policy.assertMember(viewer, organizationId);
    await this.transactions.run(async (tx) => {
      await this.repository.lockOrganization(tx, organizationId);
      const mine = await this.repository.findMembership(tx, organizationId, viewer.userId);
      if (!mine) throw AppError.forbidden();
      if (mine.role === MembershipRole.OWNER) await this.assertNotLastOwner(tx, viewer.userId, organizationId);
      await this.repository.deleteMembership(tx, mine.id);
      await this.record(tx, viewer, 'membership.left', mine, { role: mine.role }, requestId);
      await this.ended(tx, mine, 'left');
    });
    return true;
  }

  /**
   * Locks the organization, re-checks under the lock that the caller is still an owner (another
   * owner may have demoted them a moment ago), and returns the target's membership.
   */
  private async lockedTarget(
    tx: EntityManager,
    viewer: Viewer,
    organizationId: string,
    userId: string,
    path = 'userId',
  ): Promise<MembershipEntity> {
    await this.repository.lockOrganization(tx, organizationId);
    const mine = await this.repository.findMembership(tx, organizationId, viewer.userId);
    if (!mine || mine.role !== MembershipRole.OWNER) throw AppError.forbidden();
    const target = await this.repository.findMembership(tx, organizationId, userId);
    if (!target) throw AppError.field(path, 'not-a-member');
    return target;
  }

  /**
   * `membership.ended` on the organization's aggregate, for modules that hold state per member
   * beyond the request (e.g. chat sockets joined to the organization's rooms).
   */
  private ended(tx: EntityManager, membership: MembershipEntity, reason: 'removed' | 'left'): Promise<void> {
    return this.outbox.enqueue(tx, {
      aggregateType: 'organization',
      aggregateId: membership.organizationId,
      eventType: MEMBERSHIP_ENDED_EVENT,
      payload: { organizationId: membership.organizationId, userId: membership.userId, reason },
    });
  }

  private record(
    tx: EntityManager,
    viewer: Viewer,
    action: string,
    target: MembershipEntity,
    details: Record<string, unknown>,
    requestId?: string,
  ): Promise<void> {
    return this.audit.record(tx, {
      actorUserId: viewer.userId,
      action,
      subjectType: 'organization',
      subjectId: target.organizationId,
      details: { userId: target.userId, membershipId: target.id, ...details },
      requestId,
    });
  }

  private async tell(
    tx: EntityManager,
    userId: string,
    organizationId: string,
    change: MembershipChange,
    role: MembershipRole | null,
  ): Promise<void> {
    const user = await this.repository.findUser(userId);
    if (!user) return;
    await this.mail.enqueue(tx, {
      kind: MEMBERSHIP_CHANGED_MAIL,
      userId,
      to: user.email,
      toName: user.displayName,
      locale: user.locale ?? Locale.KO,
      params: { organizationId, change, role },
    });
  }

  private async composeMembershipChanged(request: AccountMailRequest, context: MailContext) {
    const params = request.params ?? {};
    const org = await this.repository.findOrganization(String(params.organizationId));
    if (!org) return null;
    const name = context.locale === 'en' ? (org.nameEn ?? org.nameKo) : org.nameKo;
    const role = params.role === MembershipRole.OWNER ? { ko: '소유자', en: 'owner' } : { ko: '구성원', en: 'member' };
    const change = params.change as MembershipChange;
    const link = context.link(change === 'removed' ? '/' : '/organization');
    if (context.locale === 'en') {
      const subject =
        change === 'removed'
          ? `You were removed from ${name}`
          : change === 'ownership-transferred'
            ? `You are now an owner of ${name}`
            : `Your role in ${name} is now ${role.en}`;
      const body =
        change === 'removed'
          ? `An owner of ${name} removed you from the organization. You can no longer act for it on aimatch.`
          : `Your role in ${name} on aimatch is now: ${role.en}.`;
      return { subject, text: `${body}\n\n${link}\n\nIf you did not expect this, please contact the organization's owners.\n` };
    }
    const subject =
      change === 'removed'
        ? `${name}에서 제외되었습니다`
        : change === 'ownership-transferred'
          ? `${name}의 소유자가 되었습니다`
          : `${name}에서의 역할이 ${role.ko}(으)로 바뀌었습니다`;
    const body =
      change === 'removed'
        ? `${name}의 소유자가 회원님을 기관 구성원에서 제외했습니다. 이제 aimatch에서 이 기관을 대신해 활동할 수 없습니다.`
        : `aimatch에서 ${name}에서의 회원님 역할이 ${role.ko}(으)로 바뀌었습니다.`;
    return { subject, text: `${body}\n\n${link}\n\n예상하지 못한 변경이라면 기관 소유자에게 문의해 주세요.\n` };
  }
}

function checkIds(ids: Record<string, string>): void {
  const bad = Object.entries(ids).filter(([, v]) => !UUID.test(v));
  if (bad.length) throw AppError.badInput(bad.map(([path]) => ({ path, rule: 'format', params: { format: 'uuid' } })));
}
