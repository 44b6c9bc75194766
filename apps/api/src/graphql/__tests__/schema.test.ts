import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(process.cwd(), 'apps/api/src/schema.gql');
const HEADER = '# Generated from the code-first resolvers by `npm run schema:emit`. Do not edit.\n\n';

/** The committed schema is the API contract (and the web client's codegen input): it must match the code. */
describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('matches the schema the resolvers produce (run `npm run schema:emit` after changing them)', () => {
    const actual = HEADER + printSchema(lexicographicSortSchema(t.app.get(GraphQLSchemaHost).schema)) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(FILE, actual);
    expect(readFileSync(FILE, 'utf8')).toBe(actual);
  });
});
