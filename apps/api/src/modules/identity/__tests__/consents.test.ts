import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, signInAs, signInStaff, signUpOrganization, type TestApp, TEST_PASSWORD, validBrn } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

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
    // The sign-up accepted today's versions; make them older ones, as after a new version is published.
    await t.app.get(DataSource).query(`UPDATE user_consents SET version = '2020-01-01' WHERE user_id = $1`, [u.userId]);
    const before = await t.gql(PENDING, {}, { token: u.accessToken });
    expect(before.errors).toBeUndefined();
    expect((before.data as { pendingConsents: Doc[] }).pendingConsents.map((d) => d.kind)).toEqual(['TERMS', 'PRIVACY']);

    const required = docs.filter((d) => d.required).map(({ kind, version }) => ({ kind, version }));
    const res = await t.gql(ACCEPT, { c: required }, { token: u.accessToken });
    expect(res.errors).toBeUndefined();
    expect((res.data as { acceptConsents: Doc[] }).acceptConsents).toEqual([]);
    const mine = (await t.gql(MINE, {}, { token: u.accessToken })).data as { myConsents: Doc[] };
    expect(mine.myConsents.filter((c) => c.version !== '2020-01-01').map((c) => c.kind)).toEqual(['PRIVACY', 'TERMS']);
  });

  it('makes staff accounts (user:create-staff) with the current required documents agreed', async () => {
    const staff = await signInStaff(t);
    expect(((await t.gql(PENDING, {}, { token: staff.accessToken })).data as { pendingConsents: Doc[] }).pendingConsents).toEqual([]);
    const mine = ((await t.gql(MINE, {}, { token: staff.accessToken })).data as { myConsents: Doc[] }).myConsents;
    expect(mine.map((c) => c.kind).sort()).toEqual(['PRIVACY', 'TERMS']);
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
    const mine = (
      (await t.gql(MINE, {}, { token: u.accessToken })).data as { myConsents: { kind: string; withdrawnAt: string | null }[] }
    ).myConsents.filter((c) => c.kind === 'MARKETING');
    expect(mine).toHaveLength(1);
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

  it('refuses a sign-up without the required consents, naming the missing documents, and writes nothing', async () => {
    const ds = t.app.get(DataSource);
    const users = async () => (await ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM users`))[0].n;
    const before = await users();
    const none = await t.gql(SIGN_UP, { i: input(undefined) });
    expect(none.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'consents', rule: 'required', message: expect.stringContaining('이용약관') }],
    });
    expect(none.errors?.[0].extensions.fields?.[0].message).toContain('개인정보 수집·이용 동의');

    const docs = ((await t.gql(DOCS)).data as { legalDocuments: Doc[] }).legalDocuments;
    const terms = docs.find((d) => d.kind === 'TERMS')!;
    const onlyTerms = await t.gql(SIGN_UP, { i: input([{ kind: 'TERMS', version: terms.version }]) }, { locale: 'en' });
    expect(onlyTerms.errors?.[0].extensions.fields).toEqual([
      {
        path: 'consents',
        rule: 'required',
        message: 'Please agree to the required items: Consent to the collection and use of personal data',
      },
    ]);
    expect(await users()).toBe(before);

    // Named together with the form's other mistakes, not only once those are fixed.
    const both = await t.gql(SIGN_UP, { i: { ...input(undefined), email: 'not-an-email' } });
    expect(both.errors?.[0].extensions.fields?.map((f) => `${f.path}:${f.rule}`)).toEqual(['email:email', 'consents:required']);
  });

  it('records the required consents alone (optional marketing left out)', async () => {
    const docs = ((await t.gql(DOCS)).data as { legalDocuments: Doc[] }).legalDocuments;
    const i = input(docs.filter((d) => d.required).map(({ kind, version }) => ({ kind, version })));
    const res = await t.gql(SIGN_UP, { i });
    expect(res.errors).toBeUndefined();
    const token = (await signInAs(t, i.email)).accessToken;
    const mine = ((await t.gql(MINE, {}, { token })).data as { myConsents: Doc[] }).myConsents;
    expect(mine.map((c) => c.kind).sort()).toEqual(['PRIVACY', 'TERMS']);
  });
});
