import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  demandInput,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  supplyInput,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

const CREATE_DEMAND = 'mutation($o: ID!, $i: DemandListingInput!) { createDemandListing(organizationId: $o, input: $i) { id status } }';
const SHOW = `query($id: ID!) { listing(id: $id) {
  id kind status title
  organization { id }
  ... on DemandListing { requirement { tasks { id label } deployments { id } } dataProfile { labelling dataKinds { id } } region { id } visibility }
  ... on SupplyListing { capability { tasks { id } } trustProfile { certifications { id } } referenceCases { title industry { id } } }
  contact { name }
} }`;

describe('listing content and visibility', () => {
  let t: TestApp;
  let sme: SignedUp;
  let supplier: SignedUp;
  let verifiedSupplier: SignedUp;
  let staff: string;
  let rows: () => Promise<number>;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    verifiedSupplier = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    // Verification by staff arrives with the curation feature; until then the fixture sets it directly.
    await t.app
      .get(DataSource)
      .query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [verifiedSupplier.organizationId]);
    staff = (await signInStaff(t)).accessToken;
    rows = async () => (await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM listings'))[0].n;
  });
  afterAll(() => t.close());

  it('stores the submodels and resolves every concept with its label', async () => {
    const d = await createDemand(t, sme);
    const res = await t.gql(SHOW, { id: d.id }, { token: sme.accessToken, locale: 'en' });
    expect(res.data!.listing).toMatchObject({
      kind: 'DEMAND',
      requirement: {
        tasks: [{ id: 'urn:aimatch:task:visual-inspection', label: expect.stringMatching(/inspection/i) }],
        deployments: [{ id: 'urn:aimatch:deployment:on-premise' }],
      },
      dataProfile: { labelling: 'UNLABELLED', dataKinds: [{ id: 'urn:aimatch:modality:image' }] },
      region: { id: 'urn:aimatch:region:gyeongnam' },
      organization: { id: sme.organizationId },
      contact: { name: '김민지' },
    });
    const s = await createSupply(t, supplier);
    const sres = await t.gql(SHOW, { id: s.id }, { token: supplier.accessToken });
    expect(sres.data!.listing.referenceCases).toEqual([
      { title: '브레이크 캘리퍼 표면 결함 검사', industry: { id: 'urn:aimatch:industry:automotive-parts-manufacturing' } },
    ]);
  });

  it('rejects bad content with element paths and rules, storing nothing', async () => {
    const before = await rows();
    const res = await t.gql(
      CREATE_DEMAND,
      {
        o: sme.organizationId,
        i: demandInput({
          title: '가'.repeat(121),
          requirement: { tasks: ['urn:aimatch:task:visual-inspection', 'urn:aimatch:modality:image', 'urn:aimatch:task:nope'] },
          commercialTerms: { minAmountKrw: 200_000_000, maxAmountKrw: 100_000_000 },
        }),
      },
      { token: sme.accessToken },
    );
    expect(res.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions.fields!.map((f) => [f.path, f.rule]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['title', 'max-length'],
        ['AIRequirement.tasks[1]', 'wrong-scheme'],
        ['AIRequirement.tasks[2]', 'unknown-concept'],
        ['CommercialTerms.minAmountKrw', 'min-greater-than-max'],
      ]),
    );
    expect(res.errors![0].extensions.fields!.every((f) => f.message && f.message !== '올바르지 않은 값입니다.')).toBe(true);
    expect(await rows()).toBe(before);
  });

  it('rejects more than 20 values in one element and a negative budget', async () => {
    const tasks = Array.from({ length: 21 }, () => 'urn:aimatch:task:visual-inspection');
    const res = await t.gql(
      CREATE_DEMAND,
      { o: sme.organizationId, i: demandInput({ requirement: { tasks }, commercialTerms: { minAmountKrw: -1 } }) },
      { token: sme.accessToken },
    );
    const fields = res.errors![0].extensions.fields!.map((f) => [f.path, f.rule]);
    expect(fields).toEqual(expect.arrayContaining([['AIRequirement.tasks', 'max-items']]));
    expect(fields.some(([p, r]) => p === 'CommercialTerms.minAmountKrw' && r === 'min-value')).toBe(true);
  });

  it('saves an incomplete draft but refuses to submit it, naming what is missing; a past deadline blocks submission', async () => {
    const draft = await t.gql(CREATE_DEMAND, { o: sme.organizationId, i: { title: '초안만 작성' } }, { token: sme.accessToken });
    expect(draft.data!.createDemandListing.status).toBe('DRAFT');
    const submit = await transition(t, 'submitListing', { id: draft.data!.createDemandListing.id, version: 1 }, sme.accessToken);
    const missing = submit.errors![0].extensions.fields!.map((f) => [f.path, f.rule]);
    expect(missing).toEqual(
      expect.arrayContaining([
        ['summary', 'required'],
        ['description', 'required'],
        ['ContactInformation.email', 'required'],
      ]),
    );

    const past = await createDemand(t, sme, { bidDeadline: new Date(Date.now() - 86_400_000).toISOString() });
    const late = await transition(t, 'submitListing', past, sme.accessToken);
    expect(late.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'bidDeadline', rule: 'past-deadline' })]);
  });

  it('hides drafts and review states from everyone but the owner organization and staff', async () => {
    const d = await createDemand(t, sme);
    for (const token of [undefined, supplier.accessToken]) {
      expect((await t.gql(SHOW, { id: d.id }, { token })).errors![0].extensions.code).toBe('NOT_FOUND');
    }
    expect((await t.gql(SHOW, { id: d.id }, { token: staff })).data!.listing.id).toBe(d.id);
    const mine = await t.gql('{ myListings(kind: DEMAND) { totalCount edges { node { id status } } } }', {}, { token: sme.accessToken });
    expect(mine.data!.myListings.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(d.id);
  });

  it('shows published listings to anonymous visitors, contact details to signed-in members only', async () => {
    const d = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const anon = await t.gql(SHOW, { id: d.id });
    expect(anon.data!.listing).toMatchObject({ id: d.id, status: 'PUBLISHED', contact: null });
    const list = await t.gql('{ listings(kind: DEMAND, first: 100) { edges { node { id } } } }');
    expect(list.data!.listings.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(d.id);
    expect((await t.gql(SHOW, { id: d.id }, { token: supplier.accessToken })).data!.listing.contact).toEqual({ name: '김민지' });

    // #13 H1: the AAS export follows the same rule — no ContactInformation and no BRN without a token.
    const aas = async (token?: string) =>
      (await t.gql('query($id: ID!) { listingAas(id: $id) }', { id: d.id }, { token })).data!.listingAas as string;
    const [{ brn }] = await t.app
      .get(DataSource)
      .query('SELECT business_registration_number AS brn FROM organizations WHERE id = $1', [sme.organizationId]);
    const anonymous = await aas();
    const idShorts = (json: string) => (JSON.parse(json).submodels as Array<{ idShort: string }>).map((m) => m.idShort);
    expect(idShorts(anonymous)).not.toContain('ContactInformation');
    expect(anonymous).not.toContain('minji@example.kr');
    expect(anonymous).not.toContain('김민지');
    expect(anonymous).not.toContain(brn);
    expect(idShorts(anonymous)).toContain('CompanyData');
    const signedIn = await aas(supplier.accessToken);
    expect(idShorts(signedIn)).toContain('ContactInformation');
    expect(signedIn).toContain('minji@example.kr');
    expect(signedIn).toContain(brn);

    // #13 low: and so does the nested organization of a listing, while a member's own sign-in answer still shows it.
    const orgBrn = async (token?: string) =>
      (await t.gql('query($id: ID!) { listing(id: $id) { organization { businessRegistrationNumber } } }', { id: d.id }, { token })).data!
        .listing.organization.businessRegistrationNumber;
    expect(await orgBrn()).toBeNull();
    expect(await orgBrn(supplier.accessToken)).toBe(brn);
    expect(await orgBrn(staff)).toBe(brn);
    const signIn = await t.gql(
      'mutation($i: SignInInput!) { signIn(input: $i) { me { memberships { organization { id businessRegistrationNumber } } } } }',
      { i: { email: sme.email, password: sme.password } },
    );
    expect(signIn.data!.signIn.me.memberships).toEqual([{ organization: { id: sme.organizationId, businessRegistrationNumber: brn } }]);
  });

  it('shows VERIFIED_SUPPLIERS demands only to verified supplier organizations, the owner and staff', async () => {
    const d = await publish(t, await createDemand(t, sme, { visibility: 'VERIFIED_SUPPLIERS' }), sme.accessToken, staff);
    const ids = async (token?: string) =>
      (await t.gql('{ listings(kind: DEMAND, first: 100) { edges { node { id } } } }', {}, { token })).data!.listings.edges.map(
        (e: { node: { id: string } }) => e.node.id,
      );
    expect(await ids()).not.toContain(d.id);
    expect(await ids(supplier.accessToken)).not.toContain(d.id);
    expect(await ids(verifiedSupplier.accessToken)).toContain(d.id);
    expect((await t.gql(SHOW, { id: d.id }, { token: supplier.accessToken })).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(SHOW, { id: d.id }, { token: verifiedSupplier.accessToken })).data!.listing.visibility).toBe('VERIFIED_SUPPLIERS');
  });

  it('keeps the review queue for staff, oldest first', async () => {
    const a = await createSupply(t, supplier);
    const b = await createSupply(t, supplier);
    await transition(t, 'submitListing', a, supplier.accessToken);
    await transition(t, 'submitListing', b, supplier.accessToken);
    const q = await t.gql('{ listingsForReview(kind: SUPPLY, first: 100) { edges { node { id } } } }', {}, { token: staff });
    const order = q.data!.listingsForReview.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(order.indexOf(a.id)).toBeLessThan(order.indexOf(b.id));
    expect((await t.gql('{ listingsForReview { totalCount } }', {}, { token: sme.accessToken })).errors![0].extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('exports a listing as AAS JSON and imports it back as a new draft supply', async () => {
    const s = await createSupply(t, supplier, supplyInput({ titleEn: 'Inline vision inspection' }));
    const aas = await t.gql('query($id: ID!) { listingAas(id: $id) }', { id: s.id }, { token: supplier.accessToken });
    const env = JSON.parse(aas.data!.listingAas);
    expect(env.assetAdministrationShells).toHaveLength(1);
    expect(env.conceptDescriptions.map((c: { id: string }) => c.id)).toEqual(
      expect.arrayContaining(['urn:aimatch:task:visual-inspection', 'urn:aimatch:certification:innobiz']),
    );
    const imported = await t.gql(
      'mutation($o: ID!, $j: String!) { importSupplyFromAas(organizationId: $o, json: $j) { id status title titleEn capability { tasks { id } } } }',
      {
        o: supplier.organizationId,
        j: aas.data!.listingAas,
      },
      { token: supplier.accessToken },
    );
    expect(imported.data!.importSupplyFromAas).toMatchObject({
      status: 'DRAFT',
      title: '금속 가공 라인 인라인 비전 검사',
      titleEn: 'Inline vision inspection',
      capability: { tasks: [{ id: 'urn:aimatch:task:visual-inspection' }, { id: 'urn:aimatch:task:surface-defect-inspection' }] },
    });
  });

  it('refuses broken AAS input with typed errors', async () => {
    const imp = (json: string) =>
      t.gql(
        'mutation($o: ID!, $j: String!) { importSupplyFromAas(organizationId: $o, json: $j) { id } }',
        { o: supplier.organizationId, j: json },
        { token: supplier.accessToken },
      );
    const notJson = await imp('{ not json');
    expect(notJson.errors![0].extensions.fields![0]).toMatchObject({ rule: 'json' });
    const wrongType = await imp(JSON.stringify({ assetAdministrationShells: [{ modelType: 'Banana', id: 'x' }] }));
    expect(wrongType.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
