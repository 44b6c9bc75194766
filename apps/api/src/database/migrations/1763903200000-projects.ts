import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The project after the award (#14 item 5), owned by modules/projects.
 *
 * - `projects`: one per awarded demand: the accepted bid, both organizations, the open completion
 *   proposal (at most one: which side, its note, who and when) and when the project was completed.
 * - `project_milestones`: the accepted bid's milestones as the plan (a bid without milestones
 *   gives one "전체 과업"), each PLANNED → DELIVERED → ACCEPTED | REWORK_REQUESTED, at a version.
 * - `project_events`: the history of every step (milestone or completion), who, which side, when, the note.
 *
 * Demands awarded before this migration get their plan from the accepted bid here.
 */
export class Projects1763903200000 implements MigrationInterface {
  name = 'Projects1763903200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projects (
        demand_id uuid PRIMARY KEY REFERENCES listings(id) ON DELETE CASCADE,
        bid_id uuid NOT NULL REFERENCES bids(id) ON DELETE CASCADE,
        client_organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        supplier_organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        completion_proposed_by text CHECK (completion_proposed_by IN ('supplier', 'client')),
        completion_note text CHECK (char_length(completion_note) <= 2000),
        completion_proposed_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        completion_proposed_at timestamptz,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK ((completion_proposed_by IS NULL) = (completion_proposed_at IS NULL)),
        CHECK (completed_at IS NULL OR completion_proposed_by IS NULL)
      );
      CREATE INDEX projects_supplier_idx ON projects (supplier_organization_id);
      CREATE INDEX projects_client_idx ON projects (client_organization_id);

      CREATE TABLE project_milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES projects(demand_id) ON DELETE CASCADE,
        position int NOT NULL CHECK (position >= 0),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        weeks int NOT NULL CHECK (weeks BETWEEN 1 AND 260),
        amount_krw bigint NOT NULL CHECK (amount_krw >= 0),
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'DELIVERED', 'ACCEPTED', 'REWORK_REQUESTED')),
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT project_milestones_position UNIQUE (demand_id, position)
      );

      CREATE TABLE project_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        demand_id uuid NOT NULL REFERENCES projects(demand_id) ON DELETE CASCADE,
        milestone_id uuid REFERENCES project_milestones(id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('deliver', 'accept', 'requestRework', 'proposeCompletion', 'confirmCompletion', 'withdrawCompletionProposal')),
        from_status text,
        to_status text,
        side text NOT NULL CHECK (side IN ('supplier', 'client')),
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        note text CHECK (char_length(note) <= 2000),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      );
      CREATE INDEX project_events_demand_idx ON project_events (demand_id, created_at, id);
      CREATE INDEX project_events_milestone_idx ON project_events (milestone_id, created_at, id);

      INSERT INTO projects (demand_id, bid_id, client_organization_id, supplier_organization_id)
        SELECT l.id, b.id, l.organization_id, b.organization_id
          FROM listings l JOIN bids b ON b.demand_id = l.id AND b.status = 'ACCEPTED'
         WHERE l.status = 'AWARDED';
      INSERT INTO project_milestones (demand_id, position, title, weeks, amount_krw)
        SELECT p.demand_id, m.ord - 1, m.item->>'title', (m.item->>'weeks')::int, (m.item->>'amountKrw')::bigint
          FROM projects p JOIN bids b ON b.id = p.bid_id
          CROSS JOIN LATERAL jsonb_array_elements(b.milestones) WITH ORDINALITY AS m(item, ord);
      INSERT INTO project_milestones (demand_id, position, title, weeks, amount_krw)
        SELECT p.demand_id, 0, '전체 과업', b.duration_weeks, b.amount_krw
          FROM projects p JOIN bids b ON b.id = p.bid_id
         WHERE jsonb_array_length(b.milestones) = 0;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE project_events; DROP TABLE project_milestones; DROP TABLE projects;');
  }
}
