import { describe, expect, it } from '@jest/globals';
import type { ListingDetail } from '../types';
import { emptyValues, fromListing, newReferenceCase, toDemandInput, toSupplyInput, type EditorValues } from '../values';

const concept = (id: string) => ({ id });

/** A demand as the detail query answers it (only what the editor reads). */
const demand = {
  __typename: 'DemandListing',
  title: '프레스 찍힘 자동 검사',
  titleEn: null,
  summary: '브래킷의 찍힘·스크래치를 검사합니다.',
  summaryEn: 'Dent inspection',
  description: '라인 속도 60개/분.',
  descriptionEn: null,
  region: { id: 'urn:aimatch:region:gyeonggi' },
  onSiteRequired: true,
  bidDeadline: '2026-12-24T09:30:00.000Z',
  visibility: 'VERIFIED_SUPPLIERS',
  requirement: {
    tasks: [concept('urn:aimatch:task:visual-inspection')],
    modalities: [concept('urn:aimatch:modality:image')],
    industries: [],
    deployments: [concept('urn:aimatch:deployment:on-premise')],
    integrations: [],
    languages: ['ko', 'en'],
  },
  dataProfile: {
    dataKinds: [concept('urn:aimatch:data:image')],
    systems: [],
    volumeDescription: null,
    approximateRecords: 120000,
    labelling: 'PARTIALLY_LABELLED',
    sampleAvailable: true,
    containsPersonalData: false,
  },
  commercialTerms: { minAmountKrw: 50_000_000, maxAmountKrw: null, leadTimeWeeks: null, desiredStartDate: '2027-01-04', durationWeeks: 12 },
  contact: { name: '김담당', role: null, email: 'owner@example.kr', phone: '031-000-0000' },
} as unknown as ListingDetail;

function filled(patch: Partial<EditorValues>): EditorValues {
  return { ...emptyValues({ name: '김담당', email: 'owner@example.kr' }), title: ' 제목 ', summary: '요약', description: '설명', ...patch };
}

describe('listing editor values ↔ API input', () => {
  it('turns a demand into form values and back into the same input', () => {
    const values = fromListing(demand);
    expect(values).toMatchObject({
      title: '프레스 찍힘 자동 검사',
      titleEn: '',
      summaryEn: 'Dent inspection',
      regionId: 'urn:aimatch:region:gyeonggi',
      minAmountKrw: '50000000',
      maxAmountKrw: '',
      approximateRecords: '120000',
      contactRole: '',
    });
    const { input, problems } = toDemandInput(values);
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      title: '프레스 찍힘 자동 검사',
      titleEn: null,
      summaryEn: 'Dent inspection',
      regionId: 'urn:aimatch:region:gyeonggi',
      onSiteRequired: true,
      bidDeadline: '2026-12-24T09:30:00.000Z',
      visibility: 'VERIFIED_SUPPLIERS',
      requirement: {
        tasks: ['urn:aimatch:task:visual-inspection'],
        modalities: ['urn:aimatch:modality:image'],
        industries: [],
        deployments: ['urn:aimatch:deployment:on-premise'],
        integrations: [],
        languages: ['ko', 'en'],
      },
      dataProfile: {
        dataKinds: ['urn:aimatch:data:image'],
        approximateRecords: 120000,
        labelling: 'PARTIALLY_LABELLED',
        volumeDescription: null,
      },
      commercialTerms: { minAmountKrw: 50_000_000, maxAmountKrw: null, desiredStartDate: '2027-01-04', durationWeeks: 12 },
      contact: { name: '김담당', role: null, email: 'owner@example.kr', phone: '031-000-0000' },
    });
  });

  it('trims texts, sends empty optional ones as null and reads grouped amounts', () => {
    const { input, problems } = toDemandInput(filled({ titleEn: '   ', minAmountKrw: '30,000,000', durationWeeks: '' }));
    expect(problems).toEqual({});
    expect(input.title).toBe('제목');
    expect(input.titleEn).toBeNull();
    expect(input.commercialTerms).toMatchObject({ minAmountKrw: 30_000_000, durationWeeks: null });
    expect(input.bidDeadline).toBeNull();
  });

  it('reports values that cannot be sent by their field key, and sends null for them', () => {
    const { input, problems } = toDemandInput(
      filled({ minAmountKrw: '3천만억', durationWeeks: '12.5', approximateRecords: 'many', bidDeadline: 'soon' }),
    );
    expect(problems).toEqual({
      'CommercialTerms.minAmountKrw': 'krw', // 3천만 is read since #14 item 7; 3천만억 is not
      'CommercialTerms.durationWeeks': 'integer',
      'DataProfile.approximateRecords': 'integer',
      bidDeadline: 'number',
    });
    expect(input.commercialTerms?.minAmountKrw).toBeNull();
    expect(input.dataProfile?.approximateRecords).toBeNull();
  });

  it('sends a supply listing’s answered checklist items in the questions’ order, then unknown ones', () => {
    const values = filled({
      checklist: {
        extra: { answer: 'NA', note: '' },
        q2: { answer: 'NO', note: ' 준비 중 ' },
        q1: { answer: 'YES', note: '' },
        q3: { answer: '', note: 'x' },
      },
    });
    const { input, checklistOrder } = toSupplyInput(values, ['q1', 'q2', 'q3']);
    expect(checklistOrder).toEqual(['q1', 'q2', 'extra']);
    expect(input.trustProfile?.checklist).toEqual([
      { itemId: 'q1', answer: 'YES', note: null },
      { itemId: 'q2', answer: 'NO', note: '준비 중' },
      { itemId: 'extra', answer: 'NA', note: null },
    ]);
  });

  it('checks reference case years and keys the problem by the case', () => {
    const good = { ...newReferenceCase(), title: ' 검사 구축 ', year: '2024', industryId: '' };
    const bad = { ...newReferenceCase(), title: '예측', year: '24년' };
    const { input, problems } = toSupplyInput(filled({ referenceCases: [good, bad] }), []);
    expect(input.referenceCases?.[0]).toEqual({ title: '검사 구축', industryId: null, year: 2024, summary: null });
    expect(input.referenceCases?.[1]?.year).toBeNull();
    expect(Object.values(problems)).toEqual(['year']);
    expect(Object.keys(problems)[0]).toContain('1');
  });
});
