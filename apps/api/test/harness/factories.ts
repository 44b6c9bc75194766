import { OrganizationKind } from '@aimatch/contracts';
import { businessRegistrationCheckDigit } from '@aimatch/validation';
import { randomInt } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { TransactionService } from '../../src/database/transaction.service';
import { AccountTokenService } from '../../src/modules/identity/account-token.service';
import { LEGAL_DOCUMENT_KINDS, LEGAL_DOCUMENTS } from '../../src/modules/identity/legal-documents';
import { StaffAccountService } from '../../src/modules/identity/staff-account.service';
import { mailTo } from './mail';
import type { TestApp } from './test-app';

let counter = 0;

/** A business registration number that passes the checksum and is unique within the run. */
export function validBrn(): string {
  const first9 = String(randomInt(100_000_000, 999_999_999));
  return first9 + businessRegistrationCheckDigit(first9);
}

/** A BRN whose check digit is wrong. */
export function invalidBrn(): string {
  const valid = validBrn();
  return valid.slice(0, 9) + ((Number(valid[9]) + 1) % 10);
}

export const TEST_PASSWORD = 'correct-horse-battery-9';

export interface SignedUp {
  email: string;
  password: string;
  userId: string;
  organizationId: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * The consents a sign-up gives: the current version of every required document (what the sign-up form's
 * 필수 boxes send), plus the optional ones with `{ optional: true }`. Sign-up refuses without the required ones.
 */
export function currentConsents(options: { optional?: boolean } = {}): { kind: string; version: string }[] {
  return LEGAL_DOCUMENT_KINDS.map((kind) => LEGAL_DOCUMENTS.filter((d) => d.kind === kind).at(-1)!)
    .filter((d) => d.required || options.optional)
    .map(({ kind, version }) => ({ kind, version }));
}

const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { email verificationSent } }`;
const VERIFY_EMAIL = `mutation VerifyEmail($token: String!) { verifyEmail(token: $token) { email verified } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) {
  signIn(input: $input) { accessToken refreshToken me { user { id } memberships { organization { id } } } }
}`;

/** The verification mail of a sign-up (subject in ko or en). */
export const VERIFICATION_MAIL = /이메일 주소를 인증|verify your e-mail/i;

/** Uses the link of the newest verification mail to `email` (as a person clicking it would). */
export async function verifyEmailFromMail(t: TestApp, email: string, options: { after?: number } = {}): Promise<void> {
  const mail = await mailTo(t, email, { match: VERIFICATION_MAIL, after: options.after });
  if (!mail.token) throw new Error(`the verification mail to ${email} has no link with a token:\n${mail.text}`);
  const res = await t.gql(VERIFY_EMAIL, { token: mail.token });
  if (!res.data) throw new Error(`verifyEmail failed: ${JSON.stringify(res.errors)}`);
}

/** Signs in through the public API; the session with the user's id and first organization. */
export async function signInAs(
  t: TestApp,
  email: string,
  password = TEST_PASSWORD,
): Promise<Omit<SignedUp, 'organizationId'> & { organizationId: string | null }> {
  const res = await t.gql(SIGN_IN, { input: { email, password } });
  if (!res.data) throw new Error(`signIn failed: ${JSON.stringify(res.errors)}`);
  const p = res.data.signIn;
  return {
    email,
    password,
    userId: p.me.user.id,
    organizationId: p.me.memberships[0]?.organization.id ?? null,
    accessToken: p.accessToken,
    refreshToken: p.refreshToken,
  };
}

/**
 * Signs up a user with a new organization through the public API (the path users take): sign
 * up, open the verification mail and use its link, then sign in. With `verified: false` the
 * link is left unused (the user can browse and draft, but not message, bid or submit).
 */
export async function signUpOrganization(
  t: TestApp,
  overrides: {
    kind?: OrganizationKind;
    email?: string;
    nameKo?: string;
    regionId?: string;
    industryId?: string;
    verified?: boolean;
    consents?: { kind: string; version: string }[];
  } = {},
): Promise<SignedUp> {
  const n = ++counter;
  const email = overrides.email ?? `user${n}-${randomInt(1e9)}@example.kr`;
  const res = await t.gql(SIGN_UP, {
    input: {
      email,
      password: TEST_PASSWORD,
      displayName: `사용자 ${n}`,
      organization: {
        kind: overrides.kind ?? OrganizationKind.SME,
        nameKo: overrides.nameKo ?? `테스트기업 ${n}`,
        businessRegistrationNumber: validBrn(),
        regionId: overrides.regionId ?? 'urn:aimatch:region:seoul',
        industryId: overrides.industryId,
      },
      consents: overrides.consents ?? currentConsents(),
    },
  });
  if (!res.data) throw new Error(`signUp failed: ${JSON.stringify(res.errors)}`);
  if (overrides.verified !== false) {
    if (t.config.SMTP_URL) await verifyEmailWithoutMailbox(t, email);
    else await verifyEmailFromMail(t, email);
  }
  const session = await signInAs(t, email);
  if (!session.organizationId) throw new Error(`${email} signed up without an organization`);
  return { ...session, organizationId: session.organizationId };
}

export interface StaffAccount {
  email: string;
  password: string;
  userId: string;
  /** The authenticator secret (base32): `totpCode(t, totpSecret)` for the next sign-in. */
  totpSecret: string;
  recoveryCodes: string[];
}

/**
 * A staff user (made the way the association does: the CLI's service) who set up two-factor sign-in
 * through the API at first sign-in, as the enrolment page does: their session passed the second factor.
 */
export async function signInStaff(
  t: TestApp,
  options: { admin?: boolean; email?: string } = {},
): Promise<StaffAccount & { accessToken: string; refreshToken: string }> {
  const email = options.email ?? `staff${++counter}-${randomInt(1e9)}@aimatch.or.kr`;
  const { password } = await t.app.get(StaffAccountService).createOrPromote({ email, admin: options.admin ?? false });
  const res = await t.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken refreshToken me { user { id } } } }`, {
    i: { email, password },
  });
  if (!res.data) throw new Error(`staff signIn failed: ${JSON.stringify(res.errors)}`);
  const { accessToken, refreshToken } = res.data.signIn;
  const { totpSecret, recoveryCodes } = await enrolTwoFactor(t, accessToken);
  return { email, password: password!, userId: res.data.signIn.me.user.id, accessToken, refreshToken, totpSecret, recoveryCodes };
}

/** A staff account, enrolled in two-factor sign-in, for signing in elsewhere (a browser: `signInPage(…, { totpSecret })`). */
export async function createStaff(t: TestApp, options: { admin?: boolean; email?: string } = {}): Promise<StaffAccount> {
  const { email, password, userId, totpSecret, recoveryCodes } = await signInStaff(t, options);
  return { email, password, userId, totpSecret, recoveryCodes };
}

/** Sets up two-factor sign-in for the signed-in staff member of `accessToken` (begin + confirm with a computed code). */
export async function enrolTwoFactor(t: TestApp, accessToken: string): Promise<{ totpSecret: string; recoveryCodes: string[] }> {
  const begun = await t.gql('mutation { beginTwoFactorEnrollment { secret } }', {}, { token: accessToken });
  if (!begun.data) throw new Error(`beginTwoFactorEnrollment failed: ${JSON.stringify(begun.errors)}`);
  const totpSecret: string = begun.data.beginTwoFactorEnrollment.secret;
  const confirmed = await t.gql(
    'mutation($c: String!) { confirmTwoFactorEnrollment(code: $c) }',
    { c: await totpCode(t, totpSecret) },
    { token: accessToken },
  );
  if (!confirmed.data) throw new Error(`confirmTwoFactorEnrollment failed: ${JSON.stringify(confirmed.errors)}`);
  return { totpSecret, recoveryCodes: confirmed.data.confirmTwoFactorEnrollment };
}

const lastTotpStep = new Map<string, number>();

/**
 * A TOTP code for `secret` that the app will accept now (its Clock decides): the current 30-second step's code,
 * or the next step's when this run already used the current one (a code works once; one step ahead is accepted).
 */
export async function totpCode(t: TestApp, secret: string): Promise<string> {
  const { Secret, TOTP } = await import('otpauth');
  const clock = t.app.get(Clock);
  let current = Math.floor(clock.now().getTime() / 30_000);
  let step = Math.max(current, (lastTotpStep.get(secret) ?? -1) + 1);
  // More than one step ahead would be refused: wait (poll) until the step comes.
  while (step > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    current = Math.floor(clock.now().getTime() / 30_000);
    step = Math.max(current, (lastTotpStep.get(secret) ?? -1) + 1);
  }
  lastTotpStep.set(secret, step);
  const totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
  return totp.generate({ timestamp: step * 30_000 });
}

/** With SMTP_URL the mail leaves the app and the harness cannot open it: it makes the link's token itself. */
async function verifyEmailWithoutMailbox(t: TestApp, email: string): Promise<void> {
  const [user] = await t.app
    .get(TransactionService)
    .run((tx) => tx.query<Array<{ id: string; email: string }>>('SELECT id, email FROM users WHERE lower(email) = lower($1)', [email]));
  const token = await t.app
    .get(TransactionService)
    .run((tx) => t.app.get(AccountTokenService).issue(tx, user.id, 'VERIFY_EMAIL', user.email, 3600));
  const res = await t.gql(VERIFY_EMAIL, { token });
  if (!res.data) throw new Error(`verifyEmail failed: ${JSON.stringify(res.errors)}`);
}
