import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

/** Every workflow transition with the actors allowed and refused. */
describe('listing workflow over GraphQL', () => {
  let t: TestApp;
  let sme: SignedUp;
  let otherSme: SignedUp;
  let supplier: SignedUp;
  let staff: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    otherSme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = (await signInStaff(t)).accessToken;
  });
  afterAll(() => t.close());

  const code = (res: { errors?: Array<{ extensions: { code: string } }> }) => res.errors?.[0]?.extensions.code;

  it('creates a DRAFT demand for an SME and a DRAFT supply for a supplier, not the other way round', async () => {
    const demand = await createDemand(t, sme);
    expect(demand).toMatchObject({ status: 'DRAFT', version: 1 });
    const supply = await createSupply(t, supplier);
    expect(supply.status).toBe('DRAFT');
    const wrong = await t.gql(
      'mutation($o: ID!) { createSupplyListing(organizationId: $o, input: { title: "x" }) { id } }',
      { o: sme.organizationId },
      { token: sme.accessToken },
    );
    expect(code(wrong)).toBe('FORBIDDEN');
    expect(wrong.errors![0].message).toContain('SME');
    const notMine = await t.gql(
      'mutation($o: ID!) { createDemandListing(organizationId: $o, input: { title: "x" }) { id } }',
      { o: sme.organizationId },
      { token: otherSme.accessToken },
    );
    expect(code(notMine)).toBe('FORBIDDEN');
  });

  it('DRAFT → SUBMITTED (owner) → PUBLISHED (staff); the others are refused', async () => {
    const d = await createDemand(t, sme);
    expect(code(await transition(t, 'submitListing', d, otherSme.accessToken))).toBe('NOT_FOUND');
    expect(code(await transition(t, 'submitListing', d, staff))).toBe('FORBIDDEN');
    const submitted = (await transition(t, 'submitListing', d, sme.accessToken)).data!.submitListing;
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 2 });
    expect(code(await transition(t, 'approveListing', submitted, sme.accessToken))).toBe('FORBIDDEN');
    const published = (await transition(t, 'approveListing', submitted, staff)).data!.approveListing;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 3 });
  });

  it('SUBMITTED → REJECTED needs a reason; SUBMITTED → CHANGES_REQUESTED carries per-field comments back to the owner', async () => {
    const d = await createDemand(t, sme);
    const s1 = (await transition(t, 'submitListing', d, sme.accessToken)).data!.submitListing;
    const noReason = await transition(t, 'rejectListing', s1, staff, ', reason: " "');
    expect(noReason.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'reason', rule: 'required' })]);

    const changes = await t.gql(
      'mutation($id: ID!, $v: Int!) { requestListingChanges(id: $id, version: $v, comments: [{ path: "AIRequirement.tasks", comment: "과업을 더 구체적으로" }]) { status version } }',
      { id: s1.id, v: s1.version },
      { token: staff },
    );
    expect(changes.data!.requestListingChanges.status).toBe('CHANGES_REQUESTED');
    const seen = await t.gql(
      'query($id: ID!) { listing(id: $id) { availableActions canEdit review { decision decidedAt comments { path comment } } } }',
      { id: d.id },
      { token: sme.accessToken },
    );
    expect(seen.data!.listing).toEqual({
      availableActions: ['submit', 'archive'],
      canEdit: true,
      review: {
        decision: 'CHANGES_REQUESTED',
        decidedAt: expect.stringMatching(/^\d{4}-/),
        comments: [{ path: 'AIRequirement.tasks', comment: '과업을 더 구체적으로' }],
      },
    });

    const s2 = (
      await transition(
        t,
        'submitListing',
        changes.data!.requestListingChanges.version ? { id: d.id, version: changes.data!.requestListingChanges.version } : d,
        sme.accessToken,
      )
    ).data!.submitListing;
    const rejected = await transition(t, 'rejectListing', s2, staff, ', reason: "중복 등록"');
    expect(rejected.data!.rejectListing.status).toBe('REJECTED');
    expect(code(await transition(t, 'submitListing', rejected.data!.rejectListing, sme.accessToken))).toBe('CONFLICT');
  });

  it('PUBLISHED ⇄ PAUSED by the owner; paused listings leave the public list', async () => {
    const s = await publish(t, await createSupply(t, supplier), supplier.accessToken, staff);
    expect(code(await transition(t, 'pauseListing', s, staff))).toBe('FORBIDDEN');
    const paused = (await transition(t, 'pauseListing', s, supplier.accessToken)).data!.pauseListing;
    expect(paused.status).toBe('PAUSED');
    const anon = await t.gql('query($id: ID!) { listing(id: $id) { id } }', { id: s.id });
    expect(code(anon)).toBe('NOT_FOUND');
    const resumed = (await transition(t, 'resumeListing', paused, supplier.accessToken)).data!.resumeListing;
    expect(resumed.status).toBe('PUBLISHED');
  });

  it('archives from any status, once', async () => {
    const d = await createDemand(t, sme);
    const archived = (await transition(t, 'archiveListing', d, sme.accessToken)).data!.archiveListing;
    expect(archived.status).toBe('ARCHIVED');
    const again = await transition(t, 'archiveListing', archived, sme.accessToken);
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions).toMatchObject({ current: 'ARCHIVED', action: 'archive' });
    expect(again.errors![0].message).toContain('ARCHIVED');
  });

  it('refuses a stale version with CONFLICT naming the current one, never overwriting', async () => {
    const d = await createDemand(t, sme);
    const first = await t.gql(
      'mutation($id: ID!) { updateDemandListing(id: $id, version: 1, input: { title: "첫 번째 수정" }) { version title } }',
      { id: d.id },
      { token: sme.accessToken },
    );
    expect(first.data!.updateDemandListing).toEqual({ version: 2, title: '첫 번째 수정' });
    const stale = await t.gql(
      'mutation($id: ID!) { updateDemandListing(id: $id, version: 1, input: { title: "늦은 수정" }) { version } }',
      { id: d.id },
      { token: sme.accessToken },
    );
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions).toMatchObject({ current: 2, reason: 'stale-version' });
    const now = await t.gql('query($id: ID!) { listing(id: $id) { title version } }', { id: d.id }, { token: sme.accessToken });
    expect(now.data!.listing).toEqual({ title: '첫 번째 수정', version: 2 });
  });

  it('two concurrent approvals: one wins, the other gets CONFLICT', async () => {
    const d = await createDemand(t, sme);
    const submitted = (await transition(t, 'submitListing', d, sme.accessToken)).data!.submitListing;
    const results = await Promise.all([
      transition(t, 'approveListing', submitted, staff),
      transition(t, 'approveListing', submitted, staff),
    ]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
  });

  it('sends a published listing back to review on a material edit, not on a contact change', async () => {
    const d = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const full = await t.gql(
      'query($id: ID!) { listing(id: $id) { ... on DemandListing { bidDeadline } } }',
      { id: d.id },
      { token: sme.accessToken },
    );
    const keep = (await import('@aimatch/api-testing')).demandInput({ bidDeadline: full.data!.listing.bidDeadline });
    const contactOnly = await t.gql(
      'mutation($id: ID!, $v: Int!, $i: DemandListingInput!) { updateDemandListing(id: $id, version: $v, input: $i) { status version } }',
      {
        id: d.id,
        v: d.version,
        i: { ...keep, contact: { name: '담당자 변경', email: 'new@example.kr' } },
      },
      { token: sme.accessToken },
    );
    expect(contactOnly.data!.updateDemandListing.status).toBe('PUBLISHED');
    const material = await t.gql(
      'mutation($id: ID!, $v: Int!, $i: DemandListingInput!) { updateDemandListing(id: $id, version: $v, input: $i) { status } }',
      {
        id: d.id,
        v: contactOnly.data!.updateDemandListing.version,
        i: { ...keep, title: '검사 범위 확대: 용접부 포함' },
      },
      { token: sme.accessToken },
    );
    expect(material.data!.updateDemandListing.status).toBe('SUBMITTED');
  });

  it('writes listing.changed to the outbox with every change, in the same transaction', async () => {
    const d = await createDemand(t, sme);
    await transition(t, 'submitListing', d, sme.accessToken);
    const rows = await t.app.get(DataSource).query(`SELECT payload FROM outbox WHERE aggregate_id = $1 ORDER BY id`, [d.id]);
    expect(rows.map((r: { payload: unknown }) => r.payload)).toEqual([
      { id: d.id, kind: 'DEMAND', version: 1, status: 'DRAFT' },
      { id: d.id, kind: 'DEMAND', version: 2, status: 'SUBMITTED' },
    ]);
  });
});
