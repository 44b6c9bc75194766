import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Viewer } from '../../graphql/request-context';
import { AppError } from '../errors/app-error';
import { SESSION_LOOKUP, type SessionLookup } from './session-lookup';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * Checks an access token's signature and expiry, then reads the user's current roles and
 * locale, and whether the session was signed out, in one query (through the SessionLookup that
 * identity provides): a revoked session or a removed role takes effect immediately, not when the
 * token expires.
 */
@Injectable()
export class AccessTokenVerifier {
  private lookup?: SessionLookup;

  constructor(
    private readonly jwt: JwtService,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Resolved on first use from whichever module provides SESSION_LOOKUP (identity): AuthModule does not import feature modules. */
  private get sessions(): SessionLookup {
    this.lookup ??= this.moduleRef.get<SessionLookup>(SESSION_LOOKUP, { strict: false });
    return this.lookup;
  }

  async verify(token: string): Promise<Viewer> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      throw AppError.unauthenticated((err as Error).name === 'TokenExpiredError' ? 'session-expired' : 'unauthenticated');
    }
    const session = await this.sessions.activeSession(claims.sub, claims.sid);
    if (!session) throw AppError.unauthenticated('session-expired');
    return { userId: claims.sub, sessionId: claims.sid, roles: session.roles, locale: session.locale };
  }
}
