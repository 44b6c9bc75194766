/** A message body cut into plain text and web addresses, in order. */
export type BodyPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// http(s) addresses and bare www. ones; stops at whitespace and at characters that cannot end a URL in prose.
const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}'"’”…。、]+$/u;

/**
 * Finds the web addresses in a chat message so the thread can link them (or, when the sender's
 * organization is not verified, show them behind a warning). Only http(s) targets: anything
 * else (javascript:, data:, file:) stays text.
 */
export function splitLinks(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    // "(see https://x.kr/a)." keeps the closing bracket and full stop outside the link.
    const trailing = TRAILING.exec(raw)?.[0] ?? '';
    if (trailing && !(trailing.startsWith(')') && raw.includes('('))) raw = raw.slice(0, raw.length - trailing.length);
    const href = raw.toLowerCase().startsWith('www.') ? `https://${raw}` : raw;
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    if (start > last) parts.push({ kind: 'text', text: body.slice(last, start) });
    parts.push({ kind: 'link', text: raw, href: url.href });
    last = start + raw.length;
  }
  if (last < body.length) parts.push({ kind: 'text', text: body.slice(last) });
  return parts;
}

/** The host a link really goes to, as shown in the warning (punycode for look-alike letters). */
export function linkHost(href: string): string {
  return new URL(href).host;
}
