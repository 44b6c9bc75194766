import { ErrorCode, type UploadedFile } from '@aimatch/contracts';
import type { MultipartFile } from '@fastify/multipart';
import { Controller, Get, HttpCode, Param, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentViewer, Public } from '../../common/auth/decorators';
import { AppError } from '../../common/errors/app-error';
import { HttpErrorFilter } from '../../common/http/http-error.filter';
import type { Viewer } from '../../graphql/request-context';
import { downloadDisposition, sanitizeFileName } from './file-name';
import { FilesService } from './files.service';

/**
 * Uploads and downloads over plain HTTP (GraphQL carries metadata and signed links only).
 * `POST /files?kind=<kind>`: multipart/form-data with one part named `file`, `Authorization:
 * Bearer` (usable from XMLHttpRequest with upload progress); 201 `{id, name, size, contentType,
 * sha256}`. `GET /files/:id?exp=&sig=`: the bytes behind a signed link, inline for PDF and images, else as an attachment.
 * Errors are the house error model: `{errors: [{message, extensions: {code, fields, requestId}}]}`.
 */
@Controller('files')
@UseFilters(HttpErrorFilter)
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @HttpCode(201)
  async upload(
    @Req() request: FastifyRequest,
    @Query('kind') kind: string | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<UploadedFile> {
    const fileKind = this.files.parseKind(kind);
    if (!request.isMultipart()) throw AppError.field('file', 'required');
    const max = this.files.maxBytesOf(fileKind);
    // One file part; the parser stops one byte past the limit and the service refuses it.
    let part: MultipartFile | undefined;
    try {
      part = await request.file({ limits: { fileSize: max + 1, files: 1, fields: 10, parts: 12 }, throwFileSizeLimit: false });
    } catch {
      throw AppError.field('file', 'required');
    }
    if (!part || part.fieldname !== 'file')
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'file-missing', [{ path: 'file', rule: 'required' }]);
    return this.files.upload(viewer, fileKind, sanitizeFileName(part.filename), part.file);
  }

  @Public() // the signature is the authorization: it was handed out under the owner object's rule
  @Get(':id')
  async download(
    @Param('id') id: string,
    @Query('exp') exp: string | undefined,
    @Query('sig') sig: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { file, body } = await this.files.openDownload(id, exp, sig);
    await reply
      .code(200)
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', downloadDisposition(file.name, file.contentType))
      .header('x-content-type-options', 'nosniff')
      // A stored file never runs anything: no scripts, no plugins, no frames around it; the PDF viewer and images still render.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'private, no-store')
      .send(body);
  }
}
