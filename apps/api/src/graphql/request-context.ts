import type { Locale, PlatformRole } from '@aimatch/contracts';
import type { MessageLocale } from '@aimatch/validation';
import type { ExecutionContext } from '@nestjs/common';
import { type GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { LoaderRegistry } from './loader-registry';

export interface Viewer {
  userId: string;
  roles: PlatformRole[];
  locale: Locale;
  /** Access-token session (refresh family) id. */
  sessionId: string;
}

/** Everything a resolver needs about the current request. One instance per HTTP request. */
export class RequestContext {
  readonly loaders = new LoaderRegistry();
  viewer: Viewer | null = null;
  /** Set once by the auth guard; later root fields of the same request reuse it. */
  authentication?: Promise<Viewer | null>;
  /** True when the client chose a language (Accept-Language); otherwise the viewer's own locale wins. */
  readonly localeFromHeader: boolean;
  locale: MessageLocale;

  constructor(
    readonly request: FastifyRequest,
    readonly requestId: string,
  ) {
    const header = pickLocale(request.headers['accept-language']);
    this.localeFromHeader = header !== null;
    this.locale = header ?? 'ko';
  }

  get ip(): string {
    return this.request.ip;
  }

  /**
   * A context for a check made outside a request's resolvers (e.g. the owner-access rule of a
   * stored file), so that the owning module's policy runs unchanged, with fresh loaders.
   */
  static forViewer(viewer: Viewer | null): RequestContext {
    const rc = new RequestContext({ headers: {}, id: 'internal', ip: '' } as unknown as FastifyRequest, 'internal');
    rc.viewer = viewer;
    return rc;
  }
}

export function pickLocale(header: string | string[] | undefined): MessageLocale | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  if (!value) return null;
  const first = value.split(',')[0];
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('ko')) return 'ko';
  return null;
}

const KEY = Symbol('aimatch.requestContext');
type WithContext = FastifyRequest & { [KEY]?: RequestContext };

/** The context of a request, created on first use (GraphQL context factory or an HTTP route). */
export function contextForRequest(request: FastifyRequest): RequestContext {
  const r = request as WithContext;
  r[KEY] ??= new RequestContext(request, String(request.id));
  return r[KEY];
}

export function requestContextOf(ctx: ExecutionContext): RequestContext {
  if (ctx.getType<GqlContextType>() === 'graphql') {
    return GqlExecutionContext.create(ctx).getContext<{ rc: RequestContext }>().rc;
  }
  return contextForRequest(ctx.switchToHttp().getRequest<FastifyRequest>());
}
