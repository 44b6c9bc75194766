import { type ChatFilePayload, ChatMessageKind, type ChatMessagePayload, ConversationContextType } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';

/** Conversations, participants, messages, read pointers and reports in PostgreSQL (plain SQL). */
export interface ConversationRow {
  id: string;
  contextType: ConversationContextType;
  contextId: string;
  lastSeq: number;
  lastMessageAt: Date | null;
  createdAt: Date;
}
export interface ConversationListRow extends ConversationRow {
  sortAt: Date;
  unreadCount: number;
  lastReadSeq: number;
}
export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  kind: ChatMessageKind;
  senderUserId: string | null;
  senderOrganizationId: string | null;
  clientMessageId: string | null;
  body: string | null;
  systemEvent: string | null;
  systemPayload: Record<string, unknown> | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  /** Set where the caller loaded them (send, sync); GraphQL resolves `files` itself. */
  files?: ChatFilePayload[];
}
export interface ReportRow {
  id: string;
  messageId: string;
  conversationId: string;
  seq: number;
  reporterUserId: string;
  reason: string;
  createdAt: Date;
  status: 'OPEN' | 'RESOLVED';
  resolution: 'DISMISS' | 'REMOVE_MESSAGE' | null;
  resolutionReason: string | null;
  resolvedAt: Date | null;
}

const CONVERSATION_COLUMNS = `c.id, c.context_type AS "contextType", c.context_id AS "contextId", c.last_seq::int AS "lastSeq",
  c.last_message_at AS "lastMessageAt", c.created_at AS "createdAt"`;
const MESSAGE_COLUMNS = `m.id, m.conversation_id AS "conversationId", m.seq::int AS seq, m.kind, m.sender_user_id AS "senderUserId",
  m.sender_organization_id AS "senderOrganizationId", m.client_message_id AS "clientMessageId", m.body,
  m.system_event AS "systemEvent", m.system_payload AS "systemPayload", m.created_at AS "createdAt",
  m.edited_at AS "editedAt", m.deleted_at AS "deletedAt"`;

/** TypeORM answers an UPDATE … RETURNING with [rows, affected]; other statements with rows. */
function updated<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}

export function toPayload(m: MessageRow): ChatMessagePayload {
  return {
    id: m.id,
    conversationId: m.conversationId,
    seq: Number(m.seq),
    kind: m.kind,
    senderUserId: m.senderUserId,
    senderOrganizationId: m.senderOrganizationId,
    clientMessageId: m.clientMessageId,
    body: m.body,
    systemEvent: m.systemEvent,
    systemPayload: m.systemPayload,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
    deletedAt: m.deletedAt?.toISOString() ?? null,
    ...(m.files?.length && !m.deletedAt ? { files: m.files } : {}),
  };
}

/** Reports against one organization's content (trust & safety's USER_REPORTS). */
export interface OrganizationReportCount {
  organizationId: string;
  reports: number;
  latestAt: Date;
}

/** A message as its author downloads it (modules/account). */
export interface WrittenMessage {
  id: string;
  conversationId: string;
  seq: number;
  body: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

@Injectable()
export class ChatRepository {
  /** Participant organization ids per conversation. */
  readonly participantsLoader: LoaderFactory<string, string[]> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows = await this.participantsOf([...ids]);
        return ids.map((id) => rows.filter((r) => r.conversationId === id).map((r) => r.organizationId));
      }),
  };
  /** The newest message per conversation. */
  readonly lastMessageLoader: LoaderFactory<string, MessageRow | null> = {
    create: () =>
      new DataLoader(async (ids) => {
        const rows: MessageRow[] = await this.dataSource.query(
          `SELECT ${MESSAGE_COLUMNS} FROM conversations c
             JOIN chat_messages m ON m.conversation_id = c.id AND m.seq = c.last_seq
            WHERE c.id = ANY($1)`,
          [[...ids]],
        );
        return ids.map((id) => rows.find((r) => r.conversationId === id) ?? null);
      }),
  };

  /** Every read pointer of these conversations (the service works out whose are the other side's). */
  readPointers(conversationIds: string[]): Promise<Array<{ conversationId: string; userId: string; lastReadSeq: number }>> {
    return this.dataSource.query(
      `SELECT conversation_id AS "conversationId", user_id AS "userId", last_read_seq::int AS "lastReadSeq"
         FROM conversation_reads WHERE conversation_id = ANY($1::uuid[])`,
      [conversationIds],
    );
  }

  /** Participant organization ids of these conversations. */
  participantsOf(conversationIds: string[]): Promise<Array<{ conversationId: string; organizationId: string }>> {
    return this.dataSource.query(
      `SELECT conversation_id AS "conversationId", organization_id AS "organizationId" FROM conversation_participants
        WHERE conversation_id = ANY($1::uuid[]) ORDER BY joined_at, organization_id`,
      [conversationIds],
    );
  }

  /** Participant organizations per conversation, cached: a conversation's parties never change. */
  private readonly participantCache = new Map<string, string[]>();

  constructor(private readonly dataSource: DataSource) {}

  // --- conversations --------------------------------------------------------------------------

  /** Creates the conversation unless one exists for the context and pair; returns it either way. */
  async openConversation(
    tx: EntityManager,
    c: { contextType: ConversationContextType; contextId: string; organizations: [string, string]; createdById: string | null },
  ): Promise<{ conversation: ConversationRow; created: boolean }> {
    const [low, high] = [...c.organizations].sort();
    const inserted: ConversationRow[] = await tx.query(
      `INSERT INTO conversations AS c (context_type, context_id, organization_low, organization_high, created_by_id)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT ON CONSTRAINT conversations_context_pair_key DO NOTHING
       RETURNING ${CONVERSATION_COLUMNS}`,
      [c.contextType, c.contextId, low, high, c.createdById],
    );
    if (inserted.length) {
      await tx.query('INSERT INTO conversation_participants (conversation_id, organization_id) VALUES ($1, $2), ($1, $3)', [
        inserted[0].id,
        low,
        high,
      ]);
      return { conversation: inserted[0], created: true };
    }
    const [existing]: ConversationRow[] = await tx.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
        WHERE context_type = $1 AND context_id = $2 AND organization_low = $3 AND organization_high = $4`,
      [c.contextType, c.contextId, low, high],
    );
    return { conversation: existing, created: false };
  }

  /** The conversation about a context between two organizations, if one exists. */
  async findByContextPair(
    tx: EntityManager,
    c: { contextType: ConversationContextType; contextId: string; organizations: [string, string] },
  ): Promise<ConversationRow | null> {
    const [low, high] = [...c.organizations].sort();
    const rows: ConversationRow[] = await tx.query(
      `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
        WHERE context_type = $1 AND context_id = $2 AND organization_low = $3 AND organization_high = $4`,
      [c.contextType, c.contextId, low, high],
    );
    return rows[0] ?? null;
  }

  /** The participant organization ids of a conversation (cached; a bounded map). */
  async participantOrganizations(conversationId: string): Promise<string[]> {
    const cached = this.participantCache.get(conversationId);
    if (cached) return cached;
    const rows: Array<{ organizationId: string }> = await this.dataSource.query(
      'SELECT organization_id AS "organizationId" FROM conversation_participants WHERE conversation_id = $1 ORDER BY organization_id',
      [conversationId],
    );
    const ids = rows.map((r) => r.organizationId);
    if (ids.length) {
      if (this.participantCache.size >= 10_000) this.participantCache.clear();
      this.participantCache.set(conversationId, ids);
    }
    return ids;
  }

  async findConversation(id: string): Promise<ConversationRow | null> {
    const rows: ConversationRow[] = await this.dataSource.query(`SELECT ${CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  /**
   * A page of the conversations of the user's organizations, newest activity first, with the
   * user's unread counts.
   */
  async conversationsOfUser(
    userId: string,
    organizationIds: string[],
    limit: number,
    after: unknown[] | null,
  ): Promise<{ rows: ConversationListRow[]; total: number }> {
    const mine = (param: string) =>
      `SELECT p.conversation_id FROM conversation_participants p WHERE p.organization_id = ANY(${param}::uuid[])`;
    const params: unknown[] = [userId, limit + 1, organizationIds];
    let keyset = '';
    if (after) {
      params.push(after[0], after[1]);
      keyset = 'AND (coalesce(c.last_message_at, c.created_at), c.id) < ($4::timestamptz, $5::uuid)';
    }
    const rows: ConversationListRow[] = await this.dataSource.query(
      `SELECT ${CONVERSATION_COLUMNS}, coalesce(c.last_message_at, c.created_at) AS "sortAt",
              coalesce(r.last_read_seq, 0)::int AS "lastReadSeq",
              (SELECT count(*) FROM chat_messages m
                WHERE m.conversation_id = c.id AND m.seq > coalesce(r.last_read_seq, 0)
                  AND m.sender_user_id IS DISTINCT FROM $1 AND m.deleted_at IS NULL)::int AS "unreadCount"
         FROM conversations c
         LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = $1
        WHERE c.id IN (${mine('$3')}) ${keyset}
        ORDER BY coalesce(c.last_message_at, c.created_at) DESC, c.id DESC
        LIMIT $2`,
      params,
    );
    const [{ total }] = await this.dataSource.query(`SELECT count(DISTINCT conversation_id)::int AS total FROM (${mine('$1')}) x`, [
      organizationIds,
    ]);
    return { rows, total };
  }

  // --- messages -------------------------------------------------------------------------------

  /**
   * Stores a user's message in one statement: the conversation row is locked and its sequence
   * advanced only when one of `senderOrganizationIds` (the user's organizations that are not
   * suspended, from identity) is a participant and the clientMessageId is new, so committed
   * sequence numbers have no gaps (a failed insert rolls the increment back). Returns null when
   * nothing was stored (the service then explains why).
   */
  async insertUserMessage(
    m: {
      conversationId: string;
      userId: string;
      senderOrganizationIds: string[];
      clientMessageId: string;
      body: string;
    },
    tx: EntityManager = this.dataSource.manager,
  ): Promise<MessageRow | null> {
    const rows: MessageRow[] = await tx.query(
      `WITH sender AS (
         SELECT p.organization_id FROM conversation_participants p
          WHERE p.conversation_id = $1 AND p.organization_id = ANY($5::uuid[]) ORDER BY p.organization_id LIMIT 1),
       c AS (
         UPDATE conversations SET last_seq = last_seq + 1, last_message_at = date_trunc('milliseconds', now())
          WHERE id = $1 AND EXISTS (SELECT 1 FROM sender)
            AND NOT EXISTS (SELECT 1 FROM chat_messages WHERE conversation_id = $1 AND client_message_id = $3)
         RETURNING last_seq, last_message_at)
       INSERT INTO chat_messages AS m (conversation_id, seq, kind, sender_user_id, sender_organization_id, client_message_id, body, created_at)
       SELECT $1, c.last_seq, 'USER', $2, (SELECT organization_id FROM sender), $3, $4, c.last_message_at FROM c
       RETURNING ${MESSAGE_COLUMNS}`,
      [m.conversationId, m.userId, m.clientMessageId, m.body, m.senderOrganizationIds],
    );
    return rows[0] ?? null;
  }

  async findByClientMessageId(conversationId: string, clientMessageId: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_messages m WHERE m.conversation_id = $1 AND m.client_message_id = $2`,
      [conversationId, clientMessageId],
    );
    return rows[0] ?? null;
  }

  /** A system message (bid and award events) inside the caller's transaction. */
  async insertSystemMessage(
    tx: EntityManager,
    conversationId: string,
    event: string,
    payload: Record<string, unknown>,
    body: string | null,
  ): Promise<MessageRow> {
    const rows: MessageRow[] = await tx.query(
      `WITH c AS (
         UPDATE conversations SET last_seq = last_seq + 1, last_message_at = date_trunc('milliseconds', now())
          WHERE id = $1 RETURNING last_seq, last_message_at)
       INSERT INTO chat_messages AS m (conversation_id, seq, kind, body, system_event, system_payload, created_at)
       SELECT $1, c.last_seq, 'SYSTEM', $4, $2, $3::jsonb, c.last_message_at FROM c
       RETURNING ${MESSAGE_COLUMNS}`,
      [conversationId, event, JSON.stringify(payload), body ?? event],
    );
    if (!rows.length) throw new Error(`conversation ${conversationId} does not exist`);
    return rows[0];
  }

  async findMessage(id: string): Promise<MessageRow | null> {
    const rows: MessageRow[] = await this.dataSource.query(`SELECT ${MESSAGE_COLUMNS} FROM chat_messages m WHERE m.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Replaces the body of the user's own live message created after `notBefore`. */
  async editMessage(id: string, userId: string, body: string, notBefore: Date): Promise<MessageRow | null> {
    const rows = updated<MessageRow>(
      await this.dataSource.query(
        `UPDATE chat_messages m SET body = $3, edited_at = date_trunc('milliseconds', now())
        WHERE m.id = $1 AND m.sender_user_id = $2 AND m.kind = 'USER' AND m.deleted_at IS NULL AND m.created_at >= $4
        RETURNING ${MESSAGE_COLUMNS}`,
        [id, userId, body, notBefore],
      ),
    );
    return rows[0] ?? null;
  }

  /** Leaves a tombstone: the row (and its seq) stays, the body goes. */
  async tombstoneMessage(id: string, userId: string): Promise<MessageRow | null> {
    const rows = updated<MessageRow>(
      await this.dataSource.query(
        `UPDATE chat_messages m SET body = NULL, deleted_at = date_trunc('milliseconds', now())
        WHERE m.id = $1 AND m.sender_user_id = $2 AND m.kind = 'USER' AND m.deleted_at IS NULL
        RETURNING ${MESSAGE_COLUMNS}`,
        [id, userId],
      ),
    );
    return rows[0] ?? null;
  }

  /** Messages after `afterSeq`, ascending, at most `limit` (+1 to tell whether more follow). */
  messagesAfter(conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_messages m WHERE m.conversation_id = $1 AND m.seq > $2 ORDER BY m.seq LIMIT $3`,
      [conversationId, afterSeq, limit],
    );
  }

  /** Messages up to `upToSeq` edited or deleted after `since`, ascending, at most `limit`. */
  messagesChangedSince(conversationId: string, upToSeq: number, since: Date, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_messages m
        WHERE m.conversation_id = $1 AND m.seq <= $2 AND greatest(m.edited_at, m.deleted_at) > $3
        ORDER BY m.seq LIMIT $4`,
      [conversationId, upToSeq, since, limit],
    );
  }

  /** Messages before `beforeSeq` (or the newest), descending, at most `limit`. */
  messagesBefore(conversationId: string, beforeSeq: number | null, limit: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_messages m WHERE m.conversation_id = $1 AND ($2::bigint IS NULL OR m.seq < $2) ORDER BY m.seq DESC LIMIT $3`,
      [conversationId, beforeSeq, limit],
    );
  }

  /** Messages with seq in [from, to], ascending. */
  messagesBetween(conversationId: string, from: number, to: number): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT ${MESSAGE_COLUMNS} FROM chat_messages m WHERE m.conversation_id = $1 AND m.seq BETWEEN $2 AND $3 ORDER BY m.seq`,
      [conversationId, from, to],
    );
  }

  // --- read pointers --------------------------------------------------------------------------

  /** Moves the user's read pointer forward (never back); returns it and the unread count after it. */
  async markRead(conversationId: string, userId: string, seq: number): Promise<{ lastReadSeq: number; unread: number }> {
    const [row] = await this.dataSource.query(
      `INSERT INTO conversation_reads AS r (conversation_id, user_id, last_read_seq) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id, user_id) DO UPDATE SET last_read_seq = GREATEST(r.last_read_seq, EXCLUDED.last_read_seq), updated_at = now()
       RETURNING last_read_seq::int AS "lastReadSeq"`,
      [conversationId, userId, seq],
    );
    return { lastReadSeq: row.lastReadSeq, unread: await this.unreadAfter(conversationId, userId, row.lastReadSeq) };
  }

  async readState(conversationId: string, userId: string): Promise<{ lastReadSeq: number; unread: number }> {
    const rows: Array<{ lastReadSeq: number }> = await this.dataSource.query(
      'SELECT last_read_seq::int AS "lastReadSeq" FROM conversation_reads WHERE conversation_id = $1 AND user_id = $2',
      [conversationId, userId],
    );
    const lastReadSeq = rows[0]?.lastReadSeq ?? 0;
    return { lastReadSeq, unread: await this.unreadAfter(conversationId, userId, lastReadSeq) };
  }

  private async unreadAfter(conversationId: string, userId: string, seq: number): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM chat_messages WHERE conversation_id = $1 AND seq > $3 AND sender_user_id IS DISTINCT FROM $2 AND deleted_at IS NULL`,
      [conversationId, userId, seq],
    );
    return n;
  }

  // --- reports --------------------------------------------------------------------------------

  /** Records a report once per reporter and message; returns the report id. */
  async insertReport(
    tx: EntityManager,
    messageId: string,
    reporterUserId: string,
    reason: string,
  ): Promise<{ id: string; created: boolean }> {
    const inserted: Array<{ id: string }> = await tx.query(
      `INSERT INTO chat_message_reports (message_id, reporter_user_id, reason) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT chat_message_reports_once DO NOTHING RETURNING id`,
      [messageId, reporterUserId, reason],
    );
    if (inserted.length) return { id: inserted[0].id, created: true };
    const [existing] = await tx.query('SELECT id FROM chat_message_reports WHERE message_id = $1 AND reporter_user_id = $2', [
      messageId,
      reporterUserId,
    ]);
    return { id: existing.id, created: false };
  }

  private readonly reportColumns = `r.id, r.message_id AS "messageId", m.conversation_id AS "conversationId", m.seq::int AS seq,
    r.reporter_user_id AS "reporterUserId", r.reason, r.created_at AS "createdAt", r.status, r.resolution,
    r.resolution_reason AS "resolutionReason", r.resolved_at AS "resolvedAt"`;

  /** Reports newest first; with a status, only those (OPEN: the staff queue). */
  async reportsPage(
    limit: number,
    after: unknown[] | null,
    status: 'OPEN' | 'RESOLVED' | null = null,
  ): Promise<{ rows: ReportRow[]; total: number }> {
    const params: unknown[] = [limit + 1, status];
    const where = ['($2::text IS NULL OR r.status = $2)'];
    if (after) {
      params.push(after[0], after[1]);
      where.push('(r.created_at, r.id) < ($3::timestamptz, $4::uuid)');
    }
    const rows: ReportRow[] = await this.dataSource.query(
      `SELECT ${this.reportColumns} FROM chat_message_reports r JOIN chat_messages m ON m.id = r.message_id
        WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $1`,
      params,
    );
    const [{ total }] = await this.dataSource.query(
      'SELECT count(*)::int AS total FROM chat_message_reports r WHERE ($1::text IS NULL OR r.status = $1)',
      [status],
    );
    return { rows, total };
  }

  async findReport(id: string, tx: EntityManager = this.dataSource.manager): Promise<ReportRow | null> {
    const rows: ReportRow[] = await tx.query(
      `SELECT ${this.reportColumns} FROM chat_message_reports r JOIN chat_messages m ON m.id = r.message_id WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  // --- moderation (M, #12 item 5) ---------------------------------------------------------------

  /** The report, its row locked FOR UPDATE in `tx` (resolving serialises on it). */
  async lockReport(tx: EntityManager, id: string): Promise<ReportRow | null> {
    const [row] = await tx.query(
      `SELECT ${this.reportColumns} FROM chat_message_reports r JOIN chat_messages m ON m.id = r.message_id WHERE r.id = $1 FOR UPDATE OF r`,
      [id],
    );
    return (row as ReportRow | undefined) ?? null;
  }

  /** Resolves the report and the other open reports of the same message; returns the resolved ids. */
  async resolveReports(
    tx: EntityManager,
    report: { id: string; messageId: string },
    resolution: 'DISMISS' | 'REMOVE_MESSAGE',
    reason: string,
    userId: string,
  ): Promise<string[]> {
    const rows = updated<{ id: string }>(
      await tx.query(
        `UPDATE chat_message_reports SET status = 'RESOLVED', resolution = $3, resolution_reason = $4, resolved_by_id = $5,
                resolved_at = date_trunc('milliseconds', now())
          WHERE status = 'OPEN' AND (id = $1 OR (message_id = $2 AND $3 = 'REMOVE_MESSAGE')) RETURNING id`,
        [report.id, report.messageId, resolution, reason, userId],
      ),
    );
    return rows.map((r) => r.id);
  }

  /** Staff remove a message: the same tombstone as the sender's own delete (the row and seq stay, the body goes). */
  async tombstoneAsStaff(tx: EntityManager, id: string): Promise<MessageRow | null> {
    const rows = updated<MessageRow>(
      await tx.query(
        `UPDATE chat_messages m SET body = NULL, deleted_at = date_trunc('milliseconds', now())
        WHERE m.id = $1 AND m.kind = 'USER' AND m.deleted_at IS NULL
        RETURNING ${MESSAGE_COLUMNS}`,
        [id],
      ),
    );
    return rows[0] ?? null;
  }

  /** Reports against messages each organization sent, per organization, except those staff dismissed (trust & safety's USER_REPORTS). */
  reportCountsBySenderOrganization(): Promise<OrganizationReportCount[]> {
    return this.dataSource.query(
      `SELECT m.sender_organization_id AS "organizationId", count(*)::int AS reports, max(r.created_at) AS "latestAt"
         FROM chat_message_reports r JOIN chat_messages m ON m.id = r.message_id
        WHERE m.sender_organization_id IS NOT NULL AND r.resolution IS DISTINCT FROM 'DISMISS'
        GROUP BY m.sender_organization_id`,
    );
  }

  /** Messages the user sent (USER kind), newest first (the personal data download). */
  async messagesWrittenBy(userId: string, limit: number): Promise<WrittenMessage[]> {
    return this.dataSource.query(
      `SELECT id, conversation_id AS "conversationId", seq::int AS seq, body, created_at AS "createdAt", edited_at AS "editedAt", deleted_at AS "deletedAt"
         FROM chat_messages WHERE sender_user_id = $1 AND kind = 'USER' ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  /** The conversations one of these organizations takes part in. */
  async conversationIdsOfOrganizations(organizationIds: string[]): Promise<string[]> {
    if (!organizationIds.length) return [];
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT DISTINCT conversation_id AS id FROM conversation_participants WHERE organization_id = ANY($1::uuid[])',
      [organizationIds],
    );
    return rows.map((r) => r.id);
  }

  // --- market numbers (#15 item 4) -------------------------------------------------------------

  /**
   * Conversations whose first member message was sent in [from, to): how many, how many the other
   * side answered, and the median minutes from that first message to the other side's first one.
   */
  async firstResponseStats(from: Date, to: Date): Promise<{ conversations: number; answered: number; medianMinutes: number | null }> {
    // From `chat_first_responses`, one row per conversation kept exact by triggers on chat_messages.
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS conversations, count(answer_at)::int AS answered,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes) AS "medianMinutes"
         FROM chat_first_responses WHERE first_at >= $1 AND first_at < $2`,
      [from, to],
    );
    return { ...row, medianMinutes: row.medianMinutes === null ? null : Number(row.medianMinutes) };
  }
}
