// `npm run bench:freshness`: time from a committed publish (staff approval) to the listing being
// returned by searchListings, through the outbox indexer. Boots the built app on a throw-away
// embedded PostgreSQL. Last line: `p95_ms=…`.
import { performance } from 'node:perf_hooks';
import { api, gqlClient, staffToken, withThrowawayApp } from './boot.mjs';

const { DemoSeeder } = api('seed/demo.seeder.js');

const ROUNDS = Number(process.env.ROUNDS ?? 50);
await withThrowawayApp({ RATE_LIMIT_API_PER_MINUTE: '1000000', RATE_LIMIT_AUTH_PER_IP_PER_MINUTE: '1000' }, async (app) => {
  const gql = gqlClient(app);
  await app.get(DemoSeeder).seed(); // a realistic index of 110 listings around the new ones
  const signIn = async (email, password) =>
    (await gql('mutation($i: SignInInput!) { signIn(input: $i) { accessToken } }', { i: { email, password } })).signIn.accessToken;
  const supplier = await signIn('supplier@demo.aimatch.kr', 'aimatch-demo-2026!');
  const staff = await staffToken(app, 'bench-staff@aimatch.or.kr');
  const me = await gql('{ me { memberships { organization { id } } } }', {}, supplier);
  const orgId = me.me.memberships[0].organization.id;
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const word = `신선도${String.fromCharCode(0xac00 + i * 7)}${String.fromCharCode(0xac00 + i * 13)}검사`;
    const created = (
      await gql(
        `mutation($o: ID!, $i: SupplyListingInput!) { createSupplyListing(organizationId: $o, input: $i) { id version } }`,
        {
          o: orgId,
          i: {
            title: `${word} 서비스`,
            summary: '신선도 판정',
            description: '농산물 신선도를 판정합니다.',
            capability: { tasks: ['urn:aimatch:task:visual-inspection'] },
            contact: { name: '담당', email: 'a@example.kr' },
          },
        },
        supplier,
      )
    ).createSupplyListing;
    const submitted = (
      await gql(
        'mutation($id: ID!, $v: Int!) { submitListing(id: $id, version: $v) { version } }',
        { id: created.id, v: created.version },
        supplier,
      )
    ).submitListing;
    await gql(
      'mutation($id: ID!, $v: Int!) { approveListing(id: $id, version: $v) { id } }',
      { id: created.id, v: submitted.version },
      staff,
    );
    const t0 = performance.now(); // the approval has committed
    for (;;) {
      const r = await gql('query($q: String) { searchListings(q: $q, first: 3) { edges { node { id } } } }', { q: word });
      if (r.searchListings.edges.some((e) => e.node.id === created.id)) break;
      if (performance.now() - t0 > 10_000) throw new Error('not searchable within 10 s');
      await new Promise((r2) => setTimeout(r2, 2));
    }
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const p = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(
    `publish → searchable over ${ROUNDS} listings: p50 ${p(0.5).toFixed(1)} ms, p95 ${p(0.95).toFixed(1)} ms, max ${times.at(-1).toFixed(1)} ms`,
  );
  console.log(`p95_ms=${p(0.95).toFixed(1)}`);
});
