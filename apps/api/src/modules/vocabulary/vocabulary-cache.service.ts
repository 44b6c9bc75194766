import { Vocabulary } from '@aimatch/capability-model';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { VocabularyRepository } from './vocabulary.repository';

/**
 * How long a process trusts the version it last read before asking the database again. Writes in
 * this process (staff changes, seed loads) invalidate at once; this bounds how long another process
 * (a second api instance, the outbox worker) keeps serving the version before a change it made.
 */
export const VOCABULARY_VERSION_CHECK_MS = 2_000;

/**
 * The whole vocabulary (a few hundred concepts) in memory as a @aimatch/capability-model
 * Vocabulary, rebuilt when the loaded version changes. Validation, AAS export, suggest and drafting
 * use it. The recogniser's analysed indexes hang off the Vocabulary object (WeakMaps in
 * capability-model), so they live exactly as long as its version is current.
 *
 * `get()` does not read the database on every call (drafting help calls it per keystroke pause):
 * the version is re-read at most every `VOCABULARY_VERSION_CHECK_MS`, and `invalidate()` (called by
 * VocabularyService after a staff change commits and by VocabularySeeder after a load) forces the
 * next call to re-read it.
 */
@Injectable()
export class VocabularyCache {
  private cached?: { version: string; vocabulary: Promise<Vocabulary> };
  /** When the version was last read (ms, from the Clock); 0 = re-read on the next call. */
  private checkedAt = 0;
  private checking?: Promise<Vocabulary>;
  /** Bumped by `invalidate()`: a version read that started before it does not count as fresh. */
  private generation = 0;

  constructor(
    private readonly repository: VocabularyRepository,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<Vocabulary> {
    const now = this.clock.now().getTime();
    if (this.cached && this.checkedAt > 0 && now - this.checkedAt < VOCABULARY_VERSION_CHECK_MS) return this.cached.vocabulary;
    // Concurrent callers share one version read.
    this.checking ??= this.check(now).finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** The next `get()` re-reads the version (after a change committed in this process). */
  invalidate(): void {
    this.checkedAt = 0;
    this.generation++;
  }

  private async check(now: number): Promise<Vocabulary> {
    const generation = this.generation;
    const version = (await this.repository.currentVersion()) ?? '0';
    if (this.cached?.version !== version) {
      const vocabulary = this.load(version);
      this.cached = { version, vocabulary };
      // A failed load is not kept: the next call tries again.
      vocabulary.catch(() => {
        if (this.cached?.vocabulary === vocabulary) this.cached = undefined;
      });
    }
    if (generation === this.generation) this.checkedAt = now;
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
