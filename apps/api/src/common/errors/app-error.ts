import { ErrorCode } from '@aimatch/contracts';
import type { RuleViolation } from '@aimatch/validation';
import type { MessageKey } from './messages';

/**
 * The one domain error. Services throw it; the GraphQL error formatter renders it in the
 * reader's locale with `extensions.code` (and `fields` for input errors).
 */
export class AppError extends Error {
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
