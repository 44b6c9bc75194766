import { ALLOWED_FILE_TYPES, type AllowedFileType } from '@aimatch/contracts';
import * as CFB from 'cfb';
import { fileTypeFromFile } from 'file-type';
import { open, readFile } from 'node:fs/promises';

export type Sniffed = { type: AllowedFileType; contentType: string } | { type: null; detected: string };

const HEAD_BYTES = 4096;
const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const HWP_SIGNATURE = 'HWP Document File';
const HWPX_MIMETYPE = 'application/hwp+zip';

/**
 * Tells a spooled upload's type by its bytes, never by its name. PDF, PNG, JPEG and the Office
 * Open XML containers (DOCX, XLSX: ZIPs told apart by their entries) come from `file-type`, which
 * knows neither of Hancom's formats: HWP 5 is an OLE2 compound file (read with SheetJS `cfb`)
 * whose `FileHeader` stream starts with "HWP Document File"; HWPX is an OCF-style ZIP whose first
 * entry, `mimetype`, stored uncompressed, says `application/hwp+zip` (as EPUB's does).
 */
export async function sniffFileType(path: string): Promise<Sniffed> {
  const head = await readHead(path, HEAD_BYTES);
  if (head.subarray(0, CFB_MAGIC.length).equals(CFB_MAGIC)) {
    return isHwp(await readFile(path)) ? allowed('hwp') : { type: null, detected: 'cfb' };
  }
  if (isHwpx(head)) return allowed('hwpx');
  const found = await fileTypeFromFile(path);
  if (!found) return { type: null, detected: 'unknown' };
  const type = found.ext === 'jpg' ? 'jpg' : found.ext;
  return type in ALLOWED_FILE_TYPES ? allowed(type as AllowedFileType) : { type: null, detected: found.ext };
}

/** An OLE2 compound file with a `FileHeader` stream that carries the HWP 5 signature. */
export function isHwp(bytes: Buffer): boolean {
  try {
    const container = CFB.read(bytes, { type: 'buffer' });
    const header = CFB.find(container, 'FileHeader');
    const content = header?.content;
    if (!content || content.length < HWP_SIGNATURE.length) return false;
    return (
      Buffer.from(content as Uint8Array)
        .subarray(0, HWP_SIGNATURE.length)
        .toString('latin1') === HWP_SIGNATURE
    );
  } catch {
    return false; // not a readable compound file
  }
}

/** A ZIP whose first local entry is `mimetype`, stored, containing `application/hwp+zip`. */
export function isHwpx(head: Buffer): boolean {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const method = head.readUInt16LE(8);
  const size = head.readUInt32LE(18);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const name = head.subarray(30, 30 + nameLength).toString('latin1');
  if (method !== 0 || name !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  return (
    head
      .subarray(start, start + size)
      .toString('latin1')
      .trim() === HWPX_MIMETYPE
  );
}

function allowed(type: AllowedFileType): Sniffed {
  return { type, contentType: ALLOWED_FILE_TYPES[type] };
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
