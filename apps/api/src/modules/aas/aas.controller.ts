import { Controller, Get, Param, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Ctx, Public } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { parseLimit } from './aas-ids';
import { AasResultFilter } from './aas-result.filter';
import { AasService } from './aas.service';

/**
 * The read-only AAS API (IDTA-01002 Part 2 HTTP/REST, the subset a catalogue browser needs), over
 * published listings, open to everyone with the GraphQL API's viewer rules: what the caller may not
 * see is left out (contact details and the BRN without a signed-in user; VERIFIED_SUPPLIERS
 * demands for verified suppliers and staff only). Identifiers in paths are base64url-encoded;
 * lists take `limit` (1..100, default 20) and `cursor` and answer `{paging_metadata, result}`;
 * errors are the spec's Result `{messages: [...]}`.
 */
@Controller('aas')
@UseFilters(AasResultFilter)
export class AasController {
  constructor(private readonly aas: AasService) {}

  @Public()
  @Get('shells')
  shells(@Ctx() rc: RequestContext, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    return this.aas.shells(rc, parseLimit(limit), cursor);
  }

  @Public()
  @Get('shells/:aasIdentifier')
  shell(@Ctx() rc: RequestContext, @Param('aasIdentifier') id: string) {
    return this.aas.shell(rc, id);
  }

  @Public()
  @Get('shells/:aasIdentifier/submodel-refs')
  submodelRefs(
    @Ctx() rc: RequestContext,
    @Param('aasIdentifier') id: string,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.aas.submodelRefs(rc, id, parseLimit(limit), cursor);
  }

  @Public()
  @Get('submodels/:submodelIdentifier')
  submodel(@Ctx() rc: RequestContext, @Param('submodelIdentifier') id: string) {
    return this.aas.submodel(rc, id);
  }

  @Public()
  @Get('concept-descriptions')
  conceptDescriptions(@Query('limit') limit?: string, @Query('cursor') cursor?: string, @Query('idShort') idShort?: string) {
    return this.aas.conceptDescriptions(parseLimit(limit), cursor, idShort);
  }

  @Public()
  @Get('shell-descriptors')
  shellDescriptors(
    @Ctx() rc: RequestContext,
    @Req() request: FastifyRequest,
    @Query('limit') limit?: string,
    @Query('cursor') cursor?: string,
  ) {
    return this.aas.shellDescriptors(rc, parseLimit(limit), cursor, `${request.protocol}://${request.host}`);
  }

  /** The listing as an .aasx package (AASX File Server style `GET /packages/{packageId}`, the shell id as package id). */
  @Public()
  @Get('packages/:packageId')
  async package(@Ctx() rc: RequestContext, @Param('packageId') id: string, @Res() reply: FastifyReply): Promise<void> {
    const { bytes, name, contentType } = await this.aas.package(rc, id);
    await reply
      .code(200)
      .header('content-type', contentType)
      .header('content-length', String(bytes.length))
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(bytes));
  }
}
