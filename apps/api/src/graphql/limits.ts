import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Lexer, NoSchemaIntrospectionCustomRule, Source, TokenKind, type ValidationRule } from 'graphql';
import type { AppConfig } from '../config/config.schema';

/** Report instead of throw, so that a rejected document is a normal 400 response with all its errors. */
const report = {
  propagateOnRejection: false,
  onReject: [(ctx: { reportError(e: GraphQLError): void } | null, err: GraphQLError) => ctx?.reportError(err)],
};

/** Validation rules bounding what one document may ask for (graphql-armor's defaults unless configured). */
export function graphqlLimitRules(config: AppConfig): ValidationRule[] {
  return [
    // Mercurius ignores its own `introspection` option: the schema is closed by a validation rule instead.
    ...(config.GRAPHQL_INTROSPECTION ? [] : [NoSchemaIntrospectionCustomRule]),
    maxDepthRule({ n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...report }),
    maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, ...report }),
    maxDirectivesRule({ n: 50, ...report }),
    // Fragments are costed once where they are spread (the web client's generated documents use them).
    costLimitRule({ maxCost: config.GRAPHQL_MAX_COST, ignoreIntrospection: true, flattenFragments: true, ...report }),
  ];
}

/** Checked before parsing: the document's size in characters and in lexer tokens. */
export function checkDocumentSize(source: string, config: Pick<AppConfig, 'GRAPHQL_MAX_CHARS' | 'GRAPHQL_MAX_TOKENS'>): void {
  if (source.length > config.GRAPHQL_MAX_CHARS) {
    throw new GraphQLError(`Document too large: ${source.length} characters, at most ${config.GRAPHQL_MAX_CHARS} allowed.`);
  }
  const lexer = new Lexer(new Source(source));
  let tokens = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++tokens > config.GRAPHQL_MAX_TOKENS) {
        throw new GraphQLError(`Document too complex: more than ${config.GRAPHQL_MAX_TOKENS} tokens.`);
      }
    }
  } catch (err) {
    if (err instanceof GraphQLError) throw err;
    throw new GraphQLError(`Syntax error: ${(err as Error).message}`);
  }
}
