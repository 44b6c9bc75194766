import { OrganizationKind } from '@aimatch/contracts';
import { businessRegistrationCheckDigit } from '@aimatch/validation';
import { randomInt } from 'node:crypto';
import { Clock } from '../../src/common/clock';
import { StaffAccountService } from '../../src/modules/identity/staff-account.service';
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

const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken me { user { id } memberships { organization { id } } } }
}`;

/** Signs up a user with a new organization through the public API (the path users take). */
export async function signUpOrganization(
  t: TestApp,
  overrides: { kind?: OrganizationKind; email?: string; nameKo?: string; regionId?: string; industryId?: string } = {},
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
    },
  });
  if (!res.data) throw new Error(`signUp failed: ${JSON.stringify(res.errors)}`);
  const p = res.data.signUp;
  return {
    email,
    password: TEST_PASSWORD,
    userId: p.me.user.id,
    organizationId: p.me.memberships[0].organization.id,
    accessToken: p.accessToken,
    refreshToken: p.refreshToken,
  };
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
