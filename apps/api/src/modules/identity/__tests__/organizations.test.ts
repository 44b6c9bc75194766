import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  currentConsents,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  TEST_PASSWORD,
} from '@aimatch/api-testing';

const SIGN_IN_MEMBERSHIPS =
  'mutation($i: SignInInput!) { signIn(input: $i) { accessToken me { user { emailVerified } memberships { role organization { id } } } } }';

const UPDATE =
  'mutation($i: UpdateOrganizationInput!) { updateMyOrganization(input: $i) { id nameKo nameEn website foundedYear region { id } industry { id labelEn } } }';
const INVITE = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id email role token organization { id } } }';
const ACCEPT = 'mutation($t: String!) { acceptInvitation(token: $t) { role organization { id } user { email } } }';
const MEMBERS =
  'query($id: ID!, $after: String) { organization(id: $id) { members(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { role user { email } } } } } }';

describe('organizations', () => {
  let t: TestApp;
  let owner: SignedUp;
  beforeAll(async () => {
    t = await bootTestApp();
    owner = await signUpOrganization(t);
  });
  afterAll(() => t.close());

  it('lets the owner edit the profile; omitted fields stay, empty strings clear', async () => {
    const res = await t.gql(
      UPDATE,
      {
        i: {
          organizationId: owner.organizationId,
          nameEn: 'Test Maker',
          website: 'https://maker.example.kr',
          foundedYear: 2001,
          industryId: 'urn:aimatch:industry:food-manufacturing',
        },
      },
      { token: owner.accessToken },
    );
    expect(res.data!.updateMyOrganization).toMatchObject({
      nameKo: expect.stringContaining('테스트기업'),
      nameEn: 'Test Maker',
      website: 'https://maker.example.kr',
      foundedYear: 2001,
      region: { id: 'urn:aimatch:region:seoul' },
      industry: { id: 'urn:aimatch:industry:food-manufacturing', labelEn: expect.any(String) },
    });
    const cleared = await t.gql(UPDATE, { i: { organizationId: owner.organizationId, website: '' } }, { token: owner.accessToken });
    expect(cleared.data!.updateMyOrganization.website).toBeNull();
  });

  it('rejects a founding year in the future and unknown concepts, changing nothing', async () => {
    const res = await t.gql(
      UPDATE,
      { i: { organizationId: owner.organizationId, foundedYear: 3000, nameEn: 'Changed' } },
      { token: owner.accessToken },
    );
    expect(res.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'foundedYear', rule: 'max-value' })]);
    const res2 = await t.gql(
      UPDATE,
      { i: { organizationId: owner.organizationId, regionId: 'urn:aimatch:region:mars', nameEn: 'Changed' } },
      { token: owner.accessToken },
    );
    expect(res2.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'regionId', rule: 'unknown-concept' })]);
    const now = await t.gql(
      'query($id: ID!) { organization(id: $id) { nameEn } }',
      { id: owner.organizationId },
      { token: owner.accessToken },
    );
    expect(now.data!.organization.nameEn).toBe('Test Maker');
  });

  it('answers FORBIDDEN to outsiders whether or not the organization exists', async () => {
    const outsider = await signUpOrganization(t);
    const real = await t.gql(UPDATE, { i: { organizationId: owner.organizationId, nameEn: 'x' } }, { token: outsider.accessToken });
    const missing = await t.gql(
      UPDATE,
      { i: { organizationId: '00000000-0000-4000-8000-000000000000', nameEn: 'x' } },
      { token: outsider.accessToken },
    );
    expect(real.errors![0].extensions.code).toBe('FORBIDDEN');
    expect(missing.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('invites a member who signs up with the token and joins as MEMBER; members page by cursor', async () => {
    const email = `joiner-${Date.now()}@example.kr`;
    const invite = await t.gql(INVITE, { i: { organizationId: owner.organizationId, email } }, { token: owner.accessToken });
    const { token, role } = invite.data!.inviteMember;
    expect(role).toBe('MEMBER');
    const signUp = await t.gql('mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }', {
      i: { email, password: TEST_PASSWORD, displayName: '신입', invitationToken: token, consents: currentConsents() },
    });
    expect(signUp.data!.signUp).toEqual({ email, verificationSent: true });
    const signIn = await t.gql(SIGN_IN_MEMBERSHIPS, { i: { email, password: TEST_PASSWORD } });
    expect(signIn.data!.signIn.me.memberships).toEqual([{ role: 'MEMBER', organization: { id: owner.organizationId } }]);
    // The invitation was mailed to this address: accepting it at sign-up proves the address.
    expect(signIn.data!.signIn.me.user.emailVerified).toBe(true);
    const member = signIn.data!.signIn.accessToken;

    // A member may see the members but not edit or invite.
    expect(
      (await t.gql(UPDATE, { i: { organizationId: owner.organizationId, nameEn: 'x' } }, { token: member })).errors![0].extensions.code,
    ).toBe('FORBIDDEN');
    const first = await t.gql(MEMBERS, { id: owner.organizationId }, { token: member });
    const page1 = first.data!.organization.members;
    expect(page1.totalCount).toBe(2);
    expect(page1.edges.map((e: { node: { role: string } }) => e.node.role)).toEqual(['OWNER', 'MEMBER']);

    // The token is single-use.
    const again = await t.gql(ACCEPT, { t: token }, { token: member });
    expect(again.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'token', rule: 'invitation-invalid' })]);
  });

  it('accepts an invitation only for the invited e-mail, and refuses a second membership', async () => {
    const other = await signUpOrganization(t);
    const invite = await t.gql(
      INVITE,
      { i: { organizationId: owner.organizationId, email: 'someone-else@example.kr' } },
      { token: owner.accessToken },
    );
    const wrong = await t.gql(ACCEPT, { t: invite.data!.inviteMember.token }, { token: other.accessToken });
    expect(wrong.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'token', rule: 'invitation-email' })]);

    const mine = await t.gql(INVITE, { i: { organizationId: owner.organizationId, email: other.email } }, { token: owner.accessToken });
    const ok = await t.gql(ACCEPT, { t: mine.data!.inviteMember.token }, { token: other.accessToken });
    expect(ok.data!.acceptInvitation).toMatchObject({ role: 'MEMBER', organization: { id: owner.organizationId } });
    const dup = await t.gql(INVITE, { i: { organizationId: owner.organizationId, email: other.email } }, { token: owner.accessToken });
    expect(dup.errors![0].extensions.code).toBe('CONFLICT');
  });

  it('pages members with cursors, rejecting page sizes over 100 and tampered cursors', async () => {
    const list = async (after?: string) => t.gql(MEMBERS, { id: owner.organizationId, after }, { token: owner.accessToken });
    const p1 = (await list()).data!.organization.members;
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p2 = (await list(p1.pageInfo.endCursor)).data!.organization.members;
    const emails = [...p1.edges, ...p2.edges].map((e: { node: { user: { email: string } } }) => e.node.user.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails.length).toBe(p1.totalCount);
    expect((await list('!!notacursor')).errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'after', rule: 'format' })]);
    const big = await t.gql('{ concepts(scheme: "task", first: 101) { totalCount } }');
    expect(big.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'first', rule: 'range' })]);
  });

  it('lists organizations for staff, newest first, filtered by verification status', async () => {
    const staff = await signInStaff(t);
    const res = await t.gql(
      '{ organizations(first: 100, verificationStatus: UNVERIFIED) { totalCount edges { node { id verificationStatus } } } }',
      {},
      { token: staff.accessToken },
    );
    const nodes = res.data!.organizations.edges.map((e: { node: { id: string; verificationStatus: string } }) => e.node);
    expect(nodes.length).toBe(res.data!.organizations.totalCount);
    expect(nodes.every((n: { verificationStatus: string }) => n.verificationStatus === 'UNVERIFIED')).toBe(true);
    expect(nodes.map((n: { id: string }) => n.id)).toContain(owner.organizationId);
  });
  it('reads a website without a scheme as https:// and still refuses what is not a web address (#14 item 7)', async () => {
    const res = await t.gql(
      UPDATE,
      { i: { organizationId: owner.organizationId, website: 'maker.example.kr/about' } },
      { token: owner.accessToken },
    );
    expect(res.data!.updateMyOrganization.website).toBe('https://maker.example.kr/about');
    const bad = await t.gql(
      UPDATE,
      { i: { organizationId: owner.organizationId, website: 'ftp://maker.example.kr' } },
      { token: owner.accessToken },
    );
    expect(bad.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'website', rule: 'url' })]);
  });
});
