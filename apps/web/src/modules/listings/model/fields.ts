/**
 * The listing's fields as the API names them (element paths: `title`, `AIRequirement.tasks`,
 * `CommercialTerms.minAmountKrw`, `referenceCases[0].title` …), the editor step and the
 * detail section each belongs to, and their labels.
 *
 * A field key is the path of one control in the editor. Server paths are mapped onto field
 * keys by `toFieldKey` (list items of a concept list are shown at the list).
 */
import type { ListingKind } from '@/generated/graphql';
import type { SimpleMessageKey, Translate } from '@/i18n';

export type StepId = 'basics' | 'capability' | 'data' | 'commercial' | 'contact' | 'review';

export const STEPS: Record<ListingKind, readonly StepId[]> = {
  DEMAND: ['basics', 'capability', 'data', 'commercial', 'contact', 'review'],
  SUPPLY: ['basics', 'capability', 'commercial', 'contact', 'review'],
};

export function stepLabelKey(step: StepId, kind: ListingKind): SimpleMessageKey {
  switch (step) {
    case 'basics':
      return 'editor.step.basics';
    case 'capability':
      return kind === 'DEMAND' ? 'editor.step.requirement' : 'editor.step.capability';
    case 'data':
      return 'editor.step.data';
    case 'commercial':
      return kind === 'DEMAND' ? 'editor.step.budget' : 'editor.step.price';
    case 'contact':
      return kind === 'DEMAND' ? 'editor.step.contact' : 'editor.step.trustContact';
    case 'review':
      return 'editor.step.review';
  }
}

/** AIRequirement (demand) or AICapability (supply). */
export function capabilitySubmodel(kind: ListingKind): 'AIRequirement' | 'AICapability' {
  return kind === 'DEMAND' ? 'AIRequirement' : 'AICapability';
}

export const CAPABILITY_ELEMENTS = ['tasks', 'modalities', 'industries', 'deployments', 'integrations', 'languages'] as const;
export type CapabilityElement = (typeof CAPABILITY_ELEMENTS)[number];
export type ConceptCapabilityElement = Exclude<CapabilityElement, 'languages'>;

export const CAPABILITY_SCHEMES: Record<ConceptCapabilityElement, string> = {
  tasks: 'task',
  modalities: 'modality',
  industries: 'industry',
  deployments: 'deployment',
  integrations: 'integration',
};

export interface FieldDef {
  key: string;
  step: Exclude<StepId, 'review'>;
  label: SimpleMessageKey;
}

const capabilityLabel: Record<CapabilityElement, SimpleMessageKey> = {
  tasks: 'element.tasks',
  modalities: 'element.modalities',
  industries: 'element.industries',
  deployments: 'element.deployments',
  integrations: 'element.integrations',
  languages: 'element.languages',
};

/** The fields of a listing kind in editor order. */
export function listingFields(kind: ListingKind): FieldDef[] {
  const cap = capabilitySubmodel(kind);
  const demand = kind === 'DEMAND';
  const fields: FieldDef[] = [
    { key: 'title', step: 'basics', label: 'element.title' },
    { key: 'titleEn', step: 'basics', label: 'element.titleEn' },
    { key: 'summary', step: 'basics', label: 'element.summary' },
    { key: 'summaryEn', step: 'basics', label: 'element.summaryEn' },
    { key: 'description', step: 'basics', label: 'element.description' },
    { key: 'descriptionEn', step: 'basics', label: 'element.descriptionEn' },
  ];
  if (demand) {
    fields.push(
      { key: 'regionId', step: 'basics', label: 'element.regionId' },
      { key: 'onSiteRequired', step: 'basics', label: 'element.onSiteRequired' },
      { key: 'bidDeadline', step: 'basics', label: 'element.bidDeadline' },
      { key: 'visibility', step: 'basics', label: 'element.visibility' },
    );
  }
  for (const element of CAPABILITY_ELEMENTS) {
    fields.push({ key: `${cap}.${element}`, step: 'capability', label: capabilityLabel[element] });
  }
  if (demand) {
    fields.push(
      { key: 'DataProfile.dataKinds', step: 'data', label: 'element.dataKinds' },
      { key: 'DataProfile.systems', step: 'data', label: 'element.systems' },
      { key: 'DataProfile.volumeDescription', step: 'data', label: 'element.volumeDescription' },
      { key: 'DataProfile.approximateRecords', step: 'data', label: 'element.approximateRecords' },
      { key: 'DataProfile.labelling', step: 'data', label: 'element.labelling' },
      { key: 'DataProfile.sampleAvailable', step: 'data', label: 'element.sampleAvailable' },
      { key: 'DataProfile.containsPersonalData', step: 'data', label: 'element.containsPersonalData' },
    );
  }
  fields.push(
    { key: 'CommercialTerms.minAmountKrw', step: 'commercial', label: demand ? 'element.minBudget' : 'element.minPrice' },
    { key: 'CommercialTerms.maxAmountKrw', step: 'commercial', label: demand ? 'element.maxBudget' : 'element.maxPrice' },
  );
  if (demand) {
    fields.push(
      { key: 'CommercialTerms.desiredStartDate', step: 'commercial', label: 'element.desiredStartDate' },
      { key: 'CommercialTerms.durationWeeks', step: 'commercial', label: 'element.durationWeeks' },
    );
  } else {
    fields.push(
      { key: 'CommercialTerms.leadTimeWeeks', step: 'commercial', label: 'element.leadTimeWeeks' },
      { key: 'TrustProfile.certifications', step: 'contact', label: 'element.certifications' },
      { key: 'TrustProfile.checklist', step: 'contact', label: 'element.checklist' },
      { key: 'referenceCases', step: 'contact', label: 'element.referenceCases' },
    );
  }
  fields.push(
    { key: 'ContactInformation.name', step: 'contact', label: 'element.contactName' },
    { key: 'ContactInformation.role', step: 'contact', label: 'element.contactRole' },
    { key: 'ContactInformation.email', step: 'contact', label: 'element.contactEmail' },
    { key: 'ContactInformation.phone', step: 'contact', label: 'element.contactPhone' },
  );
  return fields;
}

export const REFERENCE_CASE_ELEMENTS = ['title', 'industryId', 'year', 'summary'] as const;
export type ReferenceCaseElement = (typeof REFERENCE_CASE_ELEMENTS)[number];

const referenceCaseLabel: Record<ReferenceCaseElement, SimpleMessageKey> = {
  title: 'element.caseTitle',
  industryId: 'element.caseIndustry',
  year: 'element.caseYear',
  summary: 'element.caseSummary',
};

export const referenceCaseKey = (index: number, element: ReferenceCaseElement) => `referenceCases[${index}].${element}`;
export const checklistKey = (itemId: string) => `TrustProfile.checklist.${itemId}`;

const CONCEPT_LIST_ITEM = /^(AIRequirement|AICapability|DataProfile|TrustProfile)\.(\w+)\[\d+\]$/;
const CHECKLIST_ITEM = /^TrustProfile\.checklist\[(\d+)\](?:\.\w+)?$/;
const REFERENCE_CASE = /^referenceCases\[(\d+)\](?:\.(\w+))?$/;

/**
 * The field key that shows a server path. `checklistOrder` is the item ids in the order the
 * checklist was sent (the server reports `TrustProfile.checklist[<index>]`).
 */
export function toFieldKey(path: string, checklistOrder: readonly string[] = []): string {
  const checklist = CHECKLIST_ITEM.exec(path);
  if (checklist) {
    const itemId = checklistOrder[Number(checklist[1])];
    return itemId ? checklistKey(itemId) : 'TrustProfile.checklist';
  }
  const item = CONCEPT_LIST_ITEM.exec(path);
  if (item) return `${item[1]}.${item[2]}`;
  const referenceCase = REFERENCE_CASE.exec(path);
  if (referenceCase) {
    const element = referenceCase[2];
    return (REFERENCE_CASE_ELEMENTS as readonly string[]).includes(element ?? '')
      ? path
      : referenceCaseKey(Number(referenceCase[1]), 'title');
  }
  return path;
}

/** The editor step that shows a field key (`review` when none does). */
export function stepOfKey(key: string): StepId {
  if (key.startsWith('AIRequirement') || key.startsWith('AICapability')) return 'capability';
  if (key.startsWith('DataProfile')) return 'data';
  if (key.startsWith('CommercialTerms')) return 'commercial';
  if (key.startsWith('TrustProfile') || key.startsWith('ContactInformation') || key.startsWith('referenceCases')) {
    return 'contact';
  }
  if (
    [
      'title',
      'titleEn',
      'summary',
      'summaryEn',
      'description',
      'descriptionEn',
      'regionId',
      'onSiteRequired',
      'bidDeadline',
      'visibility',
    ].includes(key)
  ) {
    return 'basics';
  }
  return 'review';
}

/**
 * A readable name for any path (server path or field key), e.g. `구축 사례 2 › 사례명`,
 * `요구 AI 역량 › AI 과제 유형`. Unknown paths are returned as they are.
 */
export function describePath(
  path: string,
  kind: ListingKind,
  t: Translate,
  options: { checklistQuestion?: (itemId: string) => string | undefined; checklistOrder?: readonly string[] } = {},
): string {
  const key = toFieldKey(path, options.checklistOrder);
  const referenceCase = REFERENCE_CASE.exec(key);
  if (referenceCase) {
    const element = (referenceCase[2] ?? 'title') as ReferenceCaseElement;
    return `${t('element.referenceCase', { n: Number(referenceCase[1]) + 1 })} › ${t(referenceCaseLabel[element])}`;
  }
  if (key.startsWith('TrustProfile.checklist.')) {
    const itemId = key.slice('TrustProfile.checklist.'.length);
    return `${t('element.checklist')} › ${options.checklistQuestion?.(itemId) ?? itemId}`;
  }
  const def = listingFields(kind).find((field) => field.key === key);
  if (def) return `${t(stepLabelKey(def.step, kind))} › ${t(def.label)}`;
  const submodel = SUBMODEL_LABELS[key];
  if (submodel) return t(submodel);
  return path;
}

const SUBMODEL_LABELS: Record<string, SimpleMessageKey> = {
  AIRequirement: 'editor.step.requirement',
  AICapability: 'editor.step.capability',
  DataProfile: 'editor.step.data',
  CommercialTerms: 'section.commercial',
  TrustProfile: 'section.trust',
  ContactInformation: 'section.contact',
};

/** Field keys staff may comment on (per-field review comments), in editor order. */
export function commentablePaths(kind: ListingKind): FieldDef[] {
  return listingFields(kind);
}
