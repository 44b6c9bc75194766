import { afterAll, describe, expect, it } from '@jest/globals';
import { currentConsents, testConfig, TEST_PASSWORD, validBrn } from '@aimatch/api-testing';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../apps/api/src/app.factory';
import { resolveDatabase } from '../../apps/api/src/database/embedded-postgres';

/** What `npm start` does twice on one data directory: the second start finds the first one's data. */
describe('embedded PostgreSQL across restarts', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aimatch-restart-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start() {
    const database = await resolveDatabase({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: 0 });
    const app = await createApp({ ...testConfig(database.url), DATA_DIR: dataDir });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const gql = async (query: string, variables: Record<string, unknown>) =>
      (
        await app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ query, variables }),
        })
      ).json();
    return { gql, stop: async () => (await app.close(), await database.embedded?.stop()), embedded: !!database.embedded };
  }

  it('keeps accounts made before the restart', async () => {
    const email = 'survivor@example.kr';
    const first = await start();
    expect(first.embedded).toBe(true);
    const up = await first.gql('mutation($i: SignUpInput!) { signUp(input: $i) { email verificationSent } }', {
      i: {
        email,
        password: TEST_PASSWORD,
        displayName: '생존자',
        organization: { kind: 'SME', nameKo: '재시작(주)', businessRegistrationNumber: validBrn() },
        consents: currentConsents(),
      },
    });
    expect(up.errors).toBeUndefined();
    await first.stop();

    const second = await start();
    const res = await second.gql('mutation($i: SignInInput!) { signIn(input: $i) { me { memberships { organization { nameKo } } } } }', {
      i: { email, password: TEST_PASSWORD },
    });
    expect(res.data.signIn.me.memberships[0].organization.nameKo).toBe('재시작(주)');
    await second.stop();
  });
});
