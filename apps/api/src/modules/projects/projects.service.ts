import { ConversationContextType, FileKind, NotificationType } from '@aimatch/contracts';
import {
  applyProjectCommand,
  type BidMilestone,
  planFromBid,
  PROJECT_LIMITS,
  type ProjectActor,
  type ProjectCommand,
  type ProjectCommandError,
  type ProjectState,
} from '@aimatch/marketplace';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { BidsLoaders } from '../bids/bids.loaders';
import { type AwardedBid, BidsService } from '../bids/bids.service';
import { ChatService } from '../chat/chat.service';
import { FilesService } from '../files/files.service';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import type { ListingRecord } from '../listings/dto/listing-record';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingsService } from '../listings/listings.service';
import { NotificationsService } from '../notifications/notifications.service';
import { type MilestoneRow, type ProjectEventRow, type ProjectRow, ProjectsRepository } from './projects.repository';

export type { MilestoneRow, ProjectEventRow, ProjectRow } from './projects.repository';

/** Files of a delivery belong to its history event: both parties and staff may download them. */
export const MILESTONE_DELIVERY_OWNER_TYPE = 'milestone-delivery';

/** System messages projects post into the demand's conversation between the two parties (`systemEvent`). */
export const PROJECT_CHAT_EVENTS = {
  deliver: 'MILESTONE_DELIVERED',
  accept: 'MILESTONE_ACCEPTED',
  requestRework: 'MILESTONE_REWORK_REQUESTED',
  proposeCompletion: 'PROJECT_COMPLETION_PROPOSED',
  withdrawCompletionProposal: 'PROJECT_COMPLETION_WITHDRAWN',
  completed: 'PROJECT_COMPLETED',
} as const;

const NOTIFY: Record<Exclude<ProjectCommand['type'], 'confirmCompletion'>, NotificationType> = {
  deliver: NotificationType.MILESTONE_DELIVERED,
  accept: NotificationType.MILESTONE_ACCEPTED,
  requestRework: NotificationType.MILESTONE_REWORK_REQUESTED,
  proposeCompletion: NotificationType.PROJECT_COMPLETION_PROPOSED,
  withdrawCompletionProposal: NotificationType.PROJECT_COMPLETION_WITHDRAWN,
};
/** Both parties hear that the project is complete (and that reviews are open). */
const COMPLETED_NOTIFICATION = 'DEMAND_COMPLETED';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The viewer's roles in a project. */
export interface ProjectRoles {
  side: ProjectActor | null;
  /** A member of a consortium partner of the accepted bid: reads the project, acts on nothing (the lead delivers). */
  partner: boolean;
  staff: boolean;
}

/**
 * The project after the award: the accepted bid's milestones as the plan (started by the award,
 * through bids' ProjectPlanPort), deliveries with notes and files, acceptance or rework, the
 * history, completion when every milestone is accepted or by both sides' agreement (then the
 * demand is COMPLETED and the reviews open). Each command is one transaction that locks the
 * demand row and then the project row, so two clicks cannot both win (the second sees the new
 * status: CONFLICT); the decision is the pure machine's (libs/marketplace project-workflow);
 * notifications to the other side and the chat system message are written in the same transaction.
 */
@Injectable()
export class ProjectsService implements OnModuleInit {
  constructor(
    private readonly repository: ProjectsRepository,
    private readonly bids: BidsService,
    private readonly bidsLoaders: BidsLoaders,
    private readonly listings: ListingsService,
    private readonly listingAccess: ListingAccessPolicy,
    private readonly memberships: MembershipPolicy,
    private readonly identity: IdentityService,
    private readonly notifications: NotificationsService,
    private readonly chat: ChatService,
    private readonly files: FilesService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.bids.useProjectPlan({ startProject: (tx, award) => this.start(tx, award) });
    this.files.registerOwnerAccess(MILESTONE_DELIVERY_OWNER_TYPE, (viewer, eventId) => this.mayViewDelivery(viewer, eventId), {
      kinds: [FileKind.DOCUMENT, FileKind.EVIDENCE],
    });
  }

  /** In the award's transaction: the accepted bid's milestones (or one "전체 과업") become the plan. */
  private start(tx: EntityManager, award: AwardedBid): Promise<void> {
    const milestones: BidMilestone[] = planFromBid(award);
    return this.repository.insertProject(tx, { ...award, milestones });
  }

  // --- queries ----------------------------------------------------------------------------

  /**
   * The project of a demand the viewer may see: null when it was never awarded; FORBIDDEN for
   * anyone but the two parties (members of the demand's and the accepted lead organization), the
   * accepted bid's consortium partners (read only) and staff.
   */
  async forDemand(rc: RequestContext, demandId: string): Promise<ProjectRow | null> {
    const demand = await this.visibleDemand(rc, demandId);
    const project = await this.repository.findProject(demand.id);
    if (!project) return null;
    const roles = await this.roles(rc, project);
    if (!roles.side && !roles.partner && !roles.staff) throw AppError.forbidden();
    return project;
  }

  async roles(rc: RequestContext, project: ProjectRow): Promise<ProjectRoles> {
    const orgIds = await this.listingAccess.organizationIds(rc);
    const side: ProjectActor | null = orgIds.includes(project.supplierOrganizationId)
      ? 'supplier'
      : orgIds.includes(project.clientOrganizationId)
        ? 'client'
        : null;
    const partners = side ? [] : await rc.loaders.get(this.bidsLoaders.acceptedPartners).load(project.demandId);
    return { side, partner: partners.some((id) => orgIds.includes(id)), staff: this.listingAccess.isStaff(rc.viewer) };
  }

  async history(
    project: ProjectRow,
    milestoneId: string | null,
    first?: number,
    after?: string | null,
  ): Promise<Connection<ProjectEventRow>> {
    const { limit, after: key } = pageArgs(first, after, 50);
    const { rows, total } = await this.repository.eventsPage(project.demandId, milestoneId, limit, key);
    return toConnection(rows, limit, total, (e) => [e.createdAt.toISOString(), e.id]);
  }

  // --- commands ---------------------------------------------------------------------------

  /** Supplier: PLANNED or REWORK_REQUESTED → DELIVERED, with a note (≤ 2,000 characters) and optional staged files. */
  async deliverMilestone(rc: RequestContext, milestoneId: string, note: string, fileIds: readonly string[] = []): Promise<ProjectRow> {
    if (fileIds.length > PROJECT_LIMITS.maxDeliveryFiles)
      throw AppError.field('fileIds', 'max-items', { max: PROJECT_LIMITS.maxDeliveryFiles });
    return this.onMilestone(rc, milestoneId, { type: 'deliver', milestoneId, note }, fileIds);
  }

  /** Client: DELIVERED → ACCEPTED; the last acceptance completes the project. */
  acceptMilestone(rc: RequestContext, milestoneId: string): Promise<ProjectRow> {
    return this.onMilestone(rc, milestoneId, { type: 'accept', milestoneId }, []);
  }

  /** Client: DELIVERED → REWORK_REQUESTED, with a reason. */
  requestMilestoneRework(rc: RequestContext, milestoneId: string, reason: string): Promise<ProjectRow> {
    return this.onMilestone(rc, milestoneId, { type: 'requestRework', milestoneId, reason }, []);
  }

  /** Either side proposes to complete the project as it stands, with a note; the other confirms. */
  proposeCompletion(rc: RequestContext, demandId: string, note: string): Promise<ProjectRow> {
    return this.command(rc, demandId, { type: 'proposeCompletion', note }, []);
  }

  /** The other side confirms the open completion proposal: the project (and the demand) is complete. */
  confirmCompletion(rc: RequestContext, demandId: string): Promise<ProjectRow> {
    return this.command(rc, demandId, { type: 'confirmCompletion' }, []);
  }

  /** The proposer withdraws its completion proposal before it is confirmed. */
  withdrawCompletionProposal(rc: RequestContext, demandId: string): Promise<ProjectRow> {
    return this.command(rc, demandId, { type: 'withdrawCompletionProposal' }, []);
  }

  // --- helpers ----------------------------------------------------------------------------

  private async onMilestone(rc: RequestContext, milestoneId: string, cmd: ProjectCommand, fileIds: readonly string[]): Promise<ProjectRow> {
    const demandId = UUID.test(milestoneId) ? await this.repository.demandOfMilestone(milestoneId) : null;
    if (!demandId) throw AppError.notFound();
    return this.command(rc, demandId, cmd, fileIds);
  }

  private async command(rc: RequestContext, demandId: string, cmd: ProjectCommand, fileIds: readonly string[]): Promise<ProjectRow> {
    const viewer = rc.viewer!;
    const demand = await this.visibleDemand(rc, demandId);
    const project = await this.repository.findProject(demand.id);
    if (!project) throw AppError.conflict('project-not-started', { current: demand.status, reason: 'project-not-started' });
    const { side } = await this.roles(rc, project);
    if (!side) throw AppError.forbidden();
    if (cmd.type === 'deliver' && fileIds.length) await this.identity.assertEmailVerified(viewer.userId);
    return this.transactions.run(async (tx) => {
      // Demand first, then the project: the same order as the award and the cancellation.
      const lockedDemand = await this.listings.lockDemand(tx, demand.id, 'FOR UPDATE');
      const locked = (await this.repository.findProject(demand.id, tx, true))!;
      if (lockedDemand.status !== 'AWARDED' && !locked.completedAt)
        throw AppError.conflict('project-not-active', { current: lockedDemand.status, reason: 'project-not-active' });
      const milestones = await this.repository.milestonesOf(demand.id, tx);
      const now = this.clock.now();
      const result = applyProjectCommand(stateOf(locked, milestones), cmd, side, now);
      if (!result.ok) throw toAppError(result.error);
      let milestone: MilestoneRow | null = null;
      if (result.milestone) {
        const before = milestones.find((m) => m.id === result.milestone!.id)!;
        milestone = await this.repository.updateMilestone(tx, before.id, before.status, result.milestone.status, now);
        if (!milestone) throw AppError.conflict('stale-version', { current: before.version, reason: 'stale-version' });
      }
      const proposal = result.state.completionProposal;
      const updated = await this.repository.updateProject(tx, demand.id, {
        proposal: proposal
          ? {
              by: proposal.by,
              note: proposal.note,
              at: proposal.at,
              userId: locked.completionProposedBy === proposal.by ? (locked.completionProposedByUserId ?? viewer.userId) : viewer.userId,
            }
          : null,
        completedAt: result.state.completedAt,
        at: now,
      });
      const event = await this.repository.insertEvent(tx, {
        demandId: demand.id,
        milestoneId: result.event.milestoneId,
        action: result.event.action,
        fromStatus: result.event.fromStatus,
        toStatus: result.event.toStatus,
        side,
        actorUserId: viewer.userId,
        note: result.event.note,
        createdAt: now,
      });
      if (cmd.type === 'deliver' && fileIds.length) {
        await this.files.attach(tx, fileIds, { ownerType: MILESTONE_DELIVERY_OWNER_TYPE, ownerId: event.id }, viewer.userId);
      }
      const other = side === 'supplier' ? locked.clientOrganizationId : locked.supplierOrganizationId;
      const actorOrgId = side === 'supplier' ? locked.supplierOrganizationId : locked.clientOrganizationId;
      const actorOrg = await this.identity.organization(actorOrgId);
      const payload = {
        demandId: demand.id,
        title: lockedDemand.title,
        organizationName: actorOrg?.nameKo ?? null,
        organizationNameEn: actorOrg?.nameEn ?? null,
        ...(milestone ? { milestoneId: milestone.id, milestoneTitle: milestone.title, position: milestone.position + 1 } : {}),
        ...(cmd.type === 'requestRework' ? { reason: result.event.note } : {}),
        ...(cmd.type === 'proposeCompletion' ? { note: result.event.note } : {}),
      };
      const conversation = await this.chat.findConversationIn(tx, {
        contextType: ConversationContextType.DEMAND,
        contextId: demand.id,
        organizations: [locked.clientOrganizationId, locked.supplierOrganizationId],
      });
      const chatPayload = {
        organizationId: actorOrgId,
        ...(milestone ? { milestoneTitle: milestone.title, position: milestone.position + 1 } : {}),
        ...(result.event.note ? { note: result.event.note } : {}),
      };
      if (cmd.type !== 'confirmCompletion') {
        await this.notifications.notifyOrganization(tx, other, NOTIFY[cmd.type], payload, {
          link: { type: 'LISTING', id: demand.id },
          sourceKey: `project:${event.id}:${NOTIFY[cmd.type]}`,
        });
        if (conversation) await this.chat.postSystemMessage(tx, conversation.id, PROJECT_CHAT_EVENTS[cmd.type], chatPayload);
      }
      if (result.completed) {
        // The demand is COMPLETED (listing workflow; the reviews of both sides open) and both parties hear of it.
        await this.listings.transitionInTransaction(tx, lockedDemand, 'complete', 'owner', viewer.userId, {
          by: cmd.type === 'confirmCompletion' ? 'agreement' : 'all-milestones-accepted',
        });
        for (const org of [locked.clientOrganizationId, locked.supplierOrganizationId]) {
          await this.notifications.notifyOrganization(
            tx,
            org,
            COMPLETED_NOTIFICATION,
            { demandId: demand.id, title: lockedDemand.title, bidId: locked.bidId },
            { link: { type: 'LISTING', id: demand.id }, sourceKey: `project:${demand.id}:completed` },
          );
        }
        if (conversation)
          await this.chat.postSystemMessage(tx, conversation.id, PROJECT_CHAT_EVENTS.completed, {
            organizationId: actorOrgId,
            byAgreement: cmd.type === 'confirmCompletion',
          });
      }
      return updated;
    });
  }

  private async visibleDemand(rc: RequestContext, id: string): Promise<ListingRecord> {
    const demand = UUID.test(id) ? await this.listings.findListing(id) : null;
    if (!demand || demand.kind !== 'DEMAND' || !(await this.listingAccess.canSee(rc, demand))) throw AppError.notFound();
    return demand;
  }

  /** A delivery's files: the two parties' members, the accepted bid's consortium partners and staff. */
  private async mayViewDelivery(viewer: Viewer, eventId: string): Promise<boolean> {
    if (this.memberships.isStaff(viewer)) return true;
    const demandId = UUID.test(eventId) ? await this.repository.demandOfEvent(eventId) : null;
    const project = demandId ? await this.repository.findProject(demandId) : null;
    if (!project) return false;
    const orgIds = await this.identity.organizationIdsOfUser(viewer.userId);
    if (orgIds.includes(project.clientOrganizationId) || orgIds.includes(project.supplierOrganizationId)) return true;
    const partners = await this.bidsLoaders.acceptedPartners.create().load(project.demandId);
    return partners.some((id) => orgIds.includes(id));
  }
}

function stateOf(project: ProjectRow, milestones: MilestoneRow[]): ProjectState {
  return {
    milestones: milestones.map((m) => ({ id: m.id, title: m.title, weeks: m.weeks, amountKrw: m.amountKrw, status: m.status })),
    completionProposal:
      project.completionProposedBy && project.completionProposedAt
        ? { by: project.completionProposedBy, note: project.completionNote ?? '', at: project.completionProposedAt }
        : null,
    completedAt: project.completedAt,
  };
}

function toAppError(e: ProjectCommandError): AppError {
  switch (e.kind) {
    case 'wrong-actor':
      return AppError.forbidden();
    case 'not-found':
      return AppError.notFound();
    case 'completed':
      return AppError.conflict('project-completed', { reason: 'project-completed' });
    case 'invalid-transition':
      return AppError.conflict('project-invalid-transition', { current: e.current, action: e.action, reason: 'invalid-transition' });
    case 'violation':
      return AppError.field(e.path, e.rule, e.params);
  }
}
