import { ErrorCode } from '@aimatch/contracts';
import { AppError } from './app-error';

/** SQLSTATEs of a database that is going away or not there (admin shutdown, crash, cannot connect, connection failures). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * Whether an unexpected error means a dependency (PostgreSQL) is briefly away rather than a bug:
 * the client then gets UNAVAILABLE with a retry hint (HTTP 503 on plain routes) instead of INTERNAL.
 */
export function dependencyUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATES.has(e.code) || UNAVAILABLE_ERRNOS.has(e.code))) return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

export const unavailableError = (): AppError => new AppError(ErrorCode.UNAVAILABLE, 'unavailable', [], 5);
