/** Only same-origin absolute paths are accepted as post-sign-in destinations. */
export function safeNextPath(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if (next.startsWith('/signin') || next.startsWith('/signup')) return fallback;
  return next;
}
