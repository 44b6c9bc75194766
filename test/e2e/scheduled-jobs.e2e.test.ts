import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  bootTestApp,
  createDemand,
  publish,
  settleOutbox,
  signInStaff,
  signUpOrganization,
  type SignedUp,
  type TestApp,
  testConfig,
} from '@aimatch/api-testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory';
import { type JobOutcome, JobScheduler } from '../../apps/api/src/common/scheduling/job-scheduler.service';
import { OUTBOX_POLL_JOB } from '../../apps/api/src/database/outbox/outbox.dispatcher';
import { BID_EXPIRY_JOB } from '../../apps/api/src/modules/bids/bids.jobs';
import { REVIEW_REVEAL_JOB } from '../../apps/api/src/modules/reviews/reviews.jobs';
import { SEARCH_TOMBSTONE_PRUNE_JOB } from '../../apps/api/src/modules/search/search.jobs';

const SUBMIT_REVIEW = `mutation($i: SubmitReviewInput!) { submitReview(input: $i) { id visible } }`;
const SUPPLIER_RATINGS = ['REQUIREMENTS_CLARITY', 'COMMUNICATION', 'COOPERATION', 'PAYMENT'].map((criterion) => ({ criterion, score: 4 }));

/** The first run to settle, or a failure when none does in time (without the lock both would wait inside the sweep). */
function firstSettled(runs: Array<Promise<JobOutcome>>, timeoutMs = 10_000): Promise<JobOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('neither instance was skipped: both are inside the sweep')), timeoutMs);
  });
  return Promise.race([...runs, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Each scheduled sweep runs once across two API instances on one PostgreSQL: both trigger it at
 * the same moment while a test transaction holds the sweep's table, so the instance that got the
 * job's advisory lock is still inside the sweep when the other one asks, and that one is skipped.
 * Then the work (an expiry, a reveal, a pruned tombstone) is found exactly once.
 */
describe('scheduled jobs on two instances', () => {
  let one: TestApp;
  let two: NestFastifyApplication;
  let ds: DataSource;
  let sme: SignedUp;
  let supplier: SignedUp;
  let staff: string;
  const schedulers = () => [one.app.get(JobScheduler), two.get(JobScheduler)];

  /** Triggers `job` on both instances at once while `table` is locked against writes; returns the one outcome that ran. */
  async function runOnBoth(job: string, table: string): Promise<JobOutcome & { status: 'ran' }> {
    const before = schedulers().map((s) => s.stats(job));
    const blocker = ds.createQueryRunner();
    await blocker.connect();
    let runs: Array<Promise<JobOutcome>>;
    try {
      await blocker.startTransaction();
      await blocker.query(`LOCK TABLE ${table} IN SHARE MODE`);
      runs = schedulers().map((s) => s.runNow(job));
      expect(await firstSettled(runs)).toEqual({ name: job, status: 'skipped', reason: 'locked' });
    } finally {
      if (blocker.isTransactionActive) await blocker.commitTransaction();
      await blocker.release();
    }
    const outcomes = await Promise.all(runs);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['ran', 'skipped']);
    const after = schedulers().map((s) => s.stats(job));
    expect(after.reduce((n, s, i) => n + s.ran - before[i].ran, 0)).toBe(1);
    expect(after.reduce((n, s, i) => n + s.skipped - before[i].skipped, 0)).toBe(1);
    return outcomes.find((o) => o.status === 'ran') as JobOutcome & { status: 'ran' };
  }

  beforeAll(async () => {
    one = await bootTestApp();
    two = await createApp(testConfig(one.config.DATABASE_URL!));
    await two.init();
    ds = one.app.get(DataSource);
    sme = await signUpOrganization(one, { kind: 'SME' as never });
    supplier = await signUpOrganization(one, { kind: 'AI_SUPPLIER' as never });
    await ds.query(`UPDATE organizations SET verification_status = 'VERIFIED' WHERE id = $1`, [supplier.organizationId]);
    staff = (await signInStaff(one)).accessToken;
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  const publishedDemand = async (title: string) => (await publish(one, await createDemand(one, sme, { title }), sme.accessToken, staff)).id;

  it('registers every sweep on every instance, timers off in tests', () => {
    for (const s of schedulers()) {
      expect(s.names()).toEqual(expect.arrayContaining([BID_EXPIRY_JOB, REVIEW_REVEAL_JOB, SEARCH_TOMBSTONE_PRUNE_JOB, OUTBOX_POLL_JOB]));
    }
  });

  it('expires an undecided bid once, with one BID_EXPIRED notification', async () => {
    const demandId = await publishedDemand('입찰 만료 스윕 확인용 수요');
    const [bid] = await ds.query(
      `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, submitted_at)
       VALUES ($1, $2, 'SUBMITTED', 120000000, 12, '스윕 테스트 제안', now()) RETURNING id`,
      [demandId, supplier.organizationId],
    );
    await ds.query(`UPDATE listings SET bid_deadline = now() - interval '90 days' WHERE id = $1`, [demandId]);

    const ran = await runOnBoth(BID_EXPIRY_JOB, 'bids');
    expect((ran.result as Array<{ id: string }>).map((e) => e.id)).toEqual([bid.id]);
    expect(await ds.query(`SELECT status FROM bids WHERE id = $1`, [bid.id])).toEqual([{ status: 'EXPIRED' }]);
    const [{ events }] = await ds.query(`SELECT count(*)::int AS events FROM bid_events WHERE bid_id = $1 AND action = 'expire'`, [bid.id]);
    expect(events).toBe(1);
    const [{ notified }] = await ds.query(
      `SELECT count(*)::int AS notified FROM notifications n JOIN memberships m ON m.user_id = n.user_id
        WHERE m.organization_id = $1 AND n.type = 'BID_EXPIRED' AND n.payload->>'bidId' = $2`,
      [supplier.organizationId, bid.id],
    );
    expect(notified).toBe(1);
  });

  it('reveals a lone review after the blind period once', async () => {
    const demandId = await publishedDemand('평가 공개 스윕 확인용 수요');
    await ds.query(
      `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, submitted_at, decided_at)
       VALUES ($1, $2, 'ACCEPTED', 120000000, 12, '스윕 테스트 제안', now(), now())`,
      [demandId, supplier.organizationId],
    );
    await ds.query(`UPDATE listings SET status = 'COMPLETED' WHERE id = $1`, [demandId]);
    const submitted = await one.gql(
      SUBMIT_REVIEW,
      { i: { demandId, ratings: SUPPLIER_RATINGS, body: '요구사항이 명확했습니다.' } },
      { token: supplier.accessToken },
    );
    expect(submitted.data!.submitReview.visible).toBe(false);
    const reviewId = submitted.data!.submitReview.id as string;
    await settleOutbox(one);
    await ds.query(`UPDATE reviews SET submitted_at = now() - interval '15 days' WHERE id = $1`, [reviewId]);

    const ran = await runOnBoth(REVIEW_REVEAL_JOB, 'reviews');
    expect(ran.result).toBe(1);
    const [review] = await ds.query(`SELECT revealed_at IS NOT NULL AS revealed FROM reviews WHERE id = $1`, [reviewId]);
    expect(review.revealed).toBe(true);
    const [{ notified }] = await ds.query(
      `SELECT count(*)::int AS notified FROM notifications n JOIN memberships m ON m.user_id = n.user_id
        WHERE m.organization_id = $1 AND n.type = 'REVIEW_RECEIVED' AND n.payload->>'visible' = 'true'`,
      [sme.organizationId],
    );
    expect(notified).toBe(1);
  });

  it('prunes search tombstones older than a week once and keeps recent ones', async () => {
    const [old] = await ds.query(
      `INSERT INTO search_document_tombstones (seq, id, deleted_at)
       VALUES (nextval('search_documents_seq'), gen_random_uuid(), now() - interval '8 days') RETURNING id`,
    );
    const [recent] = await ds.query(
      `INSERT INTO search_document_tombstones (seq, id, deleted_at)
       VALUES (nextval('search_documents_seq'), gen_random_uuid(), now() - interval '6 days') RETURNING id`,
    );

    const ran = await runOnBoth(SEARCH_TOMBSTONE_PRUNE_JOB, 'search_document_tombstones');
    expect(ran.result).toBe(1);
    const left = (await ds.query(`SELECT id FROM search_document_tombstones`)).map((r: { id: string }) => r.id);
    expect(left).toContain(recent.id);
    expect(left).not.toContain(old.id);
  });
});
