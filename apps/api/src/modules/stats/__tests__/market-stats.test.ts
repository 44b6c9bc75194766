import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  createSupply,
  type GqlResponse,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../../graphql/request-context';
import { ChatService } from '../../chat/chat.service';
import { StatsService } from '../stats.service';

const TASK = 'urn:aimatch:task:visual-inspection';
const DEFECT = 'urn:aimatch:task:surface-defect-inspection';
const INDUSTRY = 'urn:aimatch:industry:automotive-parts-manufacturing';
const REGION = 'urn:aimatch:region:gyeongnam';
const CREATE_BID = 'mutation($i: CreateBidInput!) { createBid(input: $i) { id version status } }';
const act = (name: string) => `mutation($id: ID!, $v: Int!) { ${name}(id: $id, version: $v) { id version status } }`;
const COUNT = 'key label listingKind count';
const STATS = `query($from: String!, $to: String!, $g: StatsGroupBy) { marketStats(from: $from, to: $to, groupBy: $g) {
  from to groupBy
  listingsByStatus { ${COUNT} } listingsByIndustry { ${COUNT} } listingsByRegion { ${COUNT} } listingsByTask { ${COUNT} }
  newListings { period series count } newOrganizations { period series count }
  verification { backlog decided verified rejected needsInfo medianHoursToDecision }
  bids { bids demandsWithBids bidsPerDemand medianHoursToFirstBid shortlistRate awardRate }
  chat { conversations answered medianMinutesToFirstResponse }
  awardedMatchScores { lower upper count }
  programEligibility { name eligible possible organizations } } }`;
const code = (res: GqlResponse) => res.errors?.[0]?.extensions.code;
const kst = (s: string) => `${s}+09:00`;

/**
 * #15 item 4: every group of `marketStats` on a small marketplace whose timestamps are pinned into
 * March 2026, with the numbers worked out by hand; bad ranges and non-staff callers refused.
 */
describe('marketStats', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let alpha: SignedUp;
  let beta: SignedUp;
  let gamma: SignedUp;
  let staff: string;
  let awardScore: number;

  const run = async (name: string, b: { id: string; version: number }, token: string) => {
    const res = await t.gql(act(name), { id: b.id, v: b.version }, { token });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data[name] as { id: string; version: number; status: string };
  };
  const submitted = async (who: SignedUp, demandId: string) => {
    const amountKrw = 80_000_000;
    const created = await t.gql(
      CREATE_BID,
      {
        i: {
          demandId,
          organizationId: who.organizationId,
          amountKrw,
          durationWeeks: 10,
          approach: '검사 모델을 학습해 MES와 연동합니다.',
          milestones: [{ title: '개발·연동', weeks: 10, amountKrw }],
          coveredConceptIds: [TASK],
        },
      },
      { token: who.accessToken },
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    return run('submitBid', created.data.createBid, who.accessToken);
  };
  const viewerOf = (u: SignedUp): Viewer => ({ userId: u.userId, roles: [], locale: 'KO' as never, sessionId: 'test' });
  const at = (sql: string, params: unknown[]) => ds.query(sql, params);
  const stats = (token: string, from = '2026-03-01', to = '2026-03-31', g = 'WEEK') => t.gql(STATS, { from, to, g }, { token });

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    const chat = t.app.get(ChatService);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    alpha = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    beta = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    gamma = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    for (const o of [alpha, beta, gamma])
      await at(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [o.organizationId]);
    staff = (await signInStaff(t)).accessToken;

    const s1 = await publish(t, await createSupply(t, alpha), alpha.accessToken, staff);
    const d1 = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    const d2 = await createDemand(t, sme); // stays a draft
    const d3 = await publish(t, await createDemand(t, sme), sme.accessToken, staff);
    await settleOutbox(t);

    // d1: alpha (with a published supply listing, so it has a match score) and beta bid; alpha wins.
    const a1 = await submitted(alpha, d1.id);
    const b1 = await submitted(beta, d1.id);
    const match = await t.gql(`query($id: ID!) { bid(id: $id) { match { score } } }`, { id: a1.id }, { token: sme.accessToken });
    awardScore = match.data!.bid.match.score as number;
    await run('acceptBid', a1, sme.accessToken);
    // d3: beta bids and is shortlisted, nobody is awarded.
    const b3 = await submitted(beta, d3.id);
    await run('shortlistBid', b3, sme.accessToken);

    // Chat: the SME writes in the award's conversation and alpha answers 30 minutes later; beta's pre-bid question on d3 stays unanswered.
    const [award] = await at(`SELECT id FROM conversations WHERE context_id = $1`, [d1.id]);
    const m1 = await chat.send(viewerOf(sme), { conversationId: award.id, clientMessageId: randomUUID(), body: '착수 일정 논의드립니다.' });
    const m2 = await chat.send(viewerOf(alpha), {
      conversationId: award.id,
      clientMessageId: randomUUID(),
      body: '다음 주 월요일 어떠세요?',
    });
    const open = await t.gql(
      'mutation($i: OpenConversationInput!) { openConversation(input: $i) { id } }',
      {
        i: { contextType: 'DEMAND', contextId: d3.id },
      },
      { token: beta.accessToken },
    );
    const question = open.data!.openConversation.id as string;
    const m3 = await chat.send(viewerOf(beta), { conversationId: question, clientMessageId: randomUUID(), body: '데이터 샘플이 있나요?' });

    // Pin every timestamp into March 2026 (Korean time).
    const orgAt = [
      [sme, '2026-03-02T10:00:00'],
      [alpha, '2026-03-10T10:00:00'],
      [beta, '2026-03-10T11:00:00'],
      [gamma, '2026-04-01T00:00:00'], // the first instant after the range: not counted
    ] as const;
    for (const [o, when] of orgAt) await at('UPDATE organizations SET created_at = $2 WHERE id = $1', [o.organizationId, kst(when)]);
    const listingAt = [
      [d1.id, '2026-03-03T09:00:00', '2026-03-04T00:00:00'],
      [d3.id, '2026-03-09T09:00:00', '2026-03-10T00:00:00'],
      [s1.id, '2026-03-11T09:00:00', '2026-03-11T10:00:00'],
      [d2.id, '2026-03-31T23:30:00', null], // the last half hour of the range: counted
    ] as const;
    for (const [id, created, published] of listingAt) {
      await at('UPDATE listings SET created_at = $2, published_at = $3 WHERE id = $1', [id, kst(created), published && kst(published)]);
      await at('UPDATE listing_published_versions SET published_at = $2 WHERE listing_id = $1', [id, published && kst(published)]);
    }
    await at('UPDATE bids SET submitted_at = $2 WHERE id = $1', [a1.id, kst('2026-03-05T00:00:00')]); // 24 h after d1's publication
    await at('UPDATE bids SET submitted_at = $2 WHERE id = $1', [b1.id, kst('2026-03-06T00:00:00')]);
    await at('UPDATE bids SET submitted_at = $2 WHERE id = $1', [b3.id, kst('2026-03-12T00:00:00')]); // 48 h after d3's
    await at('UPDATE conversations SET created_at = $2, last_message_at = $2 WHERE id = ANY($1)', [
      [award.id, question],
      kst('2026-03-08T09:00:00'),
    ]);
    await at('UPDATE chat_messages SET created_at = $2 WHERE id = $1', [m1.message.id, kst('2026-03-08T09:00:00')]);
    await at('UPDATE chat_messages SET created_at = $2 WHERE id = $1', [m2.message.id, kst('2026-03-08T09:30:00')]);
    await at('UPDATE chat_messages SET created_at = $2 WHERE id = $1', [m3.message.id, kst('2026-03-20T09:00:00')]);

    // Verification: decided in 10 h and 30 h inside the range, one still open, one decided after the range.
    const request = (org: SignedUp, status: string, created: string, decided: string | null) =>
      at(
        `INSERT INTO verification_requests (organization_id, status, previous_status, decision_reason, decided_at, created_at)
         VALUES ($1, $2, 'UNVERIFIED', $3, $4, $5)`,
        [org.organizationId, status, status === 'REJECTED' ? '서류 불일치' : null, decided && kst(decided), kst(created)],
      );
    await request(sme, 'VERIFIED', '2026-03-05T00:00:00', '2026-03-05T10:00:00');
    await request(beta, 'REJECTED', '2026-03-06T00:00:00', '2026-03-07T06:00:00');
    await request(alpha, 'VERIFIED', '2026-03-30T00:00:00', '2026-04-02T00:00:00');
    await request(gamma, 'OPEN', '2026-03-20T00:00:00', null);

    // Programs: one for SMEs, one for suppliers and integrators.
    for (const [nameKo, kinds] of [
      ['통계 확인 SME 사업', ['SME']],
      ['통계 확인 공급기업 사업', ['AI_SUPPLIER', 'SI_INTEGRATOR']],
    ] as const) {
      const created = await t.gql(
        'mutation($i: SupportProgramInput!) { createSupportProgram(input: $i) { id } }',
        { i: { nameKo, agencyKo: '협회', benefitKo: '지원', rules: [{ fact: 'organization.kind', op: 'in', values: kinds }] } },
        { token: staff },
      );
      await t.gql(
        'mutation($id: ID!) { setSupportProgramStatus(id: $id, status: PUBLISHED) { id } }',
        { id: created.data!.createSupportProgram.id },
        {
          token: staff,
        },
      );
    }
  });
  afterAll(() => t.close());

  it('counts listings created in the range by status, industry, region and task, per kind', async () => {
    const res = await stats(staff);
    expect(res.errors).toBeUndefined();
    const s = res.data!.marketStats;
    expect(s).toMatchObject({ from: '2026-03-01', to: '2026-03-31', groupBy: 'WEEK' });
    const pick = (rows: Array<{ key: string | null; listingKind: string; count: number }>) =>
      rows.map((r) => [r.listingKind, r.key, r.count]).sort((a, b) => String(a).localeCompare(String(b)));
    expect(pick(s.listingsByStatus)).toEqual(
      [
        ['DEMAND', 'AWARDED', 1],
        ['DEMAND', 'DRAFT', 1],
        ['DEMAND', 'PUBLISHED', 1],
        ['SUPPLY', 'PUBLISHED', 1],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(pick(s.listingsByIndustry)).toEqual([
      ['DEMAND', INDUSTRY, 3],
      ['SUPPLY', INDUSTRY, 1],
    ]);
    expect(pick(s.listingsByTask)).toEqual([
      ['DEMAND', TASK, 3],
      ['SUPPLY', DEFECT, 1],
      ['SUPPLY', TASK, 1],
    ]);
    const supplyRegion = (await ds.query('SELECT region_id FROM listings WHERE kind = $1', ['SUPPLY']))[0].region_id as string | null;
    expect(pick(s.listingsByRegion)).toEqual(
      [
        ['DEMAND', REGION, 3],
        ['SUPPLY', supplyRegion, 1],
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    expect(s.listingsByIndustry[0].label).toMatch(/자동차/); // the vocabulary's Korean label
  });

  it('series new listings and organizations per week and per month on the Korean calendar', async () => {
    const week = (await stats(staff)).data!.marketStats;
    expect(week.newListings).toEqual([
      { period: '2026-03-02', series: 'DEMAND', count: 1 },
      { period: '2026-03-09', series: 'DEMAND', count: 1 },
      { period: '2026-03-09', series: 'SUPPLY', count: 1 },
      { period: '2026-03-30', series: 'DEMAND', count: 1 },
    ]);
    expect(week.newOrganizations).toEqual([
      { period: '2026-03-02', series: 'SME', count: 1 },
      { period: '2026-03-09', series: 'AI_SUPPLIER', count: 1 },
      { period: '2026-03-09', series: 'SI_INTEGRATOR', count: 1 },
    ]);
    const month = (await stats(staff, '2026-03-01', '2026-04-30', 'MONTH')).data!.marketStats;
    expect(month.newListings).toEqual([
      { period: '2026-03-01', series: 'DEMAND', count: 3 },
      { period: '2026-03-01', series: 'SUPPLY', count: 1 },
    ]);
    expect(month.newOrganizations).toEqual([
      { period: '2026-03-01', series: 'AI_SUPPLIER', count: 1 },
      { period: '2026-03-01', series: 'SI_INTEGRATOR', count: 1 },
      { period: '2026-03-01', series: 'SME', count: 1 },
      { period: '2026-04-01', series: 'AI_SUPPLIER', count: 1 },
    ]);
  });

  it('reports the verification backlog and the median time to decision', async () => {
    expect((await stats(staff)).data!.marketStats.verification).toEqual({
      backlog: 1,
      decided: 2,
      verified: 1,
      rejected: 1,
      needsInfo: 0,
      medianHoursToDecision: 20,
    });
  });

  it('reports bids per demand, the median time to the first bid, shortlist and award rates', async () => {
    expect((await stats(staff)).data!.marketStats.bids).toEqual({
      bids: 3,
      demandsWithBids: 2,
      bidsPerDemand: 1.5,
      medianHoursToFirstBid: 36,
      shortlistRate: 2 / 3,
      awardRate: 0.5,
    });
  });

  it('reports the median first response in chat (the other side’s first message)', async () => {
    expect((await stats(staff)).data!.marketStats.chat).toEqual({ conversations: 2, answered: 1, medianMinutesToFirstResponse: 30 });
  });

  it('keeps the match score at award and buckets it by ten points', async () => {
    const stored = (await ds.query('SELECT match_score_at_award AS s FROM bids WHERE status = $1', ['ACCEPTED']))[0].s as number;
    expect(stored).toBe(awardScore);
    const buckets = (await stats(staff)).data!.marketStats.awardedMatchScores as Array<{ lower: number; upper: number; count: number }>;
    expect(buckets).toHaveLength(10);
    expect(buckets.filter((b) => b.count > 0)).toEqual([
      { lower: Math.min(90, Math.floor(awardScore / 10) * 10), upper: Math.min(90, Math.floor(awardScore / 10) * 10) + 10, count: 1 },
    ]);
  });

  it('counts the organizations eligible for each published program', async () => {
    const rows = (await stats(staff)).data!.marketStats.programEligibility as Array<{
      name: string;
      eligible: number;
      organizations: number;
    }>;
    expect(rows.find((r) => r.name === '통계 확인 SME 사업')).toMatchObject({ eligible: 1, organizations: 4 });
    expect(rows.find((r) => r.name === '통계 확인 공급기업 사업')).toMatchObject({ eligible: 3, organizations: 4 });
  });

  it('exports each table as CSV with a BOM, headers in the viewer’s language, neutralised cells, and audits it', async () => {
    const EXPORT = `mutation($t: MarketStatsTable!) { exportMarketStats(from: "2026-03-01", to: "2026-03-31", groupBy: WEEK, table: $t) { filename csv } }`;
    const bids = (await t.gql(EXPORT, { t: 'BIDS' }, { token: staff })).data!.exportMarketStats as { filename: string; csv: string };
    expect(bids.filename).toBe('aimatch-bids-2026-03-01-2026-03-31.csv');
    expect(bids.csv.startsWith('\uFEFF')).toBe(true);
    expect(bids.csv.split('\r\n').slice(0, 2)).toEqual([
      '\uFEFF입찰,입찰받은 수요,수요당 입찰,첫 입찰까지 중앙값(시간),후보 선정률,낙찰률',
      `3,2,1.5,36,${2 / 3},0.5`,
    ]);
    const en = await t.gql(EXPORT, { t: 'NEW_ORGANIZATIONS' }, { token: staff, headers: { 'accept-language': 'en' } });
    expect((en.data!.exportMarketStats.csv as string).split('\r\n')[0]).toBe('\uFEFFPeriod start,Organization kind,Count');
    // A program named like a formula is written as text.
    const created = await t.gql(
      'mutation($i: SupportProgramInput!) { createSupportProgram(input: $i) { id } }',
      { i: { nameKo: '=HYPERLINK("http://evil")', agencyKo: '협회', benefitKo: '지원', rules: [] } },
      { token: staff },
    );
    await t.gql(
      'mutation($id: ID!) { setSupportProgramStatus(id: $id, status: PUBLISHED) { id } }',
      { id: created.data!.createSupportProgram.id },
      {
        token: staff,
      },
    );
    // The eligibility counts are cached for five minutes: drop the cache.
    Object.assign(t.app.get(StatsService), { eligibilityCache: null });
    const programs = (await t.gql(EXPORT, { t: 'PROGRAM_ELIGIBILITY' }, { token: staff })).data!.exportMarketStats.csv as string;
    expect(programs).toContain(`"'=HYPERLINK(""http://evil"")",4,0,4`);
    const audited = await ds.query(`SELECT subject_id FROM audit_log WHERE action = 'market-stats.export' ORDER BY created_at`);
    expect(audited.map((r: { subject_id: string }) => r.subject_id)).toEqual(['BIDS', 'NEW_ORGANIZATIONS', 'PROGRAM_ELIGIBILITY']);
  });

  it('refuses reversed dates, ranges over five years and malformed days, naming the field', async () => {
    const violation = (res: GqlResponse) => [code(res), res.errors?.[0]?.extensions.fields?.[0]?.path];
    expect(violation(await stats(staff, '2026-03-31', '2026-03-01'))).toEqual(['BAD_USER_INPUT', 'to']);
    expect(violation(await stats(staff, '2020-01-01', '2025-01-02'))).toEqual(['BAD_USER_INPUT', 'to']);
    expect((await stats(staff, '2020-01-01', '2025-01-01')).errors).toBeUndefined(); // exactly five years
    expect(violation(await stats(staff, '2026-02-30', '2026-03-01'))).toEqual(['BAD_USER_INPUT', 'from']);
  });

  it('is for staff only', async () => {
    expect(code(await stats(sme.accessToken))).toBe('FORBIDDEN');
    expect(code(await stats(alpha.accessToken))).toBe('FORBIDDEN');
    expect(code(await t.gql(STATS, { from: '2026-03-01', to: '2026-03-31' }))).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
  });
});
