import type { BidMilestone, MilestoneStatus, ProjectAction, ProjectActor } from '@aimatch/marketplace';
import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, type EntityManager } from 'typeorm';
import type { LoaderFactory } from '../../graphql/loader-registry';

export interface ProjectRow {
  demandId: string;
  bidId: string;
  clientOrganizationId: string;
  supplierOrganizationId: string;
  version: number;
  completionProposedBy: ProjectActor | null;
  completionNote: string | null;
  completionProposedByUserId: string | null;
  completionProposedAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MilestoneRow {
  id: string;
  demandId: string;
  position: number;
  title: string;
  weeks: number;
  amountKrw: number;
  status: MilestoneStatus;
  version: number;
  updatedAt: Date;
}

export interface ProjectEventRow {
  id: string;
  demandId: string;
  milestoneId: string | null;
  action: ProjectAction;
  fromStatus: MilestoneStatus | null;
  toStatus: MilestoneStatus | null;
  side: ProjectActor;
  actorUserId: string | null;
  note: string | null;
  createdAt: Date;
}

const PROJECT_COLUMNS = `p.demand_id AS "demandId", p.bid_id AS "bidId", p.client_organization_id AS "clientOrganizationId",
  p.supplier_organization_id AS "supplierOrganizationId", p.version, p.completion_proposed_by AS "completionProposedBy",
  p.completion_note AS "completionNote", p.completion_proposed_by_user_id AS "completionProposedByUserId",
  p.completion_proposed_at AS "completionProposedAt", p.completed_at AS "completedAt", p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;
const MILESTONE_COLUMNS = `m.id, m.demand_id AS "demandId", m.position, m.title, m.weeks, m.amount_krw::float8 AS "amountKrw", m.status,
  m.version, m.updated_at AS "updatedAt"`;
const EVENT_COLUMNS = `e.id, e.demand_id AS "demandId", e.milestone_id AS "milestoneId", e.action, e.from_status AS "fromStatus",
  e.to_status AS "toStatus", e.side, e.actor_user_id AS "actorUserId", e.note, e.created_at AS "createdAt"`;

/** The projects tables (projects, project_milestones, project_events). */
@Injectable()
export class ProjectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The plan of an award (idempotent: a demand has one project). */
  async insertProject(
    tx: EntityManager,
    p: { demandId: string; bidId: string; clientOrganizationId: string; supplierOrganizationId: string; milestones: BidMilestone[] },
  ): Promise<void> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO projects (demand_id, bid_id, client_organization_id, supplier_organization_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (demand_id) DO NOTHING RETURNING demand_id`,
      [p.demandId, p.bidId, p.clientOrganizationId, p.supplierOrganizationId],
    );
    if (!inserted.length) return;
    await tx.query(
      `INSERT INTO project_milestones (demand_id, position, title, weeks, amount_krw)
       SELECT $1, ord - 1, item->>'title', (item->>'weeks')::int, (item->>'amountKrw')::bigint
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(item, ord)`,
      [p.demandId, JSON.stringify(p.milestones)],
    );
  }

  async findProject(demandId: string, tx: EntityManager = this.dataSource.manager, lock = false): Promise<ProjectRow | null> {
    const rows: ProjectRow[] = await tx.query(
      `SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.demand_id = $1${lock ? ' FOR UPDATE' : ''}`,
      [demandId],
    );
    return rows[0] ?? null;
  }

  milestonesOf(demandId: string, tx: EntityManager = this.dataSource.manager): Promise<MilestoneRow[]> {
    return tx.query(`SELECT ${MILESTONE_COLUMNS} FROM project_milestones m WHERE m.demand_id = $1 ORDER BY m.position`, [demandId]);
  }

  /** The demand of a milestone (null for an unknown id). */
  async demandOfMilestone(milestoneId: string): Promise<string | null> {
    const rows: Array<{ demandId: string }> = await this.dataSource.query(
      `SELECT demand_id AS "demandId" FROM project_milestones WHERE id = $1`,
      [milestoneId],
    );
    return rows[0]?.demandId ?? null;
  }

  /** The demand of a history event (a delivery's files belong to its event). */
  async demandOfEvent(eventId: string): Promise<string | null> {
    const rows: Array<{ demandId: string }> = await this.dataSource.query(
      `SELECT demand_id AS "demandId" FROM project_events WHERE id = $1`,
      [eventId],
    );
    return rows[0]?.demandId ?? null;
  }

  /** Moves a milestone from the status the caller read (under the project's row lock) and bumps its version. */
  async updateMilestone(tx: EntityManager, id: string, from: MilestoneStatus, to: MilestoneStatus, at: Date): Promise<MilestoneRow | null> {
    // An UPDATE … RETURNING answers [rows, count].
    const [rows]: [MilestoneRow[], number] = await tx.query(
      `UPDATE project_milestones m SET status = $3, version = version + 1, updated_at = $4
        WHERE m.id = $1 AND m.status = $2 RETURNING ${MILESTONE_COLUMNS}`,
      [id, from, to, at],
    );
    return rows[0] ?? null;
  }

  async updateProject(
    tx: EntityManager,
    demandId: string,
    p: { proposal: { by: ProjectActor; note: string; userId: string; at: Date } | null; completedAt: Date | null; at: Date },
  ): Promise<ProjectRow> {
    const [rows]: [ProjectRow[], number] = await tx.query(
      `UPDATE projects p SET completion_proposed_by = $2, completion_note = $3, completion_proposed_by_user_id = $4,
              completion_proposed_at = $5, completed_at = $6, version = version + 1, updated_at = $7
        WHERE p.demand_id = $1 RETURNING ${PROJECT_COLUMNS}`,
      [demandId, p.proposal?.by ?? null, p.proposal?.note ?? null, p.proposal?.userId ?? null, p.proposal?.at ?? null, p.completedAt, p.at],
    );
    return rows[0];
  }

  async insertEvent(tx: EntityManager, e: Omit<ProjectEventRow, 'id' | 'createdAt'> & { createdAt: Date }): Promise<ProjectEventRow> {
    const rows: ProjectEventRow[] = await tx.query(
      `INSERT INTO project_events AS e (demand_id, milestone_id, action, from_status, to_status, side, actor_user_id, note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${EVENT_COLUMNS}`,
      [e.demandId, e.milestoneId, e.action, e.fromStatus, e.toStatus, e.side, e.actorUserId, e.note, e.createdAt],
    );
    return rows[0];
  }

  /** One page of a project's history, oldest first (keyset on created_at, id); optionally one milestone's. */
  async eventsPage(
    demandId: string,
    milestoneId: string | null,
    limit: number,
    after: unknown[] | null,
  ): Promise<{ rows: ProjectEventRow[]; total: number }> {
    const params: unknown[] = [demandId];
    let where = 'e.demand_id = $1';
    if (milestoneId) {
      params.push(milestoneId);
      where += ` AND e.milestone_id = $${params.length}`;
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM project_events e WHERE ${where}`, params);
    if (after) {
      params.push(after[0], after[1]);
      where += ` AND (e.created_at, e.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
    }
    params.push(limit + 1);
    const rows: ProjectEventRow[] = await this.dataSource.query(
      `SELECT ${EVENT_COLUMNS} FROM project_events e WHERE ${where} ORDER BY e.created_at, e.id LIMIT $${params.length}`,
      params,
    );
    return { rows, total: total as number };
  }

  /** Per request: the milestones of each project (by demand id), in plan order. */
  readonly milestonesLoader: LoaderFactory<string, MilestoneRow[]> = {
    create: () =>
      new DataLoader<string, MilestoneRow[]>(async (demandIds) => {
        const rows: MilestoneRow[] = await this.dataSource.query(
          `SELECT ${MILESTONE_COLUMNS} FROM project_milestones m WHERE m.demand_id = ANY($1) ORDER BY m.demand_id, m.position`,
          [[...demandIds]],
        );
        return demandIds.map((id) => rows.filter((r) => r.demandId === id));
      }),
  };

  /** Per request: the last delivery event of each milestone (its note and files), by milestone id. */
  readonly lastDeliveryLoader: LoaderFactory<string, ProjectEventRow | null> = {
    create: () =>
      new DataLoader<string, ProjectEventRow | null>(async (milestoneIds) => {
        const rows: ProjectEventRow[] = await this.dataSource.query(
          `SELECT DISTINCT ON (e.milestone_id) ${EVENT_COLUMNS} FROM project_events e
            WHERE e.milestone_id = ANY($1) AND e.action = 'deliver' ORDER BY e.milestone_id, e.created_at DESC, e.id DESC`,
          [[...milestoneIds]],
        );
        return milestoneIds.map((id) => rows.find((r) => r.milestoneId === id) ?? null);
      }),
  };
}
