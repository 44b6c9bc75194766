/**
 * Third-party shells → a supply listing draft, after the IDTA submodel templates (found by their official
 * semanticIds, whatever version tag they carry; never by idShort, so an official `CompanyData` submodel is
 * never read as ours). Every element is accounted for in the mapping report: read into a listing field, or
 * ignored with a reason. The draft is not validated for submission: what is missing the user completes in the
 * editor (`incomplete`).
 */
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import { isValidBusinessRegistrationNumber, normalizeBusinessRegistrationNumber } from '@aimatch/validation';
import type { CompanyData, SupplyContent } from '../submodels';
import { TEXT_LIMITS } from '../templates';
import type { Vocabulary } from '../vocabulary';
import { IDTA_ELEMENTS as E, idtaTemplateOf, isSemantic, type IdtaTemplate } from './idta';

const T = aas.types;

export type AasIgnoredReason =
  /** The template element has no listing field (bank accounts, serial numbers …). */
  | 'not-a-listing-field'
  /** A submodel of no template the product reads. */
  | 'submodel-not-read'
  /** The data profile templates (02058, 02008) describe a demand's data; a supply listing has none. */
  | 'not-for-supply'
  /** No vocabulary concept has this id, label or synonym. */
  | 'no-matching-concept'
  /** The field was already filled from an earlier element. */
  | 'already-filled'
  /** A coded value (an ECLASS value IRDI) the product cannot show as text. */
  | 'coded-value'
  /** A value the field cannot take (e.g. a tax number that is not a Korean business registration number). */
  | 'invalid-value'
  /** Empty element. */
  | 'empty';

export interface AasMappingEntry {
  /** Element path: submodel idShort, then idShorts and list indices (`ContactInformations.ContactInformation.Email.EmailAddress`). */
  path: string;
  semanticId: string | null;
  outcome: 'read' | 'ignored';
  /** The listing field read into (`contact.email`, `company.nameKo`, `capability.tasks`), null when ignored. */
  field: string | null;
  /** The value as read (cut to 200 characters). */
  value: string | null;
  reason: AasIgnoredReason | null;
  /** The IDTA template the element belongs to, null for a submodel of no known template. */
  template: IdtaTemplate | null;
}

export interface ThirdPartyDraft {
  content: SupplyContent;
  company: CompanyData | null;
  report: AasMappingEntry[];
}

type Element = aas.types.ISubmodelElement;

function semanticIds(x: aas.types.IHasSemantics): string[] {
  return [x.semanticId, ...(x.supplementalSemanticIds ?? [])].flatMap((r) => r?.keys.map((k) => k.value) ?? []);
}

const HANGUL = /[\uAC00-\uD7A3\u3131-\u318E]/;

/** Texts of a Property or MultiLanguageProperty: [language, text]. */
function texts(e: Element): Array<[string, string]> {
  const p = T.asProperty(e);
  if (p) return p.value ? [[HANGUL.test(p.value) ? 'ko' : '', p.value]] : [];
  const m = T.asMultiLanguageProperty(e);
  if (m) return (m.value ?? []).filter((l) => l.text.trim() !== '').map((l) => [l.language.toLowerCase(), l.text]);
  const r = T.asReferenceElement(e);
  if (r) return r.value?.keys.length ? [['', r.value.keys[r.value.keys.length - 1].value]] : [];
  return [];
}

function pick(t: Array<[string, string]>, lang: string): string | null {
  return t.find(([l]) => l === lang || l.startsWith(`${lang}-`))?.[1] ?? null;
}

function anyText(t: Array<[string, string]>): string | null {
  return pick(t, 'ko') ?? pick(t, 'en') ?? t[0]?.[1] ?? null;
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

/** Vocabulary concepts by id, label, synonym and slug (lower case), per scheme. */
class ConceptIndex {
  private readonly byText = new Map<string, string[]>();
  constructor(readonly vocabulary: Vocabulary) {
    for (const c of vocabulary.concepts) {
      if (c.deprecated) continue;
      const slug = c.id.split(':').pop() ?? '';
      const keys = [c.labels.ko, c.labels.en, ...c.synonyms.ko, ...c.synonyms.en, slug, slug.replace(/-/g, ' '), c.code ?? ''];
      for (const k of keys) {
        const key = norm(k);
        if (!key) continue;
        const list = this.byText.get(key) ?? [];
        if (!list.includes(c.id)) list.push(c.id);
        this.byText.set(key, list);
      }
    }
  }
  /** The concept a set of ids or texts names, optionally within one scheme. */
  find(candidates: readonly string[], scheme?: string): string | null {
    for (const c of candidates) {
      if (this.vocabulary.has(c) && (!scheme || this.vocabulary.get(c)!.scheme === scheme)) return c;
    }
    for (const c of candidates) {
      const hits = this.byText.get(norm(c)) ?? this.byText.get(norm(splitCamel(c))) ?? [];
      const hit = hits.find((id) => !scheme || this.vocabulary.get(id)!.scheme === scheme);
      if (hit) return hit;
    }
    return null;
  }
}

function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\s-]+/g, ' ')
    .trim();
}

function splitCamel(s: string): string {
  return s.replace(/__\d+__$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2');
}

const CAPABILITY_FIELDS: Record<string, keyof SupplyContent['capability']> = {
  task: 'tasks',
  modality: 'modalities',
  industry: 'industries',
  deployment: 'deployments',
  integration: 'integrations',
};

interface Draft {
  title: string | null;
  summary: string | null;
  descriptions: string[];
  contactName: string | null;
  contactFirstName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  nameKo: string | null;
  nameEn: string | null;
  brn: string | null;
  regionId: string | null;
  industryId: string | null;
  website: string | null;
  foundedYear: number | null;
  capability: SupplyContent['capability'];
  certifications: string[];
}

type Decision = { read: string; value: string } | { ignore: AasIgnoredReason; value?: string | null } | 'descend';

class Mapper {
  readonly report: AasMappingEntry[] = [];
  readonly concepts: ConceptIndex;
  readonly d: Draft = {
    title: null,
    summary: null,
    descriptions: [],
    contactName: null,
    contactFirstName: null,
    contactRole: null,
    contactEmail: null,
    contactPhone: null,
    nameKo: null,
    nameEn: null,
    brn: null,
    regionId: null,
    industryId: null,
    website: null,
    foundedYear: null,
    capability: { tasks: [], modalities: [], industries: [], deployments: [], integrations: [], languages: [] },
    certifications: [],
  };
  private template: IdtaTemplate | null = null;
  private inAddress = false;

  constructor(readonly vocabulary: Vocabulary) {
    this.concepts = new ConceptIndex(vocabulary);
  }

  entry(path: string, e: aas.types.IHasSemantics | null, d: Decision): void {
    const semanticId = e ? (semanticIds(e)[0] ?? null) : null;
    if (d === 'descend') return;
    if ('read' in d) {
      this.report.push({
        path,
        semanticId,
        outcome: 'read',
        field: d.read,
        value: cut(d.value, 200),
        reason: null,
        template: this.template,
      });
    } else {
      const value = d.value ?? null;
      this.report.push({
        path,
        semanticId,
        outcome: 'ignored',
        field: null,
        value: value === null ? null : cut(value, 200),
        reason: d.ignore,
        template: this.template,
      });
    }
  }

  /** Sets a scalar draft field unless it is set; the decision for the report. */
  set<K extends keyof Draft>(key: K, field: string, value: Draft[K] | null, shown: string): Decision {
    if (value === null || value === '') return { ignore: 'empty' };
    if (this.d[key] !== null) return { ignore: 'already-filled', value: shown };
    this.d[key] = value;
    return { read: field, value: shown };
  }

  /** Adds a concept to the capability lists (by its scheme). */
  addConcept(id: string, shown: string): Decision {
    const scheme = this.vocabulary.get(id)!.scheme;
    if (scheme === 'certification') {
      if (this.d.certifications.includes(id)) return { ignore: 'already-filled', value: shown };
      this.d.certifications.push(id);
      return { read: 'trustProfile.certifications', value: id };
    }
    if (scheme === 'region') return this.set('regionId', 'company.regionId', id, id);
    const field = CAPABILITY_FIELDS[scheme];
    if (!field) return { ignore: 'no-matching-concept', value: shown };
    const list = this.d.capability[field];
    if (list.includes(id)) return { ignore: 'already-filled', value: id };
    list.push(id);
    return { read: `capability.${field}`, value: id };
  }

  walk(elements: readonly Element[], prefix: string, decide: (e: Element, path: string) => Decision): void {
    elements.forEach((e, i) => {
      const path = `${prefix}.${e.idShort ?? `[${i}]`}`;
      const d = decide(e, path);
      if (d !== 'descend') {
        this.entry(path, e, d);
        return;
      }
      const before = this.report.length;
      const children = T.asSubmodelElementCollection(e)?.value ?? T.asSubmodelElementList(e)?.value ?? T.asEntity(e)?.statements ?? [];
      this.walk(children, path, decide);
      // A container none of whose elements were read is one "ignored" line, not one per leaf.
      const added = this.report.slice(before);
      if (added.length >= 1 && added.every((r) => r.outcome === 'ignored' && r.reason === 'not-a-listing-field')) {
        this.report.length = before;
        this.entry(path, e, { ignore: 'not-a-listing-field' });
      } else if (!added.length && !children.length) this.entry(path, e, { ignore: 'empty' });
    });
  }

  // --- IDTA 02002 Contact Information (and 02006 AddressInformation) -------------------------

  contact(e: Element): Decision {
    const ids = semanticIds(e);
    const t = texts(e);
    // A second contact collection's fields are reported as "already filled".
    if (isSemantic(ids, [E.contactInformation, E.addressInformation])) return 'descend';
    if (isSemantic(ids, E.nameOfContact)) return this.set('contactName', 'contact.name', anyText(t), anyText(t) ?? '');
    if (isSemantic(ids, E.firstName)) return this.set('contactFirstName', 'contact.name', anyText(t), anyText(t) ?? '');
    if (isSemantic(ids, E.roleOfContactPerson)) {
      const v = anyText(t);
      if (v && /^\d{4}-\d#\d{2}-/.test(v)) return { ignore: 'coded-value', value: v };
      return this.set('contactRole', 'contact.role', v ? cut(v, 100) : null, v ?? '');
    }
    if (isSemantic(ids, [E.email, E.phone])) return 'descend';
    if (isSemantic(ids, E.emailAddress)) return this.set('contactEmail', 'contact.email', anyText(t)?.trim() ?? null, anyText(t) ?? '');
    if (isSemantic(ids, E.telephoneNumber)) return this.set('contactPhone', 'contact.phone', anyText(t)?.trim() ?? null, anyText(t) ?? '');
    if (isSemantic(ids, E.company)) return this.companyName(t);
    if (isSemantic(ids, E.addressOfAdditionalLink)) return this.set('website', 'company.website', anyText(t), anyText(t) ?? '');
    if (isSemantic(ids, [E.cityTown, E.stateCounty])) {
      const v = anyText(t);
      if (!v) return { ignore: 'empty' };
      const id = this.concepts.find(
        t.map(([, x]) => x),
        'region',
      );
      return id ? this.set('regionId', 'company.regionId', id, `${v} → ${id}`) : { ignore: 'no-matching-concept', value: v };
    }
    return { ignore: 'not-a-listing-field', value: anyText(t) };
  }

  companyName(t: Array<[string, string]>): Decision {
    const ko = pick(t, 'ko');
    const en =
      pick(t, 'en') ??
      (t.find(([l]) => l === '')?.[1] && !HANGUL.test(t.find(([l]) => l === '')![1]) ? t.find(([l]) => l === '')![1] : null);
    const other = anyText(t);
    if (!ko && !en && !other) return { ignore: 'empty' };
    if (this.d.nameKo !== null || this.d.nameEn !== null) return { ignore: 'already-filled', value: other };
    if (ko) this.d.nameKo = cut(ko, 100);
    if (en) this.d.nameEn = cut(en, 100);
    if (!ko && !en) this.d.nameKo = cut(other!, 100);
    return { read: ko && en ? 'company.nameKo, company.nameEn' : ko || !en ? 'company.nameKo' : 'company.nameEn', value: other ?? '' };
  }

  // --- IDTA 02068 Provision of Company Data ---------------------------------------------------

  companyData(e: Element, path: string): Decision {
    const ids = semanticIds(e);
    const t = texts(e);
    const v = anyText(t);
    if (isSemantic(ids, [E.companyIdentification, E.industries])) return 'descend';
    if (isSemantic(ids, E.companyName)) return this.companyName(t);
    if (isSemantic(ids, E.companyDescription)) {
      if (!v) return { ignore: 'empty' };
      this.d.descriptions.push(v);
      return { read: 'summary, description', value: v };
    }
    if (isSemantic(ids, E.homepageUrl)) return this.set('website', 'company.website', v?.trim() ?? null, v ?? '');
    if (isSemantic(ids, [E.commercialRegisterNumber, E.taxNumber, E.vatNumber])) {
      if (!v) return { ignore: 'empty' };
      const digits = normalizeBusinessRegistrationNumber(v);
      if (!digits || !isValidBusinessRegistrationNumber(digits)) return { ignore: 'invalid-value', value: v };
      return this.set('brn', 'company.businessRegistrationNumber', digits, v);
    }
    if (isSemantic(ids, E.foundingYear)) {
      const year = v && /^\d{4}$/.test(v.trim()) ? Number(v.trim()) : null;
      if (v && year === null) return { ignore: 'invalid-value', value: v };
      return this.set('foundedYear', 'company.foundedYear', year, v ?? '');
    }
    if (isSemantic(ids, E.industry) || path.includes('.Industries.')) {
      if (!v) return { ignore: 'empty' };
      const id = this.concepts.find(
        t.map(([, x]) => x),
        'industry',
      );
      if (!id) return { ignore: 'no-matching-concept', value: v };
      if (this.d.industryId === null) this.d.industryId = id;
      const added = this.addConcept(id, v);
      return 'read' in (added as object) ? { read: 'company.industryId, capability.industries', value: `${v} → ${id}` } : added;
    }
    return T.asSubmodelElementCollection(e) || T.asSubmodelElementList(e) ? 'descend' : { ignore: 'not-a-listing-field', value: v };
  }

  // --- IDTA 02020 Capability Description -------------------------------------------------------

  capability(e: Element): Decision {
    const ids = semanticIds(e);
    if (T.asCapability(e)) {
      const names = [...ids, e.idShort ?? '', ...(e.displayName ?? []).map((n) => n.text)].filter(Boolean);
      const id = this.concepts.find(names);
      return id ? this.addConcept(id, e.idShort ?? id) : { ignore: 'no-matching-concept', value: e.idShort ?? ids[0] ?? null };
    }
    if (isSemantic(ids, E.capabilityComment)) {
      const v = anyText(texts(e));
      if (!v) return { ignore: 'empty' };
      this.d.descriptions.push(v);
      return { read: 'description', value: v };
    }
    if (isSemantic(ids, E.capabilityRelations) || T.asRelationshipElement(e) || T.asAnnotatedRelationshipElement(e)) {
      return { ignore: 'not-a-listing-field' };
    }
    if (T.asSubmodelElementCollection(e) || T.asSubmodelElementList(e)) return 'descend';
    // A property of a capability: its value (or valueId, or semanticId) naming a vocabulary concept.
    const p = T.asProperty(e);
    const r = T.asReferenceElement(e);
    const candidates = [
      ...(p?.valueId?.keys.map((k) => k.value) ?? []),
      ...(r?.value?.keys.map((k) => k.value) ?? []),
      ...texts(e).map(([, x]) => x),
    ];
    const id = this.concepts.find(candidates);
    if (id) return this.addConcept(id, candidates[0] ?? id);
    return { ignore: candidates.length ? 'no-matching-concept' : 'not-a-listing-field', value: candidates[0] ?? null };
  }

  // --- IDTA 02006 Digital Nameplate --------------------------------------------------------------

  nameplate(e: Element): Decision {
    const ids = semanticIds(e);
    const t = texts(e);
    if (isSemantic(ids, E.manufacturerName)) return this.companyName(t);
    if (isSemantic(ids, E.manufacturerProductDesignation)) {
      const v = anyText(t);
      return this.set('title', 'title', v ? cut(v, TEXT_LIMITS.title) : null, v ?? '');
    }
    return { ignore: 'not-a-listing-field', value: anyText(t) };
  }

  submodel(sm: aas.types.Submodel, path: string): void {
    const template = idtaTemplateOf(semanticIds(sm));
    this.template = template;
    const elements = sm.submodelElements ?? [];
    switch (template) {
      case 'contactInformation':
        this.walk(elements, path, (e) => this.contact(e));
        break;
      case 'companyData':
        this.walk(elements, path, (e, p) => this.companyData(e, p));
        break;
      case 'capabilityDescription':
        this.walk(elements, path, (e) => this.capability(e));
        break;
      case 'digitalNameplate':
        this.walk(elements, path, (e, p) => {
          if (isSemantic(semanticIds(e), E.addressInformation)) {
            this.inAddress = true;
            return 'descend';
          }
          if (p.split('.').length === 2) this.inAddress = false;
          return this.inAddress ? this.contact(e) : this.nameplate(e);
        });
        this.inAddress = false;
        break;
      case 'aiDataset':
      case 'timeSeries':
        this.entry(path, sm, { ignore: 'not-for-supply' });
        break;
      default:
        this.entry(path, sm, { ignore: 'submodel-not-read' });
    }
    this.template = null;
  }
}

/** Maps the submodels of one third-party shell into a supply listing draft, with the mapping report. */
export function mapThirdPartyShell(
  shell: aas.types.AssetAdministrationShell | null,
  submodels: ReadonlyArray<{ submodel: aas.types.Submodel; label: string }>,
  vocabulary: Vocabulary,
): ThirdPartyDraft {
  const m = new Mapper(vocabulary);
  for (const { submodel, label } of submodels) m.submodel(submodel, label);
  const d = m.d;

  // Texts: the nameplate's product designation, else the shell's display name or idShort.
  const shellName = shell
    ? (pick(shellTexts(shell.displayName), 'ko') ?? pick(shellTexts(shell.displayName), 'en') ?? shell.displayName?.[0]?.text ?? null)
    : null;
  const shellDescription = shell ? anyText(shellTexts(shell.description)) : null;
  if (d.title === null && shell) {
    const v = shellName ?? shell.idShort ?? null;
    m.entry(
      `${shell.idShort ?? 'shell'}.${shellName ? 'displayName' : 'idShort'}`,
      null,
      m.set('title', 'title', v ? cut(v, TEXT_LIMITS.title) : null, v ?? ''),
    );
  }
  if (shellDescription) {
    d.descriptions.unshift(shellDescription);
    m.entry(`${shell!.idShort ?? 'shell'}.description`, null, { read: 'summary, description', value: shellDescription });
  }
  const title = d.title ?? d.nameKo ?? d.nameEn ?? '';
  const unique = [...new Set(d.descriptions.map((s) => s.trim()).filter(Boolean))];
  const summary = cut(unique[0] ?? title, TEXT_LIMITS.summary);
  const description = cut(unique.join('\n\n') || summary, TEXT_LIMITS.description);

  const content: SupplyContent = {
    kind: 'SUPPLY',
    title: cut(title, TEXT_LIMITS.title),
    titleEn: null,
    summary,
    summaryEn: null,
    description,
    descriptionEn: null,
    capability: d.capability,
    commercialTerms: {
      currency: 'KRW',
      minAmountKrw: null,
      maxAmountKrw: null,
      leadTimeWeeks: null,
      desiredStartDate: null,
      durationWeeks: null,
    },
    trustProfile: { certifications: d.certifications, checklist: [] },
    contact: {
      name: [d.contactFirstName, d.contactName].filter(Boolean).join(' '),
      role: d.contactRole,
      email: d.contactEmail ?? '',
      phone: d.contactPhone,
    },
    referenceCases: [],
  };
  const anyCompany = [d.nameKo, d.nameEn, d.brn, d.regionId, d.industryId, d.website, d.foundedYear].some((v) => v !== null);
  const company: CompanyData | null = anyCompany
    ? {
        nameKo: d.nameKo ?? d.nameEn ?? '',
        nameEn: d.nameEn,
        businessRegistrationNumber: d.brn ?? '',
        regionId: d.regionId,
        industryId: d.industryId,
        website: d.website,
        foundedYear: d.foundedYear,
      }
    : null;
  return { content, company, report: m.report };
}

function shellTexts(list: ReadonlyArray<{ language: string; text: string }> | null): Array<[string, string]> {
  return (list ?? []).map((l) => [l.language.toLowerCase(), l.text]);
}
