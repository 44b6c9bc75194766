import { describe, expect, it } from '@jest/globals';
import { Vocabulary, VocabularyError, type ConceptInput } from '../vocabulary';
import { U, VOCABULARY_FILE, vocabulary } from './factory';

const ids = (cs: Array<{ id: string }>) => cs.map((c) => c.id);

function thrown(fn: () => unknown): VocabularyError {
  try {
    fn();
  } catch (e) {
    if (e instanceof VocabularyError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

const scheme = { id: 'task', labels: { ko: '과제', en: 'Task' } };
const concept = (slug: string, extra: Partial<ConceptInput> = {}): ConceptInput => ({
  id: U('task', slug),
  scheme: 'task',
  labels: { ko: slug, en: slug },
  ...extra,
});

describe('Vocabulary.fromJson (the association file)', () => {
  it('loads version 0.2.0 with its 7 schemes and 148 concepts', () => {
    expect(vocabulary.version).toBe('0.2.0');
    expect(vocabulary.size).toBe(148);
    expect(vocabulary.schemes.map((s) => s.id)).toEqual([
      'task',
      'modality',
      'industry',
      'deployment',
      'integration',
      'certification',
      'region',
    ]);
    expect(vocabulary.inScheme('task')).toHaveLength(52);
    expect(vocabulary.inScheme('region')).toHaveLength(17);
    expect(vocabulary.inScheme('nothing')).toEqual([]);
  });

  it('fills the optional fields', () => {
    const c = vocabulary.get(U('region', 'gyeongnam'))!;
    expect(c).toMatchObject({ scheme: 'region', parent: null, code: 'KR-48', deprecated: false, replacedBy: null });
    expect(vocabulary.get(U('task', 'visual-inspection'))!.code).toBeNull();
    expect(vocabulary.get(U('task', 'visual-inspection'))!.synonyms.en).toContain('AOI');
    expect(vocabulary.has(U('task', 'nope'))).toBe(false);
    expect(vocabulary.get(U('task', 'nope'))).toBeUndefined();
  });

  it('labels in Korean and English', () => {
    expect(vocabulary.label(U('task', 'visual-inspection'), 'ko')).toBe('비전 검사(불량 검출)');
    expect(vocabulary.label(U('task', 'visual-inspection'), 'en')).toBe('Visual inspection (defect detection)');
    expect(vocabulary.label(U('task', 'nope'), 'ko')).toBeUndefined();
    expect(vocabulary.scheme('industry')?.labels.ko).toBe('산업 분류(KSIC)');
  });

  it('walks the hierarchy: children, ancestors nearest first, descendants depth first', () => {
    expect(ids(vocabulary.children(U('task', 'visual-inspection')))).toEqual([
      U('task', 'surface-defect-inspection'),
      U('task', 'assembly-inspection'),
    ]);
    expect(ids(vocabulary.children(U('task', 'surface-defect-inspection')))).toEqual([]);
    expect(ids(vocabulary.ancestors(U('task', 'surface-defect-inspection')))).toEqual([
      U('task', 'visual-inspection'),
      U('task', 'computer-vision'),
    ]);
    expect(vocabulary.ancestors(U('task', 'computer-vision'))).toEqual([]);
    expect(vocabulary.ancestors('urn:aimatch:task:nope')).toEqual([]);
    expect(ids(vocabulary.descendants(U('task', 'computer-vision'))).slice(0, 4)).toEqual([
      U('task', 'visual-inspection'),
      U('task', 'surface-defect-inspection'),
      U('task', 'assembly-inspection'),
      U('task', 'object-detection'),
    ]);
    expect(vocabulary.descendants(U('task', 'computer-vision'))).toHaveLength(9);
    expect(ids(vocabulary.descendants(U('integration', 'database')))).toEqual([
      U('integration', 'mssql'),
      U('integration', 'oracle'),
      U('integration', 'mysql-mariadb'),
      U('integration', 'postgresql'),
    ]);
  });

  it('matches a concept with itself and its ancestors only', () => {
    const is = (a: string, b: string) => vocabulary.isSameOrDescendantOf(a, b);
    expect(is(U('task', 'surface-defect-inspection'), U('task', 'computer-vision'))).toBe(true);
    expect(is(U('task', 'surface-defect-inspection'), U('task', 'visual-inspection'))).toBe(true);
    expect(is(U('task', 'visual-inspection'), U('task', 'visual-inspection'))).toBe(true);
    expect(is(U('task', 'computer-vision'), U('task', 'visual-inspection'))).toBe(false);
    expect(is(U('task', 'object-detection'), U('task', 'visual-inspection'))).toBe(false);
    expect(is(U('industry', 'ecommerce'), U('industry', 'wholesale-retail'))).toBe(true);
    expect(is('urn:aimatch:task:nope', 'urn:aimatch:task:nope')).toBe(false);
  });

  it('hands out frozen concepts', () => {
    const c = vocabulary.get(U('task', 'chatbot'))!;
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.labels)).toBe(true);
    expect(() => {
      (c.labels as { ko: string }).ko = 'x';
    }).toThrow(TypeError);
  });

  it('writes the file format back', () => {
    expect(Vocabulary.fromJson(vocabulary.toJson()).concepts).toEqual(vocabulary.concepts);
  });
});

describe('Vocabulary.fromConcepts (database rows)', () => {
  it('accepts nulls for the optional fields', () => {
    const v = Vocabulary.fromConcepts(
      '7',
      [scheme],
      [
        concept('root', {
          parent: null,
          code: null,
          synonyms: { ko: [], en: [] },
          definition: { ko: '', en: '' },
          deprecated: false,
          replacedBy: null,
        }),
        concept('old', { parent: U('task', 'root'), deprecated: true, replacedBy: U('task', 'root'), definition: null, synonyms: null }),
      ],
    );
    expect(v.version).toBe('7');
    expect(v.get(U('task', 'old'))).toEqual({
      id: U('task', 'old'),
      scheme: 'task',
      parent: U('task', 'root'),
      code: null,
      labels: { ko: 'old', en: 'old' },
      synonyms: { ko: [], en: [] },
      definition: { ko: '', en: '' },
      deprecated: true,
      replacedBy: U('task', 'root'),
    });
  });

  it('rejects rows that break the hierarchy', () => {
    expect(thrown(() => Vocabulary.fromConcepts('1', [scheme], [concept('a', { parent: U('task', 'zzz') })])).path).toBe(
      '$.concepts[0].parent',
    );
    expect(thrown(() => Vocabulary.fromConcepts('1', [scheme], [concept('a'), concept('a')])).path).toBe('$.concepts[1].id');
    expect(
      thrown(() =>
        Vocabulary.fromConcepts('1', [scheme], [concept('a', { parent: U('task', 'b') }), concept('b', { parent: U('task', 'a') })]),
      ).path,
    ).toBe('$.concepts[0].parent');
    expect(thrown(() => Vocabulary.fromConcepts('1', [scheme], [concept('a', { replacedBy: U('task', 'gone') })])).path).toBe(
      '$.concepts[0].replacedBy',
    );
  });
});

describe('malformed vocabulary files', () => {
  const file = () => JSON.parse(JSON.stringify(VOCABULARY_FILE));

  it('names the JSON path of the problem', () => {
    const noLabel = file();
    delete noLabel.concepts[2].labels.en;
    const e = thrown(() => Vocabulary.fromJson(noLabel));
    expect(e).toBeInstanceOf(VocabularyError);
    expect(e.path).toBe('$.concepts[2].labels.en');
    expect(e.message).toContain('$.concepts[2].labels.en');

    const badId = file();
    badId.concepts[5].id = 'task:Object Detection';
    expect(thrown(() => Vocabulary.fromJson(badId)).path).toBe('$.concepts[5].id');

    const badSynonyms = file();
    badSynonyms.concepts[0].synonyms.ko = '비전';
    expect(thrown(() => Vocabulary.fromJson(badSynonyms)).path).toBe('$.concepts[0].synonyms.ko');

    expect(thrown(() => Vocabulary.fromJson({ ...file(), version: 3 })).path).toBe('$.version');
    expect(thrown(() => Vocabulary.fromJson([])).path).toBe('$');
    expect(thrown(() => Vocabulary.fromJson(null)).path).toBe('$');
  });

  it('checks schemes and cross references', () => {
    const unknownScheme = file();
    unknownScheme.schemes = unknownScheme.schemes.filter((s: { id: string }) => s.id !== 'region');
    expect(thrown(() => Vocabulary.fromJson(unknownScheme)).path).toBe('$.concepts[130].scheme');

    const crossScheme = file();
    crossScheme.concepts[1].parent = U('modality', 'image');
    expect(thrown(() => Vocabulary.fromJson(crossScheme)).path).toBe('$.concepts[1].parent');

    const wrongPrefix = file();
    wrongPrefix.concepts[0].scheme = 'modality';
    expect(thrown(() => Vocabulary.fromJson(wrongPrefix)).path).toBe('$.concepts[0].id');

    const duplicateScheme = file();
    duplicateScheme.schemes.push({ id: 'task', labels: { ko: '중복', en: 'Dup' } });
    expect(thrown(() => Vocabulary.fromJson(duplicateScheme)).path).toBe('$.schemes[7].id');
  });
});
