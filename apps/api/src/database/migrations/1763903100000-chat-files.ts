import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files in chat (#14 item 4, helper F): a message may carry files with no text, so a live USER
 * message's body may be empty (still at most 4000 characters; blank text without files is refused
 * by the send schema). The files themselves are rows of `files` owned by `chat-message` ids.
 * Replaces the unnamed check `deleted_at IS NOT NULL OR char_length(body) BETWEEN 1 AND 4000`.
 */
export class ChatFiles1763903100000 implements MigrationInterface {
  name = 'ChatFiles1763903100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE c text;
      BEGIN
        FOR c IN SELECT conname FROM pg_constraint
                  WHERE conrelid = 'chat_messages'::regclass AND contype = 'c'
                    AND pg_get_constraintdef(oid) LIKE '%char_length(body) >= 1%'
        LOOP
          EXECUTE format('ALTER TABLE chat_messages DROP CONSTRAINT %I', c);
        END LOOP;
      END $$;
      ALTER TABLE chat_messages ADD CONSTRAINT chat_messages_body_length CHECK (deleted_at IS NOT NULL OR char_length(body) <= 4000);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE chat_messages SET body = '📎' WHERE deleted_at IS NULL AND body = '';
      ALTER TABLE chat_messages DROP CONSTRAINT chat_messages_body_length;
      ALTER TABLE chat_messages ADD CONSTRAINT chat_messages_check CHECK (deleted_at IS NOT NULL OR char_length(body) BETWEEN 1 AND 4000);
    `);
  }
}
