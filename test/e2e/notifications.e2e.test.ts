import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClientToServerEvents, NotificationPayload, ServerToClientEvents } from '@aimatch/contracts';
import {
  bootTestApp,
  createDemand,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Live notifications on the client's one socket (default namespace), driven by the outbox after commit. */
describe('notifications over socket.io', () => {
  let t: TestApp;
  let sme: SignedUp;
  let other: SignedUp;
  let staff: { accessToken: string };
  const sockets: Client[] = [];

  const connect = async (token: string): Promise<Client> => {
    const s: Client = io(t.url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  };
  const collect = (s: Client) => {
    const got: NotificationPayload[] = [];
    s.on('notification', (n) => got.push(n));
    return got;
  };
  const until = async (check: () => boolean, timeoutMs = 5000) => {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    t = await bootTestApp({ listen: true, env: { MAIL_DIR: mkdtempSync(join(tmpdir(), 'aimatch-e2e-mail-')) } });
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    other = await signUpOrganization(t, { kind: 'SME' as never });
    staff = await signInStaff(t);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it("pushes a new notification to the recipient's sockets once, after commit, and to nobody else", async () => {
    const [tab1, tab2, stranger] = await Promise.all([connect(sme.accessToken), connect(sme.accessToken), connect(other.accessToken)]);
    const [got1, got2, gotStranger] = [collect(tab1), collect(tab2), collect(stranger)];

    const draft = await createDemand(t, sme, { title: '실시간 알림 확인용 수요' });
    const submitted = (await transition(t, 'submitListing', draft, sme.accessToken)).data!.submitListing;
    expect((await transition(t, 'approveListing', submitted, staff.accessToken)).data).toBeTruthy();

    await until(() => got1.length > 0 && got2.length > 0);
    expect(got1[0]).toMatchObject({
      id: expect.any(String),
      type: 'LISTING_APPROVED',
      link: { type: 'LISTING', id: submitted.id },
      payload: expect.objectContaining({ listingId: submitted.id, title: '실시간 알림 확인용 수요' }),
      unreadCount: 1,
      createdAt: expect.any(String),
    });
    expect(got2[0].id).toBe(got1[0].id);

    // The same outbox event handled again does not push again.
    const ds = t.app.get(DataSource);
    await ds.query(
      `INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ('user', $1, 'notification.created', $2)`,
      [sme.userId, JSON.stringify({ notificationId: got1[0].id, userId: sme.userId })],
    );
    await settleOutbox(t);
    await new Promise((r) => setTimeout(r, 200));
    expect(got1).toHaveLength(1);
    expect(got2).toHaveLength(1);
    expect(gotStranger).toHaveLength(0);

    // What the socket carried is what the query lists.
    const listed = await t.gql(
      '{ notifications(first: 1, unreadOnly: true) { edges { node { id type } } } }',
      {},
      { token: sme.accessToken },
    );
    expect(listed.data!.notifications.edges[0].node).toEqual({ id: got1[0].id, type: 'LISTING_APPROVED' });
  });
});
