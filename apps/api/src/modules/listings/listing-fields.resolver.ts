import { availableActions, EDITABLE_STATUSES, type ListingAction } from '@aimatch/marketplace';
import { localizeViolation } from '@aimatch/validation';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { OrganizationModel } from '../identity/dto/identity.models';
import { IdentityLoaders } from '../identity/identity.loaders';
import { ConceptModel } from '../vocabulary/dto/concept.model';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import {
  CapabilityElementsModel,
  ContactInformationModel,
  DataProfileModel,
  ListingActionEnum,
  ListingChangesModel,
  ListingIssueModel,
  ListingModel,
  ListingReviewModel,
  ReferenceCaseModel,
  TrustProfileModel,
} from './dto/listing.models';
import type { ListingView } from './dto/listing-view';
import { ListingAccessPolicy } from './listing-access.policy';
import { ListingsService } from './listings.service';

/** Fields of every listing that depend on who is looking. */
@Resolver(() => ListingModel)
export class ListingFieldsResolver {
  constructor(
    private readonly access: ListingAccessPolicy,
    private readonly listings: ListingsService,
    private readonly identity: IdentityLoaders,
    private readonly vocabulary: VocabularyLoaders,
  ) {}

  @ResolveField(() => OrganizationModel)
  organization(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identity.organization).load(l.organizationId);
  }

  @ResolveField(() => ConceptModel, { nullable: true, description: 'Demands: where the work happens.' })
  region(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    return l.regionId ? rc.loaders.get(this.vocabulary.concept).load(l.regionId) : null;
  }

  @ResolveField(() => ContactInformationModel, { nullable: true, description: 'Signed-in members only.' })
  contact(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    return rc.viewer ? l.contact : null;
  }

  @ResolveField(() => ListingReviewModel, { nullable: true, description: "Staff's latest decision (owner and staff only)." })
  async review(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    return l.review && (await this.access.actor(rc, l.entity)) ? { ...l.review, decidedAt: new Date(l.review.decidedAt) } : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the viewer may edit the content now (owner, in an editable status).' })
  async canEdit(@Parent() l: ListingView, @Ctx() rc: RequestContext): Promise<boolean> {
    return EDITABLE_STATUSES.includes(l.status) && (await this.access.actor(rc, l.entity)) === 'owner';
  }

  @ResolveField(() => [ListingActionEnum], { description: 'Workflow actions the viewer may take now.' })
  async availableActions(@Parent() l: ListingView, @Ctx() rc: RequestContext): Promise<ListingAction[]> {
    const actor = await this.access.actor(rc, l.entity);
    return actor ? availableActions(l.kind, l.status, actor) : [];
  }

  @ResolveField(() => [ListingIssueModel], {
    description: 'Accepted findings worth fixing, e.g. deprecated concepts (owner and staff only).',
  })
  async warnings(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    if (!(await this.access.actor(rc, l.entity))) return [];
    return (await this.listings.warnings(l.entity)).map((w) => ({
      path: w.path,
      rule: w.rule,
      message: localizeViolation(w, rc.locale),
      replacementId: w.replacement ?? null,
    }));
  }

  @ResolveField(() => ListingChangesModel, {
    nullable: true,
    description: 'What changed since the last published version (owner and staff only; null when never published).',
  })
  async changesSincePublished(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    const result = await this.listings.changesSincePublished(rc, l.entity);
    if (!result) return null;
    const lang = rc.locale === 'en' ? 'en' : 'ko';
    return { ...result, changes: result.changes.map((c) => ({ ...c, label: c.label ? c.label[lang] : null })) };
  }
}

/** Concept references inside submodels resolve to concepts through one batched loader. */
function conceptList(rc: RequestContext, vocabulary: VocabularyLoaders, ids: string[]) {
  return rc.loaders
    .get(vocabulary.concept)
    .loadMany(ids)
    .then((rows) => rows.filter((c) => c && !(c instanceof Error)));
}

@Resolver(() => CapabilityElementsModel)
export class CapabilityElementsResolver {
  constructor(private readonly concepts: VocabularyLoaders) {}
  @ResolveField(() => [ConceptModel]) tasks(@Parent() p: { tasks: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.tasks);
  }
  @ResolveField(() => [ConceptModel]) modalities(@Parent() p: { modalities: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.modalities);
  }
  @ResolveField(() => [ConceptModel]) industries(@Parent() p: { industries: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.industries);
  }
  @ResolveField(() => [ConceptModel]) deployments(@Parent() p: { deployments: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.deployments);
  }
  @ResolveField(() => [ConceptModel]) integrations(@Parent() p: { integrations: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.integrations);
  }
}

@Resolver(() => DataProfileModel)
export class DataProfileResolver {
  constructor(private readonly concepts: VocabularyLoaders) {}
  @ResolveField(() => [ConceptModel]) dataKinds(@Parent() p: { dataKinds: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.dataKinds);
  }
  @ResolveField(() => [ConceptModel]) systems(@Parent() p: { systems: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.systems);
  }
}

@Resolver(() => TrustProfileModel)
export class TrustProfileResolver {
  constructor(private readonly concepts: VocabularyLoaders) {}
  @ResolveField(() => [ConceptModel]) certifications(@Parent() p: { certifications: string[] }, @Ctx() rc: RequestContext) {
    return conceptList(rc, this.concepts, p.certifications);
  }
}

@Resolver(() => ReferenceCaseModel)
export class ReferenceCaseResolver {
  constructor(private readonly concepts: VocabularyLoaders) {}
  @ResolveField(() => ConceptModel, { nullable: true }) industry(@Parent() p: { industryId: string | null }, @Ctx() rc: RequestContext) {
    return p.industryId ? rc.loaders.get(this.concepts.concept).load(p.industryId) : null;
  }
}
