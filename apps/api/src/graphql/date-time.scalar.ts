import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** ISO 8601 date-time with an offset or Z (2026-12-07T09:00:00Z, 2026-12-07T18:00:00.000+09:00). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) {
    throw new GraphQLError('DateTime must be an ISO 8601 date-time with a time zone, e.g. 2026-12-07T09:00:00+09:00.');
  }
  // JavaScript rolls 2026-02-31 over into March; a calendar day that does not exist is refused instead.
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const [hh, mm] = value.slice(11, 16).split(':').map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const date = new Date(value);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth || hh > 23 || mm > 59 || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime "${value}" is not a real date and time.`);
  }
  return date;
}

/**
 * The schema's `DateTime`, replacing @nestjs/graphql's, which turned any string into a Date
 * (`new Date('not-a-date')` is Invalid Date, and the first use of it failed as INTERNAL). An
 * unparsable value is now refused while coercing the input, as a BAD_USER_INPUT naming its path.
 */
export const StrictDateTime = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string.');
    return parse(ast.value);
  },
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString();
    return null;
  },
});
