import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  demandInput,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';

const UPDATE_DEMAND =
  'mutation($id: ID!, $v: Int!, $i: DemandListingInput!) { updateDemandListing(id: $id, version: $v, input: $i) { id version status } }';

/** #14 item 7: a demand's draft may be prose only, but it is submitted (and kept live) with at least one AI task named. */
describe('the required AI task of a demand', () => {
  let t: TestApp;
  let sme: SignedUp;
  let staff: string;
  const noTasks = { tasks: [], modalities: [], industries: [], deployments: [], integrations: [], languages: ['ko'] };

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    staff = (await signInStaff(t)).accessToken;
  });
  afterAll(() => t.close());

  it('saves a draft without a task but refuses to submit it, naming AIRequirement.tasks; with a task it is submitted', async () => {
    const draft = await createDemand(t, sme, { requirement: noTasks });
    expect(draft.status).toBe('DRAFT');
    const refused = await transition(t, 'submitListing', draft, sme.accessToken);
    expect(refused.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions.fields).toEqual([
      expect.objectContaining({ path: 'AIRequirement.tasks', rule: 'required', message: '필수 입력 항목입니다.' }),
    ]);

    const fixed = await t.gql(
      UPDATE_DEMAND,
      { id: draft.id, v: draft.version, i: demandInput({ requirement: { ...noTasks, tasks: ['urn:aimatch:task:visual-inspection'] } }) },
      { token: sme.accessToken },
    );
    const submitted = await transition(t, 'submitListing', fixed.data!.updateDemandListing, sme.accessToken);
    expect(submitted.data!.submitListing.status).toBe('SUBMITTED');
  });

  it('keeps a published demand from losing its last task', async () => {
    const live = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const res = await t.gql(
      UPDATE_DEMAND,
      { id: live.id, v: live.version, i: demandInput({ requirement: noTasks }) },
      { token: sme.accessToken },
    );
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'AIRequirement.tasks', rule: 'required' })]);
  });
});
