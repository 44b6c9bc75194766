import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, currentConsents, type TestApp } from '@aimatch/api-testing';
import { DataSource } from 'typeorm';
import { MAX_ATTEMPTS, OutboxDispatcher } from '../outbox/outbox.dispatcher';
import type { OutboxEventEntity } from '../outbox/outbox-event.entity';
import { OutboxService } from '../outbox/outbox.service';
import { TransactionService } from '../transaction.service';

async function eventually(check: () => Promise<boolean>, wake: () => void, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    wake();
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('outbox', () => {
  let t: TestApp;
  let tx: TransactionService;
  let outbox: OutboxService;
  let dispatcher: OutboxDispatcher;
  let ds: DataSource;
  const seen: string[] = [];
  let failuresLeft = new Map<string, number>();

  beforeAll(async () => {
    t = await bootTestApp();
    tx = t.app.get(TransactionService);
    outbox = t.app.get(OutboxService);
    dispatcher = t.app.get(OutboxDispatcher);
    ds = t.app.get(DataSource);
    dispatcher.register('test.happened', async (e: OutboxEventEntity) => {
      const label = String(e.payload.label);
      const left = failuresLeft.get(label) ?? 0;
      if (left > 0) {
        failuresLeft.set(label, left - 1);
        throw new Error(`handler failed for ${label}`);
      }
      seen.push(label);
    });
  });
  afterAll(() => t.close());

  const emit = (aggregateId: string, label: string) =>
    tx.run((m) => outbox.enqueue(m, { aggregateType: 'test', aggregateId, eventType: 'test.happened', payload: { label } }));
  const row = async (label: string) =>
    (await ds.query(`SELECT attempts, processed_at, parked_at, last_error FROM outbox WHERE payload->>'label' = $1`, [label]))[0];

  it('drops the event when its transaction rolls back', async () => {
    await expect(
      tx.run(async (m) => {
        await outbox.enqueue(m, { aggregateType: 'test', aggregateId: 'r', eventType: 'test.happened', payload: { label: 'rolled-back' } });
        throw new Error('command failed');
      }),
    ).rejects.toThrow('command failed');
    expect(await row('rolled-back')).toBeUndefined();
  });

  it('handles a committed event after commit, once', async () => {
    await emit('a', 'committed');
    await eventually(
      async () => !!(await row('committed'))?.processed_at,
      () => dispatcher.wake(),
    );
    expect(seen.filter((s) => s === 'committed')).toEqual(['committed']);
  });

  it('retries a failing event and keeps the order within its aggregate, not across aggregates', async () => {
    failuresLeft = new Map([['x1', 1]]);
    await emit('x', 'x1');
    await emit('x', 'x2');
    await emit('y', 'y1');
    await eventually(
      async () => !!(await row('x2'))?.processed_at,
      () => dispatcher.wake(),
    );
    const order = seen.filter((s) => ['x1', 'x2', 'y1'].includes(s));
    expect(order.indexOf('x1')).toBeLessThan(order.indexOf('x2'));
    expect(order.indexOf('y1')).toBeLessThan(order.indexOf('x1')); // y was not held up by x's failure
    expect((await row('x1')).attempts).toBe(2);
  });

  it('drains a backlog of one aggregate in one pass, in order (not one event per poll)', async () => {
    const labels = Array.from({ length: 30 }, (_, i) => `b${i}`);
    await tx.run(async (m) => {
      for (const label of labels)
        await outbox.enqueue(m, { aggregateType: 'test', aggregateId: 'backlog', eventType: 'test.happened', payload: { label } });
    });
    await eventually(
      async () => !!(await row('b29'))?.processed_at,
      () => undefined,
    );
    // Whatever the commit's wake-up drained plus at most one more drain: the whole backlog, in order.
    await dispatcher.drain();
    expect(seen.filter((s) => labels.includes(s))).toEqual(labels);
  });

  it(`parks an event after ${MAX_ATTEMPTS} failures with the last error kept`, async () => {
    failuresLeft = new Map([['poison', 1000]]);
    await emit('p', 'poison');
    await eventually(
      async () => {
        await ds.query(`UPDATE outbox SET available_at = now() WHERE payload->>'label' = 'poison'`);
        return !!(await row('poison')).parked_at;
      },
      () => dispatcher.wake(),
    );
    const r = await row('poison');
    expect(r.parked_at).not.toBeNull();
    expect(r.attempts).toBe(MAX_ATTEMPTS);
    expect(r.last_error).toContain('handler failed for poison');
  });

  it('writes organization.registered in the same transaction as a sign-up', async () => {
    const res = await t.gql('mutation($i: SignUpInput!) { signUp(input: $i) { email } }', {
      i: {
        email: 'outbox@example.kr',
        password: 'correct-horse-battery-9',
        displayName: 'o',
        organization: { kind: 'SME', nameKo: '아웃박스', businessRegistrationNumber: '2208812340' },
        consents: currentConsents(),
      },
    });
    expect(res.errors).toBeUndefined();
    const [{ id: orgId }] = await ds.query(`SELECT id FROM organizations WHERE name_ko = '아웃박스'`);
    const [ev] = await ds.query(`SELECT event_type FROM outbox WHERE aggregate_id = $1`, [orgId]);
    expect(ev.event_type).toBe('organization.registered');
  });
});
