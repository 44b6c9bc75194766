/**
 * Reading what a user uploads as an AAS: AAS v3 JSON text (with or without a UTF-8 byte order mark) or an
 * .aasx package (OPC: a zip whose `_rels/.rels` names the `aasx-origin` part, whose relationships name the
 * AAS spec part). The zip is read with fflate, with limits: entry count, declared uncompressed sizes (a zip
 * bomb cannot grow beyond what the central directory declares: fflate inflates into a buffer of that size),
 * and part names that would leave the package (`..`, absolute, backslashes) are refused. XML spec parts are
 * refused with `aasx-xml-unsupported`: the product has no XML parser (aas-core3.0-typescript has only JSON).
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import type { ListingIssue } from '../validate';
import { aasIssue } from './issues';

export const AASX_LIMITS = {
  /** Entries in the zip's central directory. */
  maxEntries: 2000,
  /** Declared uncompressed size of one part we read (the AAS JSON, a relationships part). */
  maxPartBytes: 16 * 1024 * 1024,
  /** Declared uncompressed size of the whole package. */
  maxTotalBytes: 256 * 1024 * 1024,
} as const;

const ORIGIN_TYPES = ['http://admin-shell.io/aasx/relationships/aasx-origin', 'http://www.admin-shell.io/aasx/relationships/aasx-origin'];
const SPEC_TYPES = ['http://admin-shell.io/aasx/relationships/aas-spec', 'http://www.admin-shell.io/aasx/relationships/aas-spec'];

export type AasSource =
  | { ok: true; text: string; format: 'json' | 'aasx'; part: string | null; supplementaryFiles: string[] }
  | { ok: false; issues: ListingIssue[] };

const fail = (path: string, rule: Parameters<typeof aasIssue>[1], params?: Record<string, string | number>): AasSource => ({
  ok: false,
  issues: [aasIssue(path, rule, params)],
});

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Text without a leading UTF-8 byte order mark. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A part name (`/aasx/x.aas.json`, `aasx/x.aas.json`) relative to the package root, or null when it leaves the package. */
export function normalizePartName(name: string, base = ''): string | null {
  if (name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name) || /^[a-z]+:\/\//i.test(name)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    return null;
  }
  const start = decoded.startsWith('/') ? [] : base.split('/').filter(Boolean);
  const out = [...start];
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.length ? out.join('/') : null;
}

/** `<Relationship Type=… Target=…/>` of an OPC relationships part. */
function relationships(xml: string): Array<{ type: string; target: string }> {
  const out: Array<{ type: string; target: string }> = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attr = (n: string) => new RegExp(`\\b${n}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(m[1]);
    const type = attr('Type');
    const target = attr('Target');
    if (type && target) out.push({ type: type[2] ?? type[3], target: (target[2] ?? target[3]).replace(/&amp;/g, '&') });
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function utf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

function readAasx(bytes: Uint8Array): AasSource {
  const entries = new Map<string, UnzipFileInfo>();
  let total = 0;
  let problem: AasSource | null = null;
  try {
    // First pass: the central directory only (the filter declines every entry).
    unzipSync(bytes, {
      filter: (f) => {
        if (problem) return false;
        if (entries.size >= AASX_LIMITS.maxEntries)
          problem = fail('$', 'aasx-package', { detail: `more than ${AASX_LIMITS.maxEntries} entries` });
        const name = normalizePartName(f.name);
        if (name === null && !f.name.endsWith('/'))
          problem = fail(`$[${JSON.stringify(f.name)}]`, 'aasx-package', { detail: 'a part name outside the package' });
        total += f.originalSize;
        if (total > AASX_LIMITS.maxTotalBytes)
          problem = fail('$', 'aasx-package', { detail: `more than ${AASX_LIMITS.maxTotalBytes} bytes uncompressed` });
        if (name !== null) entries.set(name.toLowerCase(), { ...f, name });
        return false;
      },
    });
  } catch (e) {
    return fail('$', 'aasx-package', { detail: `not a readable zip (${e instanceof Error ? e.message : String(e)})` });
  }
  if (problem) return problem;

  const read = (name: string): { text: string } | AasSource => {
    const entry = entries.get(name.toLowerCase());
    if (!entry) return fail(name, 'aasx-package', { detail: 'the part is missing' });
    if (entry.originalSize > AASX_LIMITS.maxPartBytes) {
      return fail(entry.name, 'aasx-package', { detail: `the part is larger than ${AASX_LIMITS.maxPartBytes} bytes` });
    }
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (f) => normalizePartName(f.name) === entry.name });
    } catch (e) {
      return fail(entry.name, 'aasx-package', { detail: `the part cannot be inflated (${e instanceof Error ? e.message : String(e)})` });
    }
    const data = Object.values(files)[0];
    const text = data ? utf8(data) : null;
    if (text === null) return fail(entry.name, 'aasx-package', { detail: 'the part is not UTF-8 text' });
    return { text: withoutBom(text) };
  };

  const rootRels = read('_rels/.rels');
  if (!('text' in rootRels)) return fail('_rels/.rels', 'aasx-package', { detail: 'expected an OPC package with _rels/.rels' });
  const origin = relationships(rootRels.text).find((r) => ORIGIN_TYPES.includes(r.type));
  const originName = origin ? normalizePartName(origin.target) : null;
  if (!originName) return fail('_rels/.rels', 'aasx-package', { detail: 'expected a relationship of type aasx-origin' });
  const slash = originName.lastIndexOf('/');
  const originDir = slash >= 0 ? originName.slice(0, slash) : '';
  const originRelsName = `${originDir ? `${originDir}/` : ''}_rels/${originName.slice(slash + 1)}.rels`;
  const originRels = read(originRelsName);
  if (!('text' in originRels)) return originRels;
  const specs = relationships(originRels.text).filter((r) => SPEC_TYPES.includes(r.type));
  const specNames = specs.map((s) => normalizePartName(s.target, originDir));
  if (specNames.some((n) => n === null)) return fail(originRelsName, 'aasx-package', { detail: 'an aas-spec target outside the package' });
  const names = specNames as string[];
  const json = names.find((n) => n.toLowerCase().endsWith('.json'));
  if (!json) {
    if (names.some((n) => n.toLowerCase().endsWith('.xml'))) return fail(names[0], 'aasx-xml-unsupported');
    return fail(originRelsName, 'aasx-package', { detail: 'expected an aas-spec relationship to a .json part' });
  }
  const spec = read(json);
  if (!('text' in spec)) return spec;
  const supplementaryFiles = [...entries.values()]
    .map((e) => e.name)
    .filter((n) => !n.endsWith('.rels') && n !== json && n !== originName && n !== '[Content_Types].xml' && !n.endsWith('/'));
  return { ok: true, text: spec.text, format: 'aasx', part: json, supplementaryFiles };
}

/** The AAS JSON text of an upload: bytes of an .aasx or of a JSON file, or JSON text. */
export function readAasSource(input: string | Uint8Array): AasSource {
  if (typeof input === 'string') return { ok: true, text: withoutBom(input), format: 'json', part: null, supplementaryFiles: [] };
  if (isZip(input)) return readAasx(input);
  const text = utf8(input);
  if (text === null) return fail('$', 'json', { detail: 'the file is neither UTF-8 JSON nor an .aasx package' });
  return { ok: true, text: withoutBom(text), format: 'json', part: null, supplementaryFiles: [] };
}
