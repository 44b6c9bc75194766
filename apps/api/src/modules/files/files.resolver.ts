import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import type { StoredFileRecord } from './dto/file.records';
import { StoredFileModel } from './dto/stored-file.model';
import { FilesService } from './files.service';

/** `StoredFile.downloadUrl`, for whichever module's resolver returned the file. */
@Resolver(() => StoredFileModel)
export class StoredFileResolver {
  constructor(private readonly files: FilesService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'A signed link (a few minutes) that downloads the file; null when the viewer may not see its owner object.',
  })
  async downloadUrl(@Parent() file: StoredFileRecord, @Ctx() rc: RequestContext): Promise<string | null> {
    if (!rc.viewer || !(await this.files.mayDownload(rc.viewer, file))) return null;
    return this.files.signedPath(file.id);
  }
}
