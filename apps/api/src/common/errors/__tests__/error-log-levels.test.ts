import { describe, expect, it, jest } from '@jest/globals';
import { ErrorCode } from '@aimatch/contracts';
import type { Logger } from '@nestjs/common';
import { ExternalExceptionFilter } from '@nestjs/core/exceptions/external-exception-filter.js';
import { GraphQLError } from 'graphql';
import { AppError, logLevelOf } from '../app-error';
import { formatGraphQLError } from '../format-graphql-error';

function asGraphQLError(original: Error): GraphQLError {
  return new GraphQLError(original.message, { originalError: original });
}

describe('error log levels', () => {
  const expected: Array<[ErrorCode, 'info' | 'warn']> = [
    [ErrorCode.BAD_USER_INPUT, 'info'],
    [ErrorCode.NOT_FOUND, 'info'],
    [ErrorCode.CONFLICT, 'info'],
    [ErrorCode.UNAUTHENTICATED, 'info'],
    [ErrorCode.FORBIDDEN, 'warn'],
    [ErrorCode.RATE_LIMITED, 'warn'],
  ];

  it.each(expected)('%s is logged at %s, once, and never as an unexpected fault', (code, level) => {
    expect(logLevelOf(code)).toBe(level);
    const unexpected: unknown[] = [];
    const refused: AppError[] = [];
    const error = new AppError(code, 'forbidden');
    const formatted = formatGraphQLError(
      asGraphQLError(error),
      'ko',
      'r1',
      (e) => unexpected.push(e),
      (e) => refused.push(e),
    );
    expect(formatted.extensions.code).toBe(code);
    expect(unexpected).toEqual([]);
    expect(refused).toEqual([error]);
  });

  it("Nest's external exception filter no longer logs an AppError at ERROR (it did for every refusal)", () => {
    const logged: unknown[] = [];
    const spy = jest
      .spyOn((ExternalExceptionFilter as unknown as { logger: Logger }).logger, 'error')
      .mockImplementation((m: unknown) => void logged.push(m));
    try {
      const filter = new ExternalExceptionFilter();
      expect(() => filter.catch(AppError.forbidden(), undefined as never)).toThrow(AppError);
      expect(logged).toEqual([]);
      // A fault still reaches ERROR with its stack.
      expect(() => filter.catch(new Error('boom'), undefined as never)).toThrow('boom');
      expect(logged).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('a fault is logged as unexpected (ERROR with stack) and answered as INTERNAL', () => {
    const unexpected: unknown[] = [];
    const refused: AppError[] = [];
    const fault = new Error('db down');
    const formatted = formatGraphQLError(
      asGraphQLError(fault),
      'ko',
      'r1',
      (e) => unexpected.push(e),
      (e) => refused.push(e),
    );
    expect(formatted.extensions.code).toBe(ErrorCode.INTERNAL);
    expect(unexpected).toEqual([fault]);
    expect(refused).toEqual([]);
    expect(logLevelOf(ErrorCode.INTERNAL)).toBe('error');
  });
});
