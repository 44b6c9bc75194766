import { ErrorCode } from '@aimatch/contracts';
import type { RuleViolation } from '@aimatch/validation';
import { IntrinsicException } from '@nestjs/common';
import type { MessageKey } from './messages';

/**
 * The one domain error. Services throw it; the GraphQL error formatter renders it in the
 * reader's locale with `extensions.code` (and `fields` for input errors).
 * It is an IntrinsicException so that Nest's external exception filter does not log every expected
 * refusal at ERROR with a stack; the formatters log it once, at the level of `logLevelOf(code)`.
 */
export class AppError extends IntrinsicException {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly violations: RuleViolation[] = [],
    readonly retryAfterSeconds?: number,
    /** Values for the message template, e.g. the current status of a refused transition. */
    readonly messageParams: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = 'AppError';
  }

  static badInput(violations: RuleViolation[]): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, 'bad-input', violations);
  }
  static field(path: string, rule: string, params?: RuleViolation['params']): AppError {
    return AppError.badInput([{ path, rule, params }]);
  }
  static unauthenticated(key: MessageKey = 'unauthenticated'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, key);
  }
  static forbidden(key: MessageKey = 'forbidden', params: Record<string, string | number> = {}): AppError {
    return new AppError(ErrorCode.FORBIDDEN, key, [], undefined, params);
  }
  static notFound(key: MessageKey = 'not-found'): AppError {
    return new AppError(ErrorCode.NOT_FOUND, key);
  }
  static conflict(key: MessageKey = 'conflict', params: Record<string, string | number> = {}): AppError {
    return new AppError(ErrorCode.CONFLICT, key, [], undefined, params);
  }
  static rateLimited(retryAfterSeconds: number): AppError {
    return new AppError(ErrorCode.RATE_LIMITED, 'rate-limited', [], retryAfterSeconds);
  }
}

/** Expected refusals are the client's business (info; warn for access and rate refusals); only faults are errors. */
export function logLevelOf(code: ErrorCode): 'info' | 'warn' | 'error' {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.CONFLICT:
    case ErrorCode.UNAUTHENTICATED:
      return 'info';
    case ErrorCode.FORBIDDEN:
    case ErrorCode.RATE_LIMITED:
      return 'warn';
    case ErrorCode.INTERNAL:
      return 'error';
    case ErrorCode.UNAVAILABLE:
      return 'warn';
  }
}
