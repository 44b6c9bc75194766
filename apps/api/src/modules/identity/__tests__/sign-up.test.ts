import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  currentConsents,
  invalidBrn,
  signInAs,
  signUpOrganization,
  type TestApp,
  TEST_PASSWORD,
  validBrn,
} from '@aimatch/api-testing';

const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { email verificationSent } }`;
const ME = `{ me {
  user { id email displayName locale emailVerified }
  memberships { role organization { id kind nameKo businessRegistrationNumber verificationStatus region { id label } } }
} }`;

function input(overrides: Record<string, unknown> = {}, org: Record<string, unknown> = {}) {
  return {
    email: `new-${Math.random().toString(36).slice(2)}@example.kr`,
    password: TEST_PASSWORD,
    displayName: '홍길동',
    organization: {
      kind: 'SME',
      nameKo: '테스트제조(주)',
      businessRegistrationNumber: validBrn(),
      regionId: 'urn:aimatch:region:busan',
      ...org,
    },
    consents: currentConsents(),
    ...overrides,
  };
}

describe('signUp', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  const rows = async (table: string) => {
    const { DataSource } = await import('typeorm');
    const ds = t.app.get(DataSource);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
    return n as number;
  };

  it('creates the user (unverified), the organization and an owner membership; the user signs in', async () => {
    const res = await t.gql(SIGN_UP, { input: input({}, { businessRegistrationNumber: '220-88-12340' }) });
    expect(res.errors).toBeUndefined();
    const p = res.data!.signUp;
    expect(p).toEqual({ email: expect.stringMatching(/^new-.*@example\.kr$/), verificationSent: true });
    const session = await signInAs(t, p.email);
    expect(session.accessToken).toMatch(/^ey/);
    const me = (await t.gql(ME, {}, { token: session.accessToken })).data!.me;
    expect(me.user).toMatchObject({ email: p.email, emailVerified: false });
    expect(me.memberships).toEqual([
      {
        role: 'OWNER',
        organization: expect.objectContaining({
          kind: 'SME',
          businessRegistrationNumber: '2208812340',
          verificationStatus: 'UNVERIFIED',
          region: { id: 'urn:aimatch:region:busan', label: '부산광역시' },
        }),
      },
    ]);
  });

  it('rejects a business registration number with a wrong check digit and writes nothing', async () => {
    const before = [await rows('users'), await rows('organizations')];
    const res = await t.gql(SIGN_UP, { input: input({}, { businessRegistrationNumber: invalidBrn() }) });
    expect(res.status).toBe(200);
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'organization.businessRegistrationNumber', rule: 'checksum', message: expect.stringContaining('검증번호') }],
    });
    expect([await rows('users'), await rows('organizations')]).toEqual(before);
  });

  it('names each broken rule of several fields at once, in English when asked', async () => {
    const res = await t.gql(
      SIGN_UP,
      {
        input: input(
          { email: 'not-an-email', displayName: 'x'.repeat(51) },
          { nameKo: '', businessRegistrationNumber: '12345', website: 'javascript:alert(1)' },
        ),
      },
      { locale: 'en' },
    );
    const fields = res.errors![0].extensions.fields!;
    expect(fields.map((f) => [f.path, f.rule]).sort()).toEqual(
      [
        ['displayName', 'max-length'],
        ['email', 'email'],
        ['organization.businessRegistrationNumber', 'brn-format'],
        ['organization.nameKo', 'required'],
        ['organization.website', 'url'],
      ].sort(),
    );
    expect(fields.find((f) => f.path === 'displayName')!.message).toBe('Must be at most 50 characters.');
  });

  it.each([
    ['short', 'password-length'],
    ['x'.repeat(129), 'password-length'],
    ['qwertyuiop', 'password-common'],
    ['aaaaaaaaaaaa', 'password-common'],
    ['qwerty12345', 'password-guessable'],
    ['dkssudgktpdy1', 'password-guessable'],
  ])('rejects the weak password %#: rule %s', async (password, rule) => {
    const res = await t.gql(SIGN_UP, { input: input({ password }) });
    expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'password', rule })]);
  });

  it('accepts a 64-character pass-phrase', async () => {
    const res = await t.gql(SIGN_UP, { input: input({ password: '우리 공장 라인의 불량을 AI로 잡자 '.repeat(3).slice(0, 64) }) });
    expect(res.errors).toBeUndefined();
  });

  it('rejects a duplicate BRN as a unique violation, but never names a registered e-mail (case-insensitive)', async () => {
    const first = input();
    await t.gql(SIGN_UP, { input: first });
    const again = input(
      { email: first.email.toUpperCase() },
      { businessRegistrationNumber: first.organization.businessRegistrationNumber },
    );
    const res = await t.gql(SIGN_UP, { input: again });
    expect(res.errors![0].extensions.fields!.map((f) => [f.path, f.rule]).sort()).toEqual([
      ['organization.businessRegistrationNumber', 'unique'],
    ]);
  });

  it('rejects concepts that do not exist or belong to another scheme', async () => {
    const res = await t.gql(SIGN_UP, {
      input: input({}, { regionId: 'urn:aimatch:region:atlantis', industryId: 'urn:aimatch:task:computer-vision' }),
    });
    expect(res.errors![0].extensions.fields!.map((f) => [f.path, f.rule])).toEqual([
      ['organization.regionId', 'unknown-concept'],
      ['organization.industryId', 'wrong-scheme'],
    ]);
  });

  it('does not let visitors create an ASSOCIATION organization', async () => {
    const res = await t.gql(SIGN_UP, { input: input({}, { kind: 'ASSOCIATION' }) });
    expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'organization.kind', rule: 'enum' })]);
  });

  it('requires exactly one of a new organization or an invitation', async () => {
    const res = await t.gql(SIGN_UP, { input: input({ organization: null }) });
    expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'organization', rule: 'one-of' })]);
  });

  it('stores HTML and SQL in names as plain text', async () => {
    const name = `<script>alert(1)</script>'; DROP TABLE users; --`;
    const s = await signUpOrganization(t, { nameKo: name });
    const res = await t.gql('query($id: ID!) { organization(id: $id) { nameKo } }', { id: s.organizationId }, { token: s.accessToken });
    expect(res.data!.organization.nameKo).toBe(name);
    expect(await rows('users')).toBeGreaterThan(0);
  });
  it('names a guessable password together with the other fields, not in a second round (#14 item 7)', async () => {
    const res = await t.gql(SIGN_UP, { input: input({ password: 'password1234', displayName: '' }, { nameKo: '' }) });
    const fields = res.errors![0].extensions.fields!.map((f) => [f.path, f.rule]);
    expect(fields).toEqual(
      expect.arrayContaining([
        ['displayName', 'required'],
        ['organization.nameKo', 'required'],
        ['password', expect.stringMatching(/^password-(common|guessable)$/)],
      ]),
    );
  });
});
