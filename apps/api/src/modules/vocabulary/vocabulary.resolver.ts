import { Locale } from '@aimatch/contracts';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AppError } from '../../common/errors/app-error';
import { VocabularyRepository } from './vocabulary.repository';
import { Ctx, Public } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { ConceptConnection, ConceptModel } from './dto/concept.model';
import { ConceptsArgs } from './dto/concepts.args';
import type { ConceptEntity } from './entities/concept.entity';
import { VocabularyService } from './vocabulary.service';

@Resolver(() => ConceptModel)
export class VocabularyResolver {
  constructor(
    private readonly vocabulary: VocabularyService,
    private readonly repository: VocabularyRepository,
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
}
