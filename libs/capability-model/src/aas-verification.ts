import * as aas from '@aas-core-works/aas-core3.0-typescript';
import type { ListingIssue } from './validate';

/** Verification errors reported per environment, at most. */
const MAX_REPORTED = 100;

/** aas-core's verification of an environment as listing issues at JSON paths (export and import alike). */
export function verificationIssues(env: aas.types.Environment): ListingIssue[] {
  const issues: ListingIssue[] = [];
  for (const e of aas.verification.verify(env)) {
    issues.push({ path: jsonPath(e.path.toString()), rule: 'aas-verification', params: { detail: e.message }, severity: 'error' });
    if (issues.length >= MAX_REPORTED) break;
  }
  return issues;
}

/** A library path (`submodels[0].idShort`, `.submodels[0]`) as a JSON path (`$.submodels[0].idShort`). */
export function jsonPath(p: string): string {
  if (!p) return '$';
  return p.startsWith('.') || p.startsWith('[') ? `$${p}` : `$.${p}`;
}
