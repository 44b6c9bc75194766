import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';

/**
 * #13 M1: with introspection and suggestions off (production's defaults), the schema cannot be read:
 * `__schema`/`__type` are refused by a validation rule (Mercurius ignores its own option) and a
 * misspelt field names no real one. `__typename` stays allowed (clients rely on it).
 */
describe('GraphQL with introspection and suggestions off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp({ env: { GRAPHQL_INTROSPECTION: 'false', GRAPHQL_SUGGESTIONS: 'false' } });
  });
  afterAll(() => t.close());

  it('refuses __schema and __type, keeps __typename', async () => {
    const schema = await t.gql('{ __schema { types { name } } }');
    expect(schema.data ?? null).toBeNull();
    expect(schema.errors![0].message).toMatch(/introspection/i);
    const type = await t.gql('{ __type(name: "Listing") { fields { name } } }');
    expect(type.errors![0].message).toMatch(/introspection/i);
    expect((await t.gql('{ __typename }')).data).toEqual({ __typename: 'Query' });
  });

  it('does not suggest field names', async () => {
    const res = await t.gql('{ listingz(kind: DEMAND) { edges { node { id } } } }');
    expect(res.errors![0].message).toContain('listingz');
    expect(JSON.stringify(res.errors)).not.toMatch(/Did you mean/);
  });
});

describe('GraphQL with the development defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it('answers introspection and suggests the field meant', async () => {
    expect((await t.gql('{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const res = await t.gql('{ listingz(kind: DEMAND) { edges { node { id } } } }');
    expect(JSON.stringify(res.errors)).toMatch(/Did you mean/);
  });
});
