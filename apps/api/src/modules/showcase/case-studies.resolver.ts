import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import type { Organization } from '../identity/dto/identity.records';
import { ConceptModel } from '../vocabulary/dto/concept.model';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import { CaseStudiesService } from './case-studies.service';
import { CaseStudiesArgs, CaseStudyConnection, CaseStudyInput, CaseStudyModel, type CaseStudyRow } from './dto/case-study.dto';

@Resolver(() => CaseStudyModel)
export class CaseStudyResolver {
  constructor(
    private readonly service: CaseStudiesService,
    private readonly vocabulary: VocabularyLoaders,
  ) {}

  @Mutation(() => CaseStudyModel, { description: "An owner adds a case study at the end of the organization's list (at most 30)." })
  createCaseStudy(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('input') input: CaseStudyInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.service.create(rc, viewer, organizationId, input);
  }

  @Mutation(() => CaseStudyModel, { description: 'An owner of the organization edits one of its case studies.' })
  updateCaseStudy(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: CaseStudyInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.service.update(rc, viewer, id, input);
  }

  @Mutation(() => ID, { description: 'An owner of the organization deletes one of its case studies; returns its id.' })
  deleteCaseStudy(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.service.delete(rc, viewer, id);
  }

  @Mutation(() => [CaseStudyModel], { description: "An owner puts all of the organization's case studies in a new order." })
  reorderCaseStudies(
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.service.reorder(rc, viewer, organizationId, ids);
  }

  @ResolveField(() => ConceptModel, { nullable: true, description: "The client's industry." })
  industry(@Parent() c: CaseStudyRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.vocabulary.concept).load(c.industryId);
  }

  @ResolveField(() => [ConceptModel], { description: 'The AI tasks of the project.' })
  async tasks(@Parent() c: CaseStudyRow, @Ctx() rc: RequestContext) {
    const concepts = await rc.loaders.get(this.vocabulary.concept).loadMany(c.taskIds);
    return concepts.filter((x) => x && !(x instanceof Error));
  }
}

/** `Organization.caseStudies`: whoever can see the profile reads them. */
@Resolver(() => OrganizationModel)
export class OrganizationCaseStudiesResolver {
  constructor(private readonly service: CaseStudiesService) {}

  @ResolveField(() => CaseStudyConnection, { description: "Case studies / references, in the owners' order." })
  caseStudies(@Parent() org: Organization, @Args() args: CaseStudiesArgs, @Ctx() rc: RequestContext) {
    return this.service.list(rc, org.id, args);
  }
}
