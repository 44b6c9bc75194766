import {
  CERTIFICATE_NUMBER_MAX,
  CERTIFICATION_EXPIRY_WARNING_DAYS,
  CERTIFICATIONS_WITHOUT_EXPIRY,
  CertificationClaimStatus,
  DECISIONS_WITH_REASON,
  FileKind,
  NotificationLinkType,
  NotificationType,
  VERIFICATION_EVIDENCE_MAX,
  VerificationDecision,
} from '@aimatch/contracts';
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
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { NotificationsService } from '../notifications/notifications.service';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { addDays, isCalendarDay, koreanDay } from './certification-dates';
import { CertificationLoaders } from './certification.loaders';
import { type CertificationClaimRow, CertificationRepository } from './certification.repository';
import { verificationText } from './verification-text';

export type { CertificationClaimRow };

/** The files owner type of a claim's evidence. */
export const CLAIM_EVIDENCE_OWNER_TYPE = 'certification-claim';
export const CERTIFICATION_SCHEME = 'certification';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SweepResult {
  warned: number;
  expired: number;
}

/**
 * Certification claims (벤처기업, 이노비즈 … `certification` concepts). An owner claims one with
 * evidence files, the issue date and the expiry date (not for CERTIFICATIONS_WITHOUT_EXPIRY);
 * staff decide each PENDING claim once (audited, the members are notified); the owner may
 * withdraw a PENDING claim. The sweep warns once CERTIFICATION_EXPIRY_WARNING_DAYS before the
 * expiry day and lapses VERIFIED claims to EXPIRED the day after it. Days are Korean calendar days.
 */
@Injectable()
export class CertificationService implements OnModuleInit {
  constructor(
    private readonly repository: CertificationRepository,
    private readonly identity: IdentityService,
    private readonly memberships: MembershipPolicy,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly files: FilesService,
    private readonly vocabulary: VocabularyCache,
    private readonly loaders: CertificationLoaders,
  ) {}

  today(): string {
    return koreanDay(this.clock.now());
  }

  /** The last expiry day that is within the warning window (today + CERTIFICATION_EXPIRY_WARNING_DAYS). */
  warningUntil(): string {
    return addDays(this.today(), CERTIFICATION_EXPIRY_WARNING_DAYS);
  }

  async claim(
    rc: RequestContext,
    viewer: Viewer,
    input: {
      organizationId: string;
      conceptId: string;
      certificateNumber?: string | null;
      issuedOn: string;
      expiresOn?: string | null;
      note?: string | null;
      evidenceFileIds?: string[] | null;
    },
  ): Promise<CertificationClaimRow> {
    if (!UUID.test(input.organizationId)) throw AppError.forbidden();
    await this.memberships.assertOwner(viewer, input.organizationId);
    const concept = (await this.vocabulary.get()).get(input.conceptId);
    if (!concept) throw AppError.field('conceptId', 'unknown-concept', { id: input.conceptId });
    if (concept.scheme !== CERTIFICATION_SCHEME) throw AppError.field('conceptId', 'wrong-scheme', { expected: CERTIFICATION_SCHEME });
    const today = this.today();
    const issuedOn = this.day('issuedOn', input.issuedOn, true)!;
    if (issuedOn > today) throw AppError.field('issuedOn', 'not-future');
    const expiresOn = this.day('expiresOn', input.expiresOn, !CERTIFICATIONS_WITHOUT_EXPIRY.includes(concept.id));
    if (expiresOn !== null && expiresOn < issuedOn) throw AppError.field('expiresOn', 'not-before', { field: 'issuedOn' });
    if (expiresOn !== null && expiresOn < today) throw AppError.field('expiresOn', 'not-past');
    const certificateNumber = verificationText('certificateNumber', input.certificateNumber, false, CERTIFICATE_NUMBER_MAX);
    const note = verificationText('note', input.note, false) ?? '';
    const evidenceFileIds = input.evidenceFileIds ?? [];
    if (evidenceFileIds.length === 0) throw AppError.field('evidenceFileIds', 'required');
    if (evidenceFileIds.length > VERIFICATION_EVIDENCE_MAX)
      throw AppError.field('evidenceFileIds', 'max-items', { max: VERIFICATION_EVIDENCE_MAX });
    try {
      return await this.transactions.run(async (tx) => {
        const org = (await this.identity.lockOrganization(tx, input.organizationId))!;
        if (await this.repository.pendingOf(tx, org.id, concept.id)) throw AppError.conflict('certification-claim-open');
        const claim = await this.repository.insert(tx, {
          organizationId: org.id,
          conceptId: concept.id,
          certificateNumber,
          issuedOn,
          expiresOn,
          note,
          claimedById: viewer.userId,
          at: this.clock.now(),
        });
        // In this transaction: a file that is not the claimant's staged upload rolls the claim back.
        await this.files.attach(tx, evidenceFileIds, { ownerType: CLAIM_EVIDENCE_OWNER_TYPE, ownerId: claim.id }, viewer.userId);
        await this.audit.record(tx, {
          actorUserId: viewer.userId,
          action: 'certification.claimed',
          subjectType: 'organization',
          subjectId: org.id,
          details: { claimId: claim.id, conceptId: concept.id, after: { claimStatus: claim.status, expiresOn } },
          requestId: rc.requestId,
        });
        await this.notifications.notifyUsers(
          tx,
          await this.identity.staffUserIds(tx),
          NotificationType.CERTIFICATION_CLAIMED,
          { claimId: claim.id, organizationId: org.id, organizationName: org.nameKo, ...(await this.labels(concept.id)) },
          {
            link: { type: NotificationLinkType.CERTIFICATION_CLAIM, id: claim.id },
            sourceKey: `certification-claimed:${claim.id}`,
            exceptUserIds: [viewer.userId],
          },
        );
        return claim;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'certification_claims_one_pending') throw AppError.conflict('certification-claim-open');
      throw err;
    }
  }

  /** The owner withdraws a PENDING claim. */
  async withdraw(rc: RequestContext, viewer: Viewer, claimId: string): Promise<CertificationClaimRow> {
    const found = UUID.test(claimId) ? await this.repository.find(claimId) : null;
    if (!found) throw AppError.notFound();
    await this.memberships.assertOwner(viewer, found.organizationId);
    return this.transactions.run(async (tx) => {
      await this.identity.lockOrganization(tx, found.organizationId);
      const claim = (await this.repository.find(found.id, tx, true))!;
      if (claim.status !== CertificationClaimStatus.PENDING)
        throw AppError.conflict('certification-claim-decided', { current: claim.status });
      const after = (await this.repository.decide(tx, claim.id, {
        status: CertificationClaimStatus.WITHDRAWN,
        reason: null,
        decidedById: viewer.userId,
        at: this.clock.now(),
      }))!;
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'certification.withdrawn',
        subjectType: 'organization',
        subjectId: claim.organizationId,
        details: {
          claimId: claim.id,
          conceptId: claim.conceptId,
          before: { claimStatus: claim.status },
          after: { claimStatus: after.status },
        },
        requestId: rc.requestId,
      });
      return after;
    });
  }

  /** The organization's claims, newest first: members and staff (empty for anyone else). */
  async claimsFor(rc: RequestContext, viewer: Viewer, organizationId: string): Promise<CertificationClaimRow[]> {
    if (!(await this.mayRead(viewer, organizationId))) return [];
    return rc.loaders.get(this.loaders.claims).load(organizationId);
  }

  /** VERIFIED claims not past their expiry day (public: the chips). */
  async verifiedOf(rc: RequestContext, organizationId: string): Promise<CertificationClaimRow[]> {
    const rows = await rc.loaders.get(this.loaders.verified).load(organizationId);
    const seen = new Set<string>();
    return rows.filter((r) => !seen.has(r.conceptId) && seen.add(r.conceptId));
  }

  // --- staff ---------------------------------------------------------------------------------

  async queue(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<CertificationClaimRow>> {
    this.assertStaff(viewer);
    const { limit, after: key } = pageArgs(first, after);
    if (key && (typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || typeof key[1] !== 'string' || !UUID.test(key[1])))
      throw AppError.field('after', 'format', { format: 'cursor' });
    const { rows, total } = await this.repository.queuePage(limit, key);
    return toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]);
  }

  async claimForStaff(viewer: Viewer, claimId: string): Promise<CertificationClaimRow> {
    this.assertStaff(viewer);
    const claim = UUID.test(claimId) ? await this.repository.find(claimId) : null;
    if (!claim) throw AppError.notFound();
    return claim;
  }

  async decide(
    rc: RequestContext,
    viewer: Viewer,
    input: { claimId: string; decision: VerificationDecision; reason?: string | null },
  ): Promise<CertificationClaimRow> {
    this.assertStaff(viewer);
    if (!Object.values(VerificationDecision).includes(input.decision))
      throw AppError.field('decision', 'enum', { allowed: Object.values(VerificationDecision).join(', ') });
    const reason = verificationText('reason', input.reason, DECISIONS_WITH_REASON.includes(input.decision));
    const found = UUID.test(input.claimId) ? await this.repository.find(input.claimId) : null;
    if (!found) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const org = (await this.identity.lockOrganization(tx, found.organizationId))!;
      const claim = (await this.repository.find(found.id, tx, true))!;
      if (claim.status !== CertificationClaimStatus.PENDING)
        throw AppError.conflict('certification-claim-decided', { current: claim.status });
      if (input.decision === VerificationDecision.VERIFIED && claim.expiresOn !== null && claim.expiresOn < this.today())
        throw AppError.conflict('certification-expired', { expiresOn: claim.expiresOn });
      const decided = (await this.repository.decide(tx, claim.id, {
        status: input.decision as unknown as CertificationClaimStatus,
        reason,
        decidedById: viewer.userId,
        at: this.clock.now(),
      }))!;
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'certification.decided',
        subjectType: 'organization',
        subjectId: org.id,
        details: {
          claimId: claim.id,
          conceptId: claim.conceptId,
          decision: input.decision,
          reason,
          before: { claimStatus: claim.status },
          after: { claimStatus: decided.status },
        },
        requestId: rc.requestId,
      });
      await this.notifications.notifyOrganization(
        tx,
        org.id,
        NotificationType.CERTIFICATION_DECIDED,
        { claimId: claim.id, organizationId: org.id, decision: input.decision, reason, ...(await this.labels(claim.conceptId)) },
        { link: { type: NotificationLinkType.ORGANIZATION, id: org.id }, sourceKey: `certification-decided:${claim.id}` },
      );
      return decided;
    });
  }

  /** Seconds from the claim until now (pending) or until its decision. */
  waitingSeconds(row: CertificationClaimRow): number {
    const end = row.decidedAt ?? this.clock.now();
    return Math.max(0, Math.floor((end.getTime() - row.createdAt.getTime()) / 1000));
  }

  // --- the sweep -----------------------------------------------------------------------------

  /** Warns once before expiry and lapses claims past their expiry day (each in one transaction with its notification). */
  async sweep(): Promise<SweepResult> {
    const now = this.clock.now();
    const today = koreanDay(now);
    const until = addDays(today, CERTIFICATION_EXPIRY_WARNING_DAYS);
    const result: SweepResult = { warned: 0, expired: 0 };
    await this.transactions.run(async (tx) => {
      for (const claim of await this.repository.dueForLapse(tx, today)) {
        await this.repository.lapse(tx, claim.id, now);
        await this.notifyOwners(tx, claim, NotificationType.CERTIFICATION_EXPIRED, `certification-expired:${claim.id}`);
        result.expired++;
      }
      for (const claim of await this.repository.dueForWarning(tx, today, until)) {
        await this.repository.markWarned(tx, claim.id, now);
        await this.notifyOwners(tx, claim, NotificationType.CERTIFICATION_EXPIRING, `certification-expiring:${claim.id}`);
        result.warned++;
      }
    });
    return result;
  }

  // --- helpers -------------------------------------------------------------------------------

  private async notifyOwners(tx: EntityManager, claim: CertificationClaimRow, type: string, sourceKey: string): Promise<void> {
    await this.notifications.notifyOrganization(
      tx,
      claim.organizationId,
      type,
      { claimId: claim.id, organizationId: claim.organizationId, expiresOn: claim.expiresOn, ...(await this.labels(claim.conceptId)) },
      { link: { type: NotificationLinkType.ORGANIZATION, id: claim.organizationId }, sourceKey },
    );
  }

  private async labels(conceptId: string): Promise<{ certificationKo: string; certificationEn: string }> {
    const c = (await this.vocabulary.get()).get(conceptId);
    return { certificationKo: c?.labels.ko ?? conceptId, certificationEn: c?.labels.en ?? conceptId };
  }

  private async mayRead(viewer: Viewer, organizationId: string): Promise<boolean> {
    if (this.memberships.isStaff(viewer)) return true;
    return (await this.identity.organizationIdsOfUser(viewer.userId)).includes(organizationId);
  }

  private assertStaff(viewer: Viewer): void {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
  }

  private day(path: string, value: string | null | undefined, required: boolean): string | null {
    const v = (value ?? '').trim();
    if (!v) {
      if (required) throw AppError.field(path, 'required');
      return null;
    }
    if (!isCalendarDay(v)) throw AppError.field(path, 'format', { format: 'date' });
    return v;
  }

  // --- evidence files ------------------------------------------------------------------------

  /** Evidence of a claim may be downloaded by staff and by members of the claim's organization. */
  onModuleInit(): void {
    this.files.registerOwnerAccess(CLAIM_EVIDENCE_OWNER_TYPE, (viewer, claimId) => this.mayViewEvidence(viewer, claimId), {
      kinds: [FileKind.EVIDENCE],
    });
  }

  private async mayViewEvidence(viewer: Viewer, claimId: string): Promise<boolean> {
    if (this.memberships.isStaff(viewer)) return true;
    const claim = UUID.test(claimId) ? await this.repository.find(claimId) : null;
    return !!claim && (await this.identity.organizationIdsOfUser(viewer.userId)).includes(claim.organizationId);
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /** Verified, unexpired certification concepts per organization, for all organizations at once. */
  async verifiedConceptsOfAll(): Promise<Map<string, string[]>> {
    const rows = await this.repository.verifiedConceptsOfAll(this.clock.today());
    return new Map(rows.map((r) => [r.organizationId, r.conceptIds]));
  }
}
