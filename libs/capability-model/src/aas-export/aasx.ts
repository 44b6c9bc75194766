/**
 * AASX packages (IDTA-01005 Part 5, Open Packaging Conventions in a zip written by fflate):
 *
 *   [Content_Types].xml            content types by extension, plus overrides
 *   _rels/.rels                    → /aasx/aasx-origin          (…/relationships/aasx-origin)
 *   aasx/aasx-origin               the origin part (text)
 *   aasx/_rels/aasx-origin.rels    → /aasx/aas/aas.json         (…/relationships/aas-spec)
 *   aasx/aas/aas.json              the AAS JSON environment
 *   aasx/aas/_rels/aas.json.rels   → /aasx/files/…              (…/relationships/aas-suppl), one per file
 *   aasx/files/…                   supplementary files (the listing's public files)
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export const AASX_RELATIONSHIPS = {
  origin: 'http://admin-shell.io/aasx/relationships/aasx-origin',
  spec: 'http://admin-shell.io/aasx/relationships/aas-spec',
  supplementary: 'http://admin-shell.io/aasx/relationships/aas-suppl',
} as const;
export const AASX_SPEC_PART = '/aasx/aas/aas.json';
export const AASX_CONTENT_TYPE = 'application/asset-administration-shell-package';

export interface AasxSupplementaryFile {
  /** Absolute ASCII part path under /aasx/files/, as the environment's File elements name it. */
  path: string;
  contentType: string;
  bytes: Uint8Array;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function relationships(rels: Array<{ type: string; target: string }>): string {
  const items = rels.map((r, i) => `<Relationship Type="${xml(r.type)}" Target="${xml(r.target)}" Id="R${i + 1}"/>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** A part path for a file name: `/aasx/files/<n>-<ASCII name>` (OPC part names must be URI-safe). */
export function supplementaryPath(index: number, name: string): string {
  const dot = name.lastIndexOf('.');
  const ext =
    dot > 0
      ? name
          .slice(dot + 1)
          .replace(/[^A-Za-z0-9]/g, '')
          .slice(0, 10)
      : '';
  const stem =
    (dot > 0 ? name.slice(0, dot) : name)
      .replace(/[^A-Za-z0-9_-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'file';
  return `/aasx/files/${index + 1}-${stem}${ext ? `.${ext.toLowerCase()}` : ''}`;
}

/** The package bytes: the environment (already verified by the exporter) and its supplementary files. */
export function packAasx(environment: unknown, files: readonly AasxSupplementaryFile[] = []): Uint8Array {
  const paths = new Set<string>();
  for (const f of files) {
    if (!/^\/aasx\/files\/[A-Za-z0-9._-]+$/.test(f.path) || paths.has(f.path)) throw new Error(`bad or repeated part path ${f.path}`);
    paths.add(f.path);
  }
  const overrides = [
    `<Override PartName="/aasx/aasx-origin" ContentType="text/plain"/>`,
    ...files.map((f) => `<Override PartName="${xml(f.path)}" ContentType="${xml(f.contentType)}"/>`),
  ].join('');
  const contentTypes =
    `<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="json" ContentType="application/json"/>${overrides}</Types>`;
  const parts: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(relationships([{ type: AASX_RELATIONSHIPS.origin, target: '/aasx/aasx-origin' }])),
    'aasx/aasx-origin': strToU8('Intentionally empty.'),
    'aasx/_rels/aasx-origin.rels': strToU8(relationships([{ type: AASX_RELATIONSHIPS.spec, target: AASX_SPEC_PART }])),
    'aasx/aas/aas.json': strToU8(JSON.stringify(environment)),
  };
  if (files.length) {
    parts['aasx/aas/_rels/aas.json.rels'] = strToU8(
      relationships(files.map((f) => ({ type: AASX_RELATIONSHIPS.supplementary, target: f.path }))),
    );
  }
  for (const f of files) parts[f.path.slice(1)] = [f.bytes, { level: 0 }];
  // A fixed time keeps packages of the same listing byte-identical.
  return zipSync(parts, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}
