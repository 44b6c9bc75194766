import { Query, Resolver } from '@nestjs/graphql';
import { Ctx, Public } from '../../common/auth/decorators';
import type { RequestContext } from '../../graphql/request-context';
import { LegalDocumentModel } from './dto/legal.models';
import { LegalDocumentService } from './legal-document.service';

@Resolver()
export class LegalResolver {
  constructor(private readonly documents: LegalDocumentService) {}

  @Public()
  @Query(() => [LegalDocumentModel], {
    description: 'The current version of each legal document, in the language of the request (Accept-Language).',
  })
  legalDocuments(@Ctx() rc: RequestContext) {
    return this.documents.current(rc.locale);
  }
}
