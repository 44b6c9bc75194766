/** The constraint name of a PostgreSQL unique violation (23505), or null for any other error. */
export function uniqueViolation(err: unknown): string | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const source = e?.driverError ?? e;
  return source?.code === '23505' ? (source.constraint ?? '') : null;
}
