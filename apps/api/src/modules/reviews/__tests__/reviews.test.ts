import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
} from '@aimatch/api-testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { ReviewsService } from '../reviews.service';

const SUBMIT = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { id side visible revealsAt rating ratings { criterion score } body } }`;
const REVIEWS_OF = `query($o: ID!) { reviewsOf(organizationId: $o, first: 10) { totalCount edges { node { id side visible hidden hiddenReason body rating } } } }`;
const REPUTATION = `query($o: ID!) { organization(id: $o) { id reputation { count mean recentMean previousMean trend criteria { criterion mean count } } } }`;

const CLIENT_RATINGS = (q = 5, c = 4, s = 4, e = 5) => [
  { criterion: 'QUALITY', score: q },
  { criterion: 'COMMUNICATION', score: c },
  { criterion: 'SCHEDULE', score: s },
  { criterion: 'EXPERTISE', score: e },
];
const SUPPLIER_RATINGS = (n = 4) =>
  ['REQUIREMENTS_CLARITY', 'COMMUNICATION', 'COOPERATION', 'PAYMENT'].map((criterion) => ({ criterion, score: n }));

/**
 * Reviews after a completed project, on the real database. The parties come from the bids
 * tables (an ACCEPTED bid and its ACCEPTED partners): `award` writes them with plain SQL when
 * the bids migration is present, else it stands in for the one repository method that reads them.
 */
describe('reviews', () => {
  let t: TestApp;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let partner: SignedUp;
  let stranger: SignedUp;
  let staff: { accessToken: string; userId: string };
  const standIn = new Map<string, { lead: string; partners: string[] }>();

  /** The demand AWARDED to `lead` (with accepted `partners`) and then COMPLETED by its owner. */
  async function awardAndComplete(demandId: string, lead: string, partners: string[] = []): Promise<void> {
    const [{ exists }] = await ds.query(`SELECT to_regclass('bids') IS NOT NULL AS exists`);
    if (exists) {
      const [bid] = await ds.query(
        `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, submitted_at, decided_at)
         VALUES ($1, $2, 'ACCEPTED', 120000000, 12, '테스트 제안', now(), now()) RETURNING id`,
        [demandId, lead],
      );
      for (const p of partners) {
        await ds.query(
          `INSERT INTO bid_partners (bid_id, organization_id, role, share_percent, status) VALUES ($1, $2, 'DATA_LABELLING', 20, 'ACCEPTED')`,
          [bid.id, p],
        );
      }
    } else {
      standIn.set(demandId, { lead, partners });
    }
    await ds.query(`UPDATE listings SET status = 'COMPLETED' WHERE id = $1`, [demandId]);
  }

  const newDemand = async (title: string) =>
    (await publish(t, await createDemand(t, sme, { title }), sme.accessToken, staff.accessToken)).id;
  const submit = (who: SignedUp, demandId: string, ratings: unknown[], body = '납기와 품질 모두 만족스러웠습니다.') =>
    t.gql(SUBMIT, { i: { demandId, ratings, body } }, { token: who.accessToken });
  const reviewsOf = async (who: { accessToken: string }, organizationId: string) =>
    (await t.gql(REVIEWS_OF, { o: organizationId }, { token: who.accessToken })).data!.reviewsOf;
  const reputation = async (organizationId: string) =>
    (await t.gql(REPUTATION, { o: organizationId }, { token: stranger.accessToken })).data!.organization.reputation;
  const reviewCount = async () => (await ds.query('SELECT count(*)::int AS n FROM reviews'))[0].n as number;
  const trackRecord = async (organizationId: string) =>
    (
      await ds.query(
        'SELECT rating_average::float AS rating, rating_count AS count, source FROM organization_track_records WHERE organization_id = $1',
        [organizationId],
      )
    )[0];

  beforeAll(async () => {
    t = await bootTestApp({ env: { MAIL_DIR: mkdtempSync(join(tmpdir(), 'aimatch-reviews-mail-')) } });
    ds = t.app.get(DataSource);
    sme = await signUpOrganization(t, { kind: 'SME' as never });
    supplier = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    partner = await signUpOrganization(t, { kind: 'SI_INTEGRATOR' as never });
    stranger = await signUpOrganization(t, { kind: 'AI_SUPPLIER' as never });
    staff = await signInStaff(t);
    const [{ exists }] = await ds.query(`SELECT to_regclass('bids') IS NOT NULL AS exists`);
    if (!exists) {
      t.app.get(ReviewsService).useAcceptedBids({
        acceptedBidParties: async (demandId) => {
          const p = standIn.get(demandId);
          return p ? { leadOrganizationId: p.lead, partnerOrganizationIds: p.partners } : null;
        },
      });
    }
  });
  afterAll(() => t.close());

  it('refuses a review before completion, by a non-party, and with ratings outside 1–5, writing nothing', async () => {
    const demandId = await newDemand('완료 전 평가 거부 확인용 수요');
    const early = await submit(sme, demandId, CLIENT_RATINGS());
    expect(early.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'demandId', rule: 'not-completed' })],
    });
    const outsider = await submit(stranger, demandId, SUPPLIER_RATINGS());
    expect(outsider.errors![0].extensions.code).toBe('FORBIDDEN');

    await awardAndComplete(demandId, supplier.organizationId);
    const byStranger = await submit(stranger, demandId, SUPPLIER_RATINGS());
    expect(byStranger.errors![0].extensions.code).toBe('FORBIDDEN');
    const bad = await submit(sme, demandId, CLIENT_RATINGS(6, 4, 4, 0), '가'.repeat(2001));
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        expect.objectContaining({ path: 'ratings.0.score', rule: 'range' }),
        expect.objectContaining({ path: 'ratings.3.score', rule: 'range' }),
        expect.objectContaining({ path: 'body', rule: 'max-length' }),
      ],
    });
    const en = await t.gql(
      SUBMIT,
      { i: { demandId, ratings: CLIENT_RATINGS(5, 4, 4, 9), body: '' } },
      { token: sme.accessToken, locale: 'en' },
    );
    expect(en.errors![0].extensions.fields).toEqual([{ path: 'ratings.3.score', rule: 'range', message: 'Must be between 1 and 5.' }]);
    const incomplete = await submit(sme, demandId, [...CLIENT_RATINGS().slice(0, 2), { criterion: 'PAYMENT', score: 3 }]);
    expect(incomplete.errors![0].extensions.fields).toEqual([
      expect.objectContaining({ path: 'ratings.2.criterion', rule: 'enum' }),
      expect.objectContaining({ path: 'ratings', rule: 'missing-criteria' }),
    ]);
    expect(await reviewCount()).toBe(0);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE event_type = 'review.submitted'`);
    expect(n).toBe(0);
  });

  it('keeps a review blind until the other side reviews, then shows both and feeds reputation and the track record', async () => {
    const demandId = await newDemand('양방향 블라인드 평가 확인용 수요');
    await awardAndComplete(demandId, supplier.organizationId, [partner.organizationId]);

    const first = await submit(sme, demandId, CLIENT_RATINGS(5, 4, 4, 5));
    expect(first.data!.submitReview).toMatchObject({ side: 'CLIENT', visible: false, rating: 4.5, revealsAt: expect.any(String) });
    // Only the author sees it while blind.
    expect((await reviewsOf(sme, supplier.organizationId)).edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ visible: false }),
    ]);
    expect((await reviewsOf(supplier, supplier.organizationId)).totalCount).toBe(0);
    expect((await reviewsOf(stranger, supplier.organizationId)).totalCount).toBe(0);
    expect((await reviewsOf(staff, supplier.organizationId)).totalCount).toBe(0);
    expect(await reputation(supplier.organizationId)).toMatchObject({ count: 0, mean: null });
    expect(await trackRecord(supplier.organizationId)).toBeUndefined();

    // Each side once.
    const twice = await submit(sme, demandId, CLIENT_RATINGS());
    expect(twice.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'demandId', rule: 'already-reviewed' })],
    });

    await settleOutbox(t);
    const received = await t.gql(
      '{ notifications(first: 5) { edges { node { type payload link { type id } } } } }',
      {},
      { token: supplier.accessToken },
    );
    expect(received.data!.notifications.edges.map((e: any) => ({ ...e.node, payload: JSON.parse(e.node.payload) }))).toContainEqual({
      type: 'REVIEW_RECEIVED',
      payload: expect.objectContaining({ reviewId: first.data!.submitReview.id, visible: false }),
      link: { type: 'ORGANIZATION', id: supplier.organizationId },
    });

    // The accepted consortium partner reviews for the supplier side: both become public.
    const second = await submit(partner, demandId, SUPPLIER_RATINGS(3));
    expect(second.data!.submitReview).toMatchObject({ side: 'SUPPLIER', visible: true });
    const lead = await submit(supplier, demandId, SUPPLIER_RATINGS(5));
    expect(lead.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'demandId', rule: 'already-reviewed' })]);
    expect((await reviewsOf(stranger, supplier.organizationId)).edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ visible: true, rating: 4.5 }),
    ]);
    expect((await reviewsOf(stranger, sme.organizationId)).edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ side: 'SUPPLIER', rating: 3 }),
    ]);
    expect(await reputation(supplier.organizationId)).toMatchObject({
      count: 1,
      mean: 4.5,
      recentMean: 4.5,
      previousMean: null,
      trend: null,
    });
    expect((await reputation(supplier.organizationId)).criteria).toContainEqual({ criterion: 'QUALITY', mean: 5, count: 1 });
    expect(await trackRecord(supplier.organizationId)).toEqual({ rating: 4.5, count: 1, source: 'REVIEWS' });
    expect(await trackRecord(sme.organizationId)).toEqual({ rating: 3, count: 1, source: 'REVIEWS' });

    // The first author's side now hears that its received review is public.
    await settleOutbox(t);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM notifications n JOIN memberships m ON m.user_id = n.user_id
        WHERE m.organization_id = $1 AND n.type = 'REVIEW_RECEIVED' AND n.payload->>'visible' = 'true'`,
      [supplier.organizationId],
    );
    expect(n).toBe(1);
  });

  it('reveals a lone review 14 days after it was submitted (moved clock)', async () => {
    const demandId = await newDemand('14일 공개 확인용 수요');
    await awardAndComplete(demandId, supplier.organizationId);
    const clock = t.app.get(Clock);
    const start = Date.now();
    const res = await submit(supplier, demandId, SUPPLIER_RATINGS(2));
    expect(res.data!.submitReview.visible).toBe(false);
    const service = t.app.get(ReviewsService);
    const spy = jest.spyOn(clock, 'now');
    try {
      spy.mockReturnValue(new Date(start + 13 * 86_400_000));
      expect(await service.revealDue()).toBe(0);
      expect((await reviewsOf(stranger, sme.organizationId)).totalCount).toBe(1);

      spy.mockReturnValue(new Date(start + 14 * 86_400_000 + 60_000));
      // Public on read as soon as the period is over; the sweep writes it down and updates the track record.
      expect((await reviewsOf(stranger, sme.organizationId)).totalCount).toBe(2);
      expect(await service.revealDue()).toBe(1);
      expect(await service.revealDue()).toBe(0);
      expect(await trackRecord(sme.organizationId)).toEqual({ rating: 2.5, count: 2, source: 'REVIEWS' });
    } finally {
      spy.mockRestore();
    }
    expect((await reviewsOf(stranger, sme.organizationId)).totalCount).toBe(2);
    expect(await reputation(sme.organizationId)).toMatchObject({ count: 2, mean: 2.5 });
  });

  it('notifies each recipient once when the review event is handled again', async () => {
    const [event] = await ds.query(
      `SELECT aggregate_type, aggregate_id, payload FROM outbox WHERE event_type = 'review.submitted' ORDER BY id LIMIT 1`,
    );
    const count = async () =>
      (
        await ds.query(`SELECT count(*)::int AS n FROM notifications WHERE type = 'REVIEW_RECEIVED' AND payload->>'reviewId' = $1`, [
          event.payload.reviewId,
        ])
      )[0].n as number;
    await settleOutbox(t);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await ds.query(`INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ($1, $2, 'review.submitted', $3)`, [
      event.aggregate_type,
      event.aggregate_id,
      JSON.stringify(event.payload),
    ]);
    await ds.query(`INSERT INTO outbox (aggregate_type, aggregate_id, event_type, payload) VALUES ($1, $2, 'review.submitted', $3)`, [
      event.aggregate_type,
      event.aggregate_id,
      JSON.stringify(event.payload),
    ]);
    await settleOutbox(t);
    expect(await count()).toBe(before);
  });

  it('lets users report a review and staff hide it with a reason (audited), out of every aggregate', async () => {
    const [review] = (await reviewsOf(stranger, supplier.organizationId)).edges.map((e: any) => e.node);
    expect(
      await t.gql(
        'mutation($id: ID!) { reportReview(id: $id, reason: "사실과 다릅니다") }',
        { id: review.id },
        { token: stranger.accessToken },
      ),
    ).toMatchObject({ data: { reportReview: true } });
    expect(
      await t.gql('mutation($id: ID!) { reportReview(id: $id, reason: "다시 신고") }', { id: review.id }, { token: stranger.accessToken }),
    ).toMatchObject({ data: { reportReview: true } });
    const [{ reports }] = await ds.query('SELECT count(*)::int AS reports FROM review_reports WHERE review_id = $1', [review.id]);
    expect(reports).toBe(1);
    const empty = await t.gql(
      'mutation($id: ID!) { reportReview(id: $id, reason: "  ") }',
      { id: review.id },
      { token: stranger.accessToken },
    );
    expect(empty.errors![0].extensions.fields).toEqual([expect.objectContaining({ path: 'reason', rule: 'required' })]);

    const notStaff = await t.gql(
      'mutation($id: ID!) { hideReview(id: $id, reason: "x") { id } }',
      { id: review.id },
      { token: sme.accessToken },
    );
    expect(notStaff.errors![0].extensions.code).toBe('FORBIDDEN');
    const hidden = await t.gql(
      'mutation($id: ID!) { hideReview(id: $id, reason: "개인정보가 포함되어 있습니다") { id hidden visible hiddenReason } }',
      { id: review.id },
      { token: staff.accessToken },
    );
    expect(hidden.data!.hideReview).toEqual({ id: review.id, hidden: true, visible: false, hiddenReason: '개인정보가 포함되어 있습니다' });
    const [audit] = await ds.query(`SELECT actor_user_id, details FROM audit_log WHERE action = 'review.hide' AND subject_id = $1`, [
      review.id,
    ]);
    expect(audit).toMatchObject({
      actor_user_id: staff.userId,
      details: expect.objectContaining({ reason: '개인정보가 포함되어 있습니다' }),
    });

    expect((await reviewsOf(stranger, supplier.organizationId)).totalCount).toBe(0);
    expect((await reviewsOf(staff, supplier.organizationId)).edges.map((e: any) => e.node)).toEqual([
      expect.objectContaining({ hidden: true, hiddenReason: '개인정보가 포함되어 있습니다' }),
    ]);
    expect(await reputation(supplier.organizationId)).toMatchObject({ count: 0, mean: null });
    expect(await trackRecord(supplier.organizationId)).toEqual({ rating: null, count: 0, source: 'REVIEWS' });
    // A hidden or blind review cannot be reported by those who cannot read it.
    const gone = await t.gql(
      'mutation($id: ID!) { reportReview(id: $id, reason: "신고") }',
      { id: review.id },
      { token: stranger.accessToken },
    );
    expect(gone.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('left no outbox event failing', async () => {
    await settleOutbox(t);
    expect(await ds.query('SELECT event_type, last_error FROM outbox WHERE last_error IS NOT NULL')).toEqual([]);
  });

  it('batches reputation for many organizations in one request', async () => {
    const res = await t.gql(
      `query($a: ID!, $b: ID!) { a: organization(id: $a) { reputation { count mean } } b: organization(id: $b) { reputation { count mean trend } } }`,
      { a: sme.organizationId, b: stranger.organizationId },
      { token: stranger.accessToken },
    );
    expect(res.data).toEqual({ a: { reputation: { count: 2, mean: 2.5 } }, b: { reputation: { count: 0, mean: null, trend: null } } });
  });

  // M (#12 item 5). Last in the file: it adds reports and hides a review, which the aggregates above must not see.
  it('never shows staff a review during its blind period: hide and the report list withhold it until it is revealed', async () => {
    const REPORTS = `{ reviewReports(first: 10) { totalCount edges { node { reviewId reportCount reasons firstReportedAt
      review { id withheld blindUntil body rating ratings { criterion score } hidden demandTitle subjectOrganization { id } } } } } }`;
    const reports = async () => (await t.gql(REPORTS, {}, { token: staff.accessToken })).data!.reviewReports;
    const demandId = await newDemand('블라인드 기간 중 운영자 열람 금지 확인용 수요');
    await awardAndComplete(demandId, stranger.organizationId);
    const blind = (await submit(sme, demandId, CLIENT_RATINGS(1, 1, 1, 1), '비공개 기간의 평가 본문')).data!.submitReview;
    expect(blind.visible).toBe(false);
    // Its author's organization can read (and so report) it; staff only learn that it exists.
    await t.gql('mutation($id: ID!) { reportReview(id: $id, reason: "실수로 작성") }', { id: blind.id }, { token: sme.accessToken });
    const [visible] = (await reviewsOf(stranger, sme.organizationId)).edges.map((e: any) => e.node);
    expect(visible.visible).toBe(true);
    await t.gql('mutation($id: ID!) { reportReview(id: $id, reason: "욕설 포함") }', { id: visible.id }, { token: stranger.accessToken });

    const queue = await reports();
    expect(queue.totalCount).toBe(2);
    expect(queue.edges.map((e: any) => e.node)).toEqual([
      {
        reviewId: blind.id,
        reportCount: 1,
        reasons: ['실수로 작성'],
        firstReportedAt: expect.any(String),
        review: {
          id: blind.id,
          withheld: true,
          blindUntil: blind.revealsAt,
          body: null,
          rating: null,
          ratings: null,
          hidden: false,
          demandTitle: '블라인드 기간 중 운영자 열람 금지 확인용 수요',
          subjectOrganization: { id: stranger.organizationId },
        },
      },
      expect.objectContaining({
        reviewId: visible.id,
        reasons: ['욕설 포함'],
        review: expect.objectContaining({ withheld: false, blindUntil: null, body: visible.body, rating: visible.rating }),
      }),
    ]);

    // Hiding a blind review answers without its content (it returned the text before).
    const hidden = await t.gql(
      'mutation($id: ID!) { hideReview(id: $id, reason: "중복 작성") { id hidden withheld blindUntil body rating ratings { score } } }',
      { id: blind.id },
      { token: staff.accessToken },
    );
    expect(hidden.data!.hideReview).toEqual({
      id: blind.id,
      hidden: true,
      withheld: true,
      blindUntil: blind.revealsAt,
      body: null,
      rating: null,
      ratings: null,
    });
    // Hiding resolved its reports: the queue keeps only the other one.
    expect((await reports()).edges.map((e: any) => e.node.reviewId)).toEqual([visible.id]);

    const dismiss = (id: string, reason: string, token = staff.accessToken) =>
      t.gql('mutation($id: ID!, $r: String!) { dismissReviewReports(reviewId: $id, reason: $r) }', { id, r: reason }, { token });
    expect((await dismiss(visible.id, '  ')).errors![0].extensions.fields).toEqual([
      expect.objectContaining({ path: 'reason', rule: 'required' }),
    ]);
    expect((await dismiss(visible.id, '가'.repeat(2001))).errors![0].extensions.fields).toEqual([
      expect.objectContaining({ path: 'reason', rule: 'max-length' }),
    ]);
    expect((await dismiss('00000000-0000-4000-8000-000000000000', '문제 없음')).errors![0].extensions.code).toBe('NOT_FOUND');
    expect((await dismiss(visible.id, '문제 없음', sme.accessToken)).errors![0].extensions.code).toBe('FORBIDDEN');
    expect((await dismiss(visible.id, '표현이 과격하지만 사실에 근거함')).data).toEqual({ dismissReviewReports: true });
    expect((await dismiss(visible.id, '다시')).errors![0].extensions.code).toBe('CONFLICT');
    expect(await reports()).toEqual({ totalCount: 0, edges: [] });
    // Not hidden by a dismissal; both resolutions are on record.
    expect((await reviewsOf(stranger, sme.organizationId)).edges.map((e: any) => e.node.id)).toContain(visible.id);
    expect(
      await ds.query(
        `SELECT review_id AS "reviewId", status, resolution, resolved_by_id AS "by" FROM review_reports
          WHERE review_id = ANY($1::uuid[]) ORDER BY resolution`,
        [[blind.id, visible.id]],
      ),
    ).toEqual([
      { reviewId: visible.id, status: 'RESOLVED', resolution: 'DISMISS', by: staff.userId },
      { reviewId: blind.id, status: 'RESOLVED', resolution: 'HIDE', by: staff.userId },
    ]);
    const [audit] = await ds.query(
      `SELECT actor_user_id, details FROM audit_log WHERE action = 'review.reports.dismissed' AND subject_id = $1`,
      [visible.id],
    );
    expect(audit).toMatchObject({
      actor_user_id: staff.userId,
      details: expect.objectContaining({ reason: '표현이 과격하지만 사실에 근거함', reports: 1 }),
    });
  });
});
