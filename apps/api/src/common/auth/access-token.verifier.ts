import type { Locale, PlatformRole } from '@aimatch/contracts';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import type { Viewer } from '../../graphql/request-context';
import { AppError } from '../errors/app-error';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/**
 * Checks an access token's signature and expiry, then reads the user's current roles and
 * locale, and whether the session was signed out, in one query: a revoked session or a removed
 * role takes effect immediately, not when the token expires.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
  ) {}

  async verify(token: string): Promise<Viewer> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      throw AppError.unauthenticated((err as Error).name === 'TokenExpiredError' ? 'session-expired' : 'unauthenticated');
    }
    const rows: Array<{ locale: Locale; platform_roles: PlatformRole[]; revoked: boolean }> = await this.dataSource.query(
      `SELECT u.locale, u.platform_roles,
              EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL) AS revoked
         FROM users u WHERE u.id = $1`,
      [claims.sub, claims.sid],
    );
    if (rows.length === 0 || rows[0].revoked) throw AppError.unauthenticated('session-expired');
    return { userId: claims.sub, sessionId: claims.sid, roles: rows[0].platform_roles, locale: rows[0].locale };
  }
}
