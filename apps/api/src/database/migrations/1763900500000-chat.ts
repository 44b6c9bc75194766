import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chat: conversations about a context (a demand, a bid, a supplier listing inquiry) between
 * organizations (one per context and organization pair), their participants, messages with a
 * gap-free per-conversation sequence and an idempotency key, read pointers per user, reports
 * for moderation, and the table the socket.io postgres adapter keeps large payloads in.
 */
export class Chat1763900500000 implements MigrationInterface {
  name = 'Chat1763900500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE conversations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        context_type text NOT NULL CHECK (context_type IN ('DEMAND', 'BID', 'SUPPLY_INQUIRY')),
        context_id uuid NOT NULL,
        -- the founding pair, ordered, so that (A, B) and (B, A) are the same conversation
        organization_low uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        organization_high uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        last_message_at timestamptz,
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK (organization_low < organization_high),
        CONSTRAINT conversations_context_pair_key UNIQUE (context_type, context_id, organization_low, organization_high)
      );

      CREATE TABLE conversation_participants (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, organization_id)
      );
      CREATE INDEX conversation_participants_organization_idx ON conversation_participants (organization_id, conversation_id);

      CREATE TABLE chat_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq bigint NOT NULL CHECK (seq >= 1),
        kind text NOT NULL DEFAULT 'USER' CHECK (kind IN ('USER', 'SYSTEM')),
        sender_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        sender_organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        client_message_id text CHECK (char_length(client_message_id) BETWEEN 1 AND 64),
        body text,
        system_event text,
        system_payload jsonb,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        edited_at timestamptz,
        deleted_at timestamptz,
        CONSTRAINT chat_messages_seq_key UNIQUE (conversation_id, seq),
        CONSTRAINT chat_messages_client_message_key UNIQUE (conversation_id, client_message_id),
        CHECK (deleted_at IS NOT NULL OR char_length(body) BETWEEN 1 AND 4000),
        CHECK (deleted_at IS NULL OR body IS NULL),
        CHECK (kind = 'SYSTEM' OR client_message_id IS NOT NULL)
      );

      CREATE TABLE conversation_reads (
        conversation_id uuid NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        last_read_seq bigint NOT NULL DEFAULT 0 CHECK (last_read_seq >= 0),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (conversation_id, user_id)
      );

      CREATE TABLE chat_message_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
        reporter_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT chat_message_reports_once UNIQUE (message_id, reporter_user_id)
      );
      CREATE INDEX chat_message_reports_created_idx ON chat_message_reports (created_at DESC, id DESC);

      -- @socket.io/postgres-adapter: payloads over the NOTIFY size limit (CHAT_ADAPTER=postgres)
      CREATE TABLE IF NOT EXISTS socket_io_attachments (
        id bigserial UNIQUE,
        created_at timestamptz DEFAULT now(),
        payload bytea
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE socket_io_attachments; DROP TABLE chat_message_reports; DROP TABLE conversation_reads; DROP TABLE chat_messages; DROP TABLE conversation_participants; DROP TABLE conversations;',
    );
  }
}
