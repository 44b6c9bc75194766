import { Injectable } from '@nestjs/common';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { ConceptEntity } from './entities/concept.entity';
import { VocabularyRepository } from './vocabulary.repository';

/**
 * Vocabulary's per-request DataLoader factories for other modules' resolvers (concept references
 * resolve to ConceptModel). The concept factory is the repository itself, so a request shares one
 * loader with vocabulary's own resolver.
 */
@Injectable()
export class VocabularyLoaders {
  readonly concept: LoaderFactory<string, ConceptEntity | null>;

  constructor(repository: VocabularyRepository) {
    this.concept = repository;
  }
}
