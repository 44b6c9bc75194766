import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  mailsTo,
  mailTo,
  settleOutbox,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { DataSource } from 'typeorm';

const INVITE = 'mutation($i: InviteMemberInput!) { inviteMember(input: $i) { id email role token createdAt } }';
const ACCEPT = 'mutation($t: String!) { acceptInvitation(token: $t) { role organization { id } } }';
const PREVIEW = 'query($t: String!) { invitationPreview(token: $t) { organizationId organizationNameKo email role } }';
const PENDING =
  'query($o: ID!, $after: String) { organizationInvitations(organizationId: $o, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id email token } } } }';
const REVOKE = 'mutation($id: ID!) { revokeInvitation(id: $id) { id } }';
const RESEND = 'mutation($id: ID!) { resendInvitation(id: $id) { id } }';
const REMOVE = 'mutation($o: ID!, $u: ID!) { removeMember(organizationId: $o, userId: $u) }';
const CHANGE = 'mutation($o: ID!, $u: ID!, $r: MembershipRole!) { changeMemberRole(organizationId: $o, userId: $u, role: $r) { role } }';
const TRANSFER =
  'mutation($o: ID!, $u: ID!, $k: Boolean) { transferOwnership(organizationId: $o, toUserId: $u, keepOwnership: $k) { role } }';
const LEAVE = 'mutation($o: ID!) { leaveOrganization(organizationId: $o) }';
const UPDATE_DEMAND =
  'mutation($id: ID!, $v: Int!) { updateDemandListing(id: $id, version: $v, input: { title: "수정된 제목" }) { id version } }';

type Res = Awaited<ReturnType<TestApp['gql']>>;
const code = (res: Res) => res.errors?.[0]?.extensions.code;
const rule = (res: Res) => res.errors?.[0]?.extensions.fields?.[0]?.rule;

describe('members and invitations', () => {
  let t: TestApp;
  let ds: DataSource;
  // Its own mail directory: account mails are named by outbox id, which every fresh database starts again at 1.
  const mailDir = mkdtempSync(joinPath(tmpdir(), 'aimatch-members-mail-'));
  beforeAll(async () => {
    t = await bootTestApp({ env: { MAIL_DIR: mailDir } });
    ds = t.app.get(DataSource);
  });
  afterAll(async () => {
    await t.close();
    rmSync(mailDir, { recursive: true, force: true });
  });

  /** A person (with an organization of their own) who joins `org` through a mailed invitation. */
  const join = async (owner: SignedUp, role: 'MEMBER' | 'OWNER' = 'MEMBER'): Promise<SignedUp> => {
    const person = await signUpOrganization(t);
    const before = mailsTo(t, person.email).length;
    const invite = await t.gql(
      INVITE,
      { i: { organizationId: owner.organizationId, email: person.email, role } },
      { token: owner.accessToken },
    );
    expect(invite.errors).toBeUndefined();
    const mail = await mailTo(t, person.email, { after: before });
    const token = new URL(mail.links.find((l) => l.includes('invitation='))!).searchParams.get('invitation')!;
    const accepted = await t.gql(ACCEPT, { t: token }, { token: person.accessToken });
    expect(accepted.data!.acceptInvitation.role).toBe(role);
    return person;
  };
  const roles = async (organizationId: string): Promise<Record<string, string>> => {
    const rows: Array<{ user_id: string; role: string }> = await ds.query(
      'SELECT user_id, role FROM memberships WHERE organization_id = $1',
      [organizationId],
    );
    return Object.fromEntries(rows.map((r) => [r.user_id, r.role]));
  };
  const audited = async (organizationId: string, action: string): Promise<Array<{ details: Record<string, unknown> }>> =>
    ds.query(`SELECT details FROM audit_log WHERE subject_type = 'organization' AND subject_id = $1 AND action = $2`, [
      organizationId,
      action,
    ]);

  describe('invitations', () => {
    it('mails the invitation naming the organization and the inviter, with a sign-up link that prefills the address', async () => {
      const owner = await signUpOrganization(t, { nameKo: '초대테스트기업' });
      const email = `invitee-${Date.now()}@example.kr`;
      const invite = await t.gql(INVITE, { i: { organizationId: owner.organizationId, email } }, { token: owner.accessToken });
      const copyToken = invite.data!.inviteMember.token as string;
      const mail = await mailTo(t, email, { match: /초대/ });
      expect(mail.subject).toContain('초대테스트기업');
      expect(mail.text).toContain('초대테스트기업');
      expect(mail.text).toMatch(/사용자 \d+님이/); // the inviter's display name
      const link = new URL(mail.links.find((l) => l.includes('/signup?'))!);
      expect(link.pathname).toBe('/signup');
      expect(link.searchParams.get('email')).toBe(email);
      // The mailed link and the copy link are the same secret.
      expect(link.searchParams.get('invitation')).toBe(copyToken);

      // The sign-up page learns the organization and the address from the token, and nobody learns it without.
      const preview = await t.gql(PREVIEW, { t: copyToken });
      expect(preview.data!.invitationPreview).toEqual({
        organizationId: owner.organizationId,
        organizationNameKo: '초대테스트기업',
        email,
        role: 'MEMBER',
      });
      const wrong = await t.gql(PREVIEW, { t: `${copyToken}x` });
      expect(wrong.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'token', rule: 'invitation-invalid' })]);

      // No raw token is stored: not in the invitation row, not in the outbox.
      const rows: Array<{ token_hash: string }> = await ds.query('SELECT token_hash FROM invitations WHERE id = $1', [
        invite.data!.inviteMember.id,
      ]);
      expect(rows[0].token_hash).not.toBe(copyToken);
      const leaks = await ds.query(`SELECT id FROM outbox WHERE payload::text LIKE '%' || $1 || '%'`, [copyToken]);
      expect(leaks).toEqual([]);
    });

    it('mails an English invitation when the inviter uses English', async () => {
      const owner = await signUpOrganization(t, { nameKo: '영문초대기업' });
      await t.gql('mutation { updateMe(input: { locale: EN }) { user { locale } } }', {}, { token: owner.accessToken });
      const email = `invitee-en-${Date.now()}@example.kr`;
      await t.gql(INVITE, { i: { organizationId: owner.organizationId, email } }, { token: owner.accessToken, locale: 'en' });
      const mail = await mailTo(t, email);
      expect(mail.subject).toMatch(/invited you/);
    });

    it('lists pending invitations for owners by cursor; revoking ends the link; resending mails it again, rate-limited', async () => {
      const owner = await signUpOrganization(t);
      const ids: string[] = [];
      const emails = [1, 2, 3].map((n) => `pending-${n}-${Date.now()}@example.kr`);
      for (const email of emails) {
        ids.push(
          (await t.gql(INVITE, { i: { organizationId: owner.organizationId, email } }, { token: owner.accessToken })).data!.inviteMember.id,
        );
      }
      const p1 = (await t.gql(PENDING, { o: owner.organizationId }, { token: owner.accessToken })).data!.organizationInvitations;
      expect(p1.totalCount).toBe(3);
      expect(p1.pageInfo.hasNextPage).toBe(true);
      const p2 = (await t.gql(PENDING, { o: owner.organizationId, after: p1.pageInfo.endCursor }, { token: owner.accessToken })).data!
        .organizationInvitations;
      const listed = [...p1.edges, ...p2.edges].map((e: { node: { email: string; token: string | null } }) => e.node);
      expect(listed.map((n: { email: string }) => n.email)).toEqual(emails);
      expect(listed.every((n: { token: string | null }) => n.token === null)).toBe(true);

      // Revoke the first: its mailed link no longer works, and it leaves the list.
      const mail = await mailTo(t, emails[0]);
      const token = new URL(mail.links[0]).searchParams.get('invitation')!;
      expect((await t.gql(REVOKE, { id: ids[0] }, { token: owner.accessToken })).errors).toBeUndefined();
      expect(rule(await t.gql(PREVIEW, { t: token }))).toBe('invitation-invalid');
      const invitee = await signUpOrganization(t, { email: emails[0] });
      const accept = await t.gql(ACCEPT, { t: token }, { token: invitee.accessToken });
      expect(accept.errors![0].extensions.fields).toEqual([expect.objectContaining({ rule: 'invitation-invalid' })]);
      expect(
        (await t.gql(PENDING, { o: owner.organizationId }, { token: owner.accessToken })).data!.organizationInvitations.totalCount,
      ).toBe(2);
      expect(rule(await t.gql(REVOKE, { id: ids[0] }, { token: owner.accessToken }))).toBe('invitation-closed');
      expect((await audited(owner.organizationId, 'invitation.revoked')).length).toBe(1);
      expect(rule(await t.gql(RESEND, { id: ids[0] }, { token: owner.accessToken }))).toBe('invitation-closed');

      // Resend the second: a new mail with the same link; the fourth resend within the hour is refused.
      await mailTo(t, emails[1]);
      const first = mailsTo(t, emails[1]);
      expect((await t.gql(RESEND, { id: ids[1] }, { token: owner.accessToken })).errors).toBeUndefined();
      const again = await mailTo(t, emails[1], { after: first.length });
      expect(again.links[0]).toBe(first[0].links[0]);
      await t.gql(RESEND, { id: ids[1] }, { token: owner.accessToken });
      await t.gql(RESEND, { id: ids[1] }, { token: owner.accessToken });
      expect(code(await t.gql(RESEND, { id: ids[1] }, { token: owner.accessToken }))).toBe('RATE_LIMITED');
    });

    it('refuses the pending list, revoke and resend to members and other organizations', async () => {
      const owner = await signUpOrganization(t);
      const member = await join(owner);
      const other = await signUpOrganization(t);
      const id = (
        await t.gql(
          INVITE,
          { i: { organizationId: owner.organizationId, email: `x-${Date.now()}@example.kr` } },
          { token: owner.accessToken },
        )
      ).data!.inviteMember.id;
      for (const who of [member, other]) {
        expect(code(await t.gql(PENDING, { o: owner.organizationId }, { token: who.accessToken }))).toBe('FORBIDDEN');
        expect(code(await t.gql(REVOKE, { id }, { token: who.accessToken }))).toBe('FORBIDDEN');
        expect(code(await t.gql(RESEND, { id }, { token: who.accessToken }))).toBe('FORBIDDEN');
      }
      expect(code(await t.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' }, { token: owner.accessToken }))).toBe('FORBIDDEN');
    });
  });

  describe('member administration', () => {
    it('changes roles, audits the change and tells the member; members may not', async () => {
      const owner = await signUpOrganization(t);
      const member = await join(owner);
      expect(code(await t.gql(CHANGE, { o: owner.organizationId, u: owner.userId, r: 'MEMBER' }, { token: member.accessToken }))).toBe(
        'FORBIDDEN',
      );
      const res = await t.gql(CHANGE, { o: owner.organizationId, u: member.userId, r: 'OWNER' }, { token: owner.accessToken });
      expect(res.data!.changeMemberRole.role).toBe('OWNER');
      expect((await roles(owner.organizationId))[member.userId]).toBe('OWNER');
      const [entry] = await audited(owner.organizationId, 'membership.role-changed');
      expect(entry.details).toMatchObject({ userId: member.userId, before: 'MEMBER', after: 'OWNER' });
      const mail = await mailTo(t, member.email, { match: /역할/ });
      expect(mail.subject).toContain('소유자');
      expect(code(await t.gql(CHANGE, { o: owner.organizationId, u: member.userId, r: 'MEMBER' }, { token: other(owner) }))).toBe(
        'FORBIDDEN',
      );
      const stranger = await t.gql(
        CHANGE,
        { o: owner.organizationId, u: '00000000-0000-4000-8000-000000000000', r: 'MEMBER' },
        { token: owner.accessToken },
      );
      expect(stranger.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'userId', rule: 'not-a-member' })]);
    });

    it('the last owner can neither be demoted nor leave (CONFLICT last-owner, with a clear message)', async () => {
      const owner = await signUpOrganization(t);
      const member = await join(owner);
      const demote = await t.gql(CHANGE, { o: owner.organizationId, u: owner.userId, r: 'MEMBER' }, { token: owner.accessToken });
      expect(demote.errors![0].extensions.code).toBe('CONFLICT');
      expect(demote.errors![0].message).toContain('소유자');
      const leave = await t.gql(LEAVE, { o: owner.organizationId }, { token: owner.accessToken, locale: 'en' });
      expect(leave.errors![0].extensions.code).toBe('CONFLICT');
      expect(leave.errors![0].message).toMatch(/last owner/);
      expect(await roles(owner.organizationId)).toEqual({ [owner.userId]: 'OWNER', [member.userId]: 'MEMBER' });
      // Removing oneself is leaving, not removal.
      const self = await t.gql(REMOVE, { o: owner.organizationId, u: owner.userId }, { token: owner.accessToken });
      expect(self.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'userId', rule: 'not-yourself' })]);
    });

    it('two owners demoting each other at the same time leave exactly one owner', async () => {
      for (let round = 0; round < 3; round++) {
        const a = await signUpOrganization(t);
        const b = await join(a, 'OWNER');
        const [ab, ba] = await Promise.all([
          t.gql(CHANGE, { o: a.organizationId, u: b.userId, r: 'MEMBER' }, { token: a.accessToken }),
          t.gql(CHANGE, { o: a.organizationId, u: a.userId, r: 'MEMBER' }, { token: b.accessToken }),
        ]);
        const owners = Object.values(await roles(a.organizationId)).filter((r) => r === 'OWNER');
        expect(owners).toHaveLength(1);
        expect([ab, ba].filter((r) => r.errors).map((r) => code(r))).toEqual([expect.stringMatching(/^(FORBIDDEN|CONFLICT)$/)]);
      }
    });

    it('two owners removing each other at the same time leave exactly one owner', async () => {
      const a = await signUpOrganization(t);
      const b = await join(a, 'OWNER');
      const [ab, ba] = await Promise.all([
        t.gql(REMOVE, { o: a.organizationId, u: b.userId }, { token: a.accessToken }),
        t.gql(REMOVE, { o: a.organizationId, u: a.userId }, { token: b.accessToken }),
      ]);
      expect(Object.values(await roles(a.organizationId))).toEqual(['OWNER']);
      expect([ab, ba].filter((r) => r.errors)).toHaveLength(1);
    });

    it('a removed member loses access at once and is told', async () => {
      const owner = await signUpOrganization(t, { nameKo: '제외테스트기업' });
      const member = await join(owner);
      const demand = await createDemand(t, { ...member, organizationId: owner.organizationId });
      const edited = await t.gql(UPDATE_DEMAND, { id: demand.id, v: demand.version }, { token: member.accessToken });
      expect(edited.errors).toBeUndefined();
      expect(code(await t.gql(REMOVE, { o: owner.organizationId, u: owner.userId }, { token: member.accessToken }))).toBe('FORBIDDEN');

      expect((await t.gql(REMOVE, { o: owner.organizationId, u: member.userId }, { token: owner.accessToken })).data!.removeMember).toBe(
        true,
      );
      // The same access token, the very next request.
      const after = await t.gql(
        UPDATE_DEMAND,
        { id: demand.id, v: edited.data!.updateDemandListing.version },
        { token: member.accessToken },
      );
      // Their draft is now hidden from them like from any outsider, and they cannot act for the organization.
      expect(code(after)).toBe('NOT_FOUND');
      const create = await t.gql(
        'mutation($o: ID!) { createDemandListing(organizationId: $o, input: { title: "제외 후 작성" }) { id } }',
        { o: owner.organizationId },
        { token: member.accessToken },
      );
      expect(code(create)).toBe('FORBIDDEN');
      expect(code(await t.gql(CHANGE, { o: owner.organizationId, u: owner.userId, r: 'OWNER' }, { token: member.accessToken }))).toBe(
        'FORBIDDEN',
      );
      expect(await roles(owner.organizationId)).toEqual({ [owner.userId]: 'OWNER' });
      expect((await audited(owner.organizationId, 'membership.removed'))[0].details).toMatchObject({
        userId: member.userId,
        role: 'MEMBER',
      });
      const mail = await mailTo(t, member.email, { match: /제외/ });
      expect(mail.subject).toContain('제외테스트기업');
    });

    it('transfers ownership: the target becomes owner, the caller a member unless they keep ownership', async () => {
      const owner = await signUpOrganization(t);
      const m1 = await join(owner);
      const m2 = await join(owner);
      const keep = await t.gql(TRANSFER, { o: owner.organizationId, u: m1.userId, k: true }, { token: owner.accessToken });
      expect(keep.data!.transferOwnership.role).toBe('OWNER');
      expect(await roles(owner.organizationId)).toMatchObject({ [owner.userId]: 'OWNER', [m1.userId]: 'OWNER', [m2.userId]: 'MEMBER' });
      const hand = await t.gql(TRANSFER, { o: owner.organizationId, u: m2.userId }, { token: owner.accessToken });
      expect(hand.data!.transferOwnership.role).toBe('OWNER');
      expect(await roles(owner.organizationId)).toMatchObject({ [owner.userId]: 'MEMBER', [m1.userId]: 'OWNER', [m2.userId]: 'OWNER' });
      expect(code(await t.gql(TRANSFER, { o: owner.organizationId, u: m1.userId }, { token: owner.accessToken }))).toBe('FORBIDDEN');
      expect((await audited(owner.organizationId, 'membership.ownership-transferred')).length).toBe(2);
      await mailTo(t, m2.email, { match: /소유자가 되었습니다/ });
      await settleOutbox(t);
    });

    it('a member leaves; the leave is audited', async () => {
      const owner = await signUpOrganization(t);
      const member = await join(owner);
      expect((await t.gql(LEAVE, { o: owner.organizationId }, { token: member.accessToken })).data!.leaveOrganization).toBe(true);
      expect(await roles(owner.organizationId)).toEqual({ [owner.userId]: 'OWNER' });
      expect((await audited(owner.organizationId, 'membership.left')).length).toBe(1);
      const ended = await ds.query(`SELECT payload FROM outbox WHERE event_type = 'membership.ended' AND aggregate_id = $1`, [
        owner.organizationId,
      ]);
      expect(ended.map((r: { payload: unknown }) => r.payload)).toEqual([
        { organizationId: owner.organizationId, userId: member.userId, reason: 'left' },
      ]);
      expect(code(await t.gql(LEAVE, { o: owner.organizationId }, { token: member.accessToken }))).toBe('FORBIDDEN');
    });
  });

  /** Another organization's owner's token (for "other org" checks). */
  let outsider: SignedUp | undefined;
  const other = (_: SignedUp) => outsider!.accessToken;
  beforeAll(async () => {
    outsider = await signUpOrganization(t);
  });
});
