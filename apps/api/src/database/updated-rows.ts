/** TypeORM answers an UPDATE or DELETE … RETURNING with [rows, affected]; other statements with rows. */
export function updatedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : result) as T[];
}
