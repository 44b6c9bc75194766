// Deterministic synthetic listings for the search, start-up and fault benches: Korean and English
// text drawn from the vocabulary, 50–400 words. One seeded generator: a bench that also draws its
// queries with `rand`/`pick` gets the same sequence on every run.
import { readFileSync } from 'node:fs';
import { dist } from './boot.mjs';

const { Vocabulary } = dist('libs/capability-model/src/index.js');

let seed = 42;
export const reseed = (s) => (seed = s);
export const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
export const pick = (xs) => xs[Math.floor(rand() * xs.length)];
export const vocabulary = Vocabulary.fromJson(JSON.parse(readFileSync('libs/capability-model/src/data/concepts.json', 'utf8')));
const scheme = (s) => vocabulary.concepts.filter((c) => c.scheme === s);
export const tasks = scheme('task'),
  industries = scheme('industry'),
  regions = scheme('region'),
  deployments = scheme('deployment');
const integrations = scheme('integration'),
  modalities = scheme('modality'),
  certifications = scheme('certification');
export const FILLER_KO = [
  '공장',
  '데이터',
  '자동화',
  '개선',
  '생산',
  '품질',
  '고객',
  '시스템',
  '구축',
  '분석',
  '현장',
  '운영',
  '관리',
  '효율',
  '비용',
  '설비',
  '라인',
  '작업자',
  '모델',
  '학습',
  '정확도',
  '도입',
  '솔루션',
  '경험',
  '프로젝트',
  '납품',
  '유지보수',
  '서버',
  '클라우드',
  '보안',
];
export const PARTICLES = ['', '', '을', '를', '의', '에서', '으로', '와', '는', '이', '가'];
const FILLER_EN = [
  'factory',
  'data',
  'automation',
  'quality',
  'customer',
  'system',
  'analysis',
  'operation',
  'model',
  'accuracy',
  'solution',
  'project',
  'deployment',
  'maintenance',
  'cloud',
  'security',
];
// Like real listings, a text mostly names its own concepts (10% of words) and rarely others (2%).
const words = (n, en, own) =>
  Array.from({ length: n }, () => {
    const r = rand();
    if (r < 0.12) {
      const c = r < 0.1 && own.length ? vocabulary.get(pick(own)) : pick(tasks.concat(industries, modalities));
      return en ? c.labels.en : pick([c.labels.ko, ...c.synonyms.ko]) + pick(PARTICLES);
    }
    return en ? pick(FILLER_EN) : pick(FILLER_KO) + pick(PARTICLES);
  }).join(' ');

export function syntheticListing(i) {
  const en = rand() < 0.1;
  const kind = rand() < 0.4 ? 'DEMAND' : 'SUPPLY';
  const ts = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(tasks).id);
  const min = Math.round(rand() * 300) * 1_000_000;
  const elements = {
    tasks: [...new Set(ts)],
    modalities: [pick(modalities).id],
    industries: [pick(industries).id],
    deployments: [pick(deployments).id],
    integrations: [pick(integrations).id],
    languages: ['ko'],
  };
  const own = [...elements.tasks, ...elements.industries, ...elements.modalities];
  const texts = {
    title: words(4 + Math.floor(rand() * 6), en, own),
    titleEn: null,
    summary: words(15, en, own),
    summaryEn: null,
    description: words(50 + Math.floor(rand() * 350), en, own),
    descriptionEn: null,
  };
  const terms = {
    currency: 'KRW',
    minAmountKrw: min,
    maxAmountKrw: min + Math.round(rand() * 200) * 1_000_000,
    leadTimeWeeks: null,
    desiredStartDate: null,
    durationWeeks: null,
  };
  const contact = { name: 'x', role: null, email: 'x@example.kr', phone: null };
  const content =
    kind === 'DEMAND'
      ? {
          kind,
          ...texts,
          requirement: elements,
          dataProfile: {
            dataKinds: [],
            systems: [],
            volumeDescription: null,
            approximateRecords: null,
            labelling: 'UNKNOWN',
            sampleAvailable: false,
            containsPersonalData: false,
          },
          commercialTerms: terms,
          contact,
          bidDeadline: null,
          onSiteRequired: false,
          regionId: pick(regions).id,
          visibility: rand() < 0.1 ? 'VERIFIED_SUPPLIERS' : 'PUBLIC',
        }
      : {
          kind,
          ...texts,
          capability: elements,
          commercialTerms: terms,
          trustProfile: { certifications: [pick(certifications).id], checklist: [] },
          contact,
          referenceCases: [],
        };
  const hex = i.toString(16).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${hex}`,
    kind,
    version: 1,
    visibility: kind === 'DEMAND' ? content.visibility : 'PUBLIC',
    publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000),
    content,
    organization: {
      id: `10000000-0000-4000-8000-${hex}`,
      nameKo: `${pick(FILLER_KO)}테크(주)`,
      nameEn: null,
      verified: rand() < 0.6,
      regionId: pick(regions).id,
    },
  };
}
