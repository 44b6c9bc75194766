import { Module } from '@nestjs/common';
import { VocabularyCache } from './vocabulary-cache.service';
import { VocabularyLoaders } from './vocabulary.loaders';
import { VocabularyRepository } from './vocabulary.repository';
import { VocabularyResolver } from './vocabulary.resolver';
import { VocabularySeeder } from './vocabulary.seeder';
import { VocabularyService } from './vocabulary.service';

/**
 * The standard capability vocabulary: stored concepts, seeding, look-ups and reference checks.
 * Other modules use VocabularyService, VocabularyCache and VocabularyLoaders (VocabularyRepository
 * stays exported only until bids, matching and search resolve concepts through VocabularyLoaders).
 */
@Module({
  providers: [VocabularyRepository, VocabularyService, VocabularySeeder, VocabularyCache, VocabularyLoaders, VocabularyResolver],
  exports: [VocabularyService, VocabularyCache, VocabularyLoaders, VocabularySeeder],
})
export class VocabularyModule {}
