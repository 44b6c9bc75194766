import { describe, expect, it } from '@jest/globals';
import type { DemandContent, SupplyContent } from '@aimatch/capability-model';
import {
  completeness,
  estimatedSimilarity,
  exactSimilarity,
  fingerprint,
  keywordForm,
  maskPersonalData,
  NEAR_DUPLICATE_THRESHOLD,
  precheckListing,
  rrnCheckDigit,
  scanText,
} from '../index';

const ORIGINAL =
  '자동차 부품 생산 라인에서 카메라로 촬영한 이미지를 분석하여 표면 스크래치, 찍힘, 도장 불량을 실시간으로 검출하는 비전 검사 시스템을 구축하고자 합니다. ' +
  '현재 작업자가 육안으로 검사하고 있어 야간 근무 시 불량 유출이 잦습니다. 기존 MES와 연동되어야 하며 라인 속도는 분당 60개입니다.';
// The same text reworded the way a broker does it: other particles and spacing, a sentence moved and one added.
const REWORDED =
  '현재 작업자가 육안으로 검사하는데 야간 근무 때 불량 유출이 잦습니다. 자동차부품 생산라인에서 카메라가 촬영한 이미지를 분석해 표면 스크래치와 찍힘, 도장불량을 실시간 검출하는 ' +
  '비전 검사 시스템을 구축하려 합니다. 기존 MES 와 연동이 필요하고 라인 속도는 분당 60개 입니다. 예산은 협의 가능합니다.';
// A different demand on the same topic, written independently.
const SAME_TOPIC =
  '식품 포장 공정에서 포장지 실링 불량과 이물 혼입을 검사할 수 있는 AI 솔루션을 찾습니다. 하루 약 2만 건의 포장 이미지가 쌓이며 라벨링은 되어 있지 않습니다. ' +
  '클라우드보다는 공장 내부 서버 설치를 선호합니다.';

function demand(overrides: Partial<DemandContent> = {}): DemandContent {
  return {
    kind: 'DEMAND',
    title: '자동차 부품 표면 결함 비전 검사',
    titleEn: null,
    summary: '도장 불량과 스크래치를 실시간으로 검출하려 합니다',
    summaryEn: null,
    description: ORIGINAL,
    descriptionEn: null,
    requirement: {
      tasks: ['urn:aimatch:task:defect-detection'],
      modalities: [],
      industries: [],
      deployments: [],
      integrations: [],
      languages: [],
    },
    dataProfile: {
      dataKinds: [],
      systems: [],
      volumeDescription: null,
      approximateRecords: null,
      labelling: 'UNKNOWN',
      sampleAvailable: false,
      containsPersonalData: false,
    },
    commercialTerms: {
      currency: 'KRW',
      minAmountKrw: null,
      maxAmountKrw: null,
      leadTimeWeeks: null,
      desiredStartDate: null,
      durationWeeks: null,
    },
    contact: { name: '김담당', role: null, email: 'owner@example.kr', phone: '010-1111-2222' },
    bidDeadline: null,
    onSiteRequired: false,
    regionId: null,
    visibility: 'PUBLIC',
    ...overrides,
  };
}

describe('near-duplicate fingerprints', () => {
  it('finds a lightly reworded copy above the threshold and keeps a same-topic listing below it', () => {
    expect(exactSimilarity(ORIGINAL, REWORDED)).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
    expect(exactSimilarity(ORIGINAL, SAME_TOPIC)).toBeLessThan(0.2);
    const a = fingerprint(ORIGINAL)!;
    const b = fingerprint(REWORDED)!;
    const c = fingerprint(SAME_TOPIC)!;
    expect(estimatedSimilarity(a.signature, b.signature)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(estimatedSimilarity(a.signature, c.signature)).toBeLessThan(0.25);
    // LSH: the copy shares at least one band, so an index finds it without a full scan.
    expect(a.bands.some((k) => b.bands.includes(k))).toBe(true);
  });

  it('is insensitive to particles, spacing and width', () => {
    const spaced = '자동차 부품을 생산 라인에서 카메라로 촬영한 이미지로 표면 스크래치를 검출합니다';
    const glued = '자동차부품 생산라인에서 카메라가 촬영한 이미지로 표면스크래치를 검출합니다';
    expect(exactSimilarity(spaced, glued)).toBeGreaterThan(0.8);
    expect(fingerprint('ＡＢＣ defect inspection for factory lines with cameras')!.signature).toEqual(
      fingerprint('abc Defect Inspection for factory lines with cameras')!.signature,
    );
  });

  it('is stable (fixed seeds), compact and refuses texts too short to judge', () => {
    const f = fingerprint(ORIGINAL)!;
    expect(f.signature).toHaveLength(96);
    expect(f.bands).toHaveLength(32);
    expect(f.signature.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
    expect(f.bands.every((k, i) => Number.isSafeInteger(k) && Math.floor(k / 2 ** 32) === i)).toBe(true);
    expect(fingerprint(ORIGINAL)).toEqual(f);
    expect(fingerprint('짧은 글')).toBeNull();
  });
});

describe('free-text rules', () => {
  const kinds = (text: string, keywords: string[] = []) => scanText(text, 'description', keywords).map((f) => `${f.kind}:${f.detail}`);

  it('finds phone numbers however they are written, and masks them in the excerpt', () => {
    for (const phone of ['010-1234-5678', '010 1234 5678', '010.1234.5678', '01012345678', '+82 10-1234-5678', '+821012345678']) {
      const found = scanText(`문의는 담당자 ${phone} 으로 주세요`, 'description');
      expect(found.map((f) => f.detail)).toContain('mobile-phone');
      expect(found[0].excerpt).not.toContain('1234');
    }
    expect(kinds('서울 사무실 02-555-1234 로 연락')).toContain('PERSONAL_DATA:phone');
    expect(kinds('대표번호 1588-1234')).toEqual(['CONTACT_DETAILS:business-phone']);
    // Numbers that are not phones: amounts, years, a model number.
    expect(kinds('예산 120000000원, 2024-2025년 사업, 모델 RX-1012345')).toEqual([]);
  });

  it('finds 주민등록번호 with a dash, or without one when the check digit holds, and masks it', () => {
    const first12 = '900101123456';
    const valid = `${first12.slice(0, 6)}-${first12.slice(6)}${rrnCheckDigit(first12)}`;
    const found = scanText(`대표자 주민번호 ${valid} 첨부`, 'description');
    expect(found.map((f) => `${f.kind}:${f.detail}`)).toEqual(['PERSONAL_DATA:rrn']);
    expect(found[0].excerpt).toContain('900101-1******');
    expect(found[0].excerpt).not.toContain(valid);
    expect(kinds(`번호 ${first12}${rrnCheckDigit(first12)}`)).toContain('PERSONAL_DATA:rrn');
    expect(kinds(`번호 ${first12}${(rrnCheckDigit(first12) + 1) % 10}`)).not.toContain('PERSONAL_DATA:rrn');
    expect(maskPersonalData('연락 hong.gildong@example.com')).toBe('연락 h***@example.com');
  });

  it('finds contact details and requests to pay outside the platform', () => {
    expect(kinds('자세한 내용은 sales@vision.ai 로 문의')).toEqual(['CONTACT_DETAILS:email']);
    expect(kinds('포트폴리오: https://vision-ai.co.kr/works')).toEqual(['CONTACT_DETAILS:url']);
    expect(kinds('카카오톡 ID: visionai77 로 연락 주세요')).toContain('CONTACT_DETAILS:messenger');
    expect(kinds('오픈채팅으로 상담합니다')).toContain('CONTACT_DETAILS:messenger');
    expect(kinds('계약금은 선입금 후 진행, 국민은행 123456-01-123456')).toEqual([
      'EXTERNAL_PAYMENT:payment',
      'EXTERNAL_PAYMENT:bank-account',
    ]);
    expect(kinds('수수료 없이 직접 결제하시면 할인')).toEqual(['EXTERNAL_PAYMENT:payment', 'EXTERNAL_PAYMENT:payment']);
    expect(kinds('Please pay us directly by wire transfer')).toEqual(['EXTERNAL_PAYMENT:payment', 'EXTERNAL_PAYMENT:payment']);
    // Ordinary words around money and systems do not trip it.
    expect(kinds('입금 내역 데이터를 분석하여 매출을 예측합니다. Node.js 와 ISO 27001 환경')).toEqual([]);
  });

  it('matches staff keywords without word boundaries, ignoring case, width and spacing', () => {
    expect(keywordForm(' 보 장 수익 ')).toBe('보장수익');
    const found = scanText('월 1000만원 보장수익을 약속합니다', 'summary', ['보장 수익', 'GUARANTEED']);
    expect(found.map((f) => [f.kind, f.term])).toEqual([['PROHIBITED_KEYWORD', '보장 수익']]);
    expect(scanText('100% Ｇuaranteed results', 'summary', ['guaranteed'])[0]).toMatchObject({
      kind: 'PROHIBITED_KEYWORD',
      term: 'guaranteed',
    });
  });
});

describe('precheckListing', () => {
  it('reports completeness against the template with the missing element paths', () => {
    const bare = completeness(demand());
    expect(bare.missing).toEqual(
      expect.arrayContaining(['titleEn', 'requirement.modalities', 'commercialTerms.maxAmountKrw', 'dataProfile.labelling']),
    );
    expect(bare.missing).not.toContain('title');
    const fuller = completeness(
      demand({
        titleEn: 'Surface defect inspection',
        summaryEn: 'Detect paint defects',
        descriptionEn: 'Vision inspection on the line',
        requirement: {
          tasks: ['urn:aimatch:task:defect-detection'],
          modalities: ['urn:aimatch:modality:image'],
          industries: ['urn:aimatch:industry:automotive'],
          deployments: ['urn:aimatch:deployment:on-premise'],
          integrations: ['urn:aimatch:integration:mes'],
          languages: ['ko'],
        },
      }),
    );
    expect(fuller.completeness).toBeGreaterThan(bare.completeness);
    expect(bare.completeness).toBeGreaterThan(0);
    expect(bare.completeness).toBeLessThan(1);
  });

  it('turns findings and candidates into flags with severities, masked excerpts and the related listing', () => {
    const report = precheckListing(demand({ description: `${ORIGINAL} 담당 010-9876-5432, 선입금 조건.` }), {
      keywords: [],
      duplicates: [
        { listingId: 'b', similarity: 0.62, sameOrganization: false },
        { listingId: 'a', similarity: 0.91, sameOrganization: true },
      ],
    });
    const byKind = (k: string) => report.flags.filter((f) => f.kind === k);
    expect(byKind('NEAR_DUPLICATE').map((f) => [f.relatedListingId, f.severity, f.similarity])).toEqual([
      ['a', 'BLOCKER', 0.91],
      ['b', 'WARNING', 0.62],
    ]);
    expect(byKind('NEAR_DUPLICATE')[1].message.ko).toContain('다른 기관');
    expect(byKind('PERSONAL_DATA')).toEqual([expect.objectContaining({ path: 'description', severity: 'WARNING' })]);
    expect(byKind('PERSONAL_DATA')[0].excerpt).toContain('010-****-5432');
    expect(byKind('EXTERNAL_PAYMENT')[0].severity).toBe('BLOCKER');
    // The contact element's own e-mail and phone are where they belong: no flag for them.
    expect(JSON.stringify(report)).not.toContain('owner@example.kr');
  });

  it('gives a clean listing no flags other than completeness', () => {
    const clean = precheckListing(demand({ titleEn: 'x', summaryEn: 'y', descriptionEn: 'Vision inspection on the line' }), {
      keywords: ['보장수익'],
      duplicates: [],
    });
    expect(clean.flags.filter((f) => f.kind !== 'INCOMPLETE')).toEqual([]);
  });

  it('reads the free texts of a supply listing: reference cases and checklist notes', () => {
    const supply: SupplyContent = {
      kind: 'SUPPLY',
      title: '비전 검사 솔루션',
      titleEn: null,
      summary: '표면 결함 검출',
      summaryEn: null,
      description: '제조 현장의 표면 결함을 검출합니다.',
      descriptionEn: null,
      capability: { tasks: [], modalities: [], industries: [], deployments: [], integrations: [], languages: [] },
      commercialTerms: {
        currency: 'KRW',
        minAmountKrw: null,
        maxAmountKrw: null,
        leadTimeWeeks: null,
        desiredStartDate: null,
        durationWeeks: null,
      },
      trustProfile: { certifications: [], checklist: [{ itemId: 'x', answer: 'YES', note: '문의: 010-2222-3333' }] },
      contact: { name: '박', role: null, email: 'p@example.kr', phone: null },
      referenceCases: [{ title: 'A사 구축', industryId: null, year: 2024, summary: '카톡 ID: abc123 문의' }],
    };
    const paths = precheckListing(supply, { keywords: [], duplicates: [] }).flags.map((f) => `${f.kind}@${f.path}`);
    expect(paths).toEqual(
      expect.arrayContaining(['PERSONAL_DATA@trustProfile.checklist.0.note', 'CONTACT_DETAILS@referenceCases.0.summary']),
    );
  });
});
