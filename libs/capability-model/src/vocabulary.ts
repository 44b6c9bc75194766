/**
 * The association's standard vocabulary: concept schemes (task, modality, industry, deployment,
 * integration, certification, region) and their concepts. Concept ids play the role of AAS
 * semanticIds: listings store ids, never free text. See `../shared/vocabulary/README.md`.
 */
import { z } from 'zod';

export type Locale = 'ko' | 'en';

export interface LocalizedText {
  ko: string;
  en: string;
}

export interface LocalizedTerms {
  ko: string[];
  en: string[];
}

export interface ConceptScheme {
  id: string;
  labels: LocalizedText;
}

/** One concept, complete: optional fields of the file format are filled with their defaults. */
export interface Concept {
  /** `urn:aimatch:<scheme>:<slug>` */
  id: string;
  scheme: string;
  /** The broader concept in the same scheme, or null for a root. */
  parent: string | null;
  /** KSIC code (industry) or ISO 3166-2:KR code (region); null elsewhere. */
  code: string | null;
  labels: LocalizedText;
  synonyms: LocalizedTerms;
  /** One sentence per language; an empty string when the source has none. */
  definition: LocalizedText;
  deprecated: boolean;
  /** The concept to use instead (same scheme), when deprecated. */
  replacedBy: string | null;
}

/**
 * A concept as the file (or a database row) gives it: `code`, `synonyms`, `definition`,
 * `deprecated` and `replacedBy` may be absent or null.
 */
export interface ConceptInput {
  id: string;
  scheme: string;
  parent?: string | null;
  code?: string | null;
  labels: LocalizedText;
  synonyms?: { ko?: string[] | null; en?: string[] | null } | null;
  definition?: { ko?: string | null; en?: string | null } | null;
  deprecated?: boolean | null;
  replacedBy?: string | null;
}

/** The association's file format (`concepts.json`). */
export interface VocabularyFile {
  version: string;
  schemes: ConceptScheme[];
  concepts: ConceptInput[];
}

export interface VocabularyProblem {
  /** JSON path into the input, e.g. `$.concepts[3].labels.ko`. */
  path: string;
  message: string;
}

/** Thrown by `Vocabulary.fromJson` / `fromConcepts` on malformed input; `path` names the first problem. */
export class VocabularyError extends Error {
  readonly path: string;
  constructor(readonly problems: VocabularyProblem[]) {
    super(problems.length ? `Invalid vocabulary at ${problems[0].path}: ${problems[0].message}` : 'Invalid vocabulary');
    this.name = 'VocabularyError';
    this.path = problems[0]?.path ?? '$';
  }
}

/** `urn:aimatch:<scheme>:<slug>`, lowercase ASCII kebab-case. */
export const CONCEPT_ID_PATTERN = /^urn:aimatch:([a-z][a-z0-9-]*):([a-z0-9][a-z0-9-]*)$/;

const nonEmpty = z.string().refine((s) => s.trim().length > 0, 'must not be empty');
const localized = z.object({ ko: nonEmpty, en: nonEmpty });
const terms = z.array(z.string()).nullish();
const schemeSchema = z.object({ id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase scheme id'), labels: localized });
const conceptSchema = z.object({
  id: z.string().regex(CONCEPT_ID_PATTERN, 'must look like urn:aimatch:<scheme>:<slug>'),
  scheme: nonEmpty,
  parent: z.string().nullish(),
  code: z.string().nullish(),
  labels: localized,
  synonyms: z.object({ ko: terms, en: terms }).nullish(),
  definition: z.object({ ko: z.string().nullish(), en: z.string().nullish() }).nullish(),
  deprecated: z.boolean().nullish(),
  replacedBy: z.string().nullish(),
});
const fileSchema = z.object({
  version: nonEmpty,
  schemes: z.array(schemeSchema),
  concepts: z.array(conceptSchema),
});

function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : `${p}.${String(s)}`), '$');
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export class Vocabulary {
  private readonly byId = new Map<string, Concept>();
  private readonly childIds = new Map<string, string[]>();
  private readonly schemeById = new Map<string, ConceptScheme>();

  private constructor(
    readonly version: string,
    readonly schemes: readonly ConceptScheme[],
    readonly concepts: readonly Concept[],
  ) {
    for (const s of schemes) this.schemeById.set(s.id, s);
    for (const c of concepts) {
      this.byId.set(c.id, c);
      this.childIds.set(c.id, []);
    }
    for (const c of concepts) if (c.parent) this.childIds.get(c.parent)!.push(c.id);
  }

  /** Reads the association's file format; throws `VocabularyError` naming the JSON path of the first problem. */
  static fromJson(json: unknown): Vocabulary {
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) {
      throw new VocabularyError(parsed.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })));
    }
    return Vocabulary.build(parsed.data.version, parsed.data.schemes, parsed.data.concepts);
  }

  /**
   * Builds a vocabulary from plain records (e.g. database rows), checked like the file:
   * paths in errors are `$.schemes[i]…` / `$.concepts[i]…` over the given arrays.
   */
  static fromConcepts(version: string, schemes: readonly ConceptScheme[], concepts: readonly ConceptInput[]): Vocabulary {
    return Vocabulary.fromJson({ version, schemes, concepts });
  }

  private static build(
    version: string,
    schemeInputs: z.output<typeof schemeSchema>[],
    inputs: z.output<typeof conceptSchema>[],
  ): Vocabulary {
    const problems: VocabularyProblem[] = [];
    const schemes: ConceptScheme[] = [];
    const schemeIds = new Set<string>();
    schemeInputs.forEach((s, i) => {
      if (schemeIds.has(s.id)) problems.push({ path: `$.schemes[${i}].id`, message: `duplicate scheme id ${s.id}` });
      schemeIds.add(s.id);
      schemes.push({ id: s.id, labels: { ko: s.labels.ko, en: s.labels.en } });
    });

    const concepts: Concept[] = inputs.map((c) => ({
      id: c.id,
      scheme: c.scheme,
      parent: c.parent ?? null,
      code: c.code ?? null,
      labels: { ko: c.labels.ko, en: c.labels.en },
      synonyms: { ko: [...(c.synonyms?.ko ?? [])], en: [...(c.synonyms?.en ?? [])] },
      definition: { ko: c.definition?.ko ?? '', en: c.definition?.en ?? '' },
      deprecated: c.deprecated ?? false,
      replacedBy: c.replacedBy ?? null,
    }));

    const index = new Map<string, number>();
    concepts.forEach((c, i) => {
      const at = `$.concepts[${i}]`;
      if (index.has(c.id)) problems.push({ path: `${at}.id`, message: `duplicate concept id ${c.id}` });
      else index.set(c.id, i);
      if (!schemeIds.has(c.scheme)) problems.push({ path: `${at}.scheme`, message: `unknown scheme ${c.scheme}` });
      else if (CONCEPT_ID_PATTERN.exec(c.id)?.[1] !== c.scheme)
        problems.push({ path: `${at}.id`, message: `id is not in scheme ${c.scheme}` });
    });
    concepts.forEach((c, i) => {
      const at = `$.concepts[${i}]`;
      for (const field of ['parent', 'replacedBy'] as const) {
        const target = c[field];
        if (target === null) continue;
        const other = index.has(target) ? concepts[index.get(target)!] : undefined;
        if (!other) problems.push({ path: `${at}.${field}`, message: `unknown concept ${target}` });
        else if (other.scheme !== c.scheme) problems.push({ path: `${at}.${field}`, message: `${target} is in another scheme` });
        else if (other.id === c.id) problems.push({ path: `${at}.${field}`, message: 'refers to itself' });
      }
    });
    if (!problems.length) {
      // A parent chain longer than the vocabulary is a cycle.
      concepts.forEach((c, i) => {
        let steps = 0;
        for (let p = c.parent; p !== null; p = concepts[index.get(p)!].parent) {
          if (++steps > concepts.length) {
            problems.push({ path: `$.concepts[${i}].parent`, message: 'parent chain has a cycle' });
            break;
          }
        }
      });
    }
    if (problems.length) throw new VocabularyError(problems);
    return new Vocabulary(version, deepFreeze(schemes), deepFreeze(concepts));
  }

  get size(): number {
    return this.concepts.length;
  }

  get(id: string): Concept | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  scheme(id: string): ConceptScheme | undefined {
    return this.schemeById.get(id);
  }

  /** Concepts of a scheme, in file order. */
  inScheme(scheme: string): Concept[] {
    return this.concepts.filter((c) => c.scheme === scheme);
  }

  /** Direct narrower concepts, in file order. */
  children(id: string): Concept[] {
    return (this.childIds.get(id) ?? []).map((c) => this.byId.get(c)!);
  }

  /** Broader concepts, nearest first. Empty for roots and unknown ids. */
  ancestors(id: string): Concept[] {
    const out: Concept[] = [];
    for (let p = this.byId.get(id)?.parent ?? null; p !== null; p = this.byId.get(p)!.parent) out.push(this.byId.get(p)!);
    return out;
  }

  /** All narrower concepts, depth first (a child before its own children), file order among siblings. */
  descendants(id: string): Concept[] {
    const out: Concept[] = [];
    const visit = (c: string) => {
      for (const child of this.childIds.get(c) ?? []) {
        out.push(this.byId.get(child)!);
        visit(child);
      }
    };
    visit(id);
    return out;
  }

  /** True when `id` is `ancestorId` or narrower than it (anything matching a child matches its parent). */
  isSameOrDescendantOf(id: string, ancestorId: string): boolean {
    if (!this.byId.has(id) || !this.byId.has(ancestorId)) return false;
    return id === ancestorId || this.ancestors(id).some((a) => a.id === ancestorId);
  }

  /** The preferred label, or undefined for an unknown id. */
  label(id: string, locale: Locale): string | undefined {
    return this.byId.get(id)?.labels[locale];
  }

  /** The association's file format again (optional fields written out in full). */
  toJson(): VocabularyFile {
    return JSON.parse(JSON.stringify({ version: this.version, schemes: this.schemes, concepts: this.concepts })) as VocabularyFile;
  }
}
