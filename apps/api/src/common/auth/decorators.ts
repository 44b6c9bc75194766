import { PlatformRole } from '@aimatch/contracts';
import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { requestContextOf } from '../../graphql/request-context';
import { AppError } from '../errors/app-error';

export const IS_PUBLIC = 'aimatch:public';
export const ROLES = 'aimatch:roles';
export const NOT_RATE_LIMITED = 'aimatch:not-rate-limited';

/** Opens a resolver or route to anonymous callers. Everything else requires a signed-in user. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Leaves a route out of the per-IP API limit: health probes must answer however busy an address is. */
export const NotRateLimited = () => SetMetadata(NOT_RATE_LIMITED, true);

/** Restricts to users holding one of the platform roles (staff, admin). */
export const Roles = (...roles: PlatformRole[]) => SetMetadata(ROLES, roles);

/** The signed-in viewer; UNAUTHENTICATED when there is none (e.g. a field reached through a public mutation). */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const viewer = requestContextOf(ctx).viewer;
  if (!viewer) throw AppError.unauthenticated();
  return viewer;
});

/** The per-request context: locale, request id, loaders, client ip. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext) => requestContextOf(ctx));
