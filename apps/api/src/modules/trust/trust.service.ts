import { NotificationLinkType, NotificationType, OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { BidsService } from '../bids/bids.service';
import { ChatService } from '../chat/chat.service';
import type { RegistrationFacts } from '../identity/dto/identity.records';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ReviewsService } from '../reviews/reviews.service';
import { VerificationService } from '../verification/verification.service';
import {
  burstRegistrations,
  DEFAULT_THRESHOLDS,
  type DetectedSignal,
  lookalikeNames,
  nearDuplicateTexts,
  type OrgFacts,
  sharedContacts,
  type TrustThresholds,
  userReports,
} from './trust-detectors';
import { type TrustCaseRow, TrustRepository, type TrustSignalRow } from './trust.repository';

export type { TrustCaseRow, TrustSignalRow };

/** The scheduled scan's job name (JobScheduler; tests call runNow). */
export const TRUST_SCAN_JOB = 'trust.scan';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASON_MAX = 2000;
const DISMISS_MAX = 100;
const STATUSES = ['OPEN', 'DISMISSED', 'ACTIONED'];

export interface TrailEntry {
  id: string;
  action: string;
  actorUserId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Trust & safety: detectors over what identity, listings, bids, chat and reviews hold (read
 * through their services) write signals per organization (`trust_signals`, one row per
 * fingerprint); staff see them grouped per organization as cases and act on a case: warn the
 * owners, suspend (verification's suspend), or dismiss signals. Every action is audited in its
 * transaction and the organization's audit rows are the case's trail.
 *
 * Thresholds (DEFAULT_THRESHOLDS, the burst and report ones from config): SHARED_CONTACT on any
 * e-mail domain (public mail services excluded), phone or website held by ≥ 2 organizations;
 * LOOKALIKE_NAME on normalised names equal or within edit distance 1 (4–7 characters) or 2 (≥ 8)
 * of a VERIFIED organization's; BURST_REGISTRATION at ≥ 3 organizations by one account in 24 h or
 * ≥ 5 accounts from one address in 1 h; USER_REPORTS at ≥ 3 reports; NEAR_DUPLICATE_TEXT at
 * similarity ≥ 0.8 (the curation pre-checks' 3-gram Jaccard, libs/marketplace exactSimilarity) between bids, or listings, of different
 * organizations with ≥ 80 characters. The scan runs every TRUST_SCAN_MS and, for the new
 * organization only (names and bursts), when one registers.
 */
@Injectable()
export class TrustService implements OnModuleInit {
  private readonly thresholds: TrustThresholds;

  constructor(
    private readonly repository: TrustRepository,
    private readonly identity: IdentityService,
    private readonly memberships: MembershipPolicy,
    private readonly listings: ListingsService,
    private readonly bids: BidsService,
    private readonly chat: ChatService,
    private readonly reviews: ReviewsService,
    private readonly verification: VerificationService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
    private readonly scheduler: JobScheduler,
    private readonly dispatcher: OutboxDispatcher,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.thresholds = {
      ...DEFAULT_THRESHOLDS,
      orgsPerAccount: config.TRUST_BURST_ORGANIZATIONS_PER_ACCOUNT,
      accountsPerAddress: config.TRUST_BURST_ACCOUNTS_PER_ADDRESS,
      reports: config.TRUST_REPORTS_THRESHOLD,
    };
  }

  onModuleInit(): void {
    this.scheduler.register({ name: TRUST_SCAN_JOB, everyMs: this.config.TRUST_SCAN_MS, run: () => this.scan() });
    this.dispatcher.register('organization.registered', async (e) => {
      await this.scanRegistration(String(e.payload.organizationId));
    });
  }

  /** The full scan: every detector over everything; new signals are added, known ones refreshed. */
  async scan(): Promise<{ found: number; added: number }> {
    const [facts, listings, bids, chatReports, reviewReports] = await Promise.all([
      this.identity.registrationFacts(),
      this.listings.trustFacts(),
      this.bids.trustTexts(),
      this.chat.reportCountsBySenderOrganization(),
      this.reviews.reportCountsByAuthorOrganization(),
    ]);
    const orgs = scannable(facts);
    const ids = new Set(orgs.map((o) => o.id));
    const signals: DetectedSignal[] = [
      ...sharedContacts(orgs, listings),
      ...lookalikeNames(
        orgs,
        orgs.filter((o) => o.verified),
      ),
      ...burstRegistrations(orgs, this.thresholds),
      ...userReports(
        [
          ...chatReports.map((c) => ({ ...c, source: 'chat' as const })),
          ...reviewReports.map((c) => ({ ...c, source: 'reviews' as const })),
        ].filter((c) => ids.has(c.organizationId)),
        this.thresholds.reports,
      ),
      ...nearDuplicateTexts(
        [
          ...bids.map((b) => ({ type: 'bid' as const, id: b.id, organizationId: b.organizationId, text: b.text })),
          ...listings
            .filter((l) => l.status !== 'DRAFT')
            .map((l) => ({ type: 'listing' as const, id: l.id, organizationId: l.organizationId, text: l.text })),
        ].filter((t) => ids.has(t.organizationId)),
        this.thresholds,
      ),
    ];
    return this.store(signals);
  }

  /** On `organization.registered`: the cheap detectors for the new organization (its name against verified ones, registration bursts). */
  async scanRegistration(organizationId: string): Promise<{ found: number; added: number }> {
    const orgs = scannable(await this.identity.registrationFacts());
    const signals = [
      ...lookalikeNames(
        orgs.filter((o) => o.id === organizationId),
        orgs.filter((o) => o.verified),
      ),
      ...burstRegistrations(orgs, this.thresholds),
    ];
    return this.store(signals);
  }

  // --- staff: cases -------------------------------------------------------------------------

  async cases(viewer: Viewer, status: string | null | undefined, first?: number, after?: string | null): Promise<Connection<TrustCaseRow>> {
    this.assertStaff(viewer);
    const wanted = status ?? 'OPEN';
    if (!STATUSES.includes(wanted)) throw AppError.field('status', 'one-of', { values: STATUSES.join(', ') });
    const page = pageArgs(first, after);
    const key = page.after;
    if (key && (key.length !== 2 || typeof key[0] !== 'string' || Number.isNaN(Date.parse(key[0])) || !UUID.test(String(key[1]))))
      throw AppError.field('after', 'format', { format: 'cursor' });
    const { rows, total } = await this.repository.cases(wanted, page.limit, key as [string, string] | null);
    return toConnection(rows, page.limit, total, (r) => [r.lastActivityAt.toISOString(), r.organizationId]);
  }

  async case(viewer: Viewer, organizationId: string): Promise<{ organizationId: string; signals: TrustSignalRow[]; trail: TrailEntry[] }> {
    this.assertStaff(viewer);
    if (!UUID.test(organizationId) || !(await this.identity.organization(organizationId))) throw AppError.notFound();
    const [signals, trail] = await Promise.all([this.repository.signalsOf(organizationId), this.trail(organizationId)]);
    return { organizationId, signals, trail };
  }

  /** The organization's open signals (its page's staff box). */
  async openSignalsOf(viewer: Viewer, organizationId: string): Promise<TrustSignalRow[]> {
    this.assertStaff(viewer);
    return UUID.test(organizationId) ? this.repository.signalsOf(organizationId, 'OPEN') : [];
  }

  async openCaseCount(viewer: Viewer): Promise<number> {
    this.assertStaff(viewer);
    return this.repository.openCaseCount();
  }

  /** Warns the organization's owners (in the app and by e-mail) with the reason; its open signals become ACTIONED. */
  async warn(rc: RequestContext, viewer: Viewer, input: { organizationId: string; reason: string }): Promise<TrailEntry[]> {
    this.assertStaff(viewer);
    const reason = this.reason(input.reason);
    if (!UUID.test(input.organizationId)) throw AppError.notFound();
    await this.transactions.run(async (tx) => {
      const org = await this.identity.lockOrganization(tx, input.organizationId);
      if (!org) throw AppError.notFound();
      if (org.kind === OrganizationKind.ASSOCIATION) throw AppError.forbidden('suspend-protected', { reason: 'association' });
      const actioned = await this.repository.setStatus(
        tx,
        { openOf: org.id },
        { status: 'ACTIONED', reason, byId: viewer.userId, at: this.clock.now() },
      );
      const owners = await this.identity.ownerUserIds(org.id, tx);
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'trust.organization-warned',
        subjectType: 'organization',
        subjectId: org.id,
        details: { reason, signalIds: actioned, notifiedUserIds: owners },
        requestId: rc.requestId,
      });
      await this.notifications.notifyUsers(
        tx,
        owners,
        NotificationType.ORGANIZATION_WARNED,
        { organizationId: org.id, organizationName: org.nameKo, reason },
        { link: { type: NotificationLinkType.ORGANIZATION, id: org.id } },
      );
    });
    return this.trail(input.organizationId);
  }

  /** Suspends the organization through verification (its own audited transaction), then marks its open signals ACTIONED (audited). */
  async suspend(rc: RequestContext, viewer: Viewer, input: { organizationId: string; reason: string }): Promise<TrailEntry[]> {
    this.assertStaff(viewer);
    const reason = this.reason(input.reason);
    await this.verification.suspend(rc, viewer, { organizationId: input.organizationId, reason });
    await this.transactions.run(async (tx) => {
      const actioned = await this.repository.setStatus(
        tx,
        { openOf: input.organizationId },
        { status: 'ACTIONED', reason, byId: viewer.userId, at: this.clock.now() },
      );
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'trust.signals-actioned',
        subjectType: 'organization',
        subjectId: input.organizationId,
        details: { reason, signalIds: actioned, after: { organizationStatus: VerificationStatus.SUSPENDED } },
        requestId: rc.requestId,
      });
    });
    return this.trail(input.organizationId);
  }

  /** Dismisses open signals (all of one organization or of several) with a reason; one audit row per organization. */
  async dismiss(rc: RequestContext, viewer: Viewer, input: { ids: string[]; reason: string }): Promise<TrustSignalRow[]> {
    this.assertStaff(viewer);
    const reason = this.reason(input.reason);
    const ids = [...new Set(input.ids)];
    if (ids.length === 0 || ids.length > DISMISS_MAX) throw AppError.field('ids', 'count', { min: 1, max: DISMISS_MAX });
    if (ids.some((id) => !UUID.test(id))) throw AppError.notFound();
    return this.transactions.run(async (tx) => {
      const rows = await this.repository.lock(tx, ids);
      if (rows.length !== ids.length) throw AppError.notFound();
      if (rows.some((r) => r.status !== 'OPEN')) throw AppError.conflict('trust-signals-not-open');
      const at = this.clock.now();
      await this.repository.setStatus(tx, { ids }, { status: 'DISMISSED', reason, byId: viewer.userId, at });
      const byOrg = new Map<string, TrustSignalRow[]>();
      for (const r of rows) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r]);
      for (const [organizationId, list] of byOrg)
        await this.audit.record(tx, {
          actorUserId: viewer.userId,
          action: 'trust.signals-dismissed',
          subjectType: 'organization',
          subjectId: organizationId,
          details: { reason, signalIds: list.map((r) => r.id), kinds: [...new Set(list.map((r) => r.kind))].sort() },
          requestId: rc.requestId,
        });
      return rows.map((r) => ({ ...r, status: 'DISMISSED' as const, statusReason: reason }));
    });
  }

  // --- helpers -------------------------------------------------------------------------------

  private async store(signals: DetectedSignal[]): Promise<{ found: number; added: number }> {
    if (signals.length === 0) return { found: 0, added: 0 };
    const added = await this.transactions.run((tx) => this.repository.upsert(tx, signals, this.clock.now()));
    return { found: signals.length, added };
  }

  /** The organization's audit rows (trust actions, suspension, verification decisions), newest first. */
  private async trail(organizationId: string): Promise<TrailEntry[]> {
    const page = await this.audit.list({ subjectType: 'organization', subjectId: organizationId }, 100, null);
    return page.edges.map(({ node }) => ({
      id: node.id,
      action: node.action,
      actorUserId: node.actorUserId,
      reason: typeof node.details?.reason === 'string' ? node.details.reason : null,
      details: node.details ?? {},
      createdAt: new Date(node.createdAt),
    }));
  }

  private reason(raw: string): string {
    const reason = (raw ?? '').trim();
    if (!reason) throw AppError.field('reason', 'required');
    if (reason.length > REASON_MAX) throw AppError.field('reason', 'max-length', { max: REASON_MAX });
    return reason;
  }

  private assertStaff(viewer: Viewer): void {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
  }
}

/** Organizations the detectors look at: everyone but the association itself. */
function scannable(facts: RegistrationFacts[]): OrgFacts[] {
  return facts
    .filter((f) => f.kind !== OrganizationKind.ASSOCIATION)
    .map((f) => ({ ...f, verified: f.verificationStatus === VerificationStatus.VERIFIED }));
}
