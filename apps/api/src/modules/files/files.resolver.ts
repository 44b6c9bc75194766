import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import type { StoredFileRecord } from './dto/file.records';
import { StoredFileModel } from './dto/stored-file.model';
import { FilesLoaders } from './files.loaders';
import { FilesService } from './files.service';

const MAX_FILES_PER_REQUEST = 100;

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

  @Query(() => [StoredFileModel], {
    description:
      'Up to 100 files by id in one request (a chat thread’s attachments): those the viewer may download, in the order asked; the others are left out.',
  })
  async storedFiles(@Args('ids', { type: () => [ID] }) ids: string[], @CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    if (ids.length > MAX_FILES_PER_REQUEST) throw AppError.field('ids', 'max-items', { max: MAX_FILES_PER_REQUEST });
    const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
    const files = (await rc.loaders.get(this.loaders.file).loadMany(wanted)).filter(
      (f): f is StoredFileRecord => !!f && !(f instanceof Error),
    );
    const allowed = await Promise.all(files.map((f) => this.files.mayDownload(viewer, f, rc)));
    return files.filter((_, i) => allowed[i]);
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
