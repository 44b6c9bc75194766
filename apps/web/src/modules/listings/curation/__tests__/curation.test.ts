import { describe, expect, it } from '@jest/globals';
import { ko } from '@/i18n/ko';
import type { Translate } from '@/i18n';
import { cannedReviewReasons } from '@aimatch/contracts';
import { fetchPrechecks, isClean, type PrecheckReport } from '../curation-api';
import { percent, waitingSince } from '../waiting';

const t = ((key: keyof typeof ko, params: Record<string, unknown> = {}) =>
  String(ko[key]).replace(/\{(\w+)\}/g, (_m, name: string) => String(params[name]))) as unknown as Translate;

const report = (flags: PrecheckReport['flags']): PrecheckReport => ({
  listingId: 'l1',
  version: 1,
  checkedAt: '2026-12-07T00:00:00Z',
  completeness: 1,
  missing: [],
  flags,
});

describe('curation queue helpers', () => {
  it('says how long an item has waited, in days and hours or hours and minutes', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(waitingSince('2026-12-05T09:00:00Z', t, now)).toBe('2일 3시간');
    expect(waitingSince('2026-12-07T10:50:00Z', t, now)).toBe('1시간 10분');
    expect(waitingSince('2026-12-08T00:00:00Z', t, now)).toBe('0시간 0분');
  });

  it('lets only items without any flag (and with a report) into bulk approve', () => {
    expect(isClean(report([]))).toBe(true);
    expect(isClean(undefined)).toBe(false);
    expect(
      isClean(
        report([
          {
            kind: 'CONTACT_DETAILS',
            severity: 'WARNING',
            path: 'summary',
            message: 'm',
            excerpt: null,
            similarity: null,
            relatedListing: null,
          },
        ]),
      ),
    ).toBe(false);
  });

  it('shows a similarity as a whole percentage', () => {
    expect(percent(0.8734)).toBe('87%');
    expect(percent(1.2)).toBe('100%');
  });

  it('offers canned reasons per decision, in Korean and English', () => {
    const reject = cannedReviewReasons('reject').map((r) => r.id);
    const changes = cannedReviewReasons('requestChanges').map((r) => r.id);
    expect(changes).toEqual(expect.arrayContaining(['contact-details', 'duplicate', 'missing-required', 'exaggeration', 'personal-data']));
    expect(reject).not.toContain('missing-required');
    for (const r of cannedReviewReasons('requestChanges')) expect(r.ko && r.en && r.label.ko && r.label.en).toBeTruthy();
  });
});

describe('the pre-check answer (faked client)', () => {
  const fakeClient = (answer: unknown) =>
    ({ query: () => ({ toPromise: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)) }) }) as never;

  it('maps the reports by listing id when the API answers', async () => {
    const r = await fetchPrechecks(fakeClient({ data: { listingPrechecks: [report([]), { ...report([]), listingId: 'l2' }] } }), [
      'l1',
      'l2',
    ]);
    expect(r.state).toBe('ready');
    expect(r.state === 'ready' && [...r.value.keys()]).toEqual(['l1', 'l2']);
  });

  it('is "failed" (not an exception) when the operation is unknown to the API or the network fails', async () => {
    await expect(
      fetchPrechecks(fakeClient({ data: undefined, error: { message: 'Cannot query field "listingPrechecks"' } }), ['l1']),
    ).resolves.toMatchObject({
      state: 'failed',
    });
    await expect(fetchPrechecks(fakeClient(new Error('offline')), ['l1'])).resolves.toEqual({ state: 'failed' });
  });
});
