/**
 * The editor's form values and their conversion from a listing and to the API input.
 * `update*Listing` replaces the whole content, so every field is always sent.
 */
import type {
  ChecklistAnswer,
  DemandListingInput,
  DemandVisibility,
  LabellingState,
  ListingKind,
  SupplyListingInput,
} from '@/generated/graphql';
import { parseAmount, parseKrwInput } from '@/shared/forms/parse';
import type { ListingDetail } from './types';
import { checklistKey, referenceCaseKey, type CapabilityElement } from './fields';

export interface ReferenceCaseValues {
  /** Stable React key. */
  key: string;
  title: string;
  industryId: string;
  year: string;
  summary: string;
}

export interface ChecklistValue {
  answer: ChecklistAnswer | '';
  note: string;
}

export interface EditorValues {
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  description: string;
  descriptionEn: string;
  regionId: string;
  onSiteRequired: boolean;
  /** `<input type="datetime-local">` value (local time), '' for none. */
  bidDeadline: string;
  visibility: DemandVisibility;
  capability: Record<CapabilityElement, string[]>;
  dataKinds: string[];
  systems: string[];
  volumeDescription: string;
  approximateRecords: string;
  labelling: LabellingState;
  sampleAvailable: boolean;
  containsPersonalData: boolean;
  minAmountKrw: string;
  maxAmountKrw: string;
  leadTimeWeeks: string;
  desiredStartDate: string;
  durationWeeks: string;
  certifications: string[];
  checklist: Record<string, ChecklistValue>;
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone: string;
  referenceCases: ReferenceCaseValues[];
}

export const LABELLING_STATES = ['LABELLED', 'PARTIALLY_LABELLED', 'UNLABELLED', 'UNKNOWN'] as const satisfies readonly LabellingState[];
export const VISIBILITIES = ['PUBLIC', 'VERIFIED_SUPPLIERS'] as const satisfies readonly DemandVisibility[];
export const CHECKLIST_ANSWERS = ['YES', 'NO', 'NA'] as const satisfies readonly ChecklistAnswer[];

let caseCounter = 0;
export function newReferenceCase(): ReferenceCaseValues {
  caseCounter += 1;
  return { key: `case-${caseCounter}`, title: '', industryId: '', year: '', summary: '' };
}

export function emptyValues(contact: { name: string; email: string } = { name: '', email: '' }): EditorValues {
  return {
    title: '',
    titleEn: '',
    summary: '',
    summaryEn: '',
    description: '',
    descriptionEn: '',
    regionId: '',
    onSiteRequired: false,
    bidDeadline: '',
    visibility: 'PUBLIC',
    capability: { tasks: [], modalities: [], industries: [], deployments: [], integrations: [], languages: ['ko'] },
    dataKinds: [],
    systems: [],
    volumeDescription: '',
    approximateRecords: '',
    labelling: 'UNKNOWN',
    sampleAvailable: false,
    containsPersonalData: false,
    minAmountKrw: '',
    maxAmountKrw: '',
    leadTimeWeeks: '',
    desiredStartDate: '',
    durationWeeks: '',
    certifications: [],
    checklist: {},
    contactName: contact.name,
    contactRole: '',
    contactEmail: contact.email,
    contactPhone: '',
    referenceCases: [],
  };
}

const text = (value: string | null | undefined) => value ?? '';
const numberText = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));
const ids = (concepts: ReadonlyArray<{ id: string }>) => concepts.map((concept) => concept.id);

/** ISO date-time → `yyyy-mm-ddThh:mm` in local time. */
export function toLocalDateTimeInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromListing(listing: ListingDetail): EditorValues {
  const values = emptyValues();
  Object.assign(values, {
    title: listing.title,
    titleEn: text(listing.titleEn),
    summary: listing.summary,
    summaryEn: text(listing.summaryEn),
    description: listing.description,
    descriptionEn: text(listing.descriptionEn),
    regionId: listing.region?.id ?? '',
    minAmountKrw: numberText(listing.commercialTerms.minAmountKrw),
    maxAmountKrw: numberText(listing.commercialTerms.maxAmountKrw),
    leadTimeWeeks: numberText(listing.commercialTerms.leadTimeWeeks),
    desiredStartDate: text(listing.commercialTerms.desiredStartDate),
    durationWeeks: numberText(listing.commercialTerms.durationWeeks),
    contactName: text(listing.contact?.name),
    contactRole: text(listing.contact?.role),
    contactEmail: text(listing.contact?.email),
    contactPhone: text(listing.contact?.phone),
  } satisfies Partial<EditorValues>);
  if (listing.__typename === 'DemandListing') {
    const { requirement, dataProfile } = listing;
    Object.assign(values, {
      onSiteRequired: listing.onSiteRequired,
      bidDeadline: toLocalDateTimeInput(listing.bidDeadline),
      visibility: listing.visibility,
      capability: {
        tasks: ids(requirement.tasks),
        modalities: ids(requirement.modalities),
        industries: ids(requirement.industries),
        deployments: ids(requirement.deployments),
        integrations: ids(requirement.integrations),
        languages: [...requirement.languages],
      },
      dataKinds: ids(dataProfile.dataKinds),
      systems: ids(dataProfile.systems),
      volumeDescription: text(dataProfile.volumeDescription),
      approximateRecords: numberText(dataProfile.approximateRecords),
      labelling: dataProfile.labelling,
      sampleAvailable: dataProfile.sampleAvailable,
      containsPersonalData: dataProfile.containsPersonalData,
    } satisfies Partial<EditorValues>);
  } else {
    const { capability, trustProfile } = listing;
    Object.assign(values, {
      capability: {
        tasks: ids(capability.tasks),
        modalities: ids(capability.modalities),
        industries: ids(capability.industries),
        deployments: ids(capability.deployments),
        integrations: ids(capability.integrations),
        languages: [...capability.languages],
      },
      certifications: ids(trustProfile.certifications),
      checklist: Object.fromEntries(
        trustProfile.checklist.map((entry) => [entry.itemId, { answer: entry.answer, note: text(entry.note) }]),
      ),
      referenceCases: listing.referenceCases.map((referenceCase) => ({
        ...newReferenceCase(),
        title: referenceCase.title,
        industryId: referenceCase.industry?.id ?? '',
        year: numberText(referenceCase.year),
        summary: text(referenceCase.summary),
      })),
    } satisfies Partial<EditorValues>);
  }
  return values;
}

/** Client-side problems that keep a value from being sent at all (messages keyed by field key). */
export type ClientProblem = 'number' | 'integer' | 'year' | 'krw';

export interface BuiltInput<T> {
  input: T;
  /** Item ids in the order the checklist is sent. */
  checklistOrder: string[];
  problems: Record<string, ClientProblem>;
}

const optional = (value: string) => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

function localDateTimeToIso(value: string): string | null | 'invalid' {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
}

function commonInput(values: EditorValues, problems: Record<string, ClientProblem>) {
  const amount = (key: 'minAmountKrw' | 'maxAmountKrw' | 'leadTimeWeeks' | 'durationWeeks', problem: ClientProblem) => {
    const parsed = problem === 'krw' ? parseKrwInput(values[key]) : parseAmount(values[key]);
    if (parsed === 'invalid') {
      problems[`CommercialTerms.${key}`] = problem;
      return null;
    }
    return parsed;
  };
  return {
    title: values.title.trim(),
    titleEn: optional(values.titleEn),
    summary: values.summary.trim(),
    summaryEn: optional(values.summaryEn),
    description: values.description.trim(),
    descriptionEn: optional(values.descriptionEn),
    minAmountKrw: amount('minAmountKrw', 'krw'),
    maxAmountKrw: amount('maxAmountKrw', 'krw'),
    leadTimeWeeks: amount('leadTimeWeeks', 'integer'),
    durationWeeks: amount('durationWeeks', 'integer'),
    contact: {
      name: values.contactName.trim(),
      role: optional(values.contactRole),
      email: values.contactEmail.trim(),
      phone: optional(values.contactPhone),
    },
    capability: {
      tasks: [...values.capability.tasks],
      modalities: [...values.capability.modalities],
      industries: [...values.capability.industries],
      deployments: [...values.capability.deployments],
      integrations: [...values.capability.integrations],
      languages: [...values.capability.languages],
    },
  };
}

export function toDemandInput(values: EditorValues): BuiltInput<DemandListingInput> {
  const problems: Record<string, ClientProblem> = {};
  const common = commonInput(values, problems);
  const records = parseAmount(values.approximateRecords);
  if (records === 'invalid') problems['DataProfile.approximateRecords'] = 'integer';
  const deadline = localDateTimeToIso(values.bidDeadline);
  if (deadline === 'invalid') problems['bidDeadline'] = 'number';
  return {
    input: {
      title: common.title,
      titleEn: common.titleEn,
      summary: common.summary,
      summaryEn: common.summaryEn,
      description: common.description,
      descriptionEn: common.descriptionEn,
      regionId: values.regionId || null,
      onSiteRequired: values.onSiteRequired,
      bidDeadline: deadline === 'invalid' ? null : deadline,
      visibility: values.visibility,
      requirement: common.capability,
      dataProfile: {
        dataKinds: [...values.dataKinds],
        systems: [...values.systems],
        volumeDescription: optional(values.volumeDescription),
        approximateRecords: records === 'invalid' ? null : records,
        labelling: values.labelling,
        sampleAvailable: values.sampleAvailable,
        containsPersonalData: values.containsPersonalData,
      },
      commercialTerms: {
        minAmountKrw: common.minAmountKrw,
        maxAmountKrw: common.maxAmountKrw,
        desiredStartDate: optional(values.desiredStartDate),
        durationWeeks: common.durationWeeks,
      },
      contact: common.contact,
    },
    checklistOrder: [],
    problems,
  };
}

/** `checklistItems`: the questions in display order; answered ones are sent in that order. */
export function toSupplyInput(values: EditorValues, checklistItems: readonly string[]): BuiltInput<SupplyListingInput> {
  const problems: Record<string, ClientProblem> = {};
  const common = commonInput(values, problems);
  const known = new Set(checklistItems);
  const order = [...checklistItems, ...Object.keys(values.checklist).filter((id) => !known.has(id))].filter(
    (id) => values.checklist[id]?.answer,
  );
  const referenceCases = values.referenceCases.map((referenceCase, index) => {
    const yearText = referenceCase.year.trim();
    let year: number | null = null;
    if (yearText !== '') {
      if (/^\d{1,4}$/.test(yearText)) year = Number(yearText);
      else problems[referenceCaseKey(index, 'year')] = 'year';
    }
    return {
      title: referenceCase.title.trim(),
      industryId: referenceCase.industryId || null,
      year,
      summary: optional(referenceCase.summary),
    };
  });
  return {
    input: {
      title: common.title,
      titleEn: common.titleEn,
      summary: common.summary,
      summaryEn: common.summaryEn,
      description: common.description,
      descriptionEn: common.descriptionEn,
      capability: common.capability,
      commercialTerms: {
        minAmountKrw: common.minAmountKrw,
        maxAmountKrw: common.maxAmountKrw,
        leadTimeWeeks: common.leadTimeWeeks,
      },
      trustProfile: {
        certifications: [...values.certifications],
        checklist: order.map((itemId) => {
          const entry = values.checklist[itemId]!;
          return { itemId, answer: entry.answer as ChecklistAnswer, note: optional(entry.note) };
        }),
      },
      contact: common.contact,
      referenceCases,
    },
    checklistOrder: order,
    problems,
  };
}

export function buildInput(kind: ListingKind, values: EditorValues, checklistItems: readonly string[]) {
  return kind === 'DEMAND' ? { kind, ...toDemandInput(values) } : { kind, ...toSupplyInput(values, checklistItems) };
}

/** Every field key the editor renders for these values. */
export function editorFieldKeys(baseKeys: readonly string[], values: EditorValues, checklistItems: readonly string[]): string[] {
  const keys = [...baseKeys];
  values.referenceCases.forEach((_, index) => {
    keys.push(
      referenceCaseKey(index, 'title'),
      referenceCaseKey(index, 'industryId'),
      referenceCaseKey(index, 'year'),
      referenceCaseKey(index, 'summary'),
    );
  });
  for (const itemId of checklistItems) keys.push(checklistKey(itemId));
  return keys;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * Step 2's data types and connected systems carry into step 3 (#14 item 7): while the data step's
 * `dataKinds` / `systems` are empty or still what step 2 had, they follow step 2's `modalities` /
 * `integrations` (the same vocabularies); once edited on step 3 they are left alone.
 */
export function carryForward(current: EditorValues, next: EditorValues): EditorValues {
  let result = next;
  const follow = (from: 'modalities' | 'integrations', to: 'dataKinds' | 'systems') => {
    const before = current.capability[from];
    const after = next.capability[from];
    if (before === after || sameIds(before, after)) return;
    if (!sameIds(next[to], current[to])) return; // changed in this very update
    if (current[to].length > 0 && !sameIds(current[to], before)) return; // edited on step 3
    result = { ...result, [to]: [...after] };
  };
  follow('modalities', 'dataKinds');
  follow('integrations', 'systems');
  return result;
}
