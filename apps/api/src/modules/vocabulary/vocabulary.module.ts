import { Module } from '@nestjs/common';
import { VocabularyRepository } from './vocabulary.repository';
import { VocabularyResolver } from './vocabulary.resolver';
import { VocabularySeeder } from './vocabulary.seeder';
import { VocabularyService } from './vocabulary.service';

/** The standard capability vocabulary: stored concepts, seeding, look-ups and reference checks. */
@Module({
  providers: [VocabularyRepository, VocabularyService, VocabularySeeder, VocabularyResolver],
  exports: [VocabularyService, VocabularyRepository, VocabularySeeder],
})
export class VocabularyModule {}
