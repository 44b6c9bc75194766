import { describe, expect, it } from '@jest/globals';
import type { ListingContent } from '@aimatch/capability-model';
import { diffListingContent } from '../listing-diff';

const supply = (o: Record<string, unknown> = {}): ListingContent =>
  ({
    kind: 'SUPPLY',
    title: '머신비전 외관 검사',
    titleEn: null,
    summary: '딥러닝 기반 표면 결함 검사.',
    summaryEn: null,
    description: '제조 현장의 외관 검사를 자동화합니다.',
    descriptionEn: null,
    referenceCases: [{ title: 'A사 도입', customer: 'A사', year: 2024 }],
    capability: { tasks: ['urn:task:a'], modalities: ['urn:modality:image'], languages: ['ko'] },
    trustProfile: { certifications: [], checklist: [] },
    commercialTerms: { minAmountKrw: 10_000_000, maxAmountKrw: 50_000_000 },
    contact: { name: '김담당', email: 'a@example.com' },
    ...o,
  }) as unknown as ListingContent;

describe('diffListingContent (the changes since the published version)', () => {
  it('finds nothing between equal contents, whatever the key order', () => {
    const a = supply();
    const reversed = Object.fromEntries(Object.entries(a as unknown as Record<string, unknown>).reverse()) as unknown as ListingContent;
    expect(diffListingContent(a, supply())).toEqual([]);
    expect(
      diffListingContent(a, { ...reversed, commercialTerms: { maxAmountKrw: 50_000_000, minAmountKrw: 10_000_000 } } as ListingContent),
    ).toEqual([]);
  });

  it('names top-level fields by their key, submodel elements at the idShort, with the template label', () => {
    const before = supply();
    const after = supply({
      title: '머신비전 외관 검사 v2',
      commercialTerms: { minAmountKrw: 20_000_000, maxAmountKrw: 50_000_000 },
      capability: { tasks: ['urn:task:a', 'urn:task:b'], modalities: ['urn:modality:image'], languages: ['ko'] },
    });
    const changes = diffListingContent(before, after);
    expect(changes.map((c) => c.path)).toEqual(['AICapability.tasks', 'CommercialTerms.minAmountKrw', 'title']);
    expect(changes[2]).toMatchObject({ before: '머신비전 외관 검사', after: '머신비전 외관 검사 v2' });
    expect(changes[2].label?.ko).toBeTruthy();
    expect(changes[1]).toMatchObject({ before: '10000000', after: '20000000' });
    expect(changes[1].label?.en).toBeTruthy();
    expect(changes[0]).toMatchObject({ before: '["urn:task:a"]', after: '["urn:task:a","urn:task:b"]' });
  });

  it('compares reference cases per item and field, and reports added or removed items whole', () => {
    const before = supply();
    const edited = diffListingContent(before, supply({ referenceCases: [{ title: 'A사 도입 (확장)', customer: 'A사', year: 2024 }] }));
    expect(edited).toEqual([{ path: 'referenceCases[0].title', label: null, before: 'A사 도입', after: 'A사 도입 (확장)' }]);
    const added = diffListingContent(
      before,
      supply({
        referenceCases: [
          { title: 'A사 도입', customer: 'A사', year: 2024 },
          { title: 'B사', customer: 'B사', year: 2025 },
        ],
      }),
    );
    expect(added).toEqual([
      { path: 'referenceCases[1]', label: null, before: null, after: '{"customer":"B사","title":"B사","year":2025}' },
    ]);
    expect(diffListingContent(before, supply({ referenceCases: [] })).map((c) => [c.path, c.after])).toEqual([['referenceCases[0]', null]]);
  });

  it('treats null, an empty text and an absent value alike (an English title added is one change)', () => {
    expect(diffListingContent(supply({ titleEn: null }), supply({ titleEn: '' }))).toEqual([]);
    expect(diffListingContent(supply(), supply({ titleEn: 'Machine vision' }))).toEqual([
      expect.objectContaining({ path: 'titleEn', before: null, after: 'Machine vision' }),
    ]);
  });
});
