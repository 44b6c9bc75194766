import { Module } from '@nestjs/common';
import { VocabularyCache } from './vocabulary-cache.service';
import { VocabularyLoaders } from './vocabulary.loaders';
import { VocabularyRepository } from './vocabulary.repository';
import { VocabularyResolver } from './vocabulary.resolver';
import { VocabularySeeder } from './vocabulary.seeder';
import { VocabularyService } from './vocabulary.service';

/** The standard capability vocabulary: stored concepts, seeding, look-ups and reference checks. */
@Module({
  providers: [VocabularyRepository, VocabularyService, VocabularySeeder, VocabularyCache, VocabularyResolver, VocabularyLoaders],
  exports: [VocabularyService, VocabularyRepository, VocabularySeeder, VocabularyCache, VocabularyLoaders],
})
export class VocabularyModule {}
