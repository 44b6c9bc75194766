import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signInAs, signUpOrganization, type TestApp, TEST_PASSWORD, validBrn } from '@aimatch/api-testing';

const DOCS = '{ legalDocuments { kind version required } }';
const PENDING = '{ pendingConsents { kind version } }';
const MINE = '{ myConsents { kind version grantedAt withdrawnAt } }';
const ACCEPT = 'mutation($c: [ConsentInput!]!) { acceptConsents(consents: $c) { kind } }';
const WITHDRAW = 'mutation($k: LegalDocumentKind!) { withdrawConsent(kind: $k) }';

interface Doc {
  kind: string;
  version: string;
  required: boolean;
}

describe('consents', () => {
  let t: TestApp;
  let docs: Doc[];
  beforeAll(async () => {
    t = await bootTestApp();
    docs = ((await t.gql(DOCS)).data as { legalDocuments: Doc[] }).legalDocuments;
  });
  afterAll(() => t.close());

  it('asks for every required document not yet accepted, and stops asking once accepted', async () => {
    const u = await signUpOrganization(t);
    const before = await t.gql(PENDING, {}, { token: u.accessToken });
    expect(before.errors).toBeUndefined();
    expect((before.data as { pendingConsents: Doc[] }).pendingConsents.map((d) => d.kind)).toEqual(['TERMS', 'PRIVACY']);

    const required = docs.filter((d) => d.required).map(({ kind, version }) => ({ kind, version }));
    const res = await t.gql(ACCEPT, { c: required }, { token: u.accessToken });
    expect(res.errors).toBeUndefined();
    expect((res.data as { acceptConsents: Doc[] }).acceptConsents).toEqual([]);
    const mine = (await t.gql(MINE, {}, { token: u.accessToken })).data as { myConsents: Doc[] };
    expect(mine.myConsents.map((c) => c.kind)).toEqual(['PRIVACY', 'TERMS']);
  });

  it('refuses a stale version, naming the field and the rule', async () => {
    const u = await signUpOrganization(t);
    const res = await t.gql(ACCEPT, { c: [{ kind: 'TERMS', version: '2020-01-01' }] }, { token: u.accessToken });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(res.errors?.[0].extensions)).toContain('stale-version');
    expect(JSON.stringify(res.errors?.[0].extensions)).toContain('consents.0.version');
  });

  it('withdraws an optional consent as a stamp (the record stays) and refuses to withdraw a required one', async () => {
    const u = await signUpOrganization(t);
    const marketing = docs.find((d) => d.kind === 'MARKETING')!;
    expect(
      (await t.gql(ACCEPT, { c: [{ kind: 'MARKETING', version: marketing.version }] }, { token: u.accessToken })).errors,
    ).toBeUndefined();
    expect((await t.gql(WITHDRAW, { k: 'MARKETING' }, { token: u.accessToken })).errors).toBeUndefined();
    const mine = ((await t.gql(MINE, {}, { token: u.accessToken })).data as { myConsents: { kind: string; withdrawnAt: string | null }[] })
      .myConsents;
    expect(mine).toHaveLength(1);
    expect(mine[0].kind).toBe('MARKETING');
    expect(mine[0].withdrawnAt).not.toBeNull();

    const refused = await t.gql(WITHDRAW, { k: 'TERMS' }, { token: u.accessToken });
    expect(JSON.stringify(refused.errors?.[0].extensions)).toContain('not-withdrawable');
  });
});

describe('consents given at sign-up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  const SIGN_UP = 'mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }';
  const input = (consents: unknown) => ({
    email: `consent-${Math.random().toString(36).slice(2)}@example.kr`,
    password: TEST_PASSWORD,
    displayName: '동의자',
    organization: { kind: 'SME', nameKo: '동의제조(주)', businessRegistrationNumber: validBrn(), regionId: 'urn:aimatch:region:busan' },
    consents,
  });

  it('records them in the sign-up, so nothing is pending afterwards', async () => {
    const docs = ((await t.gql(DOCS)).data as { legalDocuments: Doc[] }).legalDocuments;
    const res = await t.gql(SIGN_UP, { i: input(docs.map(({ kind, version }) => ({ kind, version }))) });
    expect(res.errors).toBeUndefined();
    const { email } = (res.data as { signUp: { email: string } }).signUp;
    const { accessToken: token } = await signInAs(t, email);
    expect(((await t.gql(PENDING, {}, { token })).data as { pendingConsents: Doc[] }).pendingConsents).toEqual([]);
    const mine = ((await t.gql(MINE, {}, { token })).data as { myConsents: Doc[] }).myConsents;
    expect(mine.map((c) => c.kind).sort()).toEqual(['MARKETING', 'PRIVACY', 'TERMS']);
  });

  it('refuses a stale version with the other sign-up checks', async () => {
    const res = await t.gql(SIGN_UP, { i: input([{ kind: 'TERMS', version: '2000-01-01' }]) });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(res.errors?.[0].extensions)).toContain('stale-version');
  });
});
