import { OrganizationKind } from '@aimatch/contracts';
import { businessRegistrationCheckDigit } from '@aimatch/validation';
import { randomInt } from 'node:crypto';
import { LEGAL_DOCUMENT_KINDS, LEGAL_DOCUMENTS } from '../../src/modules/identity/legal-documents';
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

/**
 * The consents a sign-up gives: the current version of every required document (what the sign-up form's
 * 필수 boxes send), plus the optional ones with `{ optional: true }`. Sign-up refuses without the required ones.
 */
export function currentConsents(options: { optional?: boolean } = {}): { kind: string; version: string }[] {
  return LEGAL_DOCUMENT_KINDS.map((kind) => LEGAL_DOCUMENTS.filter((d) => d.kind === kind).at(-1)!)
    .filter((d) => d.required || options.optional)
    .map(({ kind, version }) => ({ kind, version }));
}

const SIGN_UP = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken me { user { id } memberships { organization { id } } } }
}`;

/** Signs up a user with a new organization through the public API (the path users take). */
export async function signUpOrganization(
  t: TestApp,
  overrides: {
    kind?: OrganizationKind;
    email?: string;
    nameKo?: string;
    regionId?: string;
    industryId?: string;
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

/** A staff user (made the way the association does: the CLI's service), signed in. */
export async function signInStaff(t: TestApp): Promise<{ email: string; accessToken: string; userId: string }> {
  const email = `staff${++counter}-${randomInt(1e9)}@aimatch.or.kr`;
  const { password } = await t.app.get(StaffAccountService).createOrPromote({ email, admin: false });
  const res = await t.gql(`mutation($i: SignInInput!) { signIn(input: $i) { accessToken me { user { id } } } }`, {
    i: { email, password },
  });
  if (!res.data) throw new Error(`staff signIn failed: ${JSON.stringify(res.errors)}`);
  return { email, accessToken: res.data.signIn.accessToken, userId: res.data.signIn.me.user.id };
}
