/**
 * Matching of the official IDTA template semanticIds (the one table: ../idta-semantic-ids.ts) on import. IDs
 * are compared after `semanticKey`: without version segments (`/1/0`, `/3/0/1`) and without the version of an
 * IRDI (`#002`), so every version tag a template carries matches.
 */
import { IDTA_ELEMENTS, IDTA_SUBMODELS, type IdtaTemplate } from '../idta-semantic-ids';

/** IRI without numeric path segments, `//` and a trailing `/`, lower case; IRDI without its version suffix. */
export function semanticKey(id: string): string {
  const s = id.replace(/\s+/g, '').trim();
  if (/^\d{4}-\d#\d{2}-[A-Z0-9]{3}\d{3}#\d{3}$/i.test(s)) return s.replace(/#\d{3}$/, '').toUpperCase();
  if (/^0112\/2\/\/\/\d+(_\d+)?#[A-Z]{3}\d{3}#\d{3}$/i.test(s)) return s.replace(/#\d{3}$/, '').toUpperCase();
  const m = /^([a-z][a-z0-9+.-]*:\/\/)(.*)$/i.exec(s);
  if (!m) return s.toLowerCase();
  const path = m[2]
    .split('/')
    .filter((seg) => seg !== '' && !/^\d+$/.test(seg))
    .join('/');
  return `${m[1]}${path}`.toLowerCase();
}

export { IDTA_ELEMENTS, IDTA_SUBMODELS, type IdtaTemplate };

const SUBMODEL_KEYS = new Map<string, IdtaTemplate>(
  Object.entries(IDTA_SUBMODELS).flatMap(([t, ids]) => ids.map((id) => [semanticKey(id), t as IdtaTemplate] as const)),
);

/** The template a submodel semanticId names, whatever its version tag. */
export function idtaTemplateOf(semanticIds: readonly string[]): IdtaTemplate | null {
  for (const id of semanticIds) {
    const t = SUBMODEL_KEYS.get(semanticKey(id));
    if (t) return t;
  }
  return null;
}

/** Whether one of `semanticIds` is `expected` (one id or several), whatever the version tags. */
export function isSemantic(semanticIds: readonly string[], expected: string | readonly string[]): boolean {
  const want = (typeof expected === 'string' ? [expected] : expected).map(semanticKey);
  return semanticIds.some((id) => want.includes(semanticKey(id)));
}
