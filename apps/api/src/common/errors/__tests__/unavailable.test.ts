import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@aimatch/contracts';
import { GraphQLError } from 'graphql';
import { formatGraphQLError } from '../format-graphql-error';
import { dependencyUnavailable } from '../unavailable';

describe('a database that is away', () => {
  it('is told from a bug by SQLSTATE, errno and the pool messages, also wrapped (TypeORM driverError)', () => {
    expect(dependencyUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(dependencyUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(dependencyUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(dependencyUnavailable({ message: 'Query failed', driverError: { code: '08006', message: 'x' } })).toBe(true);
    expect(dependencyUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(dependencyUnavailable(new TypeError('x is undefined'))).toBe(false);
  });

  it('reaches the client as UNAVAILABLE with a retry hint, in its language, and is not logged as a fault', () => {
    const unexpected: unknown[] = [];
    const gql = new GraphQLError('x', { originalError: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const ko = formatGraphQLError(gql, 'ko', 'r1', (e) => unexpected.push(e));
    expect(ko.extensions).toEqual({ code: ErrorCode.UNAVAILABLE, requestId: 'r1', retryAfter: 5 });
    expect(ko.message).toMatch(/잠시 후 다시 시도/);
    expect(formatGraphQLError(gql, 'en', 'r2', (e) => unexpected.push(e)).message).toMatch(/try again/);
    expect(unexpected).toEqual([]);
    const bug = formatGraphQLError(new GraphQLError('x', { originalError: new TypeError('boom') }), 'en', 'r3', (e) => unexpected.push(e));
    expect(bug.extensions.code).toBe(ErrorCode.INTERNAL);
    expect(unexpected).toHaveLength(1);
  });
});
