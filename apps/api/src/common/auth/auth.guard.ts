import { PlatformRole } from '@aimatch/contracts';
import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext, requestContextOf, type Viewer } from '../../graphql/request-context';
import { AppError } from '../errors/app-error';
import { RateLimiter } from '../rate-limit/rate-limit.service';
import { AccessTokenVerifier } from './access-token.verifier';
import { IS_PUBLIC, NOT_RATE_LIMITED, ROLES } from './decorators';

/**
 * Deny by default: every resolver and route needs a signed-in user unless marked `@Public()`;
 * `@Roles()` further restricts to platform roles. Organization membership is checked in services.
 * Also applies the per-IP API rate limit, once per request (a GraphQL operation with several root
 * fields passes the guard once per field but is one operation).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    private readonly rateLimit: RateLimiter,
  ) {}

  private readonly counted = new WeakMap<RequestContext, Promise<void>>();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<PlatformRole[]>(ROLES, targets) ?? [];
    const rc = requestContextOf(context);

    // The request's one rate-limit count and its one token check run side by side; the count's refusal wins.
    const limited = !(this.reflector.getAllAndOverride<boolean>(NOT_RATE_LIMITED, targets) ?? false);
    let counted = limited ? this.counted.get(rc) : Promise.resolve();
    if (!counted) this.counted.set(rc, (counted = this.rateLimit.consume('api', rc.ip)));
    rc.authentication ??= this.authenticate(rc);
    const authenticated = rc.authentication.catch((err: unknown) => {
      // A public operation still works for a caller whose token went stale.
      if (isPublic) return null;
      throw err;
    });
    void authenticated.catch(() => undefined); // handled, even when the count throws first
    await counted;
    const viewer = await authenticated;
    if (isPublic) return true;
    if (!viewer) throw AppError.unauthenticated();
    if (roles.length && !roles.some((r) => viewer.roles.includes(r))) throw AppError.forbidden();
    return true;
  }

  private async authenticate(rc: RequestContext): Promise<Viewer | null> {
    const header = rc.request.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw AppError.unauthenticated();
    const viewer = await this.verifier.verify(match[1]);
    rc.viewer = viewer;
    if (!rc.localeFromHeader) rc.locale = viewer.locale === 'EN' ? 'en' : 'ko';
    return viewer;
  }
}
