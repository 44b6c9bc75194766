import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createSupply,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  transition,
} from '@aimatch/api-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CurationService } from '../curation.service';

const ORIGINAL =
  '자동차 부품 생산 라인에서 카메라로 촬영한 이미지를 분석하여 표면 스크래치, 찍힘, 도장 불량을 실시간으로 검출하는 비전 검사 시스템을 턴키로 구축합니다. ' +
  '조명 설계와 딥러닝 모델 학습, PLC 연동 불량 배출, MES 결과 저장까지 한 번에 제공하며 라인 속도 분당 60개에서 검증했습니다.';
const COPY =
  '자동차부품 생산라인에서 카메라가 촬영한 이미지를 분석해 표면 스크래치와 찍힘, 도장불량을 실시간 검출하는 비전 검사 시스템을 턴키로 구축해 드립니다. ' +
  '조명 설계, 딥러닝 모델 학습, PLC 연동 불량 배출과 MES 결과 저장까지 한 번에 제공하고 라인 속도 분당 60개에서 검증하였습니다. 문의 010-2345-6789';

const PRECHECKS = `query($ids: [ID!]!) { listingPrechecks(listingIds: $ids) {
  listingId version completeness missing flags { kind severity path message excerpt similarity relatedListing { id title status organizationName } } } }`;

/** Pre-checks on the real database: the near-duplicate index, personal data, keywords, bulk approval. */
describe('curation pre-checks', () => {
  let t: TestApp;
  let ds: DataSource;
  let original: SignedUp;
  let broker: SignedUp;
  let staff: { accessToken: string; userId: string };
  let publishedId: string;

  const prechecks = async (ids: string[], token = staff.accessToken, locale?: string) =>
    t.gql(PRECHECKS, { ids }, { token, ...(locale ? { headers: { 'accept-language': locale } } : {}) });
  const submit = async (who: SignedUp, overrides: Record<string, unknown>) => {
    const draft = await createSupply(t, who, overrides);
    const res = await transition(t, 'submitListing', draft, who.accessToken);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return res.data.submitListing as { id: string; version: number };
  };

  beforeAll(async () => {
    t = await bootTestApp({ env: { MAIL_DIR: mkdtempSync(join(tmpdir(), 'aimatch-curation-mail-')) } });
    ds = t.app.get(DataSource);
    original = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    broker = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
    publishedId = (await publish(t, await createSupply(t, original, { description: ORIGINAL }), original.accessToken, staff.accessToken))
      .id;
    await settleOutbox(t);
  });
  afterAll(() => t.close());

  it('flags a reworded copy from another organization as a near-duplicate, and a phone number in its text, masked', async () => {
    const copy = await submit(broker, { title: '비전 AI 표면 검사 턴키 구축', description: COPY });
    await settleOutbox(t);
    // Computed when it was submitted (the outbox handler), not only on read.
    const [stored] = await ds.query('SELECT listing_version FROM listing_prechecks WHERE listing_id = $1', [copy.id]);
    expect(stored).toEqual({ listing_version: copy.version });

    const res = await prechecks([copy.id]);
    const [report] = res.data!.listingPrechecks;
    expect(report).toMatchObject({ listingId: copy.id, version: copy.version });
    const duplicate = report.flags.find((f: any) => f.kind === 'NEAR_DUPLICATE');
    expect(duplicate).toMatchObject({ relatedListing: { id: publishedId, status: 'PUBLISHED', organizationName: expect.any(String) } });
    expect(duplicate.similarity).toBeGreaterThanOrEqual(0.5);
    expect(duplicate.message).toContain('다른 기관');
    const phone = report.flags.find((f: any) => f.kind === 'PERSONAL_DATA');
    expect(phone).toMatchObject({ path: 'description', severity: 'WARNING' });
    expect(phone.excerpt).toContain('010-****-6789');
    expect(JSON.stringify(res)).not.toContain('2345-6789');

    const english = await prechecks([copy.id], staff.accessToken, 'en');
    expect(english.data!.listingPrechecks[0].flags.find((f: any) => f.kind === 'NEAR_DUPLICATE').message).toContain('another organization');
  });

  it('does not flag a different listing, and bulk approval approves only unflagged submissions', async () => {
    const clean = await submit(broker, {
      title: '한국어 상담 챗봇 구축',
      summary: '고객센터 문의를 자동으로 응대하는 한국어 챗봇을 만듭니다.',
      description:
        '쇼핑몰 고객센터의 주문·배송·반품 문의를 이해하고 답하는 한국어 챗봇을 구축합니다. 상담원 연결과 상담 이력 분석을 함께 제공합니다.',
    });
    const flagged = await submit(broker, { description: `${ORIGINAL} 계약은 선입금 조건입니다.` });
    await settleOutbox(t);
    const reports = (await prechecks([clean.id, flagged.id])).data!.listingPrechecks;
    expect(reports.find((r: any) => r.listingId === clean.id).flags).toEqual([]);
    expect(reports.find((r: any) => r.listingId === flagged.id).flags.map((f: any) => f.kind)).toEqual(
      expect.arrayContaining(['NEAR_DUPLICATE', 'EXTERNAL_PAYMENT']),
    );

    const bulk = await t.gql(
      'mutation($ids: [ID!]!) { bulkApproveListings(ids: $ids) { approved skipped { id reason } } }',
      { ids: [clean.id, flagged.id, publishedId] },
      { token: staff.accessToken },
    );
    expect(bulk.data!.bulkApproveListings).toEqual({
      approved: [clean.id],
      skipped: [
        { id: flagged.id, reason: 'flagged' },
        { id: publishedId, reason: 'not-submitted' },
      ],
    });
    const statuses = await ds.query('SELECT id, status FROM listings WHERE id = ANY($1) ORDER BY id', [[clean.id, flagged.id]]);
    expect(Object.fromEntries(statuses.map((r: any) => [r.id, r.status]))).toEqual({ [clean.id]: 'PUBLISHED', [flagged.id]: 'SUBMITTED' });
    await settleOutbox(t);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM notifications WHERE type = 'LISTING_APPROVED' AND payload->>'listingId' = $1`,
      [clean.id],
    );
    expect(n).toBeGreaterThan(0);
    // Each approval is a staff decision in the audit log, with the status before and after.
    const audit = await ds.query(`SELECT actor_user_id, details FROM audit_log WHERE action = 'listing.approve' AND subject_id = $1`, [
      clean.id,
    ]);
    expect(audit).toEqual([
      {
        actor_user_id: staff.userId,
        details: expect.objectContaining({
          before: expect.objectContaining({ status: 'SUBMITTED' }),
          after: expect.objectContaining({ status: 'PUBLISHED' }),
        }),
      },
    ]);
  });

  it('lets staff edit the prohibited keywords (audited), which the next check uses', async () => {
    const listing = await submit(broker, {
      title: '수요예측 모델 구축',
      summary: '판매 데이터를 바탕으로 주간 수요를 예측합니다.',
      description:
        '유통 매장의 판매 이력과 날씨, 행사 데이터를 결합하여 품목별 주간 수요를 예측하는 모델을 구축합니다. 매출 상승 확정 보증.',
    });
    await settleOutbox(t);
    expect((await prechecks([listing.id])).data!.listingPrechecks[0].flags).toEqual([]);

    const added = await t.gql(
      'mutation($term: String!, $note: String) { addProhibitedKeyword(term: $term, note: $note) { id term note } }',
      { term: '매출 상승 확정', note: '성과를 단정하는 표현' },
      { token: staff.accessToken },
    );
    const keyword = added.data!.addProhibitedKeyword;
    expect(keyword).toMatchObject({ term: '매출 상승 확정' });
    const again = await t.gql('mutation { addProhibitedKeyword(term: "매출상승 확정") { id } }', {}, { token: staff.accessToken });
    expect(again.errors![0].extensions.code).toBe('CONFLICT');

    // The stored report was computed before the keyword existed: the edit makes it stale, the next read recomputes.
    const flags = (await prechecks([listing.id])).data!.listingPrechecks[0].flags;
    expect(flags).toEqual([expect.objectContaining({ kind: 'PROHIBITED_KEYWORD', severity: 'BLOCKER', path: 'description' })]);

    expect(
      (await t.gql('mutation($id: ID!) { removeProhibitedKeyword(id: $id) }', { id: keyword.id }, { token: staff.accessToken })).data,
    ).toEqual({
      removeProhibitedKeyword: true,
    });
    const audit = await ds.query(`SELECT action, details FROM audit_log WHERE subject_id = $1 ORDER BY created_at, id`, [keyword.id]);
    expect(audit.map((a: any) => a.action)).toEqual(['curation.keyword.add', 'curation.keyword.remove']);
    expect(audit[0].details).toMatchObject({ after: { term: '매출 상승 확정' } });
  });

  it('refuses bad input with typed errors and stores nothing', async () => {
    const before = await ds.query('SELECT count(*)::int AS n FROM prohibited_keywords');
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      [
        'mutation($term: String!, $note: String) { addProhibitedKeyword(term: $term, note: $note) { id } }',
        { term: '   ' },
        'term',
        'required',
      ],
      [
        'mutation($term: String!, $note: String) { addProhibitedKeyword(term: $term, note: $note) { id } }',
        { term: '가'.repeat(51) },
        'term',
        'max-length',
      ],
      [
        'mutation($term: String!, $note: String) { addProhibitedKeyword(term: $term, note: $note) { id } }',
        { term: '정상', note: 'x'.repeat(501) },
        'note',
        'max-length',
      ],
      ['query($ids: [ID!]!) { listingPrechecks(listingIds: $ids) { listingId } }', { ids: ['not-a-uuid'] }, 'listingIds.0', 'format'],
      [
        'query($ids: [ID!]!) { listingPrechecks(listingIds: $ids) { listingId } }',
        { ids: Array.from({ length: 101 }, () => publishedId) },
        'listingIds',
        'max-items',
      ],
      ['mutation($ids: [ID!]!) { bulkApproveListings(ids: $ids) { approved } }', { ids: [] }, 'ids', 'required'],
    ];
    for (const [doc, variables, path, rule] of cases) {
      const res = await t.gql(doc, variables, { token: staff.accessToken });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ path, rule })] });
    }
    expect(await ds.query('SELECT count(*)::int AS n FROM prohibited_keywords')).toEqual(before);
    const denied = await prechecks([publishedId], broker.accessToken);
    expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it('drops archived listings from the index and backfills listings that have no fingerprint', async () => {
    const [{ n: indexed }] = await ds.query('SELECT count(*)::int AS n FROM listing_fingerprints WHERE listing_id = $1', [publishedId]);
    expect(indexed).toBe(1);
    await ds.query('DELETE FROM listing_fingerprints WHERE listing_id = $1', [publishedId]);
    expect(await t.app.get(CurationService).backfill()).toBeGreaterThanOrEqual(1);
    const [{ bands }] = await ds.query('SELECT count(*)::int AS bands FROM listing_fingerprint_bands WHERE listing_id = $1', [publishedId]);
    expect(bands).toBe(32);

    const [row] = await ds.query('SELECT version FROM listings WHERE id = $1', [publishedId]);
    expect((await transition(t, 'archiveListing', { id: publishedId, version: row.version }, original.accessToken)).data).toBeTruthy();
    await settleOutbox(t);
    expect(await ds.query('SELECT listing_id FROM listing_fingerprints WHERE listing_id = $1', [publishedId])).toEqual([]);
  });
});
