import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { BidsService } from '../../bids/bids.service';
import { ChatService } from '../../chat/chat.service';
import { IdentityService } from '../../identity/identity.service';
import { ListingsService } from '../../listings/listings.service';

/**
 * #15 "Numbers": the rollups behind `marketStats` (listing_daily/monthly_counts, bid_daily_stats with
 * bid_stats_demands, chat_first_responses, organization_daily_counts) answer exactly what the direct counts over the base tables
 * answer, after inserts, updates (status, content, times, multi-row statements), events and deletes,
 * over ranges inside a month, across months, whole months and five years.
 */
describe('market-stats rollups equal the direct counts', () => {
  let t: TestApp;
  let ds: DataSource;
  let orgs: string[];
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const kstMidnight = (day: string) => new Date(`${day}T00:00:00+09:00`);
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  /** A random instant between 2022-01-01 and 2026-12-31 (Korean time), to the millisecond, some on a Korean midnight. */
  const instant = () => {
    const ms = Date.parse('2022-01-01T00:00:00+09:00') + Math.floor(rand() * 5 * 365 * 86_400_000);
    return new Date(rand() < 0.1 ? ms - ((ms + 9 * 3_600_000) % 86_400_000) : ms);
  };
  const RANGES: Array<[string, string]> = [
    ['2024-03-01', '2024-03-31'], // one whole month
    ['2024-03-05', '2024-03-20'], // inside a month
    ['2023-11-17', '2025-02-03'], // ragged ends and whole months between
    ['2025-06-15', '2025-06-15'], // one day
    ['2022-01-01', '2026-12-31'], // five years
    ['2024-02-29', '2024-04-01'], // a leap day, one whole month and a day
  ];

  const direct = {
    listings: (from: Date, to: Date, unit: string) =>
      q(
        `WITH l AS (SELECT kind, status, region_id, created_at, CASE WHEN kind = 'DEMAND' THEN content->'requirement' ELSE content->'capability' END AS cap
            FROM listings WHERE created_at >= $1 AND created_at < $2)
         SELECT 'status' AS dimension, kind, status AS key, count(*)::int AS count FROM l GROUP BY 2, 3
         UNION ALL SELECT 'region', kind, region_id, count(*)::int FROM l GROUP BY 2, 3
         UNION ALL SELECT 'industry', kind, x, count(*)::int FROM l, jsonb_array_elements_text(coalesce(l.cap->'industries', '[]')) x GROUP BY 2, 3
         UNION ALL SELECT 'task', kind, x, count(*)::int FROM l, jsonb_array_elements_text(coalesce(l.cap->'tasks', '[]')) x GROUP BY 2, 3
         UNION ALL SELECT 'period', kind, to_char(date_trunc($3, created_at AT TIME ZONE 'Asia/Seoul'), 'YYYY-MM-DD'), count(*)::int FROM l GROUP BY 2, 3`,
        [from, to, unit],
      ),
    bids: async (from: Date, to: Date) => {
      const [row] = await q(
        `WITH b AS MATERIALIZED (SELECT id, demand_id, status, match_score_at_award FROM bids WHERE submitted_at >= $1 AND submitted_at < $2)
         SELECT count(*)::int AS bids, count(DISTINCT demand_id)::int AS demands,
                count(*) FILTER (WHERE status IN ('SHORTLISTED', 'ACCEPTED')
                  OR EXISTS (SELECT 1 FROM bid_events e WHERE e.bid_id = b.id AND e.to_status = 'SHORTLISTED'))::int AS shortlisted,
                count(DISTINCT demand_id) FILTER (WHERE status = 'ACCEPTED')::int AS "awardedDemands",
                coalesce(array_agg(match_score_at_award) FILTER (WHERE status = 'ACCEPTED' AND match_score_at_award IS NOT NULL), '{}') AS scores
           FROM b`,
        [from, to],
      );
      const scoreBuckets = Array.from({ length: 10 }, () => 0);
      for (const s of row.scores as number[]) scoreBuckets[Math.min(9, Math.floor(s / 10))]++;
      return { bids: row.bids, demands: row.demands, shortlisted: row.shortlisted, awardedDemands: row.awardedDemands, scoreBuckets };
    },
    medianHoursToFirstBid: async (from: Date, to: Date) => {
      const [row] = await q(
        `WITH f AS (SELECT demand_id, min(submitted_at) AS at FROM bids WHERE submitted_at IS NOT NULL GROUP BY 1 HAVING min(submitted_at) >= $1 AND min(submitted_at) < $2)
         SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.at - l.published_at) / 3600) AS median
           FROM f JOIN listings l ON l.id = f.demand_id WHERE l.published_at IS NOT NULL`,
        [from, to],
      );
      return row.median === null ? null : Number(row.median);
    },
    organizations: (from: Date, to: Date, unit: string) =>
      q(
        `SELECT to_char(date_trunc($3, created_at AT TIME ZONE 'Asia/Seoul'), 'YYYY-MM-DD') AS period, kind, count(*)::int AS count
           FROM organizations WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2 ORDER BY 1, 2`,
        [from, to, unit],
      ),
    chat: async (from: Date, to: Date) => {
      const [row] = await q(
        `WITH f AS (
           SELECT DISTINCT ON (m.conversation_id) m.conversation_id, m.sender_organization_id, m.created_at, m.seq
             FROM chat_messages m WHERE m.kind = 'USER' ORDER BY m.conversation_id, m.seq),
         r AS (
           SELECT f.created_at AS first_at,
                  (SELECT min(a.created_at) FROM chat_messages a WHERE a.conversation_id = f.conversation_id AND a.kind = 'USER'
                      AND a.seq > f.seq AND a.sender_organization_id IS DISTINCT FROM f.sender_organization_id) AS answer_at
             FROM f WHERE f.created_at >= $1 AND f.created_at < $2)
         SELECT count(*)::int AS conversations, count(answer_at)::int AS answered,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM answer_at - first_at) / 60) AS "medianMinutes" FROM r`,
        [from, to],
      );
      return { ...row, medianMinutes: row.medianMinutes === null ? null : Number(row.medianMinutes) };
    },
  };
  const sorted = (rows: Array<{ dimension: string; kind: string; key: string | null; count: number }>) =>
    rows.map((r) => `${r.dimension}|${r.kind}|${r.key ?? ''}|${r.count}`).sort();

  async function expectEqual(stage: string): Promise<void> {
    const listings = t.app.get(ListingsService);
    const bids = t.app.get(BidsService);
    const chat = t.app.get(ChatService);
    const identity = t.app.get(IdentityService);
    for (const [f, to] of RANGES) {
      const from = kstMidnight(f);
      const end = kstMidnight(nextDay(to));
      const label = `${stage} ${f}..${to}`;
      for (const unit of ['day', 'week', 'month'] as const) {
        expect([label, unit, sorted(await listings.marketCounts(from, end, unit))]).toEqual([
          label,
          unit,
          sorted(await direct.listings(from, end, unit)),
        ]);
        expect([label, unit, await identity.newOrganizationsPerPeriod(from, end, unit)]).toEqual([
          label,
          unit,
          await direct.organizations(from, end, unit),
        ]);
      }
      expect([label, await bids.marketStats(from, end)]).toEqual([label, await direct.bids(from, end)]);
      expect([label, await bids.medianHoursToFirstBid(from, end)]).toEqual([label, await direct.medianHoursToFirstBid(from, end)]);
      expect([label, await chat.firstResponseStats(from, end)]).toEqual([label, await direct.chat(from, end)]);
    }
  }

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    const ids = async (scheme: string) =>
      ((await q(`SELECT id FROM concepts WHERE id LIKE $1 ORDER BY id LIMIT 6`, [`urn:aimatch:${scheme}:%`])) as Array<{ id: string }>).map(
        (r) => r.id,
      );
    const [regions, industries, tasks] = [await ids('region'), await ids('industry'), await ids('task')];
    orgs = [];
    for (let i = 0; i < 8; i++) {
      const [o] = await q(
        `INSERT INTO organizations (kind, name_ko, business_registration_number, verification_status) VALUES ($1, $2, $3, 'VERIFIED') RETURNING id`,
        [i === 0 ? 'SME' : 'AI_SUPPLIER', `롤업 기업 ${i}`, `99${String(i).padStart(8, '0')}`],
      );
      orgs.push(o.id);
    }
    for (let i = 0; i < 30; i++) {
      await q(`INSERT INTO organizations (kind, name_ko, business_registration_number, created_at) VALUES ($1, $2, $3, $4)`, [
        pick(['SME', 'AI_SUPPLIER', 'SI_INTEGRATOR', 'PUBLIC_AGENCY']),
        `롤업 신규 기업 ${i}`,
        `98${String(i).padStart(8, '0')}`,
        instant(),
      ]);
    }
    // One statement inserting several organizations at once.
    await q(`INSERT INTO organizations (kind, name_ko, business_registration_number, created_at)
             SELECT 'SME', '롤업 묶음 기업 ' || i, '97' || lpad(i::text, 8, '0'), timestamptz '2024-03-10 23:59:59.999+09' + i * interval '1 hour'
               FROM generate_series(1, 10) i`);
    const STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED', 'AWARDED', 'ARCHIVED', 'PAUSED'];
    const content = (kind: string) => {
      const cap = {
        tasks: [pick(tasks), pick(tasks)].filter((x, i, xs) => xs.indexOf(x) === i),
        industries: rand() < 0.2 ? [] : [pick(industries)],
      };
      return kind === 'DEMAND' ? { kind, requirement: cap } : { kind, capability: cap };
    };
    for (let i = 0; i < 120; i++) {
      const kind = rand() < 0.7 ? 'DEMAND' : 'SUPPLY';
      const created = instant();
      await q(
        `INSERT INTO listings (kind, organization_id, status, title, content, region_id, created_at, published_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          kind,
          orgs[0],
          pick(STATUSES),
          `롤업 공고 ${i}`,
          JSON.stringify(content(kind)),
          rand() < 0.3 ? null : pick(regions),
          created,
          rand() < 0.9 ? new Date(created.getTime() + Math.floor(rand() * 5 * 86_400_000)) : null,
        ],
      );
    }
    const demands = (
      (await q(`SELECT id, published_at FROM listings WHERE kind = 'DEMAND' ORDER BY id`)) as Array<{
        id: string;
        published_at: Date | null;
      }>
    ).slice(0, 60);
    for (const d of demands) {
      const n = Math.floor(rand() * 5);
      const base = d.published_at ?? instant();
      for (let k = 1; k <= n; k++) {
        const status = k === 1 && rand() < 0.4 ? 'ACCEPTED' : pick(['DRAFT', 'SUBMITTED', 'SHORTLISTED', 'DECLINED', 'WITHDRAWN']);
        const submitted = status === 'DRAFT' ? null : new Date(base.getTime() + Math.floor(rand() * 40 * 86_400_000));
        await q(
          `INSERT INTO bids (demand_id, organization_id, status, amount_krw, duration_weeks, approach, submitted_at, match_score_at_award)
           VALUES ($1, $2, $3, 1000000, 4, '롤업 제안', $4, $5)`,
          [d.id, orgs[k], status, submitted, status === 'ACCEPTED' && rand() < 0.9 ? Math.floor(rand() * 101) : null],
        );
      }
    }
    // Conversations: a first message, maybe messages of the same side, maybe an answer; some system messages.
    for (let i = 0; i < 40; i++) {
      const [a, b] = [orgs[1 + (i % 7)], orgs[0]].sort();
      const [c] = await q(
        `INSERT INTO conversations (context_type, context_id, organization_low, organization_high, created_at) VALUES ('DEMAND', gen_random_uuid(), $1, $2, $3) RETURNING id`,
        [a, b, instant()],
      );
      let at = instant().getTime();
      const senders = Array.from({ length: 1 + Math.floor(rand() * 4) }, () => (rand() < 0.5 ? a : b));
      for (const [s, sender] of senders.entries()) {
        at += Math.floor(rand() * 3 * 86_400_000);
        if (rand() < 0.15) {
          await q(
            `INSERT INTO chat_messages (conversation_id, seq, kind, system_event, created_at) VALUES ($1, $2, 'SYSTEM', 'bench', $3)`,
            [c.id, s + 1, new Date(at)],
          );
        } else {
          await q(
            `INSERT INTO chat_messages (conversation_id, seq, sender_organization_id, client_message_id, body, created_at) VALUES ($1, $2, $3, $4, '안녕하세요', $5)`,
            [c.id, s + 1, sender, `rollup-${i}-${s}`, new Date(at)],
          );
        }
      }
    }
  });
  afterAll(() => t.close());

  it('after inserts', async () => {
    // The data is not trivial: over five years every metric counts something.
    const five: [Date, Date] = [kstMidnight('2022-01-01'), kstMidnight('2027-01-01')];
    const b = await direct.bids(...five);
    expect(Math.min(b.bids, b.demands, b.shortlisted, b.awardedDemands, b.bids - b.demands)).toBeGreaterThan(0);
    expect(await direct.medianHoursToFirstBid(...five)).not.toBeNull();
    const c = await direct.chat(...five);
    expect(Math.min(c.answered, c.conversations - c.answered)).toBeGreaterThan(0);
    await expectEqual('inserted');
  });

  it('after status, content, time and publication changes, events and multi-row statements', async () => {
    const listings = (await q(`SELECT id FROM listings ORDER BY id`)) as Array<{ id: string }>;
    for (const l of listings.slice(0, 30)) {
      const r = rand();
      if (r < 0.3) await q(`UPDATE listings SET status = 'ARCHIVED' WHERE id = $1`, [l.id]);
      else if (r < 0.5) await q(`UPDATE listings SET created_at = $2 WHERE id = $1`, [l.id, instant()]);
      else if (r < 0.7)
        await q(`UPDATE listings SET region_id = NULL, content = jsonb_set(content, '{requirement,tasks}', '[]') WHERE id = $1`, [l.id]);
      else await q(`UPDATE listings SET published_at = published_at + interval '7 hours' WHERE id = $1`, [l.id]);
    }
    // Whole-table statements touch many demands at once (and several bids of one demand).
    await q(`UPDATE bids SET submitted_at = submitted_at + interval '13 hours' WHERE status IN ('SUBMITTED', 'DECLINED')`);
    await q(`UPDATE bids SET status = 'SUBMITTED', submitted_at = created_at WHERE status = 'DRAFT'`);
    const bids = (await q(`SELECT id, status FROM bids ORDER BY id`)) as Array<{ id: string; status: string }>;
    for (const b of bids.slice(0, 40)) {
      const r = rand();
      if (r < 0.25 && b.status === 'SUBMITTED') await q(`UPDATE bids SET status = 'SHORTLISTED' WHERE id = $1`, [b.id]);
      else if (r < 0.5) {
        await q(
          `INSERT INTO bid_events (bid_id, version, action, from_status, to_status) VALUES ($1, 1, 'shortlist', 'SUBMITTED', 'SHORTLISTED')`,
          [b.id],
        );
        if (b.status !== 'ACCEPTED') await q(`UPDATE bids SET status = 'DECLINED' WHERE id = $1`, [b.id]);
      } else if (r < 0.6 && b.status === 'ACCEPTED') await q(`UPDATE bids SET match_score_at_award = 95 WHERE id = $1`, [b.id]);
      else if (r < 0.7) await q(`UPDATE bids SET submitted_at = $2 WHERE id = $1`, [b.id, instant()]);
    }
    await q(`UPDATE organizations SET created_at = created_at - interval '200 days' WHERE name_ko LIKE '롤업 신규 기업 1%'`);
    await q(`UPDATE organizations SET kind = 'PUBLIC_AGENCY' WHERE name_ko LIKE '롤업 묶음 기업 %' AND name_ko > '롤업 묶음 기업 5'`);
    await q(`UPDATE organizations SET name_ko = name_ko || ' (수정)' WHERE name_ko LIKE '롤업 신규 기업 2%'`);
    const messages = (await q(`SELECT id FROM chat_messages WHERE kind = 'USER' ORDER BY id`)) as Array<{ id: string }>;
    for (const m of messages.slice(0, 25)) {
      const r = rand();
      if (r < 0.3) await q(`UPDATE chat_messages SET sender_organization_id = $2 WHERE id = $1`, [m.id, pick(orgs)]);
      else if (r < 0.6) await q(`UPDATE chat_messages SET created_at = created_at - interval '40 days' WHERE id = $1`, [m.id]);
      else await q(`UPDATE chat_messages SET body = NULL, deleted_at = now() WHERE id = $1`, [m.id]);
    }
    await expectEqual('updated');
  });

  it('after deletes (bids, events, listings with their bids, messages and conversations)', async () => {
    await q(`DELETE FROM bid_events WHERE id IN (SELECT id FROM bid_events ORDER BY id LIMIT 5)`);
    await q(`DELETE FROM bids WHERE id IN (SELECT id FROM bids ORDER BY id LIMIT 10)`);
    await q(`DELETE FROM listings WHERE id IN (SELECT id FROM listings ORDER BY id LIMIT 12)`);
    await q(`DELETE FROM chat_messages WHERE id IN (SELECT id FROM chat_messages ORDER BY id LIMIT 15)`);
    await q(`DELETE FROM conversations WHERE id IN (SELECT id FROM conversations ORDER BY id LIMIT 5)`);
    await q(`DELETE FROM organizations WHERE name_ko LIKE '롤업 신규 기업 %' AND name_ko < '롤업 신규 기업 3'`);
    await expectEqual('deleted');
  });

  it('fails loudly when a rollup drifts (the comparison can fail)', async () => {
    await q(
      `UPDATE bid_daily_stats SET n = n + 1 WHERE (day, metric, key) IN (SELECT day, metric, key FROM bid_daily_stats WHERE metric = 'bids' AND n > 0 ORDER BY day LIMIT 1)`,
    );
    await expect(expectEqual('drifted')).rejects.toThrow();
    await q(
      `UPDATE bid_daily_stats SET n = n - 1 WHERE (day, metric, key) IN (SELECT day, metric, key FROM bid_daily_stats WHERE metric = 'bids' AND n > 0 ORDER BY day LIMIT 1)`,
    );
    await expectEqual('restored');
  });
});
