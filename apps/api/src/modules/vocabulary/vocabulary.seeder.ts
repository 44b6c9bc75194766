import { STANDARD_VOCABULARY as seed } from '@aimatch/capability-model';
import { Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { TransactionService } from '../../database/transaction.service';
import { VocabularyCache } from './vocabulary-cache.service';
import { VocabularyRepository } from './vocabulary.repository';

interface SeedConcept {
  id: string;
  scheme: string;
  parent: string | null;
  code?: string;
  labels: { ko: string; en: string };
  synonyms?: { ko?: string[]; en?: string[] };
  definition?: { ko?: string; en?: string };
  deprecated?: boolean;
  replacedBy?: string;
}

/**
 * Loads the association's vocabulary shipped in `libs/capability-model` (`STANDARD_VOCABULARY`) (a copy of the standard,
 * version-stamped). Idempotent: a version already loaded is skipped; a new version upserts.
 */
@Injectable()
export class VocabularySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Vocabulary');

  constructor(
    private readonly repository: VocabularyRepository,
    private readonly transactions: TransactionService,
    /** Absent when a test harness seeds a template database without the app. */
    @Optional() private readonly cache?: VocabularyCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seed();
  }

  async seed(): Promise<boolean> {
    const version = seed.version;
    if (await this.repository.hasVersion(version)) return false;
    const concepts = seed.concepts as SeedConcept[];
    await this.transactions.run(async (tx) => {
      await this.repository.lockVersions(tx);
      if (await this.repository.hasVersion(version, tx)) return;
      await this.repository.upsertSchemes(
        tx,
        seed.schemes.map((s, i) => ({ id: s.id, labelKo: s.labels.ko, labelEn: s.labels.en, sortOrder: i })),
      );
      await this.repository.upsertConcepts(
        tx,
        concepts.map((c, i) => ({
          id: c.id,
          schemeId: c.scheme,
          parentId: c.parent,
          code: c.code ?? null,
          labelKo: c.labels.ko,
          labelEn: c.labels.en,
          synonymsKo: c.synonyms?.ko ?? [],
          synonymsEn: c.synonyms?.en ?? [],
          definitionKo: c.definition?.ko ?? null,
          definitionEn: c.definition?.en ?? null,
          deprecated: c.deprecated ?? false,
          replacedById: c.replacedBy ?? null,
          updatedInVersion: version,
          sortOrder: i,
        })),
        version,
      );
      await this.repository.recordVersion(tx, version, concepts.length);
    });
    this.cache?.invalidate();
    this.logger.log(`vocabulary ${version} loaded (${concepts.length} concepts)`);
    return true;
  }
}
