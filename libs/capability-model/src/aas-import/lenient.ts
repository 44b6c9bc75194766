/**
 * Lenient reading of an AAS environment written by another tool, possibly against AAS 3.1: each shell and
 * submodel is read on its own with aas-core3.0's jsonization; an element that does not parse (3.1 syntax such
 * as a RelationshipElement without `first`, a File without `contentType`, or plain errors) is left out and
 * reported as a warning at its JSON path, and so is a shell or submodel that cannot be read at all. Only input
 * that is not an environment at all is an error.
 */
import * as aas from '@aas-core-works/aas-core3.0-typescript';
import type { ListingIssue } from '../validate';
import { aasIssue, aasWarning } from './issues';

const J = aas.jsonization;

/** Elements left out, at most (the report stays readable). */
const MAX_DROPPED = 200;

export interface LenientEnvironment {
  shells: Array<{ shell: aas.types.AssetAdministrationShell; path: string }>;
  submodels: Array<{ submodel: aas.types.Submodel; path: string }>;
  /** Parts left out, as warnings at their JSON path. */
  warnings: ListingIssue[];
}

/** Other tools write `"description": null` for absent optional fields; AAS JSON omits them. */
export function withoutNulls(v: unknown, depth = 0): unknown {
  if (depth > 200) throw new RangeError('nested too deeply');
  if (Array.isArray(v)) return v.map((x) => withoutNulls(x, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x, depth + 1);
    return out;
  }
  return v;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function errorText(e: aas.jsonization.DeserializationError | null): string {
  return e ? `${e.message}${e.path.segments.length ? ` at ${e.path.toString()}` : ''}` : 'unreadable';
}

const CHILD_KEYS = ['value', 'statements', 'inputVariables', 'outputVariables', 'inoutputVariables'] as const;

class Reader {
  readonly warnings: ListingIssue[] = [];
  private dropped = 0;

  drop(path: string, error: aas.jsonization.DeserializationError | null): void {
    this.dropped++;
    if (this.dropped <= MAX_DROPPED) this.warnings.push(aasWarning(path, 'aas-format', { detail: `left out: ${errorText(error)}` }));
  }

  /** The element's JSON with the children that do not parse left out (recursively). */
  repair(json: Record<string, unknown>, path: string): Record<string, unknown> {
    const out: Record<string, unknown> = { ...json };
    for (const key of CHILD_KEYS) {
      const children = json[key];
      if (!Array.isArray(children) || !children.every(isObject)) continue;
      out[key] = children.flatMap((child, i) => {
        const fixed = this.element(child, `${path}.${key}[${i}]`);
        return fixed ? [fixed] : [];
      });
      if ((out[key] as unknown[]).length === 0 && key === 'value') delete out[key];
    }
    return out;
  }

  /** The JSON of an element that parses (repaired if needed), or null (reported). */
  element(json: Record<string, unknown>, path: string): Record<string, unknown> | null {
    const direct = J.submodelElementFromJsonable(json as aas.jsonization.JsonValue);
    if (direct.error === null) return json;
    const repaired = this.repair(json, path);
    const again = J.submodelElementFromJsonable(repaired as aas.jsonization.JsonValue);
    if (again.error === null) return repaired;
    this.drop(path, again.error);
    return null;
  }

  submodel(json: unknown, path: string): aas.types.Submodel | null {
    if (!isObject(json)) {
      this.drop(path, null);
      return null;
    }
    const direct = J.submodelFromJsonable(json as aas.jsonization.JsonValue);
    if (direct.error === null) return direct.value;
    const elements = Array.isArray(json.submodelElements) ? json.submodelElements : [];
    const kept = elements.flatMap((e, i) => {
      const fixed = isObject(e)
        ? this.element(e, `${path}.submodelElements[${i}]`)
        : (this.drop(`${path}.submodelElements[${i}]`, null), null);
      return fixed ? [fixed] : [];
    });
    const repaired = { ...json, ...(kept.length ? { submodelElements: kept } : {}) };
    if (!kept.length) delete repaired.submodelElements;
    const again = J.submodelFromJsonable(repaired as aas.jsonization.JsonValue);
    if (again.error === null) return again.value;
    this.drop(path, again.error);
    return null;
  }
}

/** Reads what can be read; `ok: false` only when the input is not an AAS environment at all. */
export function readEnvironmentLeniently(parsed: unknown): { ok: true; env: LenientEnvironment } | { ok: false; issues: ListingIssue[] } {
  if (!isObject(parsed))
    return { ok: false, issues: [aasIssue('$', 'aas-format', { detail: 'expected a JSON object (an AAS environment)' })] };
  const json = withoutNulls(parsed) as Record<string, unknown>;
  for (const key of ['assetAdministrationShells', 'submodels', 'conceptDescriptions']) {
    if (key in json && !Array.isArray(json[key])) {
      return { ok: false, issues: [aasIssue(`$.${key}`, 'aas-format', { detail: 'expected an array' })] };
    }
  }
  const reader = new Reader();
  const shells: LenientEnvironment['shells'] = [];
  arrayOf(json.assetAdministrationShells).forEach((s, i) => {
    const path = `$.assetAdministrationShells[${i}]`;
    const read = J.assetAdministrationShellFromJsonable(s as aas.jsonization.JsonValue);
    if (read.error === null) shells.push({ shell: read.value!, path });
    else reader.drop(path, read.error);
  });
  const submodels: LenientEnvironment['submodels'] = [];
  arrayOf(json.submodels).forEach((s, i) => {
    const path = `$.submodels[${i}]`;
    const submodel = reader.submodel(s, path);
    if (submodel) submodels.push({ submodel, path });
  });
  if (!shells.length && !submodels.length) {
    const issues = reader.warnings.map((w) => ({ ...w, severity: 'error' as const }));
    return { ok: false, issues: issues.length ? issues : [aasIssue('$', 'aas-format', { detail: 'expected shells or submodels' })] };
  }
  return { ok: true, env: { shells, submodels, warnings: reader.warnings } };
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
