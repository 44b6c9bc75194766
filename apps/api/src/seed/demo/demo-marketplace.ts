/**
 * The association's sample marketplace (the matching benchmark's 80 suppliers and 30 demands,
 * copied into this folder) turned into organizations and published listings for `npm start`.
 */
import type { DemandContent, SupplyContent } from '@aimatch/capability-model';
import { businessRegistrationCheckDigit } from '@aimatch/validation';
import demandsFile from './demands.json';
import suppliersFile from './suppliers.json';

export interface BenchmarkSupplier {
  id: string;
  name: string;
  region: string;
  certifications: string[];
  tasks: string[];
  modalities: string[];
  industries: string[];
  deployments: string[];
  integrations: string[];
  languages: string[];
  priceRangeKrw: { min: number; max: number };
  leadTimeWeeks: number;
  completedProjects: number;
  rating: number;
  title: string;
  description: string;
  references: string[];
}

export interface BenchmarkDemand {
  id: string;
  title: string;
  description: string;
  industry: string | null;
  region: string | null;
  tasks: string[];
  modalities: string[];
  deployment: string | null;
  integrations: string[];
  budgetKrw: { min: number; max: number } | null;
  onsiteRequired: boolean;
}

export const DEMO_SUPPLIERS = suppliersFile.suppliers as BenchmarkSupplier[];
export const DEMO_DEMANDS = demandsFile.demands as BenchmarkDemand[];

/** A deterministic, checksum-valid BRN per sample id, so re-seeding finds the same organizations. */
export function demoBrn(sampleId: string): string {
  const n = Number(sampleId.slice(1));
  const first9 = `${sampleId[0] === 's' ? '31' : '41'}${String(n).padStart(3, '0')}8${String(n * 7)
    .padStart(3, '0')
    .slice(-3)}`;
  return first9 + businessRegistrationCheckDigit(first9);
}

/** The first sentence of a description, as the listing's summary (≤ 300 characters). */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?。])(\s|$)/u.exec(text);
  return (match ? match[1] : text).slice(0, 300);
}

export function supplyContentOf(s: BenchmarkSupplier, contactEmail: string): SupplyContent {
  return {
    kind: 'SUPPLY',
    title: s.title,
    titleEn: null,
    summary: firstSentence(s.description),
    summaryEn: null,
    description: s.description,
    descriptionEn: null,
    capability: {
      tasks: s.tasks,
      modalities: s.modalities,
      industries: s.industries,
      deployments: s.deployments,
      integrations: s.integrations,
      languages: s.languages,
    },
    commercialTerms: {
      currency: 'KRW',
      minAmountKrw: s.priceRangeKrw.min,
      maxAmountKrw: s.priceRangeKrw.max,
      leadTimeWeeks: s.leadTimeWeeks,
      desiredStartDate: null,
      durationWeeks: null,
    },
    trustProfile: { certifications: s.certifications, checklist: [] },
    contact: { name: `${s.name} 영업팀`, role: null, email: contactEmail, phone: null },
    referenceCases: s.references.map((title) => ({ title: title.slice(0, 120), industryId: null, year: null, summary: null })),
  };
}

export function demandContentOf(d: BenchmarkDemand, contactEmail: string, now: Date): DemandContent {
  const n = Number(d.id.slice(1));
  return {
    kind: 'DEMAND',
    title: d.title,
    titleEn: null,
    summary: firstSentence(d.description),
    summaryEn: null,
    description: d.description,
    descriptionEn: null,
    requirement: {
      tasks: d.tasks,
      modalities: d.modalities,
      industries: d.industry ? [d.industry] : [],
      deployments: d.deployment ? [d.deployment] : [],
      integrations: d.integrations,
      languages: ['ko'],
    },
    dataProfile: {
      dataKinds: d.modalities,
      systems: d.integrations,
      volumeDescription: null,
      approximateRecords: null,
      labelling: 'UNKNOWN',
      sampleAvailable: false,
      containsPersonalData: false,
    },
    commercialTerms: {
      currency: 'KRW',
      minAmountKrw: d.budgetKrw?.min ?? null,
      maxAmountKrw: d.budgetKrw?.max ?? null,
      leadTimeWeeks: null,
      desiredStartDate: null,
      durationWeeks: null,
    },
    contact: { name: '구매 담당자', role: null, email: contactEmail, phone: null },
    bidDeadline: new Date(now.getTime() + (21 + (n % 5) * 7) * 86_400_000).toISOString(),
    onSiteRequired: d.onsiteRequired,
    regionId: d.region,
    visibility: 'PUBLIC',
  };
}
