/**
 * The import of an uploaded AAS as the listing editor shows it before the user confirms: which shells the
 * file holds (several shells are a choice, never a merge), the listing draft of the chosen one, the mapping
 * report (every element: read into which field, or ignored and why) and the warnings (parts left out,
 * verification errors of the third-party submodels). The product's own shells are read exactly
 * (`importListingFromAas`, strict: a verification error there is an error); third-party shells after the
 * IDTA templates (`mapThirdPartyShell`, lenient: a verification error is a warning at its path).
 */
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import type { CompanyData, ListingContent } from '../submodels';
import { templatesForKind, COMPANY_DATA_TEMPLATE } from '../templates';
import { validateListingContent, type ListingIssue } from '../validate';
import type { Vocabulary } from '../vocabulary';
import { idtaTemplateOf } from './idta';
import { aasIssue, aasWarning } from './issues';
import { readEnvironmentLeniently } from './lenient';
import { importListingFromAas } from './listing-import';
import { readAasSource } from './package';
import { mapThirdPartyShell, type AasMappingEntry } from './third-party';

const MAX_WARNINGS = 200;

export interface AasShellSummary {
  /** The shell's id; '' for an environment of submodels without a shell. */
  id: string;
  idShort: string | null;
  /** Display name (ko, else en, else the first). */
  name: string | null;
  /** Whether the shell is one of the product's own listing exports. */
  source: 'aimatch' | 'third-party';
  submodelCount: number;
}

export interface AasImportPreviewOptions {
  /** The shell to read when the file holds several. */
  shellId?: string | null;
}

export type AasImportPreview =
  | { ok: false; issues: ListingIssue[] }
  | {
      ok: true;
      format: 'json' | 'aasx';
      shells: AasShellSummary[];
      /** Several shells and none chosen: draft, report and incomplete are empty until one is. */
      needsChoice: boolean;
      selectedShellId: string | null;
      source: 'aimatch' | 'third-party' | null;
      draft: { content: ListingContent; company: CompanyData | null; listingId: string | null } | null;
      report: AasMappingEntry[];
      /** Parts left out and verification errors of submodels, at their JSON paths. Never block. */
      warnings: ListingIssue[];
      /** Fields the draft still lacks (validation errors of the draft); the user completes them in the editor. */
      incomplete: ListingIssue[];
      /** Other parts of an .aasx package (supplementary files), by part name; not imported. */
      supplementaryFiles: string[];
    };

const OWN_SUBMODELS = new Set<string>(
  [...templatesForKind('DEMAND'), ...templatesForKind('SUPPLY'), COMPANY_DATA_TEMPLATE].map((t) => t.semanticId),
);

function semanticIds(x: aas.types.IHasSemantics): string[] {
  return [x.semanticId, ...(x.supplementalSemanticIds ?? [])].flatMap((r) => r?.keys.map((k) => k.value) ?? []);
}

function isOwn(sm: aas.types.Submodel): boolean {
  return (sm.semanticId?.keys ?? []).some((k) => OWN_SUBMODELS.has(k.value));
}

function nameOf(list: ReadonlyArray<{ language: string; text: string }> | null): string | null {
  if (!list?.length) return null;
  return (
    list.find((l) => l.language.toLowerCase().startsWith('ko')) ??
    list.find((l) => l.language.toLowerCase().startsWith('en')) ??
    list[0]
  ).text;
}

function libraryPath(prefix: string, p: string): string {
  if (!p) return prefix;
  return p.startsWith('.') || p.startsWith('[') ? `${prefix}${p}` : `${prefix}.${p}`;
}

/** Reads an upload (AAS JSON text or bytes, or an .aasx) and maps the chosen shell. Never throws. */
export function previewAasImport(
  input: string | Uint8Array,
  vocabulary: Vocabulary,
  options: AasImportPreviewOptions = {},
): AasImportPreview {
  try {
    return preview(input, vocabulary, options);
  } catch (e) {
    // Defensive: absurdly deep input can exhaust the stack.
    return { ok: false, issues: [aasIssue('$', 'aas-format', { detail: e instanceof Error ? e.message : String(e) })] };
  }
}

function preview(input: string | Uint8Array, vocabulary: Vocabulary, options: AasImportPreviewOptions): AasImportPreview {
  const source = readAasSource(input);
  if (!source.ok) return source;
  let parsed: unknown;
  try {
    parsed = JSON.parse(source.text);
  } catch (e) {
    return { ok: false, issues: [aasIssue(source.part ?? '$', 'json', { detail: e instanceof Error ? e.message : String(e) })] };
  }
  const read = readEnvironmentLeniently(parsed);
  if (!read.ok) return read;
  const { shells, submodels } = read.env;
  const warnings = [...read.env.warnings];

  const byId = new Map(submodels.map((s) => [s.submodel.id, s]));
  const submodelsOf = (shell: aas.types.AssetAdministrationShell | null) => {
    const refs = shell?.submodels ?? null;
    if (!shell || !refs?.length) return shells.length <= 1 ? submodels : [];
    return refs.flatMap((r) => {
      const id = r.keys[r.keys.length - 1]?.value;
      const s = id === undefined ? undefined : byId.get(id);
      return s ? [s] : [];
    });
  };
  const summaries: AasShellSummary[] = (shells.length ? shells.map((s) => s.shell) : [null]).map((shell) => {
    const own = submodelsOf(shell);
    return {
      id: shell?.id ?? '',
      idShort: shell?.idShort ?? null,
      name: shell ? nameOf(shell.displayName) : null,
      source: own.some((s) => isOwn(s.submodel)) ? 'aimatch' : 'third-party',
      submodelCount: own.length,
    };
  });
  const base = { ok: true as const, format: source.format, shells: summaries, supplementaryFiles: source.supplementaryFiles };

  let chosen: (typeof shells)[number] | null;
  if (options.shellId !== undefined && options.shellId !== null) {
    chosen = shells.find((s) => s.shell.id === options.shellId) ?? null;
    if (!chosen && !(options.shellId === '' && !shells.length)) {
      return { ok: false, issues: [aasIssue('shellId', 'aas-shell-unknown', { id: options.shellId })] };
    }
  } else if (shells.length > 1) {
    return { ...base, needsChoice: true, selectedShellId: null, source: null, draft: null, report: [], warnings, incomplete: [] };
  } else chosen = shells[0] ?? null;

  const parts = submodelsOf(chosen?.shell ?? null);
  if (chosen) {
    const missing = (chosen.shell.submodels ?? []).filter((r) => !byId.has(r.keys[r.keys.length - 1]?.value ?? ''));
    for (const r of missing) {
      warnings.push(
        aasWarning(`${chosen.path}.submodels`, 'aas-format', {
          detail: `the file holds no submodel ${r.keys[r.keys.length - 1]?.value ?? ''}`,
        }),
      );
    }
  }

  // The product's own export: read exactly, from the raw JSON of the shell and its own submodels only.
  if (parts.some((s) => isOwn(s.submodel))) {
    const raw = parsed as Record<string, unknown[]>;
    const rawAt = (path: string) => {
      const m = /^\$\.(assetAdministrationShells|submodels)\[(\d+)\]$/.exec(path)!;
      return raw[m[1]][Number(m[2])];
    };
    const own = parts.filter((s) => isOwn(s.submodel));
    const env = {
      ...(chosen ? { assetAdministrationShells: [rawAt(chosen.path)] } : {}),
      submodels: own.map((s) => rawAt(s.path)),
    };
    const result = importListingFromAas(env, vocabulary);
    if (!result.ok) return { ok: false, issues: result.issues };
    const report: AasMappingEntry[] = parts.map((s) => ({
      path: s.submodel.idShort ?? s.path,
      semanticId: s.submodel.semanticId?.keys[0]?.value ?? null,
      outcome: isOwn(s.submodel) ? 'read' : 'ignored',
      field: isOwn(s.submodel) ? (s.submodel.idShort ?? null) : null,
      value: null,
      reason: isOwn(s.submodel) ? null : 'submodel-not-read',
      template: idtaTemplateOf(semanticIds(s.submodel)),
    }));
    return {
      ...base,
      needsChoice: false,
      selectedShellId: chosen?.shell.id ?? null,
      source: 'aimatch',
      draft: { content: result.content, company: result.company, listingId: result.listingId ?? null },
      report,
      warnings: [...warnings, ...result.warnings],
      incomplete: [],
    };
  }

  // A third-party shell: verification errors are warnings at their JSON path.
  for (const s of parts) {
    for (const e of aas.verification.verify(s.submodel)) {
      if (warnings.length >= MAX_WARNINGS) break;
      warnings.push(aasWarning(libraryPath(s.path, e.path.toString()), 'aas-verification', { detail: e.message }));
    }
  }
  const mapped = mapThirdPartyShell(
    chosen?.shell ?? null,
    parts.map((s) => ({ submodel: s.submodel, label: s.submodel.idShort ?? s.path })),
    vocabulary,
  );
  const checked = validateListingContent(mapped.content, vocabulary, { now: new Date(0), forSubmission: false });
  return {
    ...base,
    needsChoice: false,
    selectedShellId: chosen?.shell.id ?? null,
    source: 'third-party',
    draft: { content: mapped.content, company: mapped.company, listingId: null },
    report: mapped.report,
    warnings,
    incomplete: checked.errors,
  };
}
