/** The one error model: every GraphQL error carries one of these in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
  /** A dependency (the database) is briefly away: retry after `retryAfter` seconds. */
  UNAVAILABLE = 'UNAVAILABLE',
}

/** One invalid input value: `path` is the dot path inside the operation's input argument. */
export interface FieldError {
  path: string;
  rule: string;
  message: string;
}

export interface ErrorExtensions {
  code: ErrorCode;
  requestId?: string;
  fields?: FieldError[];
  /** Seconds until a rate-limited request may be retried. */
  retryAfter?: number;
  /** Context of the error, e.g. `current` status or version of a CONFLICT. */
  [detail: string]: unknown;
}
