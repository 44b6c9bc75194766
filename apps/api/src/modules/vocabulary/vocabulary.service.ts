import type { RuleViolation } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { ConceptEntity } from './entities/concept.entity';
import { VocabularyRepository } from './vocabulary.repository';

export interface ConceptReference {
  path: string;
  id: string;
  scheme: string;
}

@Injectable()
export class VocabularyService {
  constructor(private readonly repository: VocabularyRepository) {}

  async concepts(args: {
    scheme: string;
    parent?: string;
    search?: string;
    first?: number;
    after?: string;
  }): Promise<Connection<ConceptEntity>> {
    const { limit, after } = pageArgs(args.first, args.after, 50);
    const search = args.search?.trim().slice(0, 100) || undefined;
    const { rows, total } = await this.repository.page({
      scheme: args.scheme,
      parentId: args.parent,
      search,
      limit,
      afterSortOrder: after ? Number(after[0]) : undefined,
    });
    return toConnection(rows, limit, total, (c) => [c.sortOrder]);
  }

  currentVersion(): Promise<string | null> {
    return this.repository.currentVersion();
  }

  /** Checks that each reference names an existing concept of the expected scheme. */
  async checkReferences(refs: ConceptReference[], tx?: EntityManager): Promise<RuleViolation[]> {
    const wanted = refs.filter((r) => r.id);
    if (wanted.length === 0) return [];
    const found = new Map((await this.repository.findByIds([...new Set(wanted.map((r) => r.id))], tx)).map((c) => [c.id, c]));
    const violations: RuleViolation[] = [];
    for (const ref of wanted) {
      const concept = found.get(ref.id);
      if (!concept) violations.push({ path: ref.path, rule: 'unknown-concept', params: { id: ref.id } });
      else if (concept.schemeId !== ref.scheme) violations.push({ path: ref.path, rule: 'wrong-scheme', params: { expected: ref.scheme } });
    }
    return violations;
  }
}
