import { describe, expect, it } from '@jest/globals';
import type { ListingKind } from '@aimatch/capability-model';
import {
  availableActions,
  checkTransition,
  type ListingAction,
  type ListingActor,
  type ListingStatus,
  materialChanges,
} from '../listing-workflow';

describe('listing workflow', () => {
  it.each([
    ['DEMAND', 'DRAFT', 'submit', 'owner', 'SUBMITTED'],
    ['SUPPLY', 'CHANGES_REQUESTED', 'submit', 'owner', 'SUBMITTED'],
    ['DEMAND', 'SUBMITTED', 'approve', 'staff', 'PUBLISHED'],
    ['SUPPLY', 'SUBMITTED', 'reject', 'staff', 'REJECTED'],
    ['DEMAND', 'SUBMITTED', 'requestChanges', 'staff', 'CHANGES_REQUESTED'],
    ['SUPPLY', 'PUBLISHED', 'pause', 'owner', 'PAUSED'],
    ['SUPPLY', 'PAUSED', 'resume', 'owner', 'PUBLISHED'],
    ['DEMAND', 'PUBLISHED', 'award', 'owner', 'AWARDED'],
    ['DEMAND', 'AWARDED', 'complete', 'owner', 'COMPLETED'],
    ['DEMAND', 'REJECTED', 'archive', 'owner', 'ARCHIVED'],
    ['DEMAND', 'AWARDED', 'cancel', 'owner', 'CANCELLED'],
    ['DEMAND', 'CANCELLED', 'archive', 'owner', 'ARCHIVED'],
  ] as Array<[ListingKind, ListingStatus, ListingAction, ListingActor, ListingStatus]>)(
    '%s %s --%s by %s--> %s',
    (kind, from, action, actor, to) => {
      expect(checkTransition(kind, from, action, actor)).toEqual({ ok: true, to });
    },
  );

  it.each([
    ['DEMAND', 'DRAFT', 'approve', 'staff', 'wrong-status'],
    ['DEMAND', 'SUBMITTED', 'approve', 'owner', 'wrong-actor'],
    ['SUPPLY', 'DRAFT', 'submit', 'staff', 'wrong-actor'],
    ['SUPPLY', 'PUBLISHED', 'award', 'owner', 'wrong-kind'],
    ['DEMAND', 'ARCHIVED', 'archive', 'owner', 'wrong-status'],
    ['DEMAND', 'PUBLISHED', 'submit', 'owner', 'wrong-status'],
    ['DEMAND', 'PUBLISHED', 'cancel', 'owner', 'wrong-status'],
    ['DEMAND', 'AWARDED', 'cancel', 'staff', 'wrong-actor'],
    ['SUPPLY', 'AWARDED', 'cancel', 'owner', 'wrong-kind'],
  ] as Array<[ListingKind, ListingStatus, ListingAction, ListingActor, string]>)(
    '%s %s --%s by %s--> refused (%s)',
    (kind, from, action, actor, reason) => {
      expect(checkTransition(kind, from, action, actor)).toEqual({ ok: false, reason, current: from });
    },
  );

  it('lists the buttons each side sees', () => {
    expect(availableActions('DEMAND', 'SUBMITTED', 'staff')).toEqual(['approve', 'reject', 'requestChanges']);
    expect(availableActions('DEMAND', 'PUBLISHED', 'owner')).toEqual(['pause', 'award', 'archive']);
  });

  it('treats contact and deadline edits as non-material, anything else as material', () => {
    const base = { title: 'a', contact: { name: 'x' }, bidDeadline: '2027-01-01', requirement: { tasks: ['t1'] } };
    expect(materialChanges(base, { ...base, contact: { name: 'y' }, bidDeadline: '2027-02-01' })).toEqual([]);
    expect(materialChanges(base, { ...base, requirement: { tasks: ['t2'] } })).toEqual(['requirement']);
    expect(materialChanges({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
  });
});
