import { Injectable } from '@nestjs/common';
import type { LoaderFactory } from '../../graphql/loader-registry';
import type { ConceptEntity } from './entities/concept.entity';
import { VocabularyRepository } from './vocabulary.repository';

/** The vocabulary's DataLoader factories for other modules' resolvers: the very factory vocabulary uses itself. */
@Injectable()
export class VocabularyLoaders {
  constructor(private readonly repository: VocabularyRepository) {}

  /** Stored concepts by id, null when there is none. */
  get concept(): LoaderFactory<string, ConceptEntity | null> {
    return this.repository;
  }
}
