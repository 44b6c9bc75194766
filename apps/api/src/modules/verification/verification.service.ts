import {
  DECISIONS_WITH_REASON,
  FileKind,
  NotificationLinkType,
  NotificationType,
  OrganizationKind,
  VERIFICATION_EVIDENCE_MAX,
  VerificationDecision,
  VerificationRequestStatus,
  VerificationStatus,
} from '@aimatch/contracts';
import { formatBusinessRegistrationNumber, isValidBusinessRegistrationNumber } from '@aimatch/validation';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { FilesService } from '../files/files.service';
import type { Organization, OrganizationMember } from '../identity/dto/identity.records';
import { IdentityLoaders } from '../identity/identity.loaders';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { type SuspensionRow, type VerificationRequestRow, VerificationRepository } from './verification.repository';
import { verificationText } from './verification-text';

export type { SuspensionRow, VerificationRequestRow };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the organization's status goes when staff decide its request. */
const STATUS_AFTER: Record<VerificationDecision, VerificationStatus> = {
  [VerificationDecision.VERIFIED]: VerificationStatus.VERIFIED,
  [VerificationDecision.REJECTED]: VerificationStatus.REJECTED,
  // The organization answers with a new request; until then it is simply not verified.
  [VerificationDecision.NEEDS_INFO]: VerificationStatus.UNVERIFIED,
};
/** The files owner type of a request's evidence. */
export const EVIDENCE_OWNER_TYPE = 'verification-request';
/** Statuses from which an organization may ask to be verified. */
const MAY_REQUEST: VerificationStatus[] = [VerificationStatus.UNVERIFIED, VerificationStatus.REJECTED];

export interface VerificationReview {
  request: VerificationRequestRow;
  organization: Organization;
  brnCheck: { formatted: string; valid: boolean };
  listingsCount: number;
  members: OrganizationMember[];
  history: VerificationRequestRow[];
  suspension: SuspensionRow | null;
}

/**
 * Organization verification and suspension. An owner asks for verification (the organization
 * becomes PENDING, staff are notified); staff decide each request once (VERIFIED, REJECTED or
 * NEEDS_INFO with a reason; the organization's status follows and its members are notified);
 * staff suspend and unsuspend organizations (the status before is stored and restored).
 * Every command is one transaction that locks the organization row first, with its audit row.
 * Identity keeps the status itself (IdentityService.setVerificationStatus in our transaction).
 */
@Injectable()
export class VerificationService implements OnModuleInit {
  constructor(
    private readonly repository: VerificationRepository,
    private readonly identity: IdentityService,
    private readonly identityLoaders: IdentityLoaders,
    private readonly memberships: MembershipPolicy,
    private readonly listings: ListingsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly files: FilesService,
  ) {}

  // --- the organization --------------------------------------------------------------------

  async request(
    rc: RequestContext,
    viewer: Viewer,
    input: { organizationId: string; note?: string | null; evidenceFileIds?: string[] | null },
  ): Promise<VerificationRequestRow> {
    const note = verificationText('note', input.note, false) ?? '';
    const evidenceFileIds = input.evidenceFileIds ?? [];
    if (evidenceFileIds.length > VERIFICATION_EVIDENCE_MAX)
      throw AppError.field('evidenceFileIds', 'max-items', { max: VERIFICATION_EVIDENCE_MAX });
    if (!UUID.test(input.organizationId)) throw AppError.forbidden();
    await this.memberships.assertOwner(viewer, input.organizationId);
    try {
      return await this.transactions.run(async (tx) => {
        const org = (await this.identity.lockOrganization(tx, input.organizationId))!;
        if (org.verificationStatus === VerificationStatus.SUSPENDED) throw AppError.conflict('organization-suspended');
        if (org.verificationStatus === VerificationStatus.VERIFIED)
          throw AppError.conflict('already-verified', { current: org.verificationStatus });
        if (!MAY_REQUEST.includes(org.verificationStatus) || (await this.repository.openRequestOf(org.id, tx)))
          throw AppError.conflict('verification-open', { current: org.verificationStatus });
        const request = await this.repository.insertRequest(tx, {
          organizationId: org.id,
          requestedById: viewer.userId,
          note,
          previousStatus: org.verificationStatus,
        });
        // In this transaction: a bad file id rolls the request (and the status change) back.
        await this.files.attach(tx, evidenceFileIds, { ownerType: EVIDENCE_OWNER_TYPE, ownerId: request.id }, viewer.userId);
        await this.identity.setVerificationStatus(tx, org.id, VerificationStatus.PENDING);
        await this.audit.record(tx, {
          actorUserId: viewer.userId,
          action: 'verification.requested',
          subjectType: 'organization',
          subjectId: org.id,
          details: {
            requestId: request.id,
            before: { organizationStatus: org.verificationStatus },
            after: { organizationStatus: VerificationStatus.PENDING, requestStatus: request.status },
          },
          requestId: rc.requestId,
        });
        await this.notifications.notifyUsers(
          tx,
          await this.identity.staffUserIds(tx),
          NotificationType.VERIFICATION_REQUESTED,
          { requestId: request.id, organizationId: org.id, organizationName: org.nameKo },
          {
            link: { type: NotificationLinkType.VERIFICATION_REQUEST, id: request.id },
            sourceKey: `verification-requested:${request.id}`,
            exceptUserIds: [viewer.userId],
          },
        );
        return request;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'verification_requests_one_open') throw AppError.conflict('verification-open');
      throw err;
    }
  }

  /** The organization's latest request, for its members and staff (null for anyone else). */
  async latestRequestFor(rc: RequestContext, viewer: Viewer, organizationId: string): Promise<VerificationRequestRow | null> {
    if (!(await this.mayReadStatus(rc, viewer, organizationId))) return null;
    return rc.loaders.get(this.repository.latestRequestLoader).load(organizationId);
  }

  /** The organization's active suspension, for its members and staff (null for anyone else). */
  async suspensionFor(rc: RequestContext, viewer: Viewer, organizationId: string): Promise<SuspensionRow | null> {
    if (!(await this.mayReadStatus(rc, viewer, organizationId))) return null;
    return rc.loaders.get(this.repository.activeSuspensionLoader).load(organizationId);
  }

  // --- staff ---------------------------------------------------------------------------------

  /** Open requests, oldest first. */
  async queue(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<VerificationRequestRow>> {
    this.assertStaff(viewer);
    const { limit, after: key } = pageArgs(first, after);
    if (key && (typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || typeof key[1] !== 'string' || !UUID.test(key[1])))
      throw AppError.field('after', 'format', { format: 'cursor' });
    const { rows, total } = await this.repository.queuePage(limit, key);
    return toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async review(viewer: Viewer, requestId: string): Promise<VerificationReview> {
    this.assertStaff(viewer);
    const request = UUID.test(requestId) ? await this.repository.findRequest(requestId) : null;
    if (!request) throw AppError.notFound();
    const organization = (await this.identity.organization(request.organizationId))!;
    const [listingsCount, members, history, suspension] = await Promise.all([
      this.listings.countByOrganization(organization.id),
      this.identity.membersOf(organization.id),
      this.repository.historyOf(organization.id),
      this.repository.activeSuspension(organization.id),
    ]);
    const brn = organization.businessRegistrationNumber;
    return {
      request,
      organization,
      brnCheck: { formatted: formatBusinessRegistrationNumber(brn), valid: isValidBusinessRegistrationNumber(brn) },
      listingsCount,
      members,
      history,
      suspension,
    };
  }

  async decide(
    rc: RequestContext,
    viewer: Viewer,
    input: { requestId: string; decision: VerificationDecision; reason?: string | null },
  ): Promise<VerificationRequestRow> {
    this.assertStaff(viewer);
    if (!Object.values(VerificationDecision).includes(input.decision))
      throw AppError.field('decision', 'enum', { allowed: Object.values(VerificationDecision).join(', ') });
    const reason = verificationText('reason', input.reason, DECISIONS_WITH_REASON.includes(input.decision));
    const found = UUID.test(input.requestId) ? await this.repository.findRequest(input.requestId) : null;
    if (!found) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      // Organization first, then the request: the same order as `request`.
      const org = (await this.identity.lockOrganization(tx, found.organizationId))!;
      const request = (await this.repository.findRequest(found.id, tx, true))!;
      if (request.status !== VerificationRequestStatus.OPEN) throw AppError.conflict('verification-decided', { current: request.status });
      const decided = (await this.repository.decide(tx, request.id, {
        status: input.decision as unknown as VerificationRequestStatus,
        reason,
        decidedById: viewer.userId,
        at: this.clock.now(),
      }))!;
      const next = STATUS_AFTER[input.decision];
      let organizationStatus = next;
      if (org.verificationStatus === VerificationStatus.SUSPENDED) {
        // Suspended meanwhile: it stays suspended, and unsuspending restores the decision.
        await this.repository.setSuspensionPreviousStatus(tx, org.id, next);
        organizationStatus = VerificationStatus.SUSPENDED;
      } else {
        await this.identity.setVerificationStatus(tx, org.id, next);
      }
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'verification.decided',
        subjectType: 'organization',
        subjectId: org.id,
        details: {
          requestId: request.id,
          decision: input.decision,
          reason,
          before: { requestStatus: request.status, organizationStatus: org.verificationStatus },
          after: { requestStatus: decided.status, organizationStatus },
        },
        requestId: rc.requestId,
      });
      await this.notifications.notifyOrganization(
        tx,
        org.id,
        NotificationType.VERIFICATION_DECIDED,
        { requestId: request.id, organizationId: org.id, organizationName: org.nameKo, decision: input.decision, reason },
        { link: { type: NotificationLinkType.ORGANIZATION, id: org.id }, sourceKey: `verification-decided:${request.id}` },
      );
      return decided;
    });
  }

  /** Suspends an organization: its status becomes SUSPENDED (bids, chat sends and search visibility stop), its data stays. */
  async suspend(rc: RequestContext, viewer: Viewer, input: { organizationId: string; reason: string }): Promise<Organization> {
    this.assertStaff(viewer);
    const reason = verificationText('reason', input.reason, true)!;
    if (!UUID.test(input.organizationId)) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const org = await this.identity.lockOrganization(tx, input.organizationId);
      if (!org) throw AppError.notFound();
      if (org.kind === OrganizationKind.ASSOCIATION) throw AppError.forbidden('suspend-protected', { reason: 'association' });
      if ((await this.identity.organizationIdsOfUser(viewer.userId, tx)).includes(org.id))
        throw AppError.forbidden('suspend-protected', { reason: 'own-organization' });
      if (org.verificationStatus === VerificationStatus.SUSPENDED) throw AppError.conflict('already-suspended');
      await this.repository.insertSuspension(tx, {
        organizationId: org.id,
        reason,
        previousStatus: org.verificationStatus,
        suspendedById: viewer.userId,
        at: this.clock.now(),
      });
      const after = await this.identity.setVerificationStatus(tx, org.id, VerificationStatus.SUSPENDED);
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'organization.suspended',
        subjectType: 'organization',
        subjectId: org.id,
        details: {
          reason,
          before: { organizationStatus: org.verificationStatus },
          after: { organizationStatus: after.verificationStatus },
        },
        requestId: rc.requestId,
      });
      await this.notifySuspension(tx, org, NotificationType.ORGANIZATION_SUSPENDED, reason);
      return after;
    });
  }

  /** Lifts the suspension: the organization returns to the status it had (or was decided meanwhile). */
  async unsuspend(rc: RequestContext, viewer: Viewer, input: { organizationId: string; reason?: string | null }): Promise<Organization> {
    this.assertStaff(viewer);
    const reason = verificationText('reason', input.reason, false);
    if (!UUID.test(input.organizationId)) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const org = await this.identity.lockOrganization(tx, input.organizationId);
      if (!org) throw AppError.notFound();
      if (org.verificationStatus !== VerificationStatus.SUSPENDED)
        throw AppError.conflict('not-suspended', { current: org.verificationStatus });
      const suspension = await this.repository.activeSuspension(org.id, tx);
      // A suspension written outside this module (none today) restores to plain UNVERIFIED.
      const restored = suspension?.previousStatus ?? VerificationStatus.UNVERIFIED;
      await this.repository.liftSuspension(tx, org.id, { byId: viewer.userId, reason, at: this.clock.now() });
      const after = await this.identity.setVerificationStatus(tx, org.id, restored);
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'organization.unsuspended',
        subjectType: 'organization',
        subjectId: org.id,
        details: {
          reason,
          suspensionReason: suspension?.reason ?? null,
          before: { organizationStatus: VerificationStatus.SUSPENDED },
          after: { organizationStatus: restored },
        },
        requestId: rc.requestId,
      });
      await this.notifySuspension(tx, org, NotificationType.ORGANIZATION_UNSUSPENDED, reason);
      return after;
    });
  }

  /** Seconds from the request until now (open) or until its decision. */
  waitingSeconds(row: VerificationRequestRow): number {
    const end = row.decidedAt ?? this.clock.now();
    return Math.max(0, Math.floor((end.getTime() - row.createdAt.getTime()) / 1000));
  }

  // --- helpers -------------------------------------------------------------------------------

  private async notifySuspension(tx: EntityManager, org: Organization, type: string, reason: string | null): Promise<void> {
    await this.notifications.notifyOrganization(
      tx,
      org.id,
      type,
      { organizationId: org.id, organizationName: org.nameKo, reason },
      { link: { type: NotificationLinkType.ORGANIZATION, id: org.id } },
    );
  }

  private async mayReadStatus(rc: RequestContext, viewer: Viewer, organizationId: string): Promise<boolean> {
    if (this.memberships.isStaff(viewer)) return true;
    const mine = await rc.loaders.get(this.identityLoaders.membershipsByUser).load(viewer.userId);
    return mine.some((m) => m.organizationId === organizationId);
  }

  private assertStaff(viewer: Viewer): void {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
  }

  // --- evidence files ------------------------------------------------------------------------

  /** Evidence of a request may be downloaded by staff and by members of the request's organization. */
  onModuleInit(): void {
    this.files.registerOwnerAccess(EVIDENCE_OWNER_TYPE, (viewer, requestId) => this.mayViewEvidence(viewer, requestId), {
      kinds: [FileKind.EVIDENCE],
    });
  }

  private async mayViewEvidence(viewer: Viewer, requestId: string): Promise<boolean> {
    if (this.memberships.isStaff(viewer)) return true;
    const request = UUID.test(requestId) ? await this.repository.findRequest(requestId) : null;
    if (!request) return false;
    return (await this.identity.organizationIdsOfUser(viewer.userId)).includes(request.organizationId);
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /** The open verification queue now and the decisions taken in [from, to) with the median hours to decide. */
  decisionStats(from: Date, to: Date) {
    return this.repository.decisionStats(from, to);
  }
}
