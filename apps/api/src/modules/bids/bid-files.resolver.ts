import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { StoredFileModel } from '../files/dto/stored-file.model';
import { FilesLoaders } from '../files/files.loaders';
import { BID_FILES_OWNER_TYPE, BidFilesService } from './bid-files.service';
import type { BidRow } from './bids.repository';
import { BidModel } from './dto/bid.models';

/** A bid's proposal and quote files: read with the bid, changed by its lead organization. */
@Resolver(() => BidModel)
export class BidFilesResolver {
  constructor(
    private readonly bidFiles: BidFilesService,
    private readonly filesLoaders: FilesLoaders,
  ) {}

  @ResolveField(() => [StoredFileModel], {
    description: 'Proposal (제안서), quote (견적서) and other files of the bid (not of one revision), oldest first.',
  })
  files(@Parent() bid: BidRow, @Ctx() rc: RequestContext) {
    return rc.loaders.get(this.filesLoaders.byOwner).load(FilesLoaders.key({ ownerType: BID_FILES_OWNER_TYPE, ownerId: bid.id }));
  }

  @Mutation(() => [StoredFileModel], {
    description:
      "Attaches your staged uploads (kind DOCUMENT, at most 10 per bid) to your organization's bid while it is a draft or submitted (not yet shortlisted) and the demand takes bids; the bid's files after.",
  })
  attachBidFiles(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('fileIds', { type: () => [ID] }) fileIds: string[],
    @Ctx() rc: RequestContext,
  ) {
    return this.bidFiles.attach(rc, bidId, fileIds);
  }

  @Mutation(() => Boolean, { description: "Removes one file from your organization's bid (same conditions as attachBidFiles)." })
  detachBidFile(
    @Args('bidId', { type: () => ID }) bidId: string,
    @Args('fileId', { type: () => ID }) fileId: string,
    @Ctx() rc: RequestContext,
  ) {
    return this.bidFiles.detach(rc, bidId, fileId);
  }
}
