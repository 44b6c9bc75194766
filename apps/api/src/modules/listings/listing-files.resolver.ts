import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { StoredFileModel } from '../files/dto/stored-file.model';
import { FilesLoaders } from '../files/files.loaders';
import { DemandListingModel } from './dto/listing.models';
import type { ListingView } from './dto/listing-view';
import { LISTING_FILES_OWNER_TYPE, ListingFilesService } from './listing-files.service';

/** A demand's files (RFP / 과업지시서, sample images): read with the listing, changed by its owner. */
@Resolver(() => DemandListingModel)
export class ListingFilesResolver {
  constructor(
    private readonly listingFiles: ListingFilesService,
    private readonly filesLoaders: FilesLoaders,
  ) {}

  @ResolveField(() => [StoredFileModel], {
    description: 'Attached documents and images (whoever may read the demand may download them), oldest first.',
  })
  files(@Parent() l: ListingView, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.filesLoaders.byOwner).load(FilesLoaders.key({ ownerType: LISTING_FILES_OWNER_TYPE, ownerId: l.id }));
  }

  @Mutation(() => [StoredFileModel], {
    description: `Attaches your staged uploads (kind DOCUMENT, at most 10 per demand) to a demand of your organization in an editable status; the demand's files after. Changes nothing else of the demand.`,
  })
  attachListingFiles(
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('fileIds', { type: () => [ID] }) fileIds: string[],
    @Ctx() rc: RequestContext,
  ) {
    return this.listingFiles.attach(rc, listingId, fileIds);
  }

  @Mutation(() => Boolean, { description: 'Removes one file from a demand of your organization (in an editable status).' })
  detachListingFile(
    @Args('listingId', { type: () => ID }) listingId: string,
    @Args('fileId', { type: () => ID }) fileId: string,
    @Ctx() rc: RequestContext,
  ) {
    return this.listingFiles.detach(rc, listingId, fileId);
  }
}
