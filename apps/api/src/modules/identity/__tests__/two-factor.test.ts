import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, createStaff, signInStaff, signUpOrganization, totpCode, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { StaffAccountService } from '../staff-account.service';

const SIGN_IN =
  'mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken me { twoFactor { required enrolled recoveryCodesLeft } } } }';
const REFRESH = 'mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }';
/** A staff-only query: answers for a session that passed the second factor, FORBIDDEN otherwise. */
const STAFF_ONLY = '{ auditLog(first: 1) { totalCount } }';
const ME = '{ me { user { platformRoles } twoFactor { required enrolled recoveryCodesLeft } } }';

/** Staff two-factor sign-in (#13 "What to build" 6): TOTP + recovery codes; staff roles only in sessions that passed it. */
describe('staff two-factor', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const code = (res: { errors?: Array<{ extensions: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;
  const audit = async (action: string, userId: string) =>
    (await ds.query('SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND subject_id = $2', [action, userId]))[0].n as number;
  const newStaff = async (admin = false) => {
    const email = `tf-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@aimatch.or.kr`;
    const { password } = await t.app.get(StaffAccountService).createOrPromote({ email, admin });
    return { email, password: password! };
  };

  it('an un-enrolled staff member signs in as an ordinary user, enrols (QR, secret, code) and the same session becomes staff', async () => {
    const { email, password } = await newStaff();
    const signedIn = await t.gql(SIGN_IN, { i: { email, password } });
    expect(signedIn.data!.signIn.me.twoFactor).toEqual({ required: true, enrolled: false, recoveryCodesLeft: 0 });
    const token = signedIn.data!.signIn.accessToken as string;
    expect(code(await t.gql(STAFF_ONLY, {}, { token }))!.code).toBe('FORBIDDEN');

    const begun = await t.gql('mutation { beginTwoFactorEnrollment { otpauthUri qrSvg secret } }', {}, { token });
    const { otpauthUri, qrSvg, secret } = begun.data!.beginTwoFactorEnrollment;
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/aimatch:.+\?.*secret=[A-Z2-7]+/);
    expect(otpauthUri).toContain('digits=6');
    expect(otpauthUri).toContain('period=30');
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    // Stored encrypted: the database does not hold the secret itself.
    const [row] = await ds.query(
      `SELECT secret_ciphertext AS c FROM user_two_factor f JOIN users u ON u.id = f.user_id WHERE u.email = $1`,
      [email],
    );
    expect(row.c).not.toContain(secret);
    expect(row.c).toMatch(/^v1\./);

    const wrong = await t.gql('mutation { confirmTwoFactorEnrollment(code: "123456") }', {}, { token });
    expect(wrong.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'code', rule: 'two-factor-code' })]);
    const confirmed = await t.gql(
      'mutation($c: String!) { confirmTwoFactorEnrollment(code: $c) }',
      { c: await totpCode(t, secret) },
      { token },
    );
    const codes: string[] = confirmed.data!.confirmTwoFactorEnrollment;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await t.gql(STAFF_ONLY, {}, { token })).errors).toBeUndefined();
    expect((await t.gql(ME, {}, { token })).data!.me.twoFactor).toEqual({ required: true, enrolled: true, recoveryCodesLeft: 10 });
    const userId = (await ds.query('SELECT id FROM users WHERE email = $1', [email]))[0].id;
    expect(await audit('staff.two-factor.enabled', userId)).toBe(1);
    // Once enrolled, enrolment cannot be restarted (that would let a stolen session replace the authenticator).
    expect(code(await t.gql('mutation { beginTwoFactorEnrollment { secret } }', {}, { token }))!.code).toBe('CONFLICT');
  });

  it('an enrolled staff member needs the code at sign-in; a code works once; the session stays verified across refreshes', async () => {
    const staff = await createStaff(t);
    const without = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password } });
    expect(code(without)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'two-factor-required' });
    expect(without.errors![0].message).toBe('인증 앱의 6자리 코드(또는 복구 코드)를 입력해 주세요.');
    const wrong = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, totpCode: '000000' } });
    expect(code(wrong)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'two-factor-invalid' });
    // A wrong password with a code is still just a wrong password.
    const badPassword = await t.gql(SIGN_IN, { i: { email: staff.email, password: 'not-the-password-1', totpCode: '000000' } });
    expect(code(badPassword)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(code(badPassword)!.reason).toBeUndefined();

    const totp = await totpCode(t, staff.totpSecret);
    const ok = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, totpCode: totp } });
    expect(ok.errors).toBeUndefined();
    expect((await t.gql(STAFF_ONLY, {}, { token: ok.data!.signIn.accessToken })).errors).toBeUndefined();
    const replay = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, totpCode: totp } });
    expect(code(replay)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'two-factor-invalid' });

    const refreshed = await t.gql(REFRESH, { r: ok.data!.signIn.refreshToken });
    expect((await t.gql(STAFF_ONLY, {}, { token: refreshed.data!.refreshSession.accessToken })).errors).toBeUndefined();
  });

  it('a recovery code signs in once (audited); regenerating codes needs a current code and retires the old ones', async () => {
    const staff = await createStaff(t);
    const [first, second] = staff.recoveryCodes;
    const viaRecovery = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, recoveryCode: first.toUpperCase() } });
    expect(viaRecovery.errors).toBeUndefined();
    expect(viaRecovery.data!.signIn.me.twoFactor.recoveryCodesLeft).toBe(9);
    const token = viaRecovery.data!.signIn.accessToken as string;
    expect((await t.gql(STAFF_ONLY, {}, { token })).errors).toBeUndefined();
    expect(await audit('staff.two-factor.recovery-code-used', staff.userId)).toBe(1);
    const again = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, recoveryCode: first } });
    expect(code(again)!.reason).toBe('two-factor-invalid');

    expect(code(await t.gql('mutation { regenerateRecoveryCodes(code: "000000") }', {}, { token }))!.code).toBe('BAD_USER_INPUT');
    const regenerated = await t.gql(
      'mutation($c: String!) { regenerateRecoveryCodes(code: $c) }',
      { c: await totpCode(t, staff.totpSecret) },
      { token },
    );
    expect(regenerated.data!.regenerateRecoveryCodes).toHaveLength(10);
    expect(await audit('staff.two-factor.recovery-codes-regenerated', staff.userId)).toBe(1);
    const old = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, recoveryCode: second } });
    expect(code(old)!.reason).toBe('two-factor-invalid');
    const fresh = await t.gql(SIGN_IN, {
      i: { email: staff.email, password: staff.password, recoveryCode: regenerated.data!.regenerateRecoveryCodes[0] },
    });
    expect(fresh.errors).toBeUndefined();
  });

  it('wrong codes spend the sign-in failure budget: past it the next attempt waits (#13 M4)', async () => {
    const staff = await createStaff(t);
    const clock = t.app.get(Clock);
    const real = clock.now.bind(clock);
    const at = Date.now();
    clock.now = () => new Date(at);
    try {
      for (let i = 0; i < 10; i++) {
        const res = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, totpCode: String(100000 + i) } });
        expect(code(res)!.reason).toBe('two-factor-invalid');
      }
      const code11 = await totpCode(t, staff.totpSecret);
      const limited = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password, totpCode: code11 } });
      expect(code(limited)).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
    } finally {
      clock.now = real;
    }
  });

  it('an admin resets a lost authenticator (audited): the staff member is an ordinary user until they enrol again', async () => {
    const admin = await signInStaff(t, { admin: true });
    const staff = await signInStaff(t);
    const stranger = await signUpOrganization(t);
    expect(
      code(await t.gql('mutation($u: ID!) { resetTwoFactor(userId: $u) }', { u: staff.userId }, { token: staff.accessToken }))!.code,
    ).toBe('FORBIDDEN');
    expect(
      code(await t.gql('mutation($u: ID!) { resetTwoFactor(userId: $u) }', { u: staff.userId }, { token: stranger.accessToken }))!.code,
    ).toBe('FORBIDDEN');
    const reset = await t.gql('mutation($u: ID!) { resetTwoFactor(userId: $u) }', { u: staff.userId }, { token: admin.accessToken });
    expect(reset.data!.resetTwoFactor).toBe(true);
    expect(await audit('staff.two-factor.reset', staff.userId)).toBe(1);
    // Their sessions lost the second-factor mark, and sign-in asks for no code until they enrol again.
    expect(code(await t.gql(STAFF_ONLY, {}, { token: staff.accessToken }))!.code).toBe('FORBIDDEN');
    const signedIn = await t.gql(SIGN_IN, { i: { email: staff.email, password: staff.password } });
    expect(signedIn.data!.signIn.me.twoFactor).toMatchObject({ required: true, enrolled: false });
    expect(code(await t.gql(STAFF_ONLY, {}, { token: signedIn.data!.signIn.accessToken }))!.code).toBe('FORBIDDEN');
  });

  it('ordinary users have no second factor and cannot enrol', async () => {
    const user = await signUpOrganization(t);
    expect((await t.gql(ME, {}, { token: user.accessToken })).data!.me.twoFactor).toEqual({
      required: false,
      enrolled: false,
      recoveryCodesLeft: 0,
    });
    expect(code(await t.gql('mutation { beginTwoFactorEnrollment { secret } }', {}, { token: user.accessToken }))!.code).toBe('FORBIDDEN');
  });
});
