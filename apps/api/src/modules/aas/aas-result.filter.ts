import { localizeViolation } from '@aimatch/validation';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppError } from '../../common/errors/app-error';
import { HTTP_STATUS, toAppErrorOnHttp } from '../../common/http/http-error.filter';
import { message } from '../../common/errors/messages';
import { Clock } from '../../common/clock';
import { contextForRequest } from '../../graphql/request-context';

/**
 * Errors of the AAS API in the Result shape of IDTA-01002 Part 2: `{messages: [{code, messageType:
 * "Error", text, timestamp, correlationId}]}` — one message for the error, then one per field
 * violation (`code` = the rule, `text` = `<field>: <message>`), in the reader's locale.
 */
@Catch()
export class AasResultFilter implements ExceptionFilter {
  private readonly logger = new Logger('AasApi');
  constructor(private readonly clock: Clock) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const rc = contextForRequest(request);
    const error = this.toAppError(err);
    const timestamp = this.clock.now().toISOString();
    const base = { messageType: 'Error', timestamp, correlationId: rc.requestId };
    const messages = [
      { ...base, code: error.code, text: message(error.messageKey, rc.locale, error.messageParams) },
      ...error.violations.map((v) => ({ ...base, code: v.rule, text: `${v.path}: ${localizeViolation(v, rc.locale)}` })),
    ];
    if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    void reply.code(HTTP_STATUS[error.code]).header('content-type', 'application/json; charset=utf-8').send({ messages });
  }

  private toAppError(err: unknown): AppError {
    return toAppErrorOnHttp(err, this.logger);
  }
}
