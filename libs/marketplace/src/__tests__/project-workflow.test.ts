import { describe, expect, it } from '@jest/globals';
import {
  applyProjectCommand,
  availableCompletionActions,
  availableMilestoneActions,
  planFromBid,
  PROJECT_LIMITS,
  type ProjectCommand,
  type ProjectActor,
  type ProjectState,
  projectProgress,
} from '../project-workflow';

const at = new Date('2026-12-07T10:00:00Z');
const plan: ProjectState = {
  milestones: [
    { id: 'm1', title: '데이터 수집', weeks: 4, amountKrw: 30_000_000, status: 'PLANNED' },
    { id: 'm2', title: '모델 구축', weeks: 6, amountKrw: 70_000_000, status: 'PLANNED' },
  ],
  completionProposal: null,
  completedAt: null,
};

/** Applies commands in order, failing the test on the first refusal. */
function run(state: ProjectState, ...steps: Array<[ProjectCommand, ProjectActor]>): ProjectState {
  for (const [cmd, actor] of steps) {
    const r = applyProjectCommand(state, cmd, actor, at);
    if (!r.ok) throw new Error(`${cmd.type} by ${actor}: ${JSON.stringify(r.error)}`);
    state = r.state;
  }
  return state;
}
const status = (s: ProjectState, id: string) => s.milestones.find((m) => m.id === id)!.status;

describe('project workflow', () => {
  it('turns the bid into the plan; a bid without milestones is one "전체 과업"', () => {
    expect(planFromBid({ amountKrw: 100, durationWeeks: 8, milestones: [] })).toEqual([{ title: '전체 과업', weeks: 8, amountKrw: 100 }]);
    const ms = [
      { title: 'a', weeks: 2, amountKrw: 40 },
      { title: 'b', weeks: 6, amountKrw: 60 },
    ];
    expect(planFromBid({ amountKrw: 100, durationWeeks: 8, milestones: ms })).toEqual(ms);
  });

  it('delivers, asks for rework, delivers again, accepts; the last acceptance completes the project', () => {
    let s = run(plan, [{ type: 'deliver', milestoneId: 'm1', note: ' 1차 산출물 ' }, 'supplier']);
    expect(status(s, 'm1')).toBe('DELIVERED');
    const rework = applyProjectCommand(s, { type: 'requestRework', milestoneId: 'm1', reason: '라벨 누락' }, 'client', at);
    expect(rework).toMatchObject({
      ok: true,
      completed: false,
      event: {
        action: 'requestRework',
        milestoneId: 'm1',
        fromStatus: 'DELIVERED',
        toStatus: 'REWORK_REQUESTED',
        by: 'client',
        note: '라벨 누락',
      },
    });
    s = rework.ok ? rework.state : s;
    s = run(s, [{ type: 'deliver', milestoneId: 'm1', note: '보완' }, 'supplier'], [{ type: 'accept', milestoneId: 'm1' }, 'client']);
    expect(status(s, 'm1')).toBe('ACCEPTED');
    expect(s.completedAt).toBeNull();
    expect(projectProgress(s.milestones)).toEqual({ accepted: 1, total: 2, acceptedAmountKrw: 30_000_000, totalAmountKrw: 100_000_000 });
    s = run(s, [{ type: 'deliver', milestoneId: 'm2', note: '최종' }, 'supplier']);
    const last = applyProjectCommand(s, { type: 'accept', milestoneId: 'm2' }, 'client', at);
    expect(last).toMatchObject({ ok: true, completed: true, state: { completedAt: at, completionProposal: null } });
    // Nothing moves a completed project.
    if (last.ok)
      expect(applyProjectCommand(last.state, { type: 'proposeCompletion', note: 'x' }, 'client', at)).toEqual({
        ok: false,
        error: { kind: 'completed' },
      });
  });

  it('lets only the supplier deliver and only the client accept or ask for rework, from the right status', () => {
    expect(applyProjectCommand(plan, { type: 'deliver', milestoneId: 'm1', note: 'n' }, 'client', at)).toEqual({
      ok: false,
      error: { kind: 'wrong-actor' },
    });
    expect(applyProjectCommand(plan, { type: 'accept', milestoneId: 'm1' }, 'client', at)).toEqual({
      ok: false,
      error: { kind: 'invalid-transition', current: 'PLANNED', action: 'accept' },
    });
    const delivered = run(plan, [{ type: 'deliver', milestoneId: 'm1', note: 'n' }, 'supplier']);
    expect(applyProjectCommand(delivered, { type: 'accept', milestoneId: 'm1' }, 'supplier', at)).toEqual({
      ok: false,
      error: { kind: 'wrong-actor' },
    });
    expect(applyProjectCommand(delivered, { type: 'deliver', milestoneId: 'm1', note: 'again' }, 'supplier', at)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-transition', current: 'DELIVERED' },
    });
    const accepted = run(delivered, [{ type: 'accept', milestoneId: 'm1' }, 'client']);
    // A second click on an accepted milestone (accept or rework) loses.
    expect(applyProjectCommand(accepted, { type: 'requestRework', milestoneId: 'm1', reason: 'r' }, 'client', at)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-transition', current: 'ACCEPTED' },
    });
    expect(applyProjectCommand(plan, { type: 'accept', milestoneId: 'nope' }, 'client', at)).toEqual({
      ok: false,
      error: { kind: 'not-found', path: 'milestoneId' },
    });
  });

  it('requires a delivery note and a rework reason of at most 2,000 characters', () => {
    expect(applyProjectCommand(plan, { type: 'deliver', milestoneId: 'm1', note: '  ' }, 'supplier', at)).toEqual({
      ok: false,
      error: { kind: 'violation', path: 'note', rule: 'required' },
    });
    const long = '가'.repeat(PROJECT_LIMITS.maxNoteChars + 1);
    expect(applyProjectCommand(plan, { type: 'deliver', milestoneId: 'm1', note: long }, 'supplier', at)).toEqual({
      ok: false,
      error: { kind: 'violation', path: 'note', rule: 'max-length', params: { max: 2000 } },
    });
    const delivered = run(plan, [{ type: 'deliver', milestoneId: 'm1', note: 'n' }, 'supplier']);
    expect(applyProjectCommand(delivered, { type: 'requestRework', milestoneId: 'm1', reason: '' }, 'client', at)).toEqual({
      ok: false,
      error: { kind: 'violation', path: 'reason', rule: 'required' },
    });
    expect(applyProjectCommand(plan, { type: 'deliver', milestoneId: 'm1', note: 'a'.repeat(2000) }, 'supplier', at).ok).toBe(true);
  });

  it('completes by agreement: one side proposes, the other confirms; the proposer may withdraw first', () => {
    const proposed = run(plan, [{ type: 'proposeCompletion', note: '범위 축소에 합의' }, 'supplier']);
    expect(proposed.completionProposal).toEqual({ by: 'supplier', note: '범위 축소에 합의', at });
    // Not twice, not confirmed by the proposer, not withdrawn by the other side.
    expect(applyProjectCommand(proposed, { type: 'proposeCompletion', note: 'x' }, 'client', at)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-transition' },
    });
    expect(applyProjectCommand(proposed, { type: 'confirmCompletion' }, 'supplier', at)).toEqual({
      ok: false,
      error: { kind: 'wrong-actor' },
    });
    expect(applyProjectCommand(proposed, { type: 'withdrawCompletionProposal' }, 'client', at)).toEqual({
      ok: false,
      error: { kind: 'wrong-actor' },
    });
    const withdrawn = run(proposed, [{ type: 'withdrawCompletionProposal' }, 'supplier']);
    expect(withdrawn.completionProposal).toBeNull();
    expect(applyProjectCommand(withdrawn, { type: 'confirmCompletion' }, 'client', at)).toEqual({
      ok: false,
      error: { kind: 'invalid-transition', current: 'NOT_PROPOSED', action: 'confirmCompletion' },
    });
    const again = run(withdrawn, [{ type: 'proposeCompletion', note: '합의' }, 'client']);
    const confirmed = applyProjectCommand(again, { type: 'confirmCompletion' }, 'supplier', at);
    expect(confirmed).toMatchObject({ ok: true, completed: true, state: { completedAt: at, completionProposal: null } });
    expect(applyProjectCommand(plan, { type: 'proposeCompletion', note: '' }, 'client', at)).toMatchObject({
      ok: false,
      error: { path: 'note', rule: 'required' },
    });
  });

  it('offers each side its buttons', () => {
    expect(availableMilestoneActions('PLANNED', 'supplier', false)).toEqual(['deliver']);
    expect(availableMilestoneActions('REWORK_REQUESTED', 'supplier', false)).toEqual(['deliver']);
    expect(availableMilestoneActions('DELIVERED', 'client', false)).toEqual(['accept', 'requestRework']);
    expect(availableMilestoneActions('DELIVERED', 'supplier', false)).toEqual([]);
    expect(availableMilestoneActions('PLANNED', 'supplier', true)).toEqual([]);
    expect(availableMilestoneActions('PLANNED', null, false)).toEqual([]);
    expect(availableCompletionActions(null, 'client', false)).toEqual(['proposeCompletion']);
    expect(availableCompletionActions({ by: 'client' }, 'client', false)).toEqual(['withdrawCompletionProposal']);
    expect(availableCompletionActions({ by: 'client' }, 'supplier', false)).toEqual(['confirmCompletion']);
    expect(availableCompletionActions(null, 'client', true)).toEqual([]);
  });
});
