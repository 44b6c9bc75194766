import { AppError } from '../../common/errors/app-error';

/** IDTA-01002 Part 2: identifiers in paths are base64url-encoded UTF-8 (padding optional). */
export function decodeIdentifier(encoded: string, param: string): string {
  const bare = encoded.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(bare)) throw AppError.field(param, 'format', { format: 'base64url' });
  const decoded = Buffer.from(bare, 'base64url').toString('utf8');
  if (Buffer.from(decoded, 'utf8').toString('base64url') !== bare) throw AppError.field(param, 'format', { format: 'base64url' });
  return decoded;
}

export function encodeIdentifier(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

const LISTING =
  /^(.+)\/aas\/listings\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/submodels\/([A-Za-z][A-Za-z0-9_]{0,127}))?$/i;

/** The listing (and submodel idShort) a shell or submodel id of ours names; null for any other id. */
export function parseListingId(id: string, base: string): { listingId: string; submodel: string | null } | null {
  const m = LISTING.exec(id);
  if (!m || m[1] !== base) return null;
  return { listingId: m[2].toLowerCase(), submodel: m[3] ?? null };
}

/** `limit` of a list route: 1..100, default 20. */
export const LIMIT = { default: 20, max: 100 } as const;

export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return LIMIT.default;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > LIMIT.max) throw AppError.field('limit', 'range', { min: 1, max: LIMIT.max });
  return n;
}

/** An offset cursor for lists held in memory (`{"o": n}`, base64url). */
export function decodeOffset(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 0;
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    // fall through
  }
  throw AppError.field('cursor', 'format', { format: 'cursor' });
}

export function encodeOffset(o: number): string {
  return Buffer.from(JSON.stringify({ o }), 'utf8').toString('base64url');
}

/** A page of an in-memory list, in the spec's paging shape. */
export function offsetPage<T>(
  items: readonly T[],
  limit: number,
  cursor: string | undefined,
): { paging_metadata: { cursor?: string }; result: T[] } {
  const from = decodeOffset(cursor);
  const result = items.slice(from, from + limit);
  return { paging_metadata: from + limit < items.length ? { cursor: encodeOffset(from + limit) } : {}, result };
}
