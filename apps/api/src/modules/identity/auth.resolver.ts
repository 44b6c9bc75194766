import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx, CurrentViewer, Public } from '../../common/auth/decorators';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import { SignInInput, SignUpInput, UpdateMeInput } from './dto/identity.inputs';
import { AuthPayloadModel, MeModel, SignUpResultModel } from './dto/identity.models';
import { AuthService } from './auth.service';
import type { IssuedSession } from './session.service';
import { SessionService } from './session.service';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Query(() => MeModel)
  me(@CurrentViewer() viewer: Viewer) {
    return this.auth.me(viewer.userId);
  }

  @Mutation(() => MeModel, { description: "Changes the signed-in user's display name or language." })
  async updateMe(@Args('input') input: UpdateMeInput, @CurrentViewer() viewer: Viewer) {
    await this.auth.updateMe(viewer.userId, input);
    return this.auth.me(viewer.userId);
  }

  @Public()
  @Mutation(() => SignUpResultModel, {
    description:
      'Creates an account and either a new organization (as its owner) or a membership by invitation, and mails a verification link. ' +
      'Answers the same when the address already has an account (its owner is mailed instead). Does not sign in.',
  })
  signUp(@Args('input') input: SignUpInput, @Ctx() rc: RequestContext) {
    return this.auth.signUp(input, rc.ip);
  }

  @Public()
  @Mutation(() => AuthPayloadModel)
  async signIn(@Args('input') input: SignInInput, @Ctx() rc: RequestContext) {
    return this.payload(await this.auth.signIn(input, rc.ip));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Trades a refresh token for a new pair; the old refresh token stops working.' })
  async refreshSession(@Args('refreshToken') refreshToken: string, @Ctx() rc: RequestContext) {
    return this.payload(await this.auth.refresh(refreshToken, rc.ip));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the session of this refresh token, including its access tokens.' })
  async signOut(@Args('refreshToken') refreshToken: string) {
    await this.sessions.signOut(refreshToken);
    return true;
  }

  private async payload(session: IssuedSession) {
    return { ...session, me: await this.auth.me(session.userId) };
  }
}
