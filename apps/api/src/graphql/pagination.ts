import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { AppError } from '../common/errors/app-error';

/** The one pagination shape: Relay-style cursor connections with keyset cursors. */
@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionClass;
}

export const MAX_PAGE_SIZE = 100;

/** Validates `first` (1..100) and decodes `after`; a tampered cursor is an input error, not a crash. */
export function pageArgs(
  first: number | undefined,
  after: string | undefined | null,
  fallback = 20,
): { limit: number; after: unknown[] | null } {
  const limit = first ?? fallback;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw AppError.field('first', 'range', { min: 1, max: MAX_PAGE_SIZE });
  }
  return { limit, after: after ? decodeCursor(after) : null };
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value)) return value;
  } catch {
    /* fall through */
  }
  throw AppError.field('after', 'format', { format: 'cursor' });
}

/** Builds a connection from `limit + 1` rows fetched in order; `keyOf` gives the sort key of a row. */
export function toConnection<T>(rows: T[], limit: number, totalCount: number, keyOf: (row: T) => unknown[]): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
