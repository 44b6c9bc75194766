import type { RuleViolation } from '@aimatch/validation';
import { josa } from 'es-hangul';

/**
 * Eligibility of support programs (정부 지원사업) as data: a program's rules are facts about an
 * organization or a demand compared with values, each evaluated to met, missed or unknown (the fact
 * is not on file) with a ko/en reason. Concepts (regions, industries, tasks, certifications) count
 * with their narrower concepts: a rule for 충청북도 is met by an organization in 음성군.
 */

export type FactType = 'enum' | 'concept' | 'number' | 'boolean';

export interface FactDefinition {
  type: FactType;
  /** Who the fact describes. */
  subject: 'organization' | 'demand';
  label: { ko: string; en: string };
  /** For enum facts: the allowed values and their labels. */
  values?: Record<string, { ko: string; en: string }>;
  /** For concept facts: the vocabulary scheme of the values. */
  scheme?: string;
  /** For number facts: the unit in reasons. */
  unit?: 'KRW' | 'year' | 'years';
  /** For concept facts: the subject may hold several (certifications); the rule is met by any. */
  many?: boolean;
}

const KIND_LABELS = {
  SME: { ko: '중소기업(수요기업)', en: 'SME (buyer)' },
  AI_SUPPLIER: { ko: 'AI 공급기업', en: 'AI supplier' },
  SI_INTEGRATOR: { ko: 'SI·통합 기업', en: 'SI integrator' },
  PUBLIC_AGENCY: { ko: '공공기관', en: 'Public agency' },
  ASSOCIATION: { ko: '협회', en: 'Association' },
};
const BAND_LABELS = {
  SIZE_1_9: { ko: '1–9명', en: '1–9 people' },
  SIZE_10_49: { ko: '10–49명', en: '10–49 people' },
  SIZE_50_299: { ko: '50–299명', en: '50–299 people' },
  SIZE_300_999: { ko: '300–999명', en: '300–999 people' },
  SIZE_1000_PLUS: { ko: '1,000명 이상', en: '1,000 people or more' },
};

/** The facts a rule may test. A rule over any other fact is refused when it is saved. */
export const ELIGIBILITY_FACTS = {
  'organization.kind': { type: 'enum', subject: 'organization', label: { ko: '기관 유형', en: 'organization type' }, values: KIND_LABELS },
  'organization.employeeBand': {
    type: 'enum',
    subject: 'organization',
    label: { ko: '기업 규모', en: 'company size' },
    values: BAND_LABELS,
  },
  'organization.region': { type: 'concept', subject: 'organization', label: { ko: '소재지', en: 'region' }, scheme: 'region' },
  'organization.industry': { type: 'concept', subject: 'organization', label: { ko: '업종', en: 'industry' }, scheme: 'industry' },
  'organization.certification': {
    type: 'concept',
    subject: 'organization',
    label: { ko: '검증된 인증', en: 'verified certification' },
    scheme: 'certification',
    many: true,
  },
  'organization.verified': { type: 'boolean', subject: 'organization', label: { ko: '협회 기관 인증', en: 'verified by the association' } },
  'organization.foundedYear': {
    type: 'number',
    subject: 'organization',
    label: { ko: '설립 연도', en: 'founding year' },
    unit: 'year',
  },
  'organization.yearsSinceFounding': {
    type: 'number',
    subject: 'organization',
    label: { ko: '업력', en: 'years since founding' },
    unit: 'years',
  },
  'demand.task': { type: 'concept', subject: 'demand', label: { ko: 'AI 과업', en: 'AI task' }, scheme: 'task', many: true },
  'demand.budgetKrw': { type: 'number', subject: 'demand', label: { ko: '예산', en: 'budget' }, unit: 'KRW' },
} as const satisfies Record<string, FactDefinition>;

export type EligibilityFactName = keyof typeof ELIGIBILITY_FACTS;

/** One rule: `in` for enum and concept facts, `between` (either bound optional) for numbers, `is` for booleans. */
export interface EligibilityRule {
  fact: string;
  op: 'in' | 'between' | 'is';
  values?: string[];
  min?: number | null;
  max?: number | null;
  value?: boolean | null;
}

export const MAX_RULES_PER_PROGRAM = 20;
export const MAX_VALUES_PER_RULE = 50;

/** What is on file about an organization (null: not stated). */
export interface OrganizationFacts {
  kind: string;
  employeeBand: string | null;
  regionId: string | null;
  industryId: string | null;
  /** Certification concepts whose claims staff verified and that have not expired. */
  verifiedCertificationIds: string[];
  verified: boolean;
  foundedYear: number | null;
}

export interface DemandFacts {
  taskIds: string[];
  budgetKrw: number | null;
}

export interface EligibilitySubject {
  organization?: OrganizationFacts | null;
  demand?: DemandFacts | null;
}

/** What evaluation needs from the vocabulary. */
export interface VocabularyView {
  exists(scheme: string, conceptId: string): boolean;
  /** True when `conceptId` is `ancestorId` or narrower than it. */
  isSameOrDescendantOf(conceptId: string, ancestorId: string): boolean;
  label(conceptId: string, locale: 'ko' | 'en'): string;
}

export type RuleStatus = 'MET' | 'MISSED' | 'UNKNOWN';

export interface RuleResult {
  index: number;
  fact: string;
  status: RuleStatus;
  reason: { ko: string; en: string };
}

export type EligibilityVerdict = 'ELIGIBLE' | 'POSSIBLE' | 'INELIGIBLE';

export interface EligibilityResult {
  /** ELIGIBLE: every rule met; POSSIBLE: none missed but some facts are not on file; INELIGIBLE: one or more missed. */
  verdict: EligibilityVerdict;
  met: number;
  missed: number;
  unknown: number;
  rules: RuleResult[];
}

function definitionOf(fact: string): FactDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(ELIGIBILITY_FACTS, fact)
    ? (ELIGIBILITY_FACTS as Record<string, FactDefinition>)[fact]
    : undefined;
}

const OP_OF: Record<FactType, EligibilityRule['op']> = { enum: 'in', concept: 'in', number: 'between', boolean: 'is' };

/** Checks a rule set as staff save it: known facts, the op that fits each, known values, sane ranges. */
export function validateEligibilityRules(
  rules: EligibilityRule[],
  vocabulary: Pick<VocabularyView, 'exists'>,
  path = 'rules',
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (rules.length > MAX_RULES_PER_PROGRAM) violations.push({ path, rule: 'max-items', params: { max: MAX_RULES_PER_PROGRAM } });
  rules.slice(0, MAX_RULES_PER_PROGRAM).forEach((rule, i) => {
    const at = `${path}.${i}`;
    const def = definitionOf(rule.fact);
    if (!def) {
      violations.push({ path: `${at}.fact`, rule: 'enum', params: { allowed: Object.keys(ELIGIBILITY_FACTS).join(', ') } });
      return;
    }
    const op = OP_OF[def.type];
    if (rule.op !== op) {
      violations.push({ path: `${at}.op`, rule: 'enum', params: { allowed: op } });
      return;
    }
    if (op === 'in') {
      const values = rule.values ?? [];
      if (values.length === 0) violations.push({ path: `${at}.values`, rule: 'required' });
      if (values.length > MAX_VALUES_PER_RULE)
        violations.push({ path: `${at}.values`, rule: 'max-items', params: { max: MAX_VALUES_PER_RULE } });
      values.slice(0, MAX_VALUES_PER_RULE).forEach((value, j) => {
        const known =
          def.type === 'enum' ? Boolean(def.values && Object.hasOwn(def.values, value)) : vocabulary.exists(def.scheme ?? '', value);
        if (!known) {
          violations.push({
            path: `${at}.values.${j}`,
            rule: def.type === 'enum' ? 'enum' : 'unknown-concept',
            params: def.type === 'enum' ? { allowed: Object.keys(def.values ?? {}).join(', ') } : { id: value },
          });
        }
      });
    } else if (op === 'between') {
      const { min, max } = rule;
      const bound = (v: number | null | undefined) => v === null || v === undefined || (Number.isSafeInteger(v) && v >= 0 && v <= 1e13);
      if (min == null && max == null) violations.push({ path: `${at}.min`, rule: 'required' });
      if (!bound(min)) violations.push({ path: `${at}.min`, rule: 'range', params: { min: 0, max: 1e13 } });
      if (!bound(max)) violations.push({ path: `${at}.max`, rule: 'range', params: { min: 0, max: 1e13 } });
      if (min != null && max != null && min > max) violations.push({ path: `${at}.max`, rule: 'min-value', params: { min } });
    } else if (typeof rule.value !== 'boolean') {
      violations.push({ path: `${at}.value`, rule: 'required' });
    }
  });
  return violations;
}

/** One formatter for every number in a reason (`toLocaleString` builds a new one per call). */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US');

function formatNumber(value: number, unit: FactDefinition['unit'], locale: 'ko' | 'en'): string {
  const n = NUMBER_FORMAT.format(value);
  if (unit === 'KRW') return locale === 'ko' ? `${n}원` : `KRW ${n}`;
  if (unit === 'years') return locale === 'ko' ? `${n}년` : `${n} years`;
  return n;
}

function rangeText(rule: EligibilityRule, unit: FactDefinition['unit'], locale: 'ko' | 'en'): string {
  const min = rule.min ?? null;
  const max = rule.max ?? null;
  if (min !== null && max !== null) return `${formatNumber(min, unit, locale)}–${formatNumber(max, unit, locale)}`;
  if (min !== null) return locale === 'ko' ? `${formatNumber(min, unit, locale)} 이상` : `at least ${formatNumber(min, unit, locale)}`;
  return locale === 'ko' ? `${formatNumber(max ?? 0, unit, locale)} 이하` : `at most ${formatNumber(max ?? 0, unit, locale)}`;
}

function valueLabel(def: FactDefinition, value: string, vocabulary: VocabularyView, locale: 'ko' | 'en'): string {
  if (def.type === 'enum') return def.values?.[value]?.[locale] ?? value;
  return vocabulary.label(value, locale);
}

function listText(def: FactDefinition, values: string[], vocabulary: VocabularyView, locale: 'ko' | 'en'): string {
  const labels = values.map((v) => valueLabel(def, v, vocabulary, locale));
  const shown = labels.slice(0, 5).join(', ');
  const more = labels.length > 5 ? (locale === 'ko' ? ` 외 ${labels.length - 5}개` : ` and ${labels.length - 5} more`) : '';
  return shown + more;
}

/** The subject's value(s) for a fact, or null when not on file. */
function factValue(fact: string, subject: EligibilitySubject, year: number): string[] | number | boolean | null {
  const org = subject.organization ?? null;
  const demand = subject.demand ?? null;
  switch (fact as EligibilityFactName) {
    case 'organization.kind':
      return org ? [org.kind] : null;
    case 'organization.employeeBand':
      return org?.employeeBand ? [org.employeeBand] : null;
    case 'organization.region':
      return org?.regionId ? [org.regionId] : null;
    case 'organization.industry':
      return org?.industryId ? [org.industryId] : null;
    case 'organization.certification':
      return org ? org.verifiedCertificationIds : null;
    case 'organization.verified':
      return org ? org.verified : null;
    case 'organization.foundedYear':
      return org?.foundedYear ?? null;
    case 'organization.yearsSinceFounding':
      return org?.foundedYear != null ? Math.max(0, year - org.foundedYear) : null;
    case 'demand.task':
      return demand && demand.taskIds.length > 0 ? demand.taskIds : null;
    case 'demand.budgetKrw':
      return demand?.budgetKrw ?? null;
  }
  return null;
}

/** Whether one rule is met, missed or cannot be checked: the same decision `evaluateEligibility` explains. */
function ruleStatus(rule: EligibilityRule, subject: EligibilitySubject, vocabulary: VocabularyView, year: number): RuleStatus {
  const def = definitionOf(rule.fact);
  if (!def) return 'UNKNOWN';
  const value = factValue(rule.fact, subject, year);
  if (value === null || (Array.isArray(value) && value.length === 0 && !def.many)) return 'UNKNOWN';
  return ruleMet(def, rule, value, vocabulary) ? 'MET' : 'MISSED';
}

function ruleMet(def: FactDefinition, rule: EligibilityRule, value: string[] | number | boolean, vocabulary: VocabularyView): boolean {
  if (def.type === 'number' && typeof value === 'number')
    return (rule.min == null || value >= rule.min) && (rule.max == null || value <= rule.max);
  if (def.type === 'boolean' && typeof value === 'boolean') return value === rule.value;
  const held = Array.isArray(value) ? value : [];
  const wantedValues = rule.values ?? [];
  return def.type === 'enum'
    ? held.some((v) => wantedValues.includes(v))
    : held.some((v) => wantedValues.some((w) => vocabulary.isSameOrDescendantOf(v, w)));
}

/**
 * Only the verdict of `evaluateEligibility` (no reasons written): for checking thousands of
 * programs or organizations, explaining only the ones shown.
 */
export function eligibilityVerdict(
  rules: EligibilityRule[],
  subject: EligibilitySubject,
  vocabulary: VocabularyView,
  year: number,
): EligibilityResult['verdict'] {
  let unknown = false;
  for (const rule of rules) {
    const status = ruleStatus(rule, subject, vocabulary, year);
    if (status === 'MISSED') return 'INELIGIBLE';
    if (status === 'UNKNOWN') unknown = true;
  }
  return unknown ? 'POSSIBLE' : 'ELIGIBLE';
}

/**
 * Evaluates one program's rules against what is on file. `year` is the current year (업력). Each
 * rule's reason names the fact, what the program asks and what the subject has.
 */
export function evaluateEligibility(
  rules: EligibilityRule[],
  subject: EligibilitySubject,
  vocabulary: VocabularyView,
  year: number,
): EligibilityResult {
  const results: RuleResult[] = rules.map((rule, index) => {
    const def = definitionOf(rule.fact);
    if (!def) {
      return { index, fact: rule.fact, status: 'UNKNOWN', reason: { ko: '알 수 없는 조건입니다.', en: 'Unknown condition.' } };
    }
    const value = factValue(rule.fact, subject, year);
    const name = def.label;
    const wanted = (locale: 'ko' | 'en') =>
      def.type === 'number'
        ? rangeText(rule, def.unit, locale)
        : def.type === 'boolean'
          ? locale === 'ko'
            ? rule.value
              ? '필요'
              : '해당 없음이어야 함'
            : rule.value
              ? 'required'
              : 'must not apply'
          : listText(def, rule.values ?? [], vocabulary, locale);
    if (value === null || (Array.isArray(value) && value.length === 0 && !def.many)) {
      const missingSubject = def.subject === 'demand' ? { ko: '수요', en: 'demand' } : { ko: '기관 정보', en: 'organization profile' };
      return {
        index,
        fact: rule.fact,
        status: 'UNKNOWN',
        reason: {
          ko: `${name.ko} 조건(${wanted('ko')})을 확인할 수 없습니다: ${missingSubject.ko}에 ${josa(name.ko, '이/가')} 없습니다.`,
          en: `Cannot check the ${name.en} condition (${wanted('en')}): the ${missingSubject.en} has no ${name.en}.`,
        },
      };
    }
    const met = ruleMet(def, rule, value, vocabulary);
    let has: { ko: string; en: string };
    if (def.type === 'number' && typeof value === 'number') {
      has = { ko: formatNumber(value, def.unit, 'ko'), en: formatNumber(value, def.unit, 'en') };
    } else if (def.type === 'boolean' && typeof value === 'boolean') {
      has = value ? { ko: '인증됨', en: 'verified' } : { ko: '미인증', en: 'not verified' };
    } else {
      const held = Array.isArray(value) ? value : [];
      has =
        held.length === 0
          ? { ko: '없음', en: 'none' }
          : { ko: listText(def, held, vocabulary, 'ko'), en: listText(def, held, vocabulary, 'en') };
    }
    return {
      index,
      fact: rule.fact,
      status: met ? 'MET' : 'MISSED',
      reason: met
        ? {
            ko: `${name.ko}: ${has.ko} — 조건(${wanted('ko')})에 맞습니다.`,
            en: `${name.en}: ${has.en} meets the condition (${wanted('en')}).`,
          }
        : {
            ko: `${name.ko}: ${has.ko} — 조건(${wanted('ko')})에 맞지 않습니다.`,
            en: `${name.en}: ${has.en} does not meet the condition (${wanted('en')}).`,
          },
    };
  });
  const count = (s: RuleStatus) => results.filter((r) => r.status === s).length;
  const missed = count('MISSED');
  const unknown = count('UNKNOWN');
  return {
    verdict: missed > 0 ? 'INELIGIBLE' : unknown > 0 ? 'POSSIBLE' : 'ELIGIBLE',
    met: count('MET'),
    missed,
    unknown,
    rules: results,
  };
}
