import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log is append-only: a trigger refuses UPDATE and DELETE of a row, and TRUNCATE.
 * One update stays allowed, exactly the one the foreign key makes: when a user is deleted,
 * `actor_user_id ... ON DELETE SET NULL` clears the actor. The trigger lets an UPDATE through only
 * if it changes nothing but `actor_user_id` from a value to NULL and that user no longer exists
 * (inside the foreign key's action the deleted user row is already gone), so the rest of the row,
 * including the action, object, details and time, can never change.
 */
export class AuditAppendOnly1763901100000 implements MigrationInterface {
  name = 'AuditAppendOnly1763901100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF OLD.actor_user_id IS NOT NULL AND NEW.actor_user_id IS NULL
            AND (NEW.id, NEW.action, NEW.subject_type, NEW.subject_id, NEW.details, NEW.request_id, NEW.created_at)
              IS NOT DISTINCT FROM (OLD.id, OLD.action, OLD.subject_type, OLD.subject_id, OLD.details, OLD.request_id, OLD.created_at)
            AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.actor_user_id)
          THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TRIGGER audit_log_no_truncate ON audit_log;
      DROP TRIGGER audit_log_no_update_delete ON audit_log;
      DROP FUNCTION audit_log_append_only();
    `);
  }
}
