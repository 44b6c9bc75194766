/** Test content with defaults: small factories over the real vocabulary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompanyData, DemandContent, SupplyContent } from '../submodels';
import { Vocabulary, type VocabularyFile } from '../vocabulary';

export const VOCABULARY_FILE = JSON.parse(
  readFileSync(join(process.cwd(), 'libs/capability-model/src/data/concepts.json'), 'utf8'),
) as VocabularyFile;
export const vocabulary = Vocabulary.fromJson(VOCABULARY_FILE);

export const NOW = new Date('2026-11-20T00:00:00.000Z');
export const U = (scheme: string, slug: string) => `urn:aimatch:${scheme}:${slug}`;

type DemandOverrides = Partial<Omit<DemandContent, 'requirement' | 'dataProfile' | 'commercialTerms' | 'contact'>> & {
  requirement?: Partial<DemandContent['requirement']>;
  dataProfile?: Partial<DemandContent['dataProfile']>;
  commercialTerms?: Partial<DemandContent['commercialTerms']>;
  contact?: Partial<DemandContent['contact']>;
};

type SupplyOverrides = Partial<Omit<SupplyContent, 'capability' | 'trustProfile' | 'commercialTerms' | 'contact'>> & {
  capability?: Partial<SupplyContent['capability']>;
  trustProfile?: Partial<SupplyContent['trustProfile']>;
  commercialTerms?: Partial<SupplyContent['commercialTerms']>;
  contact?: Partial<SupplyContent['contact']>;
};

const capability = () => ({
  tasks: [U('task', 'visual-inspection')],
  modalities: [],
  industries: [],
  deployments: [],
  integrations: [],
  languages: [],
});
const terms = () => ({
  currency: 'KRW' as const,
  minAmountKrw: null,
  maxAmountKrw: null,
  leadTimeWeeks: null,
  desiredStartDate: null,
  durationWeeks: null,
});
const contact = () => ({ name: '김담당', role: null, email: 'kim@example.co.kr', phone: null });

/** A minimal valid demand. */
export function demand(o: DemandOverrides = {}): DemandContent {
  const { requirement, dataProfile, commercialTerms, contact: c, ...rest } = o;
  return {
    kind: 'DEMAND',
    title: '사출 성형품 외관 불량 검출',
    titleEn: null,
    summary: '사출 라인의 외관 불량을 자동으로 검출하고 싶습니다.',
    summaryEn: null,
    description: '현재 작업자가 육안으로 검사합니다.',
    descriptionEn: null,
    bidDeadline: '2026-12-31T09:00:00.000Z',
    onSiteRequired: false,
    regionId: null,
    visibility: 'PUBLIC',
    ...rest,
    requirement: { ...capability(), ...requirement },
    dataProfile: {
      dataKinds: [],
      systems: [],
      volumeDescription: null,
      approximateRecords: null,
      labelling: 'UNKNOWN',
      sampleAvailable: false,
      containsPersonalData: false,
      ...dataProfile,
    },
    commercialTerms: { ...terms(), ...commercialTerms },
    contact: { ...contact(), ...c },
  };
}

/** A minimal valid supply. */
export function supply(o: SupplyOverrides = {}): SupplyContent {
  const { capability: cap, trustProfile, commercialTerms, contact: c, ...rest } = o;
  return {
    kind: 'SUPPLY',
    title: '머신비전 외관 검사 솔루션',
    titleEn: null,
    summary: '딥러닝 기반 표면 결함 검사.',
    summaryEn: null,
    description: '제조 현장의 외관 검사를 자동화합니다.',
    descriptionEn: null,
    referenceCases: [],
    ...rest,
    capability: { ...capability(), ...cap },
    trustProfile: { certifications: [], checklist: [], ...trustProfile },
    commercialTerms: { ...terms(), ...commercialTerms },
    contact: { ...contact(), ...c },
  };
}

/** 3,000+ characters of Korean with emoji and line breaks: longer than one AAS LangString. */
export const LONG_KOREAN = Array.from({ length: 120 }, (_, i) => `${i + 1}번째 문단: 품질 검사 자동화 🤖 요구사항입니다.\n`).join('');

export function richDemand(): DemandContent {
  return demand({
    title: '자동차 부품 표면 결함 검사 AI 도입',
    titleEn: 'AI surface defect inspection for automotive parts',
    summary: '프레스 라인에서 생산되는 부품의 찍힘·스크래치를 실시간으로 검출합니다.',
    summaryEn: 'Detect dents and scratches on pressed parts in real time.',
    description: LONG_KOREAN,
    descriptionEn: 'Line 1.\nLine 2 with "quotes" & <markup>.',
    bidDeadline: '2026-12-15T18:00:00+09:00',
    onSiteRequired: true,
    regionId: U('region', 'gyeongnam'),
    visibility: 'VERIFIED_SUPPLIERS',
    requirement: {
      tasks: [U('task', 'surface-defect-inspection'), U('task', 'quality-prediction')],
      modalities: [U('modality', 'image'), U('modality', 'time-series')],
      industries: [U('industry', 'automotive-parts-manufacturing')],
      deployments: [U('deployment', 'on-premise'), U('deployment', 'edge-device')],
      integrations: [U('integration', 'mes'), U('integration', 'plc-opcua')],
      languages: ['ko', 'en'],
    },
    dataProfile: {
      dataKinds: [U('modality', 'image'), U('modality', 'time-series')],
      systems: [U('integration', 'mes'), U('integration', 'mssql')],
      volumeDescription: '이미지 약 2만 장, 3년치 생산 로그',
      approximateRecords: 20000,
      labelling: 'PARTIALLY_LABELLED',
      sampleAvailable: true,
      containsPersonalData: false,
    },
    commercialTerms: { minAmountKrw: 50_000_000, maxAmountKrw: 120_000_000, desiredStartDate: '2027-02-01', durationWeeks: 24 },
    contact: { name: '박지현', role: '생산기술팀 과장', email: 'jh.park@example.co.kr', phone: '+82 55-123-4567' },
  });
}

export function richSupply(): SupplyContent {
  return supply({
    title: '딥러닝 비전 검사 플랫폼 「아이체크」',
    titleEn: 'iCheck deep-learning vision inspection',
    summary: '소량 데이터로 학습하는 표면 결함 검사, 엣지 장비 포함.',
    summaryEn: 'Few-shot surface defect inspection including edge hardware.',
    description: '구축부터 유지보수까지 제공합니다. 😀',
    descriptionEn: null,
    capability: {
      tasks: [U('task', 'visual-inspection'), U('task', 'surface-defect-inspection'), U('task', 'document-ai')],
      modalities: [U('modality', 'image'), U('modality', 'video')],
      industries: [U('industry', 'manufacturing'), U('industry', 'electronics-manufacturing')],
      deployments: [U('deployment', 'on-premise'), U('deployment', 'public-cloud-saas')],
      integrations: [U('integration', 'mes'), U('integration', 'rest-api')],
      languages: ['ko', 'en', 'ja'],
    },
    commercialTerms: { minAmountKrw: 30_000_000, maxAmountKrw: 200_000_000, leadTimeWeeks: 12 },
    trustProfile: {
      certifications: [U('certification', 'gs-certification'), U('certification', 'tta-ai-trust')],
      checklist: [
        { itemId: 'data-governance', answer: 'YES', note: '데이터 관리 규정 보유' },
        { itemId: 'bias-testing', answer: 'NA', note: null },
        { itemId: 'human-oversight', answer: 'NO', note: null },
      ],
    },
    contact: { name: '이수민', role: null, email: 'sales@icheck.example', phone: '02-555-0100' },
    referenceCases: [
      {
        title: 'A사 브레이크 패드 검사',
        industryId: U('industry', 'automotive-parts-manufacturing'),
        year: 2024,
        summary: '불량 유출 90% 감소',
      },
      { title: 'B사 PCB 검사', industryId: null, year: null, summary: null },
    ],
  });
}

export const COMPANY: CompanyData = {
  nameKo: '주식회사 아이체크',
  nameEn: 'iCheck Inc.',
  businessRegistrationNumber: '220-81-62517',
  regionId: U('region', 'seoul'),
  industryId: U('industry', 'it-services'),
  website: 'https://icheck.example',
  foundedYear: 2017,
};
