import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { ConsentInput } from './dto/legal.inputs';
import { ConsentRecordModel, LegalDocumentKindEnum, LegalDocumentModel } from './dto/legal.models';
import { ConsentService } from './consent.service';

@Resolver()
export class ConsentResolver {
  constructor(private readonly consents: ConsentService) {}

  @Query(() => [ConsentRecordModel], { description: 'Every consent the signed-in user gave, oldest first, withdrawn ones included.' })
  myConsents(@CurrentViewer() viewer: Viewer) {
    return this.consents.history(viewer.userId);
  }

  @Query(() => [LegalDocumentModel], {
    description: 'Required documents whose current version the signed-in user has not accepted yet (ask before going on).',
  })
  pendingConsents(@CurrentViewer() viewer: Viewer, @Ctx() rc: RequestContext) {
    return this.consents.pending(viewer.userId, rc.locale);
  }

  @Mutation(() => [LegalDocumentModel], { description: 'Accepts current document versions; answers what is still pending.' })
  async acceptConsents(
    @Args('consents', { type: () => [ConsentInput] }) consents: ConsentInput[],
    @CurrentViewer() viewer: Viewer,
    @Ctx() rc: RequestContext,
  ) {
    await this.consents.accept(viewer.userId, consents, rc.ip);
    return this.consents.pending(viewer.userId, rc.locale);
  }

  @Mutation(() => Boolean, { description: 'Withdraws an optional consent (e.g. marketing); required ones cannot be withdrawn.' })
  async withdrawConsent(@Args('kind', { type: () => LegalDocumentKindEnum }) kind: LegalDocumentKindEnum, @CurrentViewer() viewer: Viewer) {
    await this.consents.withdraw(viewer.userId, kind);
    return true;
  }
}
