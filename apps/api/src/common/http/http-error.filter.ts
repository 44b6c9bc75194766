import { ErrorCode, type ErrorExtensions } from '@aimatch/contracts';
import { localizeViolation } from '@aimatch/validation';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { contextForRequest } from '../../graphql/request-context';
import { AppError } from '../errors/app-error';
import { dependencyUnavailable, unavailableError } from '../errors/unavailable';
import { message } from '../errors/messages';

/** The HTTP status of each error code on plain routes (shared by the AAS API's Result filter). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL]: 500,
  [ErrorCode.UNAVAILABLE]: 503,
};

/**
 * The one error model on plain HTTP routes (uploads, downloads): the body GraphQL would carry,
 * `{errors: [{message, extensions: {code, fields?, retryAfter?, requestId}}]}`, in the reader's
 * locale, with a matching status (413 for a file over its limit, Retry-After when rate-limited).
 * Unknown errors become INTERNAL without details, logged.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(err: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const rc = contextForRequest(request);
    const error = this.toAppError(err);
    const extensions: ErrorExtensions = { code: error.code, requestId: rc.requestId, ...error.messageParams };
    if (error.violations.length) {
      extensions.fields = error.violations.map((v) => ({ path: v.path, rule: v.rule, message: localizeViolation(v, rc.locale) }));
    }
    if (error.retryAfterSeconds !== undefined) {
      extensions.retryAfter = error.retryAfterSeconds;
      void reply.header('retry-after', String(error.retryAfterSeconds));
    }
    const status = error.messageKey === 'file-too-large' ? 413 : HTTP_STATUS[error.code];
    void reply
      .code(status)
      .header('content-type', 'application/json; charset=utf-8')
      .send({ errors: [{ message: message(error.messageKey, rc.locale, error.messageParams), extensions }] });
  }

  private toAppError(err: unknown): AppError {
    return toAppErrorOnHttp(err, this.logger);
  }
}

/** Any error thrown on a plain HTTP route as the one error model (unknown ones logged, INTERNAL). */
export function toAppErrorOnHttp(err: unknown, logger: Logger): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HttpException && err.getStatus() === 404) return AppError.notFound();
  if (err instanceof HttpException && err.getStatus() < 500) return new AppError(ErrorCode.BAD_USER_INPUT, 'bad-input');
  if (dependencyUnavailable(err)) return unavailableError();
  logger.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  return new AppError(ErrorCode.INTERNAL, 'internal');
}
