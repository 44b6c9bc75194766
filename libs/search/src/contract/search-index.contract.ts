/**
 * One behaviour for every SearchIndex adapter. Each adapter's test file calls
 * `searchIndexContract(name, open)`; passing `skipReason` instead (Meilisearch without MEILI_URL)
 * registers one skipped test that says why, rather than tests that pass without running.
 */
import { type ListingContent, Vocabulary } from '@aimatch/capability-model';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchDocument, type IndexableListing } from '../document';
import type { SearchDocument, SearchIndex, SearchRequest } from '../port';
import { planQuery } from '../query-planner';

export function loadShippedVocabulary(): Vocabulary {
  return Vocabulary.fromJson(JSON.parse(readFileSync(join(process.cwd(), 'libs/capability-model/src/data/concepts.json'), 'utf8')));
}

let seq = 0;
/** A small listing with sensible defaults; state only what a test is about. */
export function sampleListing(over: {
  id?: string;
  kind?: 'DEMAND' | 'SUPPLY';
  title: string;
  description?: string;
  tasks?: string[];
  industries?: string[];
  deployments?: string[];
  certifications?: string[];
  region?: string | null;
  amount?: [number | null, number | null];
  verified?: boolean;
  visibility?: 'PUBLIC' | 'VERIFIED_SUPPLIERS';
  version?: number;
  publishedAt?: Date;
  organizationName?: string;
}): IndexableListing {
  const n = ++seq;
  const id = over.id ?? `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const kind = over.kind ?? 'SUPPLY';
  const elements = {
    tasks: over.tasks ?? [],
    modalities: [],
    industries: over.industries ?? [],
    deployments: over.deployments ?? [],
    integrations: [],
    languages: ['ko'],
  };
  const terms = {
    currency: 'KRW' as const,
    minAmountKrw: over.amount?.[0] ?? null,
    maxAmountKrw: over.amount?.[1] ?? null,
    leadTimeWeeks: null,
    desiredStartDate: null,
    durationWeeks: null,
  };
  const texts = {
    title: over.title,
    titleEn: null,
    summary: over.title,
    summaryEn: null,
    description: over.description ?? over.title,
    descriptionEn: null,
  };
  const contact = { name: '담당자', role: null, email: 'a@example.kr', phone: null };
  const content: ListingContent =
    kind === 'DEMAND'
      ? {
          kind,
          ...texts,
          requirement: elements,
          commercialTerms: terms,
          contact,
          bidDeadline: null,
          onSiteRequired: false,
          regionId: over.region ?? null,
          visibility: over.visibility ?? 'PUBLIC',
          dataProfile: {
            dataKinds: [],
            systems: [],
            volumeDescription: null,
            approximateRecords: null,
            labelling: 'UNKNOWN',
            sampleAvailable: false,
            containsPersonalData: false,
          },
        }
      : {
          kind,
          ...texts,
          capability: elements,
          commercialTerms: terms,
          contact,
          referenceCases: [],
          trustProfile: { certifications: over.certifications ?? [], checklist: [] },
        };
  return {
    id,
    kind,
    version: over.version ?? 1,
    visibility: kind === 'DEMAND' ? (over.visibility ?? 'PUBLIC') : 'PUBLIC',
    publishedAt: over.publishedAt ?? new Date(Date.UTC(2026, 0, 1) + n * 60_000),
    content,
    organization: {
      id: '10000000-0000-4000-8000-000000000001',
      nameKo: over.organizationName ?? '테스트AI(주)',
      nameEn: null,
      verified: over.verified ?? true,
      regionId: over.region === undefined ? 'urn:aimatch:region:seoul' : over.region,
    },
  };
}

export function searchIndexContract(
  name: string,
  open: (() => Promise<{ index: SearchIndex; close: () => Promise<void> }>) | { skipReason: string },
): void {
  if ('skipReason' in open) {
    describe(`SearchIndex contract: ${name}`, () => {
      it.skip(`SKIPPED: ${open.skipReason}`, () => undefined);
    });
    return;
  }
  describe(`SearchIndex contract: ${name}`, () => {
    const vocabulary = loadShippedVocabulary();
    const doc = (l: IndexableListing): SearchDocument => buildSearchDocument(l, vocabulary);
    let index: SearchIndex;
    let close: (() => Promise<void>) | undefined;

    const vision = sampleListing({
      title: '스마트 공장 불량 검출 비전 시스템',
      tasks: ['urn:aimatch:task:visual-inspection'],
      industries: ['urn:aimatch:industry:automotive-parts-manufacturing'],
      deployments: ['urn:aimatch:deployment:on-premise'],
      amount: [50_000_000, 150_000_000],
      certifications: ['urn:aimatch:certification:innobiz'],
    });
    const maintenance = sampleListing({
      title: '설비 예지보전 솔루션',
      description: '진동 센서 데이터로 고장을 미리 알려 드립니다',
      tasks: ['urn:aimatch:task:predictive-maintenance'],
      amount: [200_000_000, 400_000_000],
      verified: false,
      region: 'urn:aimatch:region:busan',
    });
    const chatbot = sampleListing({
      title: 'Korean customer service chatbot',
      tasks: ['urn:aimatch:task:chatbot'],
      deployments: ['urn:aimatch:deployment:public-cloud-saas'],
      amount: [10_000_000, 30_000_000],
    });
    const restricted = sampleListing({
      kind: 'DEMAND',
      title: '비공개 불량 검출 수요',
      tasks: ['urn:aimatch:task:visual-inspection'],
      visibility: 'VERIFIED_SUPPLIERS',
    });
    const demand = sampleListing({
      kind: 'DEMAND',
      title: '떡 공장 이물질 선별',
      tasks: ['urn:aimatch:task:visual-inspection'],
      region: 'urn:aimatch:region:chungbuk',
    });
    const all = [vision, maintenance, chatbot, restricted, demand];

    const request = (over: Partial<SearchRequest> & { q?: string } = {}): SearchRequest => ({
      query: over.q === undefined ? (over.query ?? null) : planQuery(over.q, vocabulary),
      filters: { visibility: ['PUBLIC'], ...over.filters },
      facets: over.facets ?? [],
      sort: over.sort ?? 'relevance',
      limit: over.limit ?? 20,
      offset: over.offset ?? 0,
    });
    const ids = async (over: Partial<SearchRequest> & { q?: string } = {}) => (await index.search(request(over))).hits.map((h) => h.id);

    beforeAll(async () => {
      const opened = await open();
      index = opened.index;
      close = opened.close;
      await index.ensureIndex({ synonyms: [] });
      await index.clear();
      await index.upsert(all.map(doc));
    });
    afterAll(async () => {
      await close?.();
    });

    const run = (title: string, body: () => Promise<void>) => it(title, body);

    run('indexes every document once', async () => {
      expect((await index.stats()).documents).toBe(all.length);
      await index.upsert([doc(vision)]);
      expect((await index.stats()).documents).toBe(all.length);
    });

    run('finds Korean words through particles and spacing: 스마트공장의 → "스마트 공장"', async () => {
      expect(await ids({ q: '스마트공장의' })).toContain(vision.id);
      expect(await ids({ q: '불량검출' })).toContain(vision.id);
    });

    run('finds by initial consonants: ㅂㄹㄱㅊ → 불량 검출, ㅇㅈㅂㅈ → 예지보전', async () => {
      expect(await ids({ q: 'ㅂㄹㄱㅊ' })).toContain(vision.id);
      expect(await ids({ q: 'ㅇㅈㅂㅈ' })).toEqual([maintenance.id]);
    });

    run('finds a Korean listing by the English name of its concept', async () => {
      expect((await ids({ q: 'predictive maintenance' }))[0]).toBe(maintenance.id);
    });

    run('ranks the listing that matches the query best first', async () => {
      expect((await ids({ q: '불량 검출 비전' }))[0]).toBe(vision.id);
      expect((await ids({ q: 'chatbot' }))[0]).toBe(chatbot.id);
    });

    run('filters by a concept and finds its descendants (computer vision → visual inspection)', async () => {
      const found = await ids({ filters: { visibility: ['PUBLIC'], concepts: { task: ['urn:aimatch:task:computer-vision'] } } });
      expect(found.sort()).toEqual([vision.id, demand.id].sort());
    });

    run('filters by kind, verified organization and amount range overlap', async () => {
      expect(await ids({ filters: { visibility: ['PUBLIC'], kind: 'DEMAND' } })).toEqual([demand.id]);
      expect((await ids({ filters: { visibility: ['PUBLIC'], kind: 'SUPPLY', verifiedOnly: true } })).sort()).toEqual(
        [vision.id, chatbot.id].sort(),
      );
      expect(
        (await ids({ filters: { visibility: ['PUBLIC'], kind: 'SUPPLY', amountMin: 100_000_000, amountMax: 180_000_000 } })).sort(),
      ).toEqual([vision.id].sort());
    });

    run('never returns what the caller may not see, in hits or counts or facets', async () => {
      const res = await index.search(request({ q: '불량 검출', facets: ['task'] }));
      expect(res.hits.map((h) => h.id)).not.toContain(restricted.id);
      expect(res.facetDistribution.task!['urn:aimatch:task:visual-inspection']).toBe(2);
      const allowed = await index.search(
        request({ q: '불량 검출', filters: { visibility: ['PUBLIC', 'VERIFIED_SUPPLIERS'] }, facets: ['task'] }),
      );
      expect(allowed.hits.map((h) => h.id)).toContain(restricted.id);
      expect(allowed.facetDistribution.task!['urn:aimatch:task:visual-inspection']).toBe(3);
    });

    run('counts facets over the whole match, not the page', async () => {
      const res = await index.search(
        request({
          filters: { visibility: ['PUBLIC'], kind: 'SUPPLY' },
          facets: ['task', 'deployment', 'certification', 'region', 'verified'],
          limit: 1,
        }),
      );
      expect(res.hits).toHaveLength(1);
      expect(res.estimatedTotal).toBe(3);
      expect(res.facetDistribution.verified).toEqual({ true: 2, false: 1 });
      expect(res.facetDistribution.certification).toEqual({ 'urn:aimatch:certification:innobiz': 1 });
      expect(res.facetDistribution.region).toEqual({ 'urn:aimatch:region:seoul': 2, 'urn:aimatch:region:busan': 1 });
    });

    run('sorts by newest and by amount', async () => {
      const supply = { visibility: ['PUBLIC'] as Array<'PUBLIC'>, kind: 'SUPPLY' as const };
      expect(await ids({ filters: supply, sort: 'newest' })).toEqual([chatbot.id, maintenance.id, vision.id]);
      expect(await ids({ filters: supply, sort: 'amount_asc' })).toEqual([chatbot.id, vision.id, maintenance.id]);
      expect(await ids({ filters: supply, sort: 'amount_desc' })).toEqual([maintenance.id, vision.id, chatbot.id]);
    });

    run('has a relevance floor: a fragment of a word or one word of three is no match, gibberish finds nothing', async () => {
      expect(await ids({ q: 'ㅁㄴㅇㄹ qwzx' })).toEqual([]);
      // 시스템즈 shares only the bigrams 시스, 스템 with 시스템; 진동 is one word of three.
      expect(await ids({ q: '시스템즈' })).toEqual([]);
      expect(await ids({ q: '우주 항공 진동' })).toEqual([]);
      expect(await ids({ q: '진동 센서 우주' })).toEqual([maintenance.id]);
    });

    run('finds a word in its other spelling: 스마트팩토리 ~ smart factory, chatbot ~ 챗봇', async () => {
      expect(await ids({ q: 'smart factory 불량' })).toContain(vision.id);
      expect(await ids({ q: '챗봇' })).toContain(chatbot.id);
    });

    run('pages with limit and offset', async () => {
      const supply = { visibility: ['PUBLIC'] as Array<'PUBLIC'>, kind: 'SUPPLY' as const };
      const first = await index.search(request({ filters: supply, sort: 'newest', limit: 2 }));
      const second = await index.search(request({ filters: supply, sort: 'newest', limit: 2, offset: 2 }));
      expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual([chatbot.id, maintenance.id, vision.id]);
      expect(first.estimatedTotal).toBe(3);
    });

    run('scores hits between 0 and 1', async () => {
      const res = await index.search(request({ q: '불량 검출' }));
      expect(res.hits.every((h) => h.score >= 0 && h.score <= 1)).toBe(true);
    });

    run('treats quotes, operators and injection attempts as plain text', async () => {
      for (const q of [`" OR status = DRAFT`, `'; DROP TABLE search_documents; --`, `\\' | !`, `kind = "DEMAND" OR 1=1`, '((((']) {
        const found = await ids({ q });
        expect(found).not.toContain(restricted.id);
      }
      expect((await index.stats()).documents).toBe(all.length);
    });

    run('keeps the newer version when an older one arrives late', async () => {
      await index.upsert([doc({ ...vision, version: 3, content: { ...vision.content, title: '알파카 검사 장비' } })]);
      await index.upsert([doc({ ...vision, version: 2, content: { ...vision.content, title: '코끼리 검사 장비' } })]);
      expect(await ids({ q: '알파카' })).toEqual([vision.id]);
      expect(await ids({ q: '코끼리' })).toEqual([]);
    });

    run('deletes documents', async () => {
      await index.delete([chatbot.id]);
      expect(await ids({ q: 'chatbot' })).toEqual([]);
      expect((await index.stats()).documents).toBe(all.length - 1);
    });
  });
}
