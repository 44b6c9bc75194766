import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootTestApp, type TestApp } from '@aimatch/api-testing';

const QUERY = '{ legalDocuments { kind version required title body } }';

interface Doc {
  kind: string;
  version: string;
  required: boolean;
  title: string;
  body: string;
}

describe('legalDocuments', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  async function fetchDocs(locale: 'ko' | 'en'): Promise<Doc[]> {
    const res = await t.gql(QUERY, {}, { locale });
    expect(res.errors).toBeUndefined();
    return (res.data as { legalDocuments: Doc[] }).legalDocuments;
  }

  it('answers anonymous callers with the current versions: terms and privacy required, marketing optional', async () => {
    const docs = await fetchDocs('ko');
    expect(docs.map((d) => [d.kind, d.required])).toEqual([
      ['TERMS', true],
      ['PRIVACY', true],
      ['MARKETING', false],
    ]);
    for (const d of docs) {
      expect(d.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(d.body.length).toBeGreaterThan(20);
    }
    expect(docs[0].title).toBe('이용약관');
  });

  it('answers in the requested language with the same versions', async () => {
    const [ko, en] = [await fetchDocs('ko'), await fetchDocs('en')];
    expect(en[0].title).toBe('Terms of service');
    expect(en.map((d) => d.version)).toEqual(ko.map((d) => d.version));
    expect(en[1].body).not.toEqual(ko[1].body);
  });
});
