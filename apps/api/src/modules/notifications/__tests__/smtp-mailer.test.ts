import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createSupply,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';

interface Received {
  mailFrom: string;
  rcptTo: string[];
  raw: string;
}

/** Decodes RFC 2047 `=?UTF-8?B?…?=` words (folded over lines) of a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\r\n[ \t]+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

function header(raw: string, name: string): string | undefined {
  const head = raw.split('\r\n\r\n')[0];
  return new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(head)?.[1];
}

/** The outbox mailer over SMTP: a real SMTP server on loopback receives the notification e-mails. */
describe('notifications by SMTP', () => {
  let t: TestApp;
  let ds: DataSource;
  let server: SMTPServer;
  let supplier: SignedUp;
  let staff: { accessToken: string };
  const received: Received[] = [];
  let refuseRecipients = false;

  const rejectedListing = async (reason: string) => {
    const draft = await createSupply(t, supplier);
    const submitted = (await transition(t, 'submitListing', draft, supplier.accessToken)).data!.submitListing;
    expect((await transition(t, 'rejectListing', submitted, staff.accessToken, `, reason: "${reason}"`)).data).toBeTruthy();
    const [row] = await ds.query(
      `SELECT n.id FROM notifications n WHERE n.user_id = $1 AND n.type = 'LISTING_REJECTED' AND n.payload->>'listingId' = $2`,
      [supplier.userId, draft.id],
    );
    return { listingId: draft.id, notificationId: row.id as string };
  };

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refuseRecipients) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 450 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    t = await bootTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'aimatch 알림 <no-reply@aimatch.example>' } });
    ds = t.app.get(DataSource);
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('sends the notification through SMTP_URL with the envelope, UTF-8 headers and the Korean body intact', async () => {
    const { listingId, notificationId } = await rejectedListing('연락처가 없습니다');
    await settleOutbox(t);

    const mine = received.filter((m) => m.raw.includes(`Message-ID: <${notificationId}@aimatch.example>`));
    expect(mine).toHaveLength(1);
    const [mail] = mine;
    expect(mail.mailFrom).toBe('no-reply@aimatch.example');
    expect(mail.rcptTo).toEqual([supplier.email]);
    expect(mail.raw.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n\t]*$/); // headers are 7-bit ASCII
    expect(header(mail.raw, 'To')).toContain(`<${supplier.email}>`);
    expect(decodeHeader(header(mail.raw, 'From')!)).toBe('aimatch 알림 <no-reply@aimatch.example>');
    const subject = header(mail.raw, 'Subject')!;
    expect(subject).toMatch(/^=\?UTF-8\?B\?/); // encoded words, never raw 8-bit in a header
    expect(decodeHeader(subject)).toMatch(/^\[aimatch\] .*반려/);
    expect(header(mail.raw, 'Content-Type')).toBe('text/plain; charset=UTF-8');
    expect(header(mail.raw, 'Content-Transfer-Encoding')).toBe('base64');
    const body = Buffer.from(mail.raw.split('\r\n\r\n')[1].replace(/\r\n/g, ''), 'base64').toString('utf8');
    expect(body).toContain('반려');
    expect(body).toContain('연락처가 없습니다');
    expect(body).toContain(`/listings/${listingId}`);

    const [{ emailed }] = await ds.query('SELECT emailed_at IS NOT NULL AS emailed FROM notifications WHERE id = $1', [notificationId]);
    expect(emailed).toBe(true);
  });

  it('throws on a refused delivery so the outbox retries the event, then delivers it once', async () => {
    refuseRecipients = true;
    const { notificationId } = await rejectedListing('사업자 정보 불일치');
    await settleOutbox(t); // the failed event waits for its back-off
    const pending = () =>
      ds.query(
        `SELECT attempts, last_error AS "lastError", processed_at AS "processedAt", parked_at AS "parkedAt" FROM outbox WHERE event_type = 'notification.email' AND payload->>'notificationId' = $1`,
        [notificationId],
      );
    const [failed] = await pending();
    expect(failed).toMatchObject({ attempts: 1, processedAt: null, parkedAt: null });
    expect(failed.lastError).toMatch(/450|mailbox unavailable/);
    expect((await ds.query('SELECT emailed_at FROM notifications WHERE id = $1', [notificationId]))[0].emailed_at).toBeNull();
    expect(received.some((m) => m.raw.includes(notificationId))).toBe(false);

    refuseRecipients = false;
    await ds.query(`UPDATE outbox SET available_at = now() WHERE event_type = 'notification.email' AND payload->>'notificationId' = $1`, [
      notificationId,
    ]);
    await settleOutbox(t);
    const [done] = await pending();
    expect(done.processedAt).not.toBeNull();
    expect(done.attempts).toBe(2);
    expect(received.filter((m) => m.raw.includes(`Message-ID: <${notificationId}@`))).toHaveLength(1);
    expect((await ds.query('SELECT emailed_at FROM notifications WHERE id = $1', [notificationId]))[0].emailed_at).not.toBeNull();
  });
});
