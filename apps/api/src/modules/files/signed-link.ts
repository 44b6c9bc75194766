import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived download links: `sig` is HMAC-SHA256 over `<fileId>.<exp>` (exp in epoch seconds)
 * with the files' signing key, base64url. Whoever holds a link may download until `exp`; the link
 * is handed out only after the owner object's access rule said yes.
 */
export function signDownload(key: Buffer, fileId: string, exp: number): string {
  return createHmac('sha256', key).update(`${fileId}.${exp}`).digest('base64url');
}

export type LinkCheck = 'valid' | 'expired' | 'forged';

export function checkDownloadLink(key: Buffer, fileId: string, exp: string | undefined, sig: string | undefined, nowMs: number): LinkCheck {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return 'forged';
  const expected = Buffer.from(signDownload(key, fileId, Number(exp)));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'forged';
  return Number(exp) * 1000 < nowMs ? 'expired' : 'valid';
}

/** The signing key: FILES_SIGNING_SECRET, else a key derived from the access-token secret (never that secret itself). */
export function downloadSigningKey(config: { FILES_SIGNING_SECRET?: string; JWT_ACCESS_SECRET: string }): Buffer {
  if (config.FILES_SIGNING_SECRET) return Buffer.from(config.FILES_SIGNING_SECRET, 'utf8');
  return createHmac('sha256', config.JWT_ACCESS_SECRET).update('aimatch:file-download-links').digest();
}
