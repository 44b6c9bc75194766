import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationType } from '@aimatch/contracts';
import {
  bootTestApp,
  createDemand,
  createSupply,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const LIST = `query($u: Boolean) { notifications(first: 20, unreadOnly: $u) { totalCount unreadCount edges { node { id type payload readAt link { type id } } } } }`;
const PREFS = 'mutation($p: [NotificationPreferenceInput!]!) { updateNotificationPreferences(preferences: $p) { type email inApp } }';

/** In-app notifications with links, unread filter, preferences and the outbox mailer's .eml files. */
describe('notifications', () => {
  let t: TestApp;
  let ds: DataSource;
  let mailDir: string;
  let sme: SignedUp;
  let supplier: SignedUp;
  let staff: { accessToken: string };

  const list = async (who: SignedUp, unreadOnly = false) =>
    (await t.gql(LIST, { u: unreadOnly }, { token: who.accessToken })).data!.notifications;
  const submitted = async (who: SignedUp, kind: 'demand' | 'supply') => {
    const draft = kind === 'demand' ? await createDemand(t, who) : await createSupply(t, who);
    return (await transition(t, 'submitListing', draft, who.accessToken)).data!.submitListing;
  };
  const mails = () => readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
  // Staff are mailed of every submission too (LISTING_SUBMITTED): preference checks count one recipient's mails.
  const mailsTo = (who: SignedUp) => mails().filter((f) => readFileSync(join(mailDir, f), 'utf8').includes(`<${who.email}>`));

  beforeAll(async () => {
    mailDir = mkdtempSync(join(tmpdir(), 'aimatch-mail-'));
    t = await bootTestApp({ env: { MAIL_DIR: mailDir } });
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
  });
  afterAll(() => t.close());

  it('notifies the owner when staff approve or reject a listing, with a link, and mails it as an .eml file', async () => {
    const demand = await submitted(sme, 'demand');
    expect((await transition(t, 'approveListing', demand, staff.accessToken)).data).toBeTruthy();
    const supply = await submitted(supplier, 'supply');
    expect((await transition(t, 'rejectListing', supply, staff.accessToken, ', reason: "연락처가 없습니다"')).data).toBeTruthy();
    await settleOutbox(t);

    const mine = await list(sme);
    expect(mine.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ type: 'LISTING_APPROVED', readAt: null, link: { type: 'LISTING', id: demand.id } }),
    );
    const theirs = (await list(supplier)).edges.map((e: any) => ({ ...e.node, payload: JSON.parse(e.node.payload) }));
    const rejected = theirs.find((n: any) => n.type === 'LISTING_REJECTED');
    expect(rejected).toMatchObject({
      link: { type: 'LISTING', id: supply.id },
      payload: { listingId: supply.id, reason: '연락처가 없습니다' },
    });

    const eml = readFileSync(join(mailDir, `${rejected.id}.eml`), 'utf8');
    expect(eml).toMatch(/^From: aimatch <no-reply@aimatch\.local>\r\n/);
    expect(eml).toContain(`<${supplier.email}>`);
    expect(eml).toMatch(/\r\nSubject: =\?UTF-8\?B\?/);
    expect(eml).toContain(`\r\nMessage-ID: <${rejected.id}@aimatch.local>\r\n`);
    expect(eml).toContain('Content-Type: text/plain; charset=UTF-8');
    const body = Buffer.from(eml.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toContain('반려');
    expect(body).toContain('연락처가 없습니다');
    expect(body).toContain(`/listings/${supply.id}`);

    // The e-mail event handled again (at-least-once delivery) leaves one message.
    const before = mails().length;
    await ds.query(`INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ('user', $1, 'notification.email', $2)`, [
      supplier.userId,
      JSON.stringify({ notificationId: rejected.id, userId: supplier.userId }),
    ]);
    await settleOutbox(t);
    expect(mails().length).toBe(before);
    const [{ emailed }] = await ds.query('SELECT emailed_at IS NOT NULL AS emailed FROM notifications WHERE id = $1', [rejected.id]);
    expect(emailed).toBe(true);
  });

  it('filters unread notifications and marks them read', async () => {
    const all = await list(sme);
    expect(all.unreadCount).toBeGreaterThan(0);
    const first = all.edges[0].node.id;
    expect(
      (await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }', { ids: [first] }, { token: sme.accessToken })).data!
        .markNotificationsRead,
    ).toBe(1);
    const unread = await list(sme, true);
    expect(unread.edges.map((e: any) => e.node.id)).not.toContain(first);
    expect(unread.totalCount).toBe(all.totalCount - 1);
    expect(unread.unreadCount).toBe(all.unreadCount - 1);
    expect((await t.gql('mutation { markNotificationsRead(ids: []) }', {}, { token: sme.accessToken })).data!.markNotificationsRead).toBe(
      unread.totalCount,
    );
    expect((await list(sme, true)).totalCount).toBe(0);
  });

  it('respects per-user preferences for in-app and e-mail', async () => {
    const prefs = await t.gql('{ notificationPreferences { type email inApp } }', {}, { token: sme.accessToken });
    expect(prefs.data!.notificationPreferences).toHaveLength(Object.keys(NotificationType).length);
    expect(prefs.data!.notificationPreferences).toContainEqual({ type: 'LISTING_APPROVED', email: true, inApp: true });

    const bad = await t.gql(
      PREFS,
      {
        p: [
          { type: 'LISTING_APPROVED', email: false, inApp: true },
          { type: 'NO_SUCH_TYPE', email: false, inApp: false },
        ],
      },
      { token: sme.accessToken },
    );
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'preferences.1.type', rule: 'enum' })],
    });
    const [{ n: none }] = await ds.query('SELECT count(*)::int AS n FROM notification_preferences');
    expect(none).toBe(0);

    // In-app only for approvals; neither for rejections.
    const set = await t.gql(
      PREFS,
      {
        p: [
          { type: 'LISTING_APPROVED', email: false, inApp: true },
          { type: 'LISTING_REJECTED', email: false, inApp: false },
        ],
      },
      { token: sme.accessToken },
    );
    expect(set.data!.updateNotificationPreferences).toContainEqual({ type: 'LISTING_APPROVED', email: false, inApp: true });
    const mailsBefore = mailsTo(sme).length;
    const approved = await submitted(sme, 'demand');
    await transition(t, 'approveListing', approved, staff.accessToken);
    const rejected = await submitted(sme, 'demand');
    await transition(t, 'rejectListing', rejected, staff.accessToken, ', reason: "중복 등록"');
    await settleOutbox(t);
    const nodes = (await list(sme)).edges.map((e: any) => e.node);
    expect(nodes).toContainEqual(expect.objectContaining({ type: 'LISTING_APPROVED', link: { type: 'LISTING', id: approved.id } }));
    expect(nodes.find((n: any) => n.link?.id === rejected.id)).toBeUndefined();
    expect(mailsTo(sme).length).toBe(mailsBefore);

    // E-mail only: a message but nothing in the list.
    await t.gql(PREFS, { p: [{ type: 'LISTING_APPROVED', email: true, inApp: false }] }, { token: sme.accessToken });
    const mailed = await submitted(sme, 'demand');
    await transition(t, 'approveListing', mailed, staff.accessToken);
    await settleOutbox(t);
    expect((await list(sme)).edges.map((e: any) => e.node.link?.id)).not.toContain(mailed.id);
    expect(mailsTo(sme).length).toBe(mailsBefore + 1);
  });

  it('notifies the owner when staff request changes (reason + comment count) and every staff user of a new submission', async () => {
    const staffBefore = (await list(staff as SignedUp)).edges.map((e: any) => e.node.id);
    const demand = await submitted(sme, 'demand');
    await settleOutbox(t);
    const staffNotes = (await list(staff as SignedUp)).edges
      .map((e: any) => ({ ...e.node, payload: JSON.parse(e.node.payload) }))
      .filter((n: any) => !staffBefore.includes(n.id) && n.type === NotificationType.LISTING_SUBMITTED);
    expect(staffNotes).toEqual([
      expect.objectContaining({ link: { type: 'LISTING', id: demand.id }, payload: expect.objectContaining({ listingId: demand.id }) }),
    ]);
    expect(staffNotes[0].payload.organizationName).toBeTruthy();

    const asked = await transition(
      t,
      'requestListingChanges',
      demand,
      staff.accessToken,
      ', reason: "연락처 기재", comments: [{ path: "title", comment: "전화번호를 빼 주세요" }, { path: "summary", comment: "과장 표현" }]',
    );
    expect(asked.errors).toBeUndefined();
    await settleOutbox(t);
    const note = (await list(sme)).edges
      .map((e: any) => ({ ...e.node, payload: JSON.parse(e.node.payload) }))
      .find((n: any) => n.type === NotificationType.LISTING_CHANGES_REQUESTED && n.link?.id === demand.id);
    expect(note).toMatchObject({ readAt: null, payload: { reason: '연락처 기재', commentCount: 2 } });
    const eml = readFileSync(join(mailDir, `${note.id}.eml`), 'utf8');
    const body = Buffer.from(eml.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toContain('수정 요청');
    expect(body).toContain('코멘트 2개');
    expect(body).toContain('연락처 기재');
  });
});
