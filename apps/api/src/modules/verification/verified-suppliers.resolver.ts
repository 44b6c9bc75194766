import { PlatformRole } from '@aimatch/contracts';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Roles } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { VerifiedSupplierConnection, VerifiedSupplierExportModel, VerifiedSupplierFilterInput } from './dto/verified-supplier.dto';
import { VerifiedSuppliersService } from './verified-suppliers.service';

@Resolver()
export class VerifiedSuppliersResolver {
  constructor(private readonly suppliers: VerifiedSuppliersService) {}

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Query(() => VerifiedSupplierConnection, {
    description: 'Staff: verified AI suppliers and SI integrators (name, BRN, region, certifications, verification date), by name.',
  })
  verifiedSuppliers(
    @Args('filter', { type: () => VerifiedSupplierFilterInput, nullable: true }) filter: VerifiedSupplierFilterInput | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | undefined,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.suppliers.list(rc, viewer, filter ?? {}, first, after);
  }

  @Roles(PlatformRole.STAFF, PlatformRole.ADMIN)
  @Mutation(() => VerifiedSupplierExportModel, {
    description:
      'Staff: the verified-supplier list as CSV (UTF-8 with BOM, formula cells neutralised); audited with the filter and row count.',
  })
  exportVerifiedSuppliers(
    @Args('filter', { type: () => VerifiedSupplierFilterInput, nullable: true }) filter: VerifiedSupplierFilterInput | null,
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    return this.suppliers.export(rc, viewer, filter ?? {});
  }
}
