/**
 * The project after the award, as data: the accepted bid's milestones become the plan; the
 * supplier delivers a milestone (with a note and files), the client (the demand's organization)
 * accepts it or asks for rework, and the supplier delivers again. The project is complete when
 * every milestone is accepted, or when both sides agree: one proposes completion with a note, the
 * other confirms (the proposer may withdraw first). Every step is an entry of the history.
 * No payments: the association is not a payment processor. Framework-free; the API persists what
 * `applyProjectCommand` decides, the web reads `availableProjectActions` for its buttons.
 */
import type { BidMilestone } from './bid-workflow';

export const MILESTONE_STATUSES = ['PLANNED', 'DELIVERED', 'ACCEPTED', 'REWORK_REQUESTED'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
/** `supplier`: a member of the accepted bid's lead organization; `client`: a member of the demand's organization. */
export type ProjectActor = 'supplier' | 'client';
export type MilestoneAction = 'deliver' | 'accept' | 'requestRework';
export type CompletionAction = 'proposeCompletion' | 'confirmCompletion' | 'withdrawCompletionProposal';
export type ProjectAction = MilestoneAction | CompletionAction;

export const PROJECT_LIMITS = {
  /** A delivery note, a rework reason, a completion proposal's note. */
  maxNoteChars: 2_000,
  /** Files attached to one delivery. */
  maxDeliveryFiles: 10,
} as const;

/** The one milestone of a bid that planned none: the whole work, amount and duration. */
export const WHOLE_WORK_MILESTONE_TITLE = '전체 과업';

interface MilestoneTransition {
  from: readonly MilestoneStatus[];
  to: MilestoneStatus;
  by: ProjectActor;
}

export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneAction, MilestoneTransition>> = {
  deliver: { from: ['PLANNED', 'REWORK_REQUESTED'], to: 'DELIVERED', by: 'supplier' },
  accept: { from: ['DELIVERED'], to: 'ACCEPTED', by: 'client' },
  requestRework: { from: ['DELIVERED'], to: 'REWORK_REQUESTED', by: 'client' },
};

export interface ProjectMilestoneState {
  id: string;
  title: string;
  weeks: number;
  amountKrw: number;
  status: MilestoneStatus;
}

export interface CompletionProposal {
  by: ProjectActor;
  note: string;
  at: Date;
}

export interface ProjectState {
  milestones: readonly ProjectMilestoneState[];
  completionProposal: CompletionProposal | null;
  completedAt: Date | null;
}

export type ProjectCommand =
  | { type: 'deliver'; milestoneId: string; note: string }
  | { type: 'accept'; milestoneId: string }
  | { type: 'requestRework'; milestoneId: string; reason: string }
  | { type: 'proposeCompletion'; note: string }
  | { type: 'confirmCompletion' }
  | { type: 'withdrawCompletionProposal' };

/** One line of the history: who (side), what, from which status to which, with the note or reason. */
export interface ProjectEvent {
  action: ProjectAction;
  milestoneId: string | null;
  fromStatus: MilestoneStatus | null;
  toStatus: MilestoneStatus | null;
  by: ProjectActor;
  at: Date;
  note: string | null;
}

export type ProjectCommandError =
  | { kind: 'wrong-actor' }
  | { kind: 'not-found'; path: 'milestoneId' }
  | { kind: 'completed' }
  | { kind: 'invalid-transition'; current: string; action: ProjectAction }
  | { kind: 'violation'; path: string; rule: string; params?: Record<string, string | number> };

export type ProjectCommandResult =
  | { ok: true; state: ProjectState; event: ProjectEvent; milestone: ProjectMilestoneState | null; completed: boolean }
  | { ok: false; error: ProjectCommandError };

/** The milestones a bid's award turns into the plan (a bid without any: one "전체 과업" of the whole amount and duration). */
export function planFromBid(bid: { amountKrw: number; durationWeeks: number; milestones: readonly BidMilestone[] }): BidMilestone[] {
  if (bid.milestones.length) return bid.milestones.map((m) => ({ title: m.title, weeks: m.weeks, amountKrw: m.amountKrw }));
  return [{ title: WHOLE_WORK_MILESTONE_TITLE, weeks: bid.durationWeeks, amountKrw: bid.amountKrw }];
}

export function allMilestonesAccepted(milestones: readonly Pick<ProjectMilestoneState, 'status'>[]): boolean {
  return milestones.length > 0 && milestones.every((m) => m.status === 'ACCEPTED');
}

/** How far the project is: accepted milestones and their share of the amount. */
export function projectProgress(milestones: readonly Pick<ProjectMilestoneState, 'status' | 'amountKrw'>[]): {
  accepted: number;
  total: number;
  acceptedAmountKrw: number;
  totalAmountKrw: number;
} {
  const accepted = milestones.filter((m) => m.status === 'ACCEPTED');
  return {
    accepted: accepted.length,
    total: milestones.length,
    acceptedAmountKrw: accepted.reduce((s, m) => s + m.amountKrw, 0),
    totalAmountKrw: milestones.reduce((s, m) => s + m.amountKrw, 0),
  };
}

/** A note or reason: trimmed, required or not, at most PROJECT_LIMITS.maxNoteChars. */
export function checkProjectNote(
  path: string,
  raw: string | null | undefined,
  required: boolean,
): { ok: true; text: string } | { ok: false; error: ProjectCommandError } {
  const text = (raw ?? '').trim();
  if (!text && required) return { ok: false, error: { kind: 'violation', path, rule: 'required' } };
  if (text.length > PROJECT_LIMITS.maxNoteChars)
    return { ok: false, error: { kind: 'violation', path, rule: 'max-length', params: { max: PROJECT_LIMITS.maxNoteChars } } };
  return { ok: true, text };
}

/**
 * Decides a command: the new state, the history event and whether the project is now complete
 * (its last milestone accepted, or the other side confirmed a completion proposal), or why not.
 * Order of checks: completed project, note rules, unknown milestone, side, status.
 */
export function applyProjectCommand(state: ProjectState, cmd: ProjectCommand, actor: ProjectActor, at: Date): ProjectCommandResult {
  if (state.completedAt) return { ok: false, error: { kind: 'completed' } };
  switch (cmd.type) {
    case 'deliver':
    case 'accept':
    case 'requestRework': {
      let note: string | null = null;
      if (cmd.type !== 'accept') {
        const checked = checkProjectNote(cmd.type === 'deliver' ? 'note' : 'reason', cmd.type === 'deliver' ? cmd.note : cmd.reason, true);
        if (!checked.ok) return checked;
        note = checked.text;
      }
      const current = state.milestones.find((m) => m.id === cmd.milestoneId);
      if (!current) return { ok: false, error: { kind: 'not-found', path: 'milestoneId' } };
      const t = MILESTONE_TRANSITIONS[cmd.type];
      if (t.by !== actor) return { ok: false, error: { kind: 'wrong-actor' } };
      if (!t.from.includes(current.status))
        return { ok: false, error: { kind: 'invalid-transition', current: current.status, action: cmd.type } };
      const milestone = { ...current, status: t.to };
      const milestones = state.milestones.map((m) => (m.id === milestone.id ? milestone : m));
      const completed = allMilestonesAccepted(milestones);
      return {
        ok: true,
        milestone,
        completed,
        state: {
          milestones,
          completionProposal: completed ? null : state.completionProposal,
          completedAt: completed ? at : null,
        },
        event: { action: cmd.type, milestoneId: milestone.id, fromStatus: current.status, toStatus: t.to, by: actor, at, note },
      };
    }
    case 'proposeCompletion': {
      const checked = checkProjectNote('note', cmd.note, true);
      if (!checked.ok) return checked;
      if (state.completionProposal)
        return {
          ok: false,
          error: { kind: 'invalid-transition', current: `PROPOSED_BY_${side(state.completionProposal.by)}`, action: cmd.type },
        };
      return {
        ok: true,
        milestone: null,
        completed: false,
        state: { ...state, completionProposal: { by: actor, note: checked.text, at } },
        event: { action: cmd.type, milestoneId: null, fromStatus: null, toStatus: null, by: actor, at, note: checked.text },
      };
    }
    case 'confirmCompletion':
    case 'withdrawCompletionProposal': {
      const proposal = state.completionProposal;
      if (!proposal) return { ok: false, error: { kind: 'invalid-transition', current: 'NOT_PROPOSED', action: cmd.type } };
      // Confirming is the other side's; withdrawing the proposer's own.
      const mine = proposal.by === actor;
      if (cmd.type === 'confirmCompletion' ? mine : !mine) return { ok: false, error: { kind: 'wrong-actor' } };
      const completed = cmd.type === 'confirmCompletion';
      return {
        ok: true,
        milestone: null,
        completed,
        state: { ...state, completionProposal: null, completedAt: completed ? at : null },
        event: { action: cmd.type, milestoneId: null, fromStatus: null, toStatus: null, by: actor, at, note: null },
      };
    }
  }
}

function side(a: ProjectActor): string {
  return a === 'supplier' ? 'SUPPLIER' : 'CLIENT';
}

/** What the actor may do now on one milestone (for buttons). */
export function availableMilestoneActions(status: MilestoneStatus, actor: ProjectActor | null, completed: boolean): MilestoneAction[] {
  if (!actor || completed) return [];
  return (Object.keys(MILESTONE_TRANSITIONS) as MilestoneAction[]).filter((a) => {
    const t = MILESTONE_TRANSITIONS[a];
    return t.by === actor && t.from.includes(status);
  });
}

/** What the actor may do now about completing the project by agreement (for buttons). */
export function availableCompletionActions(
  proposal: Pick<CompletionProposal, 'by'> | null,
  actor: ProjectActor | null,
  completed: boolean,
): CompletionAction[] {
  if (!actor || completed) return [];
  if (!proposal) return ['proposeCompletion'];
  return proposal.by === actor ? ['withdrawCompletionProposal'] : ['confirmCompletion'];
}
