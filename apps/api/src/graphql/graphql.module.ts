import type { ErrorCode } from '@aimatch/contracts';
import { Logger, Module } from '@nestjs/common';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import { logLevelOf } from '../common/errors/app-error';
import { formatGraphQLError } from '../common/errors/format-graphql-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { StrictDateTime } from './date-time.scalar';
import { checkDocumentSize, graphqlLimitRules } from './limits';
import { contextForRequest, type RequestContext } from './request-context';

const logger = new Logger('GraphQL');

/** graphql-js names near field and type names ("Did you mean …?"); without them a validation error reveals no schema. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/** One line, no stack: an expected AppError is the client's business, logged at info/warn (never ERROR). */
function logExpected(request: FastifyRequest | undefined, code: ErrorCode, messageKey: string): void {
  const level = logLevelOf(code);
  if (request) request.log[level]({ code, messageKey }, 'request refused');
  else if (level === 'warn') logger.warn(`request refused: ${code} ${messageKey}`);
  else logger.log(`request refused: ${code} ${messageKey}`);
}

/** Mercurius on Fastify with graphql-jit, the per-request context, limits and the one error mapping. */
@Module({
  imports: [
    NestGraphQLModule.forRootAsync<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        path: '/graphql',
        // The schema lives in memory; apps/api/src/schema.gql is written by `npm run schema:emit` and checked by a test.
        autoSchemaFile: true,
        sortSchema: true,
        buildSchemaOptions: { dateScalarMode: 'isoDate', scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
        jit: 1,
        graphiql: !config.isProduction,
        ide: false,
        introspection: config.GRAPHQL_INTROSPECTION,
        validationRules: graphqlLimitRules(config),
        context: (request: FastifyRequest, _reply: FastifyReply) => ({ rc: contextForRequest(request) }),
        errorFormatter: (execution, context) => {
          const rc = (context as unknown as { rc?: RequestContext }).rc;
          const request = (context as unknown as { reply?: FastifyReply }).reply?.request;
          const locale = rc?.locale ?? 'ko';
          const requestId = rc?.requestId ?? String(request?.id ?? '');
          const flat = execution.errors.flatMap<GraphQLError>((e) => {
            const nested = (e.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
            return Array.isArray(nested) ? nested : [e];
          });
          const errors = flat
            .map((e) =>
              formatGraphQLError(
                e,
                locale,
                requestId,
                (err) => (request ? request.log.error({ err }, 'unexpected error') : logger.error(String((err as Error)?.stack ?? err))),
                (err) => logExpected(request, err.code, err.messageKey),
              ),
            )
            .map((e) => (config.GRAPHQL_SUGGESTIONS ? e : { ...e, message: withoutSuggestions(e.message) }));
          // A document rejected before execution (syntax, validation, limits) is a 400; errors
          // raised while executing are reported with 200, as GraphQL over HTTP prescribes.
          const rejectedDocument = !execution.data && flat.every((e) => !e.path);
          const httpStatus = errors.find((e) => e.httpStatus)?.httpStatus;
          return {
            statusCode: httpStatus ?? (rejectedDocument ? 400 : 200),
            response: { data: execution.data ?? null, errors: errors.map(({ httpStatus: _, ...e }) => e) },
          };
        },
        hooks: {
          preParsing: async (_schema: unknown, source: string) => checkDocumentSize(source, config),
        },
      }),
    }),
  ],
})
export class GraphQLModule {}
