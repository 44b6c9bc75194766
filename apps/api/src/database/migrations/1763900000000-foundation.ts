import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Vocabulary concepts, identity (users, organizations, memberships, sessions, invitations), outbox, audit log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE vocabulary_versions (
        version text PRIMARY KEY,
        concept_count int NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE concept_schemes (
        id text PRIMARY KEY,
        label_ko text NOT NULL,
        label_en text NOT NULL,
        sort_order int NOT NULL
      );
      CREATE TABLE concepts (
        id text PRIMARY KEY CHECK (id ~ '^urn:aimatch:[a-z-]+:[a-z0-9-]+$'),
        scheme_id text NOT NULL REFERENCES concept_schemes(id),
        parent_id text REFERENCES concepts(id) DEFERRABLE INITIALLY DEFERRED,
        code text,
        label_ko text NOT NULL,
        label_en text NOT NULL,
        synonyms_ko text[] NOT NULL DEFAULT '{}',
        synonyms_en text[] NOT NULL DEFAULT '{}',
        definition_ko text,
        definition_en text,
        deprecated boolean NOT NULL DEFAULT false,
        replaced_by_id text REFERENCES concepts(id) DEFERRABLE INITIALLY DEFERRED,
        since_version text NOT NULL,
        updated_in_version text NOT NULL,
        sort_order int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX concepts_scheme_order_idx ON concepts (scheme_id, sort_order);
      CREATE INDEX concepts_parent_idx ON concepts (parent_id);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        password_hash text NOT NULL,
        display_name text NOT NULL,
        locale text NOT NULL DEFAULT 'KO' CHECK (locale IN ('KO', 'EN')),
        platform_roles text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX users_email_unique ON users (lower(email));

      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('SME', 'AI_SUPPLIER', 'SI_INTEGRATOR', 'PUBLIC_AGENCY', 'ASSOCIATION')),
        name_ko text NOT NULL,
        name_en text,
        business_registration_number char(10) NOT NULL CHECK (business_registration_number ~ '^[0-9]{10}$'),
        region_id text REFERENCES concepts(id),
        industry_id text REFERENCES concepts(id),
        employee_band text CHECK (employee_band IN ('SIZE_1_9', 'SIZE_10_49', 'SIZE_50_299', 'SIZE_300_999', 'SIZE_1000_PLUS')),
        founded_year int CHECK (founded_year BETWEEN 1900 AND 2100),
        website text,
        verification_status text NOT NULL DEFAULT 'UNVERIFIED'
          CHECK (verification_status IN ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED')),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE UNIQUE INDEX organizations_brn_unique ON organizations (business_registration_number);
      CREATE INDEX organizations_listing_idx ON organizations (created_at DESC, id DESC);

      CREATE TABLE memberships (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT memberships_user_org_unique UNIQUE (user_id, organization_id)
      );
      CREATE INDEX memberships_org_idx ON memberships (organization_id, created_at, id);

      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE UNIQUE INDEX refresh_tokens_hash_unique ON refresh_tokens (token_hash);
      CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('OWNER', 'MEMBER')),
        token_hash text NOT NULL,
        invited_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE UNIQUE INDEX invitations_token_unique ON invitations (token_hash);
      CREATE INDEX invitations_org_idx ON invitations (organization_id);

      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        aggregate_type text NOT NULL,
        aggregate_id text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        available_at timestamptz NOT NULL DEFAULT now(),
        attempts int NOT NULL DEFAULT 0,
        last_error text,
        processed_at timestamptz,
        parked_at timestamptz
      );
      CREATE INDEX outbox_pending_idx ON outbox (id) WHERE processed_at IS NULL AND parked_at IS NULL;
      CREATE INDEX outbox_aggregate_pending_idx ON outbox (aggregate_type, aggregate_id, id)
        WHERE processed_at IS NULL AND parked_at IS NULL;

      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}',
        request_id text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audit_log; DROP TABLE outbox; DROP TABLE invitations; DROP TABLE refresh_tokens;
      DROP TABLE memberships; DROP TABLE organizations; DROP TABLE users;
      DROP TABLE concepts; DROP TABLE concept_schemes; DROP TABLE vocabulary_versions;
    `);
  }
}
