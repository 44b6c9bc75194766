import { exportVocabularyToAas } from '@aimatch/capability-model';
import { Locale, PlatformRole } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError } from '../../common/errors/app-error';
import { VocabularyRepository } from './vocabulary.repository';
import { Ctx, CurrentViewer, Public, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { ConceptConnection, ConceptModel } from './dto/concept.model';
import {
  ConceptChangeConnection,
  ConceptInput,
  ConceptUpdateInput,
  VocabularyExportFormat,
  VocabularyExportModel,
} from './dto/concept-input';
import { ConceptsArgs } from './dto/concepts.args';
import type { ConceptChangeEntity } from './entities/concept.entity';
import { VocabularyCache } from './vocabulary-cache.service';
import type { ConceptEntity } from './entities/concept.entity';
import { VocabularyService } from './vocabulary.service';

@Resolver(() => ConceptModel)
export class VocabularyResolver {
  constructor(
    private readonly vocabulary: VocabularyService,
    private readonly repository: VocabularyRepository,
    private readonly cache: VocabularyCache,
  ) {}

  @Public()
  @Query(() => ConceptConnection, { description: 'Concepts of one scheme in vocabulary order.' })
  concepts(@Args() args: ConceptsArgs) {
    return this.vocabulary.concepts(args);
  }

  @Public()
  @Query(() => ConceptModel, { description: 'One concept by id (NOT_FOUND when unknown).' })
  async concept(@Args('id', { type: () => ID }) id: string, @Ctx() rc: RequestContext) {
    const concept = await rc.loaders.get(this.repository).load(id.slice(0, 200));
    if (!concept) throw AppError.notFound();
    return concept;
  }

  @Public()
  @Query(() => String, { nullable: true, description: 'Version of the standard vocabulary loaded.' })
  vocabularyVersion() {
    return this.vocabulary.currentVersion();
  }

  @ResolveField(() => String)
  scheme(@Parent() concept: ConceptEntity): string {
    return concept.schemeId;
  }

  @ResolveField(() => String, { description: "Label in the given locale (default: the request's locale)." })
  label(
    @Parent() concept: ConceptEntity,
    @Ctx() rc: RequestContext,
    @Args('locale', { type: () => Locale, nullable: true }) locale?: Locale,
  ): string {
    const lang = locale ? (locale === Locale.EN ? 'en' : 'ko') : rc.locale;
    return lang === 'en' ? concept.labelEn : concept.labelKo;
  }

  // Vocabulary governance (#15 item 1, helper V): staff only, each change audited and versioned.

  @ResolveField(() => ConceptModel, { nullable: true, description: 'The concept to use instead of a deprecated one.' })
  async replacedBy(@Parent() concept: ConceptEntity, @Ctx() rc: RequestContext): Promise<ConceptEntity | null> {
    return concept.replacedById ? rc.loaders.get(this.repository).load(concept.replacedById) : null;
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ConceptModel, { description: 'Staff add a concept (audited; bumps the vocabulary version).' })
  addConcept(@Args('input') input: ConceptInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.vocabulary.addConcept(rc, viewer, input);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ConceptModel, {
    description: 'Staff edit labels, synonyms and definition; CONFLICT stale-version when `revision` is not current.',
  })
  updateConcept(
    @Args('id', { type: () => ID }) id: string,
    @Args('revision', { type: () => Int, nullable: true }) revision: number | null,
    @Args('input') input: ConceptUpdateInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.vocabulary.updateConcept(rc, viewer, id, revision, input);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ConceptModel, { description: 'Staff re-parent a concept within its scheme (no parent: top level); cycles refused.' })
  moveConcept(
    @Args('id', { type: () => ID }) id: string,
    @Args('parentId', { type: () => ID, nullable: true }) parentId: string | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.vocabulary.moveConcept(rc, viewer, id, parentId);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ConceptModel, { description: 'Staff deprecate a concept with a replacement of the same scheme that is not deprecated.' })
  deprecateConcept(
    @Args('id', { type: () => ID }) id: string,
    @Args('replacedById', { type: () => ID }) replacedById: string,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.vocabulary.deprecateConcept(rc, viewer, id, replacedById);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => ID, {
    description: 'Staff delete an unused concept (CONFLICT concept-in-use with the count otherwise: deprecate instead).',
  })
  async deleteConcept(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return (await this.vocabulary.deleteConcept(rc, viewer, id)).id;
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => ConceptChangeConnection, { description: 'Staff: the vocabulary change history, newest first (one concept, or all).' })
  async conceptChanges(
    @Args('conceptId', { type: () => ID, nullable: true }) conceptId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = await this.vocabulary.changes({ conceptId, first, after });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: changeView(e.node) })) };
  }

  @Public()
  @Query(() => VocabularyExportModel, { description: 'The current vocabulary as the shared JSON file or as AAS v3 ConceptDescriptions.' })
  async vocabularyExport(
    @Args('format', { type: () => VocabularyExportFormat, nullable: true, defaultValue: VocabularyExportFormat.JSON })
    format: VocabularyExportFormat,
  ): Promise<VocabularyExportModel> {
    const vocabulary = await this.cache.get();
    const safe = vocabulary.version.replace(/[^A-Za-z0-9._-]+/g, '_');
    if (format === VocabularyExportFormat.AAS) {
      return {
        version: vocabulary.version,
        fileName: `aimatch-vocabulary-${safe}.aas.json`,
        content: JSON.stringify(exportVocabularyToAas(vocabulary), null, 2),
      };
    }
    return {
      version: vocabulary.version,
      fileName: `aimatch-vocabulary-${safe}.json`,
      content: JSON.stringify(vocabulary.toJson(), null, 2),
    };
  }
}

function changeView(c: ConceptChangeEntity) {
  return {
    ...c,
    id: String(c.id),
    before: c.before ? JSON.stringify(c.before) : null,
    after: c.after ? JSON.stringify(c.after) : null,
  };
}
