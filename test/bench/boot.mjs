// What the measurement scripts share: loading the built API (`npm run build:api` first; the npm
// scripts do it) and running the app on a throw-away embedded PostgreSQL that is removed afterwards.
import { createRequire } from 'node:module';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const require = createRequire(resolve('package.json'));

/** A module of the build, by its path below dist/apps/api (e.g. `libs/matching/src/index.js`). */
export const dist = (path) => require(resolve('dist/apps/api', path));

/** A module of the API app, by its path below apps/api/src in the build. */
export const api = (path) => dist(`apps/api/src/${path}`);

/**
 * Boots the app (initialised, not listening) on a fresh embedded PostgreSQL with `env` over the
 * process environment and quiet logs, runs `work(app)`, then closes everything and deletes the data.
 */
export async function withThrowawayApp(env, work) {
  const { createApp } = api('app.factory.js');
  const { loadConfig } = api('config/load-config.js');
  const { resolveDatabase } = api('database/embedded-postgres.js');
  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-bench-'));
  chmodSync(dataDir, 0o755);
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, EMBEDDED_PG_PORT: '0', LOG_LEVEL: 'silent', ...env });
  const db = await resolveDatabase(config);
  const app = await createApp({ ...config, DATABASE_URL: db.url });
  try {
    await app.init();
    return await work(app);
  } finally {
    await app.close();
    await db.embedded?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** GraphQL against the booted app (in-process, no port); throws with the errors when there are any. */
export function gqlClient(app) {
  return async (query, variables = {}, token) => {
    const res = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    const body = res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** The current version of every required legal document: what the sign-up form's 필수 boxes send. */
export function requiredConsents() {
  const { LEGAL_DOCUMENT_KINDS, LEGAL_DOCUMENTS } = api('modules/identity/legal-documents.js');
  return LEGAL_DOCUMENT_KINDS.map((kind) => LEGAL_DOCUMENTS.filter((d) => d.kind === kind).at(-1))
    .filter((d) => d.required)
    .map(({ kind, version }) => ({ kind, version }));
}

/**
 * Signs up (`input` without consents: the required ones are added), uses a verification link made
 * the way the mail's is, signs in: `{ accessToken, organizationId }` of a user who may send, bid and publish.
 */
export async function signUpVerified(app, input) {
  const gql = gqlClient(app);
  const { TransactionService } = api('database/transaction.service.js');
  const { AccountTokenService } = api('modules/identity/account-token.service.js');
  await gql('mutation($i: SignUpInput!) { signUp(input: $i) { email } }', { i: { ...input, consents: requiredConsents() } });
  const tx = app.get(TransactionService);
  const [user] = await tx.run((m) => m.query('SELECT id, email FROM users WHERE lower(email) = lower($1)', [input.email]));
  const token = await tx.run((m) => app.get(AccountTokenService).issue(m, user.id, 'VERIFY_EMAIL', user.email, 3600));
  await gql('mutation($t: String!) { verifyEmail(token: $t) { verified } }', { t: token });
  const signedIn = await gql(
    'mutation($i: SignInInput!) { signIn(input: $i) { accessToken me { memberships { organization { id } } } } }',
    { i: { email: input.email, password: input.password } },
  );
  return { accessToken: signedIn.signIn.accessToken, organizationId: signedIn.signIn.me.memberships[0]?.organization.id };
}

/** A staff member (made by the CLI's service) who enrolled two-factor sign-in: a token whose session passed it. */
export async function staffToken(app, email) {
  const gql = gqlClient(app);
  const { StaffAccountService } = api('modules/identity/staff-account.service.js');
  const { password } = await app.get(StaffAccountService).createOrPromote({ email, admin: false });
  const token = (await gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { email, password } })).signIn
    .accessToken;
  const { secret } = (await gql('mutation { beginTwoFactorEnrollment { secret } }', {}, token)).beginTwoFactorEnrollment;
  const { Secret, TOTP } = await import('otpauth');
  const code = new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate();
  await gql('mutation($c: String!) { confirmTwoFactorEnrollment(code: $c) }', { c: code }, token);
  return token;
}
