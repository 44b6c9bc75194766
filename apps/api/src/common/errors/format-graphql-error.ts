import { ErrorCode, type ErrorExtensions } from '@aimatch/contracts';
import { localizeViolation, type MessageLocale } from '@aimatch/validation';
import { GraphQLError } from 'graphql';
import { AppError } from './app-error';
import { message } from './messages';
import { dependencyUnavailable, unavailableError } from './unavailable';

export interface FormattedError {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions: ErrorExtensions;
  /** HTTP status to answer with when the request was refused before execution. */
  httpStatus?: number;
}

/** Maps any error to the one public shape; unknown errors become INTERNAL without details. */
export function formatGraphQLError(
  error: GraphQLError,
  locale: MessageLocale,
  requestId: string,
  logUnexpected: (err: unknown) => void,
  logExpected: (err: AppError) => void = () => undefined,
): FormattedError {
  const original = error.originalError;
  const base = { path: error.path, locations: error.locations };
  if (original instanceof AppError) {
    logExpected(original);
    const extensions: ErrorExtensions = { code: original.code, requestId, ...original.messageParams };
    if (original.violations.length) {
      extensions.fields = original.violations.map((v) => ({ path: v.path, rule: v.rule, message: localizeViolation(v, locale) }));
    }
    if (original.retryAfterSeconds !== undefined) extensions.retryAfter = original.retryAfterSeconds;
    return { ...base, message: message(original.messageKey, locale, original.messageParams), extensions };
  }
  const httpStatus = (original as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500) {
    // Rejected by Fastify before GraphQL ran (body too large, bad JSON, wrong content type).
    return {
      message: message(httpStatus === 413 ? 'payload-too-large' : 'bad-query', locale),
      extensions: { code: ErrorCode.BAD_USER_INPUT, requestId },
      httpStatus,
    };
  }
  if (!original || original instanceof GraphQLError) {
    // A document that failed parsing, validation or an input coercion: the client's fault,
    // and graphql-js messages name the field without leaking internals.
    const code =
      (error.extensions?.code as string | undefined) === ErrorCode.RATE_LIMITED ? ErrorCode.RATE_LIMITED : ErrorCode.BAD_USER_INPUT;
    return { ...base, message: error.message, extensions: { code, requestId } };
  }
  if (dependencyUnavailable(original)) {
    const e = unavailableError();
    logExpected(e);
    return { ...base, message: message(e.messageKey, locale), extensions: { code: e.code, requestId, retryAfter: e.retryAfterSeconds } };
  }
  logUnexpected(original);
  return { ...base, message: message('internal', locale), extensions: { code: ErrorCode.INTERNAL, requestId } };
}
