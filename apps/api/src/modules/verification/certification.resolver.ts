import { CertificationClaimStatus, PlatformRole } from '@aimatch/contracts';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { Connection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { StoredFileModel } from '../files/dto/stored-file.model';
import { FilesLoaders } from '../files/files.loaders';
import { OrganizationModel } from '../identity/dto/identity.models';
import type { Organization } from '../identity/dto/identity.records';
import { IdentityLoaders } from '../identity/identity.loaders';
import { VocabularyLoaders } from '../vocabulary/vocabulary.loaders';
import {
  CertificationClaimConnection,
  CertificationClaimModel,
  ClaimCertificationInput,
  DecideCertificationClaimInput,
  OrganizationCertificationModel,
} from './dto/certification.dto';
import { CLAIM_EVIDENCE_OWNER_TYPE, type CertificationClaimRow, CertificationService } from './certification.service';

@Resolver(() => CertificationClaimModel)
export class CertificationClaimResolver {
  constructor(
    private readonly service: CertificationService,
    private readonly identityLoaders: IdentityLoaders,
    private readonly filesLoaders: FilesLoaders,
    private readonly vocabularyLoaders: VocabularyLoaders,
  ) {}

  @Mutation(() => CertificationClaimModel, {
    description: 'Owners claim a certification with evidence; staff verify it (one PENDING claim per certification at a time).',
  })
  async claimCertification(@Args('input') input: ClaimCertificationInput, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.toModel(await this.service.claim(rc, viewer, input));
  }

  @Mutation(() => CertificationClaimModel, { description: 'Owners withdraw a PENDING certification claim.' })
  async withdrawCertificationClaim(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.toModel(await this.service.withdraw(rc, viewer, id));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => CertificationClaimConnection, { description: 'Staff: pending certification claims, oldest first.' })
  async certificationQueue(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ) {
    const page: Connection<CertificationClaimRow> = await this.service.queue(viewer, first, after);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: this.toModel(e.node) })) };
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => CertificationClaimModel, { description: 'Staff: one certification claim.' })
  async certificationClaim(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer) {
    return this.toModel(await this.service.claimForStaff(viewer, id));
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => CertificationClaimModel, {
    description: 'Staff decide a PENDING claim once (a reason for REJECTED and NEEDS_INFO; audited; the organization is notified).',
  })
  async decideCertificationClaim(
    @Args('input') input: DecideCertificationClaimInput,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.toModel(await this.service.decide(rc, viewer, input));
  }

  @ResolveField(() => OrganizationModel)
  organization(@Parent() claim: CertificationClaimModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.identityLoaders.organization).load(claim.organizationId);
  }

  @ResolveField(() => String, { description: 'The certification, in Korean.' })
  async labelKo(@Parent() claim: CertificationClaimModel, @Ctx() rc: RequestContext) {
    return (await rc.loaders.get(this.vocabularyLoaders.concept).load(claim.conceptId))?.labelKo ?? claim.conceptId;
  }

  @ResolveField(() => String, { description: 'The certification, in English.' })
  async labelEn(@Parent() claim: CertificationClaimModel, @Ctx() rc: RequestContext) {
    return (await rc.loaders.get(this.vocabularyLoaders.concept).load(claim.conceptId))?.labelEn ?? claim.conceptId;
  }

  @ResolveField(() => [StoredFileModel], { description: 'The evidence files (staff and members of the organization may download them).' })
  evidence(@Parent() claim: CertificationClaimModel, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.filesLoaders.byOwner).load(FilesLoaders.key({ ownerType: CLAIM_EVIDENCE_OWNER_TYPE, ownerId: claim.id }));
  }

  private toModel(row: CertificationClaimRow): CertificationClaimModel {
    return toClaimModel(row, this.service);
  }
}

function toClaimModel(row: CertificationClaimRow, service: CertificationService): CertificationClaimModel {
  return {
    id: row.id,
    organizationId: row.organizationId,
    conceptId: row.conceptId,
    certificateNumber: row.certificateNumber,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    note: row.note,
    status: row.status,
    claimedAt: row.createdAt,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    waitingSeconds: service.waitingSeconds(row),
    expiringSoon: row.status === CertificationClaimStatus.VERIFIED && row.expiresOn !== null && row.expiresOn <= service.warningUntil(),
  };
}

/** `Organization.certifications` (public chips) and `Organization.certificationClaims` (members and staff). */
@Resolver(() => OrganizationModel)
export class OrganizationCertificationResolver {
  constructor(
    private readonly service: CertificationService,
    private readonly vocabularyLoaders: VocabularyLoaders,
  ) {}

  @ResolveField(() => [OrganizationCertificationModel], {
    description: 'Certifications the association verified and that have not expired (one per certification; batched, no N+1).',
  })
  async certifications(@Parent() org: Organization, @Ctx() rc: RequestContext): Promise<OrganizationCertificationModel[]> {
    const rows = await this.service.verifiedOf(rc, org.id);
    const concepts = rc.loaders.get(this.vocabularyLoaders.concept);
    return Promise.all(
      rows.map(async (r) => {
        const c = await concepts.load(r.conceptId);
        return { conceptId: r.conceptId, labelKo: c?.labelKo ?? r.conceptId, labelEn: c?.labelEn ?? r.conceptId, expiresOn: r.expiresOn };
      }),
    );
  }

  @ResolveField(() => [CertificationClaimModel], {
    description: "The organization's certification claims, newest first (members and staff; empty for others).",
  })
  async certificationClaims(@Parent() org: Organization, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return (await this.service.claimsFor(rc, viewer, org.id)).map((r) => toClaimModel(r, this.service));
  }
}
