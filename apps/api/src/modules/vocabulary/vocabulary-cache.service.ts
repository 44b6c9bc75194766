import { Vocabulary } from '@aimatch/capability-model';
import { Injectable } from '@nestjs/common';
import { VocabularyRepository } from './vocabulary.repository';

/**
 * The whole vocabulary (a few hundred concepts) in memory as a @aimatch/capability-model
 * Vocabulary, rebuilt when the loaded version changes. Validation and AAS export use it.
 */
@Injectable()
export class VocabularyCache {
  private cached?: { version: string; vocabulary: Promise<Vocabulary> };

  constructor(private readonly repository: VocabularyRepository) {}

  async get(): Promise<Vocabulary> {
    const version = (await this.repository.currentVersion()) ?? '0';
    if (this.cached?.version !== version) this.cached = { version, vocabulary: this.load(version) };
    return this.cached.vocabulary;
  }

  private async load(version: string): Promise<Vocabulary> {
    const { schemes, concepts } = await this.repository.everything();
    return Vocabulary.fromConcepts(
      version,
      schemes.map((s) => ({ id: s.id, labels: { ko: s.labelKo, en: s.labelEn } })),
      concepts.map((c) => ({
        id: c.id,
        scheme: c.schemeId,
        parent: c.parentId,
        code: c.code,
        labels: { ko: c.labelKo, en: c.labelEn },
        synonyms: { ko: c.synonymsKo, en: c.synonymsEn },
        definition: { ko: c.definitionKo ?? '', en: c.definitionEn ?? '' },
        deprecated: c.deprecated,
        replacedBy: c.replacedById,
      })),
    );
  }
}
