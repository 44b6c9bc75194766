import {
  CHAT_EDIT_WINDOW_SECONDS,
  CHAT_SYNC_MAX_PAGE,
  type ChatJoinReply,
  type ChatReadReply,
  type ChatSyncReply,
  ConversationContextType,
  FileKind,
  OrganizationKind,
  VerificationStatus,
} from '@aimatch/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { uniqueViolation } from '../../common/errors/pg-errors';
import { RateLimiter } from '../../common/rate-limit/rate-limit.service';
import { OutboxDispatcher } from '../../database/outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../../database/outbox/outbox-event.entity';
import { OutboxService } from '../../database/outbox/outbox.service';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import type { Organization } from '../identity/dto/identity.records';
import { IdentityService } from '../identity/identity.service';
import { MEMBERSHIP_ENDED_EVENT } from '../identity/member-admin.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { ListingAccessPolicy } from '../listings/listing-access.policy';
import { ListingsService } from '../listings/listings.service';
import { FilesService } from '../files/files.service';
import { CHAT_FILES_OWNER_TYPE, chatFile } from './dto/chat-files';
import { ChatPublisher, conversationRoom, organizationRoom } from './chat.publisher';
import {
  type ConversationListRow,
  type ConversationRow,
  ChatRepository,
  type MessageRow,
  type OrganizationReportCount,
  type ReportRow,
  toPayload,
  type WrittenMessage,
} from './chat.repository';
import { editSchema, isUuid, parseOrThrow as parse, readSchema, reportReason, sendSchema, syncSchema } from './chat.schemas';

export type { WrittenMessage } from './chat.repository';

const SUPPLIER_KINDS: readonly OrganizationKind[] = [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR];
/** How far before its own clock a sync answers `serverTime` (edits committing meanwhile are read again next time). */
const SYNC_CHANGE_MARGIN_MS = 5_000;
/** Messages shown to staff on each side of a reported one. */
export const REPORT_CONTEXT = 5;
/** Outbox event of a system message posted in another module's transaction: its live push, after commit. */
export const SYSTEM_MESSAGE_POSTED = 'chat.system-message.posted';

export interface OpenConversationCommand {
  contextType: ConversationContextType;
  contextId: string;
  /** The organization facing the context's owner (the supplier on a DEMAND, the asker on a SUPPLY_INQUIRY). */
  partyOrganizationId?: string | null;
  /** On a DEMAND: names the supplier side by one of its listings (e.g. from the matches page). */
  supplyListingId?: string | null;
}

/**
 * Conversations between organizations about a context, and their messages: stored before they
 * are acknowledged or broadcast, numbered per conversation without gaps, idempotent per
 * clientMessageId. Non-participants (staff included) get FORBIDDEN whether or not the
 * conversation exists; staff see only reported messages and their immediate context, audited.
 */
@Injectable()
export class ChatService implements OnModuleInit {
  constructor(
    private readonly repository: ChatRepository,
    private readonly transactions: TransactionService,
    private readonly listings: ListingsService,
    private readonly access: ListingAccessPolicy,
    private readonly identity: IdentityService,
    private readonly memberships: MembershipPolicy,
    private readonly rateLimiter: RateLimiter,
    private readonly publisher: ChatPublisher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly outbox: OutboxService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(SYSTEM_MESSAGE_POSTED, (e) => this.pushSystemMessage(e));
    this.dispatcher.register(MEMBERSHIP_ENDED_EVENT, (e) => this.leaveOrganizationRooms(e));
    this.files.registerOwnerAccess(CHAT_FILES_OWNER_TYPE, (viewer, messageId) => this.mayViewMessageFiles(viewer, messageId), {
      kinds: [FileKind.DOCUMENT],
    });
  }

  /**
   * A member removed from (or who left) an organization stops receiving its chat at once: their
   * open sockets leave the organization's room and the rooms of its conversations that they do
   * not take part in through another organization. (Sends were already refused: membership is
   * checked on every send.)
   */
  private async leaveOrganizationRooms(event: OutboxEventEntity): Promise<void> {
    const { organizationId, userId } = event.payload as { organizationId: string; userId: string };
    const still = await this.identity.organizationIdsOfUser(userId);
    if (still.includes(organizationId)) return; // joined again since
    const [left, kept] = await Promise.all([
      this.repository.conversationIdsOfOrganizations([organizationId]),
      this.repository.conversationIdsOfOrganizations(still),
    ]);
    const keep = new Set(kept);
    this.publisher.leaveRooms(userId, [organizationRoom(organizationId), ...left.filter((id) => !keep.has(id)).map(conversationRoom)]);
  }

  // --- conversations --------------------------------------------------------------------------

  /**
   * Opens (or returns the existing) conversation about a demand or a supply listing. The viewer
   * must see the listing and act for one of the two sides: the listing's owner, or the party
   * (a supplier on a demand, any member organization asking about a supply listing).
   */
  async openConversation(rc: RequestContext, viewer: Viewer, cmd: OpenConversationCommand): Promise<ConversationRow> {
    if (cmd.contextType === ConversationContextType.BID) throw AppError.field('contextType', 'not-allowed');
    if (!isUuid(cmd.contextId)) throw AppError.notFound();
    const listing = await this.listings.findListing(cmd.contextId);
    const wantedKind = cmd.contextType === ConversationContextType.DEMAND ? 'DEMAND' : 'SUPPLY';
    if (!listing || listing.kind !== wantedKind || !(await this.access.canSee(rc, listing))) throw AppError.notFound();

    const myOrgs = await this.identity.organizationsOfUser(viewer.userId);
    const myOrgIds = myOrgs.map((o) => o.id);
    const ownerSide = myOrgIds.includes(listing.organizationId);
    let partyId = cmd.partyOrganizationId ?? null;
    if (cmd.supplyListingId) {
      if (cmd.contextType !== ConversationContextType.DEMAND) throw AppError.field('supplyListingId', 'not-allowed');
      const supply = isUuid(cmd.supplyListingId) ? await this.listings.findListing(cmd.supplyListingId) : null;
      if (!supply || supply.kind !== 'SUPPLY' || !(await this.access.canSee(rc, supply))) throw AppError.notFound();
      if (partyId && partyId !== supply.organizationId) throw AppError.field('supplyListingId', 'invalid');
      partyId = supply.organizationId;
    }
    const eligible = (o: Organization) =>
      cmd.contextType === ConversationContextType.DEMAND ? SUPPLIER_KINDS.includes(o.kind) : o.kind !== OrganizationKind.ASSOCIATION;

    if (!ownerSide) {
      if (partyId && !myOrgIds.includes(partyId)) throw AppError.forbidden();
      if (!partyId) {
        const mine = myOrgs.filter(eligible);
        if (mine.length === 0) throw AppError.forbidden();
        if (mine.length > 1) throw AppError.field('partyOrganizationId', 'required');
        partyId = mine[0].id;
      }
    } else if (!partyId) {
      throw AppError.field('partyOrganizationId', 'required');
    }
    if (!isUuid(partyId)) throw AppError.field('partyOrganizationId', 'format', { format: 'uuid' });
    if (partyId === listing.organizationId) throw AppError.field('partyOrganizationId', 'invalid');
    const party = await this.identity.organization(partyId);
    if (!party) throw AppError.notFound();
    if (!eligible(party)) throw AppError.field('partyOrganizationId', 'not-allowed');
    const acting = ownerSide ? await this.identity.organization(listing.organizationId) : party;
    if (acting?.verificationStatus === VerificationStatus.SUSPENDED) throw AppError.forbidden();

    const { conversation } = await this.transactions.run((tx) =>
      this.repository.openConversation(tx, {
        contextType: cmd.contextType,
        contextId: listing.id,
        organizations: [listing.organizationId, party.id],
        createdById: viewer.userId,
      }),
    );
    return conversation;
  }

  /** The conversations the viewer takes part in, latest activity first, with unread counts. */
  async conversations(viewer: Viewer, first?: number, after?: string | null): Promise<Connection<ConversationListRow>> {
    const { limit, after: key } = pageArgs(first, after);
    const organizationIds = await this.identity.organizationIdsOfUser(viewer.userId);
    const { rows, total } = await this.repository.conversationsOfUser(viewer.userId, organizationIds, limit, key);
    return toConnection(rows, limit, total, (r) => [r.sortAt.toISOString(), r.id]);
  }

  /** FORBIDDEN unless the viewer acts for a participant organization; the same for an unknown id. */
  async assertParticipant(viewer: Viewer, conversationId: string): Promise<{ organizationId: string; suspended: boolean }> {
    const p = isUuid(conversationId) ? await this.participation(conversationId, viewer.userId) : null;
    if (!p) throw AppError.forbidden();
    return p;
  }

  /**
   * The organization the user acts for in a conversation: a participant they are a member of,
   * preferring one that is not suspended (the lowest id among equals); null when none.
   */
  private async participation(conversationId: string, userId: string): Promise<{ organizationId: string; suspended: boolean } | null> {
    const participants = await this.repository.participantOrganizations(conversationId);
    if (!participants.length) return null;
    const mine = (await this.identity.organizationsOfUser(userId))
      .filter((o) => participants.includes(o.id))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (!mine.length) return null;
    const active = mine.find((o) => o.verificationStatus !== VerificationStatus.SUSPENDED);
    return { organizationId: (active ?? mine[0]).id, suspended: !active };
  }

  /**
   * Keyed `conversationId:userId`: the furthest read pointer among users who do not share a
   * participant organization with that user (the other side), 0 when none has read. Three
   * queries per batch: read pointers, participants, and (identity) the readers' memberships.
   */
  readonly othersReadLoader: LoaderFactory<string, number> = {
    create: () =>
      new DataLoader(async (keys) => {
        const pairs = keys.map((k) => k.split(':') as [string, string]);
        const conversationIds = [...new Set(pairs.map((p) => p[0]))];
        const [reads, participants] = await Promise.all([
          this.repository.readPointers(conversationIds),
          this.repository.participantsOf(conversationIds),
        ]);
        const memberships = await this.identity.membershipsAmong(
          [...pairs.map((p) => p[1]), ...reads.map((r) => r.userId)],
          participants.map((p) => p.organizationId),
        );
        const orgsOf = new Map<string, Set<string>>();
        for (const m of memberships) {
          if (!orgsOf.has(m.userId)) orgsOf.set(m.userId, new Set());
          orgsOf.get(m.userId)!.add(m.organizationId);
        }
        return pairs.map(([conversationId, userId]) => {
          const parties = participants.filter((p) => p.conversationId === conversationId).map((p) => p.organizationId);
          const mine = orgsOf.get(userId) ?? new Set<string>();
          const sameSide = (readerId: string) => parties.some((o) => mine.has(o) && orgsOf.get(readerId)?.has(o));
          let seq = 0;
          for (const r of reads) {
            if (r.conversationId === conversationId && r.userId !== userId && !sameSide(r.userId)) seq = Math.max(seq, r.lastReadSeq);
          }
          return seq;
        });
      }),
  };

  async join(viewer: Viewer, conversationId: string): Promise<ChatJoinReply> {
    await this.assertParticipant(viewer, conversationId);
    const conversation = (await this.repository.findConversation(conversationId))!;
    const read = await this.repository.readState(conversationId, viewer.userId);
    return { conversationId, lastSeq: conversation.lastSeq, ...read };
  }

  // --- messages -------------------------------------------------------------------------------

  /**
   * Stores a message (once per clientMessageId: a retry returns the stored id and seq with
   * `duplicate`), then broadcasts it unless the caller broadcasts itself.
   */
  async send(viewer: Viewer, input: unknown, options: { broadcast?: boolean } = {}): Promise<{ message: MessageRow; duplicate: boolean }> {
    const cmd = parse(sendSchema, input);
    await this.identity.assertEmailVerified(viewer.userId);
    await this.rateLimiter.consume('chat-send', viewer.userId);
    let stored: MessageRow | null = null;
    try {
      const senders = (await this.identity.organizationsOfUser(viewer.userId)).filter(
        (o) => o.verificationStatus !== VerificationStatus.SUSPENDED,
      );
      const message = { ...cmd, userId: viewer.userId, senderOrganizationIds: senders.map((o) => o.id) };
      const fileIds = cmd.fileIds ?? [];
      if (!fileIds.length) {
        stored = await this.repository.insertUserMessage(message);
      } else {
        // The message and its files commit together: a file that cannot be attached (someone else's, attached elsewhere) sends nothing.
        for (const _ of fileIds) await this.rateLimiter.consume('chat-files', viewer.userId);
        stored = await this.transactions.run(async (tx) => {
          const row = await this.repository.insertUserMessage(message, tx);
          if (!row) return null;
          const files = await this.files.attach(tx, fileIds, { ownerType: CHAT_FILES_OWNER_TYPE, ownerId: row.id }, viewer.userId);
          return { ...row, files: files.map(chatFile) };
        });
      }
    } catch (err) {
      if (uniqueViolation(err) !== 'chat_messages_client_message_key') throw err;
      // a concurrent retry of the same message won: fall through to return what it stored
    }
    if (stored) {
      if (options.broadcast !== false) {
        this.publisher.toConversation(cmd.conversationId, 'message', toPayload(stored));
        void this.announce(stored);
      }
      return { message: stored, duplicate: false };
    }
    const participation = await this.assertParticipant(viewer, cmd.conversationId);
    const existing = await this.repository.findByClientMessageId(cmd.conversationId, cmd.clientMessageId);
    if (existing) {
      if (existing.senderUserId !== viewer.userId) throw AppError.conflict('conflict', { reason: 'CLIENT_MESSAGE_ID_TAKEN' });
      return { message: (await this.withFiles([existing]))[0], duplicate: true };
    }
    if (participation.suspended) throw AppError.forbidden('forbidden', { reason: 'ORGANIZATION_SUSPENDED' });
    throw AppError.forbidden();
  }

  /** Replaces the text of one's own message within CHAT_EDIT_WINDOW_SECONDS of sending it. */
  async edit(viewer: Viewer, input: unknown): Promise<MessageRow> {
    const cmd = parse(editSchema, input);
    const message = await this.ownMessage(viewer, cmd.messageId);
    const notBefore = new Date(this.clock.now().getTime() - CHAT_EDIT_WINDOW_SECONDS * 1000);
    const edited = await this.repository.editMessage(message.id, viewer.userId, cmd.body, notBefore);
    if (!edited) {
      if (message.deletedAt) throw AppError.conflict('conflict', { reason: 'MESSAGE_DELETED' });
      throw AppError.conflict('conflict', { reason: 'EDIT_WINDOW_CLOSED' });
    }
    const withFiles = (await this.withFiles([edited]))[0]; // an edit keeps the message's files
    this.publisher.toConversation(edited.conversationId, 'message:updated', toPayload(withFiles));
    return withFiles;
  }

  /** Deletes one's own message, leaving a tombstone (same id and seq, no body). Idempotent. */
  async remove(viewer: Viewer, messageId: string): Promise<MessageRow> {
    const message = await this.ownMessage(viewer, messageId);
    if (message.deletedAt) return message;
    const removed = (await this.repository.tombstoneMessage(message.id, viewer.userId)) ?? (await this.repository.findMessage(message.id))!;
    // Its files went with it (no participant may download them from now on); the sweep removes their bytes.
    await this.transactions.run((tx) => this.files.detachAllOf(tx, CHAT_FILES_OWNER_TYPE, message.id));
    this.publisher.toConversation(removed.conversationId, 'message:updated', toPayload(removed));
    return removed;
  }

  private async ownMessage(viewer: Viewer, messageId: string): Promise<MessageRow> {
    const message = isUuid(messageId) ? await this.repository.findMessage(messageId) : null;
    if (!message) throw AppError.forbidden();
    const p = await this.assertParticipant(viewer, message.conversationId);
    if (message.senderUserId !== viewer.userId || message.kind !== 'USER') throw AppError.forbidden();
    if (p.suspended) throw AppError.forbidden('forbidden', { reason: 'ORGANIZATION_SUSPENDED' });
    return message;
  }

  /** What the viewer missed after `afterSeq`: one bounded page, ascending; ask again while `hasMore`. */
  async sync(viewer: Viewer, input: unknown): Promise<ChatSyncReply> {
    const cmd = parse(syncSchema, input);
    await this.assertParticipant(viewer, cmd.conversationId);
    const conversation = (await this.repository.findConversation(cmd.conversationId))!;
    if (cmd.afterSeq > conversation.lastSeq) throw AppError.field('afterSeq', 'max-value', { max: conversation.lastSeq });
    const limit = cmd.limit ?? CHAT_SYNC_MAX_PAGE;
    // Taken before reading, less a margin for transactions still committing: the next sync re-reads that overlap.
    const serverTime = new Date(Date.now() - SYNC_CHANGE_MARGIN_MS).toISOString();
    const rows = await this.repository.messagesAfter(cmd.conversationId, cmd.afterSeq, limit + 1);
    const changed = cmd.changedSince
      ? await this.repository.messagesChangedSince(cmd.conversationId, cmd.afterSeq, new Date(cmd.changedSince), CHAT_SYNC_MAX_PAGE)
      : [];
    return {
      conversationId: cmd.conversationId,
      messages: (await this.withFiles(rows.slice(0, limit))).map(toPayload),
      hasMore: rows.length > limit,
      lastSeq: conversation.lastSeq,
      changed: (await this.withFiles(changed)).map(toPayload),
      serverTime,
    };
  }

  /** A page of a thread in ascending order: after a seq, before a seq (scrolling back), or the newest. */
  async messages(
    viewer: Viewer,
    conversationId: string,
    args: { before?: number | null; after?: number | null; first?: number | null },
  ): Promise<Connection<MessageRow>> {
    await this.assertParticipant(viewer, conversationId);
    const { limit } = pageArgs(args.first ?? undefined, null, 50);
    if (args.before != null && args.after != null) throw AppError.field('before', 'not-allowed');
    for (const k of ['before', 'after'] as const) {
      const v = args[k];
      if (v != null && (!Number.isInteger(v) || v < 0)) throw AppError.field(k, 'min-value', { min: 0 });
    }
    const conversation = (await this.repository.findConversation(conversationId))!;
    let rows: MessageRow[];
    let more: boolean;
    if (args.after != null) {
      rows = await this.repository.messagesAfter(conversationId, args.after, limit + 1);
      more = rows.length > limit;
      rows = rows.slice(0, limit);
    } else {
      rows = await this.repository.messagesBefore(conversationId, args.before ?? null, limit + 1);
      more = rows.length > limit;
      rows = rows.slice(0, limit).reverse();
    }
    const edges = rows.map((node) => ({ cursor: String(node.seq), node }));
    return { edges, totalCount: conversation.lastSeq, pageInfo: { hasNextPage: more, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** A read receipt: moves the viewer's pointer (never back, never past the last message). */
  async markRead(viewer: Viewer, input: unknown): Promise<ChatReadReply> {
    const cmd = parse(readSchema, input);
    await this.assertParticipant(viewer, cmd.conversationId);
    const conversation = (await this.repository.findConversation(cmd.conversationId))!;
    if (cmd.seq > conversation.lastSeq) throw AppError.field('seq', 'max-value', { max: conversation.lastSeq });
    const state = await this.repository.markRead(cmd.conversationId, viewer.userId, cmd.seq);
    return { conversationId: cmd.conversationId, ...state };
  }

  /**
   * Opens (or returns the existing) conversation about a context between two organizations
   * inside the caller's transaction, with no access checks: for other modules' commands that
   * already authorised their actor (the award opens the demand's conversation with the winner).
   */
  openConversationIn(
    tx: EntityManager,
    c: { contextType: ConversationContextType; contextId: string; organizations: [string, string]; createdById: string | null },
  ): Promise<{ conversation: ConversationRow; created: boolean }> {
    return this.repository.openConversation(tx, c);
  }

  /** The existing conversation about a context between two organizations, or null (never creates one). */
  findConversationIn(
    tx: EntityManager,
    c: { contextType: ConversationContextType; contextId: string; organizations: [string, string] },
  ): Promise<ConversationRow | null> {
    return this.repository.findByContextPair(tx, c);
  }

  /**
   * A system message (bid submitted, award…) inside the caller's transaction, with the outbox
   * event that pushes it live once that transaction committed; clients that miss it get it by `sync`.
   */
  async postSystemMessage(
    tx: EntityManager,
    conversationId: string,
    event: string,
    payload: Record<string, unknown>,
    body?: string,
  ): Promise<{ message: MessageRow }> {
    const message = await this.repository.insertSystemMessage(tx, conversationId, event, payload, body ?? null);
    await this.outbox.enqueue(tx, {
      aggregateType: 'conversation',
      aggregateId: conversationId,
      eventType: SYSTEM_MESSAGE_POSTED,
      payload: { conversationId, messageId: message.id },
    });
    return { message };
  }

  /** The live push of a committed system message (at least once: clients dedupe messages by id). */
  private async pushSystemMessage(event: OutboxEventEntity): Promise<void> {
    const message = await this.repository.findMessage(String(event.payload.messageId));
    if (!message) return;
    this.publisher.toConversation(message.conversationId, 'message', toPayload(message));
    await this.announce(message);
  }

  /**
   * Tells the members of the participant organizations who did not join the conversation's room
   * (they get `message` there) that a message arrived, so conversation lists and unread badges
   * move live. Best effort: lists also refetch.
   */
  async announce(message: MessageRow): Promise<void> {
    try {
      const organizationIds = await this.repository.participantOrganizations(message.conversationId);
      this.publisher.toOrganizations(
        organizationIds,
        'conversation:activity',
        {
          conversationId: message.conversationId,
          messageId: message.id,
          seq: Number(message.seq),
          senderUserId: message.senderUserId,
          createdAt: message.createdAt.toISOString(),
        },
        conversationRoom(message.conversationId),
      );
    } catch {
      // a lost announcement only delays a list refresh
    }
  }

  /** The organizations the user is a member of (a socket joins their rooms for announcements). */
  async organizationIdsOf(userId: string): Promise<string[]> {
    return this.identity.organizationIdsOfUser(userId);
  }

  // --- moderation -----------------------------------------------------------------------------

  /** A participant reports a message to staff (once per reporter; repeating is harmless). */
  async reportMessage(viewer: Viewer, messageId: string, reason: string): Promise<string> {
    const text = parse(reportReason, reason);
    const message = isUuid(messageId) ? await this.repository.findMessage(messageId) : null;
    if (!message) throw AppError.forbidden();
    await this.assertParticipant(viewer, message.conversationId);
    return this.transactions.run(async (tx) => (await this.repository.insertReport(tx, message.id, viewer.userId, text)).id);
  }

  /** Reports for staff, newest first: who reported what and why, without any message text. */
  async reports(
    viewer: Viewer,
    first?: number,
    after?: string | null,
    status: 'OPEN' | 'RESOLVED' | null = null,
  ): Promise<Connection<ReportRow>> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const { limit, after: key } = pageArgs(first, after);
    const { rows, total } = await this.repository.reportsPage(limit, key, status);
    return toConnection(rows, limit, total, (r) => [r.createdAt.toISOString(), r.id]);
  }

  /** For staff: the reported message and at most REPORT_CONTEXT messages on each side, with an audit row. */
  async reportContext(rc: RequestContext, viewer: Viewer, reportId: string): Promise<{ report: ReportRow; messages: MessageRow[] }> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const report = isUuid(reportId) ? await this.repository.findReport(reportId) : null;
    if (!report) throw AppError.notFound();
    const from = Math.max(1, report.seq - REPORT_CONTEXT);
    const to = report.seq + REPORT_CONTEXT;
    const messages = await this.transactions.run(async (tx) => {
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'chat.report.context-viewed',
        subjectType: 'chat_message_report',
        subjectId: report.id,
        details: { messageId: report.messageId, conversationId: report.conversationId, fromSeq: from, toSeq: to },
        requestId: rc.requestId,
      });
      return this.repository.messagesBetween(report.conversationId, from, to);
    });
    return { report, messages };
  }

  /**
   * Staff resolve a message report with a reason (audited). DISMISS closes it; REMOVE_MESSAGE
   * tombstones the message exactly like its sender's own delete (open sockets get `message:updated`)
   * and closes every open report of that message. CONFLICT when the report is already resolved.
   */
  async resolveReport(
    rc: RequestContext,
    viewer: Viewer,
    reportId: string,
    action: 'DISMISS' | 'REMOVE_MESSAGE',
    reason: string,
  ): Promise<ReportRow> {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
    const text = reason.trim();
    if (!text) throw AppError.field('reason', 'required');
    if ([...text].length > 1000) throw AppError.field('reason', 'max-length', { max: 1000 });
    if (action !== 'DISMISS' && action !== 'REMOVE_MESSAGE') throw AppError.field('action', 'enum', { allowed: 'DISMISS, REMOVE_MESSAGE' });
    if (!isUuid(reportId)) throw AppError.notFound();
    const removed = await this.transactions.run(async (tx) => {
      const report = await this.repository.lockReport(tx, reportId);
      if (!report) throw AppError.notFound();
      if (report.status !== 'OPEN') throw AppError.conflict('conflict', { reason: 'REPORT_RESOLVED' });
      const message = action === 'REMOVE_MESSAGE' ? await this.repository.tombstoneAsStaff(tx, report.messageId) : null;
      const resolved = await this.repository.resolveReports(tx, report, action, text, viewer.userId);
      await this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'chat.report.resolved',
        subjectType: 'chat_message_report',
        subjectId: report.id,
        details: {
          action,
          reason: text,
          messageId: report.messageId,
          conversationId: report.conversationId,
          resolvedReportIds: resolved,
          messageRemoved: message !== null,
        },
        requestId: rc.requestId,
      });
      return message;
    });
    if (removed) this.publisher.toConversation(removed.conversationId, 'message:updated', toPayload(removed));
    return (await this.repository.findReport(reportId))!;
  }

  /** How many reports there are against the messages each organization sent (trust & safety; no access checks). */
  reportCountsBySenderOrganization(): Promise<OrganizationReportCount[]> {
    return this.repository.reportCountsBySenderOrganization();
  }

  /** The messages the user wrote, newest first, at most `limit` (the personal data download; the user's own rows only). */
  messagesWrittenBy(userId: string, limit: number): Promise<WrittenMessage[]> {
    return this.repository.messagesWrittenBy(userId, limit);
  }

  // --- files (#14 item 4) -------------------------------------------------------------------

  /** The messages with their files (one query), for payloads that carry them. */
  private async withFiles(rows: MessageRow[]): Promise<MessageRow[]> {
    const ids = rows.filter((r) => r.kind === 'USER' && !r.deletedAt).map((r) => r.id);
    if (!ids.length) return rows;
    const files = await this.files.filesOf(CHAT_FILES_OWNER_TYPE, ids);
    return rows.map((r) => (files.get(r.id)?.length ? { ...r, files: files.get(r.id)!.map(chatFile) } : r));
  }

  /**
   * Who may download a chat file: a participant of its message's conversation (the one
   * participant check), while the message is not deleted.
   */
  async mayViewMessageFiles(viewer: Viewer, messageId: string): Promise<boolean> {
    const message = isUuid(messageId) ? await this.repository.findMessage(messageId) : null;
    if (!message || message.deletedAt) return false;
    return (await this.participation(message.conversationId, viewer.userId)) !== null;
  }

  // --- market numbers (#15 item 4; read-only aggregates for modules/stats) ---------------------

  /** Conversations begun in [from, to) and the median minutes to the other side's first answer. */
  firstResponseStats(from: Date, to: Date) {
    return this.repository.firstResponseStats(from, to);
  }
}
