import { Global, Module } from '@nestjs/common';
import { RateLimitJobs } from './rate-limit.jobs';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimiter } from './rate-limit.service';

/** The one rate limiter, shared by the guard, the services and the socket gateways. */
@Global()
@Module({ providers: [RateLimitRepository, RateLimiter, RateLimitJobs], exports: [RateLimiter] })
export class RateLimitModule {}
