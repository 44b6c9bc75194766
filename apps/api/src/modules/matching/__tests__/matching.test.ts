import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { DataSource } from 'typeorm';

const MATCHES = `query($id: ID!, $first: Int, $after: String) {
  matchesForDemand(demandId: $id, first: $first, after: $after) {
    totalCount candidates weightsVersion pageInfo { hasNextPage endCursor }
    edges { node { id title } explanation { score capped textOnly budgetFit
      features { feature applicable value points }
      matched { conceptId inferred evidence concept { id } offeredConceptId relation }
      missing { conceptId }
      constraints { code satisfied }
      reasons { code tone text ko en } } }
  }
}`;
const RECOMMENDED = `query($id: ID!) { recommendedDemands(supplyListingId: $id, first: 10) { totalCount edges { node { id title } explanation { score reasons { text } } } } }`;

describe('matchesForDemand, recommendedDemands, alerts', () => {
  let t: TestApp;
  let sme: SignedUp;
  let otherSme: SignedUp;
  let supplier: SignedUp;
  let staff: string;
  let demandId: string;
  let visionId: string;
  let chatbotId: string;

  beforeAll(async () => {
    t = await bootTestApp();
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    otherSme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = (await signInStaff(t)).accessToken;
    visionId = (await publish(t, await createSupply(t, supplier), supplier.accessToken, staff)).id;
    chatbotId = (
      await publish(
        t,
        await createSupply(t, supplier, {
          title: '쇼핑몰 상담 챗봇',
          summary: '카카오톡 문의에 자동으로 답합니다.',
          description: '주문 조회와 배송 문의를 자동 응대합니다.',
          capability: {
            tasks: ['urn:aimatch:task:chatbot'],
            modalities: ['urn:aimatch:modality:text'],
            industries: ['urn:aimatch:industry:ecommerce'],
            deployments: ['urn:aimatch:deployment:public-cloud-saas'],
            integrations: [],
            languages: ['ko'],
          },
        }),
        supplier.accessToken,
        staff,
      )
    ).id;
    demandId = (await publish(t, await createDemand(t, sme), sme.accessToken, staff)).id;
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  it('ranks the fitting supplier first with an explanation in the viewer language', async () => {
    const res = await t.gql(MATCHES, { id: demandId, first: 10 }, { token: sme.accessToken });
    const m = res.data!.matchesForDemand;
    expect(m.totalCount).toBe(2);
    expect(m.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([visionId, chatbotId]);
    const top = m.edges[0].explanation;
    expect(top.score).toBeGreaterThan(m.edges[1].explanation.score);
    expect(top.reasons.map((r: { text: string }) => r.text)).toContain("요구 과업 '비전 검사(불량 검출)'와 정확히 일치");
    const task = (e: { features: Array<{ feature: string; value: number }> }) => e.features.find((f) => f.feature === 'task')!.value;
    expect(task(top)).toBeGreaterThan(task(m.edges[1].explanation));
    // The SaaS-only chatbot breaks the on-premise requirement: capped, and said so.
    const second = m.edges[1].explanation;
    expect(second.capped).toBe(true);
    expect(second.constraints).toContainEqual({ code: 'DEPLOYMENT', satisfied: false });
    const en = await t.gql(MATCHES, { id: demandId, first: 1 }, { token: sme.accessToken, locale: 'en' });
    expect(en.data!.matchesForDemand.edges[0].explanation.reasons.map((r: { text: string }) => r.text).join(' ')).toContain(
      'Exactly matches',
    );
  });

  it('pages with a cursor tied to this ranking', async () => {
    const first = await t.gql(MATCHES, { id: demandId, first: 1 }, { token: sme.accessToken });
    const page = first.data!.matchesForDemand;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(MATCHES, { id: demandId, first: 1, after: page.pageInfo.endCursor }, { token: sme.accessToken });
    expect(next.data!.matchesForDemand.edges[0].node.id).toBe(chatbotId);
    const foreign = await t.gql(MATCHES, { id: demandId, first: 1, after: 'eyJvIjoxLCJmIjoieCJ9' }, { token: sme.accessToken });
    expect(foreign.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([[0], [101], [-5]])('refuses first: %i with a typed error naming the field', async (first) => {
    const res = await t.gql(MATCHES, { id: demandId, first }, { token: sme.accessToken });
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'first', rule: 'range' })],
    });
  });

  it('is FORBIDDEN to another organization, NOT_FOUND for drafts it cannot see, CONFLICT for the owner’s draft', async () => {
    expect((await t.gql(MATCHES, { id: demandId }, { token: otherSme.accessToken })).errors![0].extensions.code).toBe('FORBIDDEN');
    const draft = await createDemand(t, sme);
    expect((await t.gql(MATCHES, { id: draft.id }, { token: otherSme.accessToken })).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(MATCHES, { id: draft.id }, { token: sme.accessToken })).errors![0].extensions.code).toBe('CONFLICT');
    expect((await t.gql(MATCHES, { id: 'not-a-uuid' }, { token: sme.accessToken })).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(MATCHES, { id: visionId }, { token: supplier.accessToken })).errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('ranks a demand with no requirement by its text and says so', async () => {
    // A demand is now submitted with at least one task (#14 item 7); one published before that rule
    // (or whose tasks were never structured) is still ranked by its text: its task is taken out after publishing.
    const prose = (
      await publish(
        t,
        await createDemand(t, sme, {
          title: '카톡으로 오는 쇼핑몰 문의를 자동으로 답하고 싶어요',
          summary: '주문 조회와 배송 문의가 많습니다.',
          description: '쇼핑몰 상담 문의가 너무 많습니다.',
          requirement: {
            tasks: ['urn:aimatch:task:visual-inspection'],
            modalities: [],
            industries: [],
            deployments: [],
            integrations: [],
            languages: ['ko'],
          },
          dataProfile: { dataKinds: [], systems: [] },
          onSiteRequired: false,
        }),
        sme.accessToken,
        staff,
      )
    ).id;
    await t.app
      .get(DataSource)
      .query(`UPDATE listings SET content = jsonb_set(content, '{requirement,tasks}', '[]'::jsonb) WHERE id = $1`, [prose]);
    const res = await t.gql(MATCHES, { id: prose, first: 2 }, { token: sme.accessToken });
    const top = res.data!.matchesForDemand.edges[0];
    expect(top.node.id).toBe(chatbotId);
    expect(top.explanation.matched.some((m: { inferred: boolean }) => m.inferred)).toBe(true);
  });

  it('recommends demands to the supplier', async () => {
    const res = await t.gql(RECOMMENDED, { id: visionId }, { token: supplier.accessToken });
    expect(res.data!.recommendedDemands.edges[0].node.id).toBe(demandId);
  });

  it('proposes structured fields from a few sentences, with the words that triggered them', async () => {
    const res = await t.gql(
      'query($t: String!) { suggestDemandFields(text: $t) { field conceptId evidence partial } }',
      { t: '공장 라인에서 찍힌 사진으로 불량 검출을 하고, 결과를 MES에 남기고 싶다' },
      { token: sme.accessToken },
    );
    const s = res.data!.suggestDemandFields;
    expect(s).toContainEqual(expect.objectContaining({ field: 'tasks', conceptId: 'urn:aimatch:task:visual-inspection' }));
    expect(s).toContainEqual(
      expect.objectContaining({ field: 'integrations', conceptId: 'urn:aimatch:integration:mes', evidence: ['mes'] }),
    );
    const long = await t.gql(
      'query($t: String!) { suggestDemandFields(text: $t) { field } }',
      { t: '가'.repeat(2001) },
      { token: sme.accessToken },
    );
    expect(long.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'text', rule: 'max-length' })],
    });
  });

  it('alerts a supplier once when a new demand matches its listing above the score', async () => {
    const create = await t.gql(
      'mutation($i: CreateMatchAlertInput!) { createMatchAlert(input: $i) { id minScore } }',
      {
        i: { organizationId: supplier.organizationId, name: '비전 검사 수요', supplyListingId: visionId, minScore: 50 },
      },
      { token: supplier.accessToken },
    );
    expect(create.data!.createMatchAlert.minScore).toBe(50);
    const bad = await t.gql(
      'mutation($i: CreateMatchAlertInput!) { createMatchAlert(input: $i) { id } }',
      {
        i: { organizationId: supplier.organizationId, name: '잘못', supplyListingId: visionId, minScore: 101 },
      },
      { token: supplier.accessToken },
    );
    expect(bad.errors![0].extensions).toMatchObject({ fields: [expect.objectContaining({ path: 'minScore', rule: 'range' })] });

    const published = await publish(
      t,
      await createDemand(t, otherSme, { title: '주조품 표면 찍힘 검사 자동화', onSiteRequired: false }),
      otherSme.accessToken,
      staff,
    );
    await settleOutbox(t);
    const notes = await t.gql(
      '{ notifications(first: 10) { unreadCount edges { node { type payload } } } }',
      {},
      { token: supplier.accessToken },
    );
    const alerts = notes.data!.notifications.edges.filter(
      (e: { node: { type: string; payload: string } }) =>
        e.node.type === 'MATCH_ALERT' && JSON.parse(e.node.payload).demandId === published.id,
    );
    expect(alerts).toHaveLength(1);
    // The same event again (at-least-once delivery) does not notify twice.
    const ds = t.app.get(DataSource);
    await ds.query(`INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ('listing', $1, 'listing.changed', $2)`, [
      published.id,
      JSON.stringify({ id: published.id, kind: 'DEMAND', version: published.version, status: 'PUBLISHED' }),
    ]);
    await settleOutbox(t);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN memberships m ON m.user_id = n.user_id WHERE m.organization_id = $1 AND n.payload->>'demandId' = $2`,
      [supplier.organizationId, published.id],
    );
    expect(n).toBe(1);
    expect(await t.gql('mutation { markNotificationsRead(ids: []) }', {}, { token: supplier.accessToken })).toMatchObject({
      data: { markNotificationsRead: expect.any(Number) },
    });
  });
});
