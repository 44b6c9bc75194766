import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, mailsTo, mailTo, settleOutbox, signUpOrganization, type TestApp, TEST_PASSWORD } from '@aimatch/api-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

const REQUEST = 'mutation($e: String!) { requestPasswordReset(email: $e) }';
const RESET = 'mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }';
const CHANGE = 'mutation($c: String!, $p: String!) { changePassword(currentPassword: $c, newPassword: $p) }';
const SIGN_IN = 'mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }';
const ME = '{ me { user { id } } }';
const NEW_PASSWORD = 'Saebyeok-Haneul-7429!';

/** #13 "What to build" 2: password reset by a mailed one-time link, and password change; both end sessions. */
describe('passwords', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Its own mail directory: outbox ids (hence .eml names) restart with every test database.
    t = await bootTestApp({ env: { MAIL_DIR: mkdtempSync(join(tmpdir(), 'aimatch-passwords-mail-')) } });
  });
  afterAll(() => t.close());

  const fields = (res: { errors?: Array<{ extensions: Record<string, unknown> }> }) =>
    (res.errors?.[0]?.extensions.fields as Array<{ path: string; rule: string; message: string }> | undefined) ?? [];
  const signIn = async (email: string, password: string) =>
    (await t.gql(SIGN_IN, { i: { email, password } })).data?.signIn as { accessToken: string; refreshToken: string } | undefined;

  it('answers a reset request the same for an unknown address, and mails nothing there', async () => {
    const nobody = `nobody-${Date.now()}@example.kr`;
    const res = await t.gql(REQUEST, { e: nobody });
    expect(res.data).toEqual({ requestPasswordReset: true });
    await settleOutbox(t);
    expect(mailsTo(t, nobody)).toEqual([]);
  });

  it('resets the password with the mailed link: old password and every session end, the link works once, a notice is mailed', async () => {
    const u = await signUpOrganization(t);
    const other = await signIn(u.email, TEST_PASSWORD);
    // The address is not verified yet; the reset link proves it.
    await t.app.get(DataSource).query('UPDATE users SET email_verified_at = NULL WHERE id = $1', [u.userId]);
    expect((await t.gql(REQUEST, { e: u.email.toUpperCase() })).data).toEqual({ requestPasswordReset: true });
    const mail = await mailTo(t, u.email, { match: /비밀번호 재설정/ });
    expect(mail.links[0]).toContain('/reset-password?token=');
    expect(mail.token).toEqual(expect.any(String));

    // A refused new password leaves the link usable.
    const weak = await t.gql(RESET, { t: mail.token, p: 'short' });
    expect(fields(weak)).toEqual([expect.objectContaining({ path: 'newPassword', rule: 'password-length' })]);

    expect((await t.gql(RESET, { t: mail.token, p: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    expect(await signIn(u.email, TEST_PASSWORD)).toBeUndefined();
    expect(await signIn(u.email, NEW_PASSWORD)).toEqual(expect.objectContaining({ accessToken: expect.any(String) }));
    // Every session that existed is gone: access tokens and refresh tokens alike.
    for (const session of [u, other!]) {
      expect((await t.gql(ME, {}, { token: session.accessToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(REFRESH, { r: session.refreshToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const [{ verified }] = await t.app
      .get(DataSource)
      .query('SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1', [u.userId]);
    expect(verified).toBe(true);

    // Once only.
    const again = await t.gql(RESET, { t: mail.token, p: 'Another-Long-Passphrase-88' });
    expect(fields(again)).toEqual([expect.objectContaining({ path: 'token', rule: 'invalid-or-expired' })]);
    expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const notice = await mailTo(t, u.email, { match: /비밀번호가 변경되었습니다/ });
    expect(notice.text).toContain('본인이 아니면');
  });

  it('retires older reset links when one is used, and refuses unknown tokens', async () => {
    const u = await signUpOrganization(t);
    await t.gql(REQUEST, { e: u.email });
    const first = await mailTo(t, u.email, { match: /비밀번호 재설정/ });
    await t.gql(REQUEST, { e: u.email });
    const second = await mailTo(t, u.email, { match: /비밀번호 재설정/, after: 1 });
    expect(second.token).not.toBe(first.token);
    expect((await t.gql(RESET, { t: second.token, p: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    expect(fields(await t.gql(RESET, { t: first.token, p: NEW_PASSWORD }))[0]).toMatchObject({ path: 'token', rule: 'invalid-or-expired' });
    expect(fields(await t.gql(RESET, { t: 'x'.repeat(43), p: NEW_PASSWORD }))[0]).toMatchObject({
      path: 'token',
      rule: 'invalid-or-expired',
    });
  });

  it('limits reset requests per address, for registered and unknown addresses alike', async () => {
    const u = await signUpOrganization(t);
    const nobody = `nobody-limit-${Date.now()}@example.kr`;
    for (const email of [u.email, nobody]) {
      const codes: string[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.gql(REQUEST, { e: email })).errors?.[0]?.extensions.code ?? 'OK');
      expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    }
  });

  it('changes the password: the current one must be right, the new one valid and different; other sessions end, this one stays', async () => {
    const u = await signUpOrganization(t);
    const other = await signIn(u.email, TEST_PASSWORD);
    const wrong = await t.gql(CHANGE, { c: 'not-my-password-1', p: NEW_PASSWORD }, { token: u.accessToken });
    expect(wrong.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fields(wrong)).toEqual([expect.objectContaining({ path: 'currentPassword', rule: 'password-incorrect' })]);
    const same = await t.gql(CHANGE, { c: TEST_PASSWORD, p: TEST_PASSWORD }, { token: u.accessToken });
    expect(fields(same)).toEqual([expect.objectContaining({ path: 'newPassword', rule: 'same-as-current' })]);
    const weak = await t.gql(CHANGE, { c: TEST_PASSWORD, p: 'password123' }, { token: u.accessToken });
    expect(fields(weak)[0]).toMatchObject({ path: 'newPassword' });

    expect((await t.gql(CHANGE, { c: TEST_PASSWORD, p: NEW_PASSWORD }, { token: u.accessToken })).data).toEqual({ changePassword: true });
    expect((await t.gql(ME, {}, { token: u.accessToken })).data!.me.user.id).toBe(u.userId);
    expect((await t.gql(ME, {}, { token: other!.accessToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { r: other!.refreshToken })).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(REFRESH, { r: u.refreshToken })).data!.refreshSession.accessToken).toEqual(expect.any(String));
    expect(await signIn(u.email, NEW_PASSWORD)).toBeDefined();
    expect((await mailTo(t, u.email, { match: /비밀번호가 변경되었습니다/ })).text).toContain('본인이 아니면');
  });

  it('counts wrong current passwords as failed sign-ins, so a stolen session cannot guess the password', async () => {
    const u = await signUpOrganization(t);
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) {
      codes.push((await t.gql(CHANGE, { c: `guess-number-${i}`, p: NEW_PASSWORD }, { token: u.accessToken })).errors![0].extensions.code);
    }
    expect(codes.slice(0, 10).every((c) => c === 'BAD_USER_INPUT')).toBe(true);
    expect(codes[10]).toBe('RATE_LIMITED');
    // Even the right one now waits.
    const right = await t.gql(CHANGE, { c: TEST_PASSWORD, p: NEW_PASSWORD }, { token: u.accessToken });
    expect(right.errors![0].extensions.code).toBe('RATE_LIMITED');
  });
});
