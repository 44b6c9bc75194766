import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  currentConsents,
  publish,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  TEST_PASSWORD,
  validBrn,
} from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../../graphql/request-context';
import { ChatService } from '../../chat/chat.service';

const EXPORT = '{ myPersonalData }';
const DELETE = 'mutation($p: String!) { deleteAccount(password: $p) }';
const OPEN = 'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }';
const MESSAGES = 'query($c: ID!) { messages(conversationId: $c) { edges { node { body senderUserId senderName } } } }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }';
const INVITE = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { token } }';

/** The personal data download and account deletion (modules/account) on the real database. */
describe('account: personal data and deletion', () => {
  let t: TestApp;
  let ds: DataSource;
  let chat: ChatService;
  let staff: { accessToken: string };
  const viewerOf = (u: { userId: string }): Viewer => ({ userId: u.userId, roles: [], locale: 'KO' as never, sessionId: 'test' });

  /** A demand of `owner`'s, a conversation about it opened by `supplier`, and one message from each side. */
  const conversationWithMessages = async (owner: SignedUp, supplier: SignedUp, ownerSays: string, supplierSays: string) => {
    const demand = await publish(t, await createDemand(t, owner), owner.accessToken, staff.accessToken);
    const opened = await t.gql(OPEN, { i: { contextType: 'DEMAND', contextId: demand.id } }, { token: supplier.accessToken });
    const conversationId = opened.data!.openConversation.id as string;
    await chat.send(viewerOf(supplier), { conversationId, clientMessageId: randomUUID(), body: supplierSays });
    await chat.send(viewerOf(owner), { conversationId, clientMessageId: randomUUID(), body: ownerSays });
    return { conversationId, demandId: demand.id };
  };
  const count = async (sql: string, params: unknown[]) => (await ds.query<{ n: number }[]>(sql, params))[0].n;

  beforeAll(async () => {
    t = await bootTestApp({ env: { CHAT_RATE_LIMIT_MESSAGES: '1000' } });
    ds = t.app.get(DataSource);
    chat = t.app.get(ChatService);
    staff = await signInStaff(t);
  });
  afterAll(() => t.close());

  it('downloads what the user wrote and made, and nothing of another user', async () => {
    const me = await signUpOrganization(t, { kind: 'SME' as never });
    const other = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const { demandId, conversationId } = await conversationWithMessages(me, other, 'my-own-words-7Q', 'their-words-9Z');

    const res = await t.gql(EXPORT, {}, { token: me.accessToken });
    expect(res.errors).toBeUndefined();
    const text = res.data!.myPersonalData as string;
    const data = JSON.parse(text);
    expect(data.format).toBe('aimatch-personal-data');
    expect(data.profile).toMatchObject({ id: me.userId, email: me.email });
    expect(data.memberships).toEqual([expect.objectContaining({ organizationId: me.organizationId, role: 'OWNER' })]);
    expect(data.consents.map((c: { kind: string }) => c.kind).sort()).toEqual(['PRIVACY', 'TERMS']);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.messages).toEqual({ items: [expect.objectContaining({ conversationId, body: 'my-own-words-7Q' })], truncated: false });
    expect(data.listings.items.map((l: { id: string }) => l.id)).toContain(demandId);
    expect(data.bids).toEqual({ items: [], truncated: false });
    expect(data).toHaveProperty('notifications.items');
    expect(data).toHaveProperty('notificationPreferences');
    expect(data).toHaveProperty('reviews.items');

    // Nothing of the other party: not their address, their id or their words; and no secrets.
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(other.userId);
    expect(text).not.toContain('their-words-9Z');
    expect(text).not.toContain(me.refreshToken);
    expect(text).not.toMatch(/token_?hash|password/i);

    // The other user's download has their words and not mine.
    const theirs = (await t.gql(EXPORT, {}, { token: other.accessToken })).data!.myPersonalData as string;
    expect(theirs).toContain('their-words-9Z');
    expect(theirs).not.toContain('my-own-words-7Q');
    expect((await t.gql(EXPORT)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password on the password field, and counts it like a failed sign-in', async () => {
    const me = await signUpOrganization(t);
    const res = await t.gql(DELETE, { p: 'not-my-password-1' }, { token: me.accessToken });
    expect(res.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'password', rule: 'password-incorrect' }],
    });
    expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1 AND deleted_at IS NULL`, [me.userId])).toBe(1);
    expect(
      await count(`SELECT count(*)::int AS n FROM rate_backoffs WHERE key ILIKE $1 AND failures > 0`, [`%${me.email}%`]),
    ).toBeGreaterThan(0);
  });

  it('refuses the last owner of an organization with other members (CONFLICT last-owner), and deletes nothing', async () => {
    const owner = await signUpOrganization(t);
    const memberEmail = `member-${randomUUID()}@example.kr`;
    const invite = await t.gql(INVITE, { i: { organizationId: owner.organizationId, email: memberEmail } }, { token: owner.accessToken });
    const joined = await t.gql('mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }', {
      i: {
        email: memberEmail,
        password: TEST_PASSWORD,
        displayName: '구성원',
        invitationToken: invite.data!.inviteMember.token,
        consents: currentConsents(),
      },
    });
    expect(joined.errors).toBeUndefined();

    const res = await t.gql(DELETE, { p: TEST_PASSWORD }, { token: owner.accessToken });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'last-owner', organizationIds: owner.organizationId });
    expect(res.errors?.[0].message).toContain('소유권');
    expect((await t.gql('{ me { user { id } } }', {}, { token: owner.accessToken })).errors).toBeUndefined();
  });

  it('deletes a sole member: anonymised, signed out, messages read "탈퇴한 사용자", organization and listings stay, the address can register again', async () => {
    const me = await signUpOrganization(t, { kind: 'SME' as never });
    const other = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    const { conversationId, demandId } = await conversationWithMessages(me, other, 'before-i-left', 'hello');
    await ds.query(`INSERT INTO notifications (user_id, type, payload) VALUES ($1, 'BID_RECEIVED', '{}')`, [me.userId]);
    await ds.query(`INSERT INTO notification_preferences (user_id, type, email, in_app) VALUES ($1, 'BID_RECEIVED', false, true)`, [
      me.userId,
    ]);

    const res = await t.gql(DELETE, { p: TEST_PASSWORD }, { token: me.accessToken });
    expect(res.errors).toBeUndefined();
    expect(res.data!.deleteAccount).toBe(true);

    // Signed out everywhere: the access token and the refresh token stop working.
    expect((await t.gql('{ me { user { id } } }', {}, { token: me.accessToken })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const refreshed = await t.gql('mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }', { r: me.refreshToken });
    expect(refreshed.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    // The row stays, anonymised.
    const [row] = await ds.query<Record<string, unknown>[]>(
      `SELECT email, display_name, password_hash, platform_roles, deleted_at FROM users WHERE id = $1`,
      [me.userId],
    );
    expect(row).toMatchObject({ display_name: '', password_hash: null, platform_roles: [] });
    expect(row.email).toMatch(/@deleted\.invalid$/);
    expect(row.email).not.toContain(me.email.split('@')[0]);
    expect(row.deleted_at).not.toBeNull();
    expect(await count(`SELECT count(*)::int AS n FROM memberships WHERE user_id = $1`, [me.userId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1`, [me.userId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM notification_preferences WHERE user_id = $1`, [me.userId])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'account.deleted' AND subject_id = $1`, [me.userId])).toBe(
      1,
    );

    // The organization and its listings stay.
    expect(await count(`SELECT count(*)::int AS n FROM organizations WHERE id = $1`, [me.organizationId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM listings WHERE id = $1`, [demandId])).toBe(1);

    // The message stays; its author reads "탈퇴한 사용자" / "Deleted user".
    const ko = await t.gql(MESSAGES, { c: conversationId }, { token: other.accessToken });
    const mine = ko.data!.messages.edges.map((e: { node: unknown }) => e.node).find((n: { body: string }) => n.body === 'before-i-left');
    expect(mine).toMatchObject({ senderUserId: me.userId, senderName: '탈퇴한 사용자' });
    const theirs = ko.data!.messages.edges.map((e: { node: unknown }) => e.node).find((n: { body: string }) => n.body === 'hello');
    expect(theirs.senderName).not.toBe('탈퇴한 사용자');
    const en = await t.gql(MESSAGES, { c: conversationId }, { token: other.accessToken, locale: 'en' });
    expect(en.data!.messages.edges.map((e: { node: { senderName: string } }) => e.node.senderName)).toContain('Deleted user');

    // The old address signs in like an unknown one, and can register again.
    const signIn = await t.gql(SIGN_IN, { i: { email: me.email, password: TEST_PASSWORD } });
    expect(signIn.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    const unknown = await t.gql(SIGN_IN, { i: { email: `nobody-${randomUUID()}@example.kr`, password: TEST_PASSWORD } });
    expect(signIn.errors?.[0].message).toBe(unknown.errors?.[0].message);
    const again = await t.gql('mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }', {
      i: {
        email: me.email,
        password: TEST_PASSWORD,
        displayName: '다시 온 사람',
        organization: { kind: 'SME', nameKo: '새출발(주)', businessRegistrationNumber: validBrn() },
        consents: currentConsents(),
      },
    });
    expect(again.errors).toBeUndefined();

    // A second deletion with the dead token is simply unauthenticated.
    expect((await t.gql(DELETE, { p: TEST_PASSWORD }, { token: me.accessToken })).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
