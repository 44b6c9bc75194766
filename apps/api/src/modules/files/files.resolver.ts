import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import type { StoredFileRecord } from './dto/file.records';
import { StoredFileModel } from './dto/stored-file.model';
import { FilesLoaders } from './files.loaders';
import { FilesService } from './files.service';

/** `StoredFile` for whichever module's resolver returns files, and one file by id for the viewer who may download it. */
@Resolver(() => StoredFileModel)
export class StoredFileResolver {
  constructor(
    private readonly files: FilesService,
    private readonly loaders: FilesLoaders,
  ) {}

  @Query(() => StoredFileModel, {
    description: 'A file the viewer may download: one they uploaded (staged) or one of an object they may see. NOT_FOUND or FORBIDDEN.',
  })
  async storedFile(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    const file = /^[0-9a-f-]{36}$/i.test(id) ? await rc.loaders.get(this.loaders.file).load(id) : null;
    if (!file) throw AppError.notFound('file-not-found');
    if (!(await this.files.mayDownload(viewer, file, rc))) throw AppError.forbidden();
    return file;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'A signed link (a few minutes) that downloads the file; null when the viewer may not see its owner object.',
  })
  async downloadUrl(@Parent() file: StoredFileRecord, @Ctx() rc: RequestContext): Promise<string | null> {
    if (!(await this.files.mayDownload(rc.viewer, file, rc))) return null;
    return this.files.signedPath(file.id);
  }
}
