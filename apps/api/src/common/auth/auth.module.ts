import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/config.schema';
import { RateLimitModule } from '../rate-limit/rate-limit.module';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthGuard } from './auth.guard';

/** Authentication plumbing shared by every feature: the deny-by-default guard, JWT, rate limits. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_ACCESS_SECRET,
        signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, issuer: 'aimatch' },
        verifyOptions: { algorithms: ['HS256'], issuer: 'aimatch' },
      }),
    }),
    RateLimitModule,
  ],
  providers: [AccessTokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, RateLimitModule, AccessTokenVerifier],
})
export class AuthModule {}
