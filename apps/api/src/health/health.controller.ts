import { Controller, Get, HttpCode, Res, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { NotRateLimited, Public } from '../common/auth/decorators';
import { HttpErrorFilter } from '../common/http/http-error.filter';
import { SearchService } from '../modules/search/search.service';

/**
 * Liveness (the process answers) and readiness (the database answers and search serves: the
 * in-process engine has loaded; a proxy or orchestrator sends no traffic before). Outside the API rate limit
 * (a probe must not be refused because its address is busy); any other error in the house format.
 */
@Controller()
@NotRateLimited()
@UseFilters(HttpErrorFilter)
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly modules: ModuleRef,
  ) {}

  @Public()
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    let database: 'up' | 'down' = 'down';
    try {
      await this.dataSource.query('SELECT 1');
      database = 'up';
    } catch {
      /* reported below */
    }
    const search = this.modules.get(SearchService, { strict: false });
    const serving = database === 'up' && (await search.serving());
    const body = { database, search: serving ? 'serving' : database === 'up' ? 'loading' : 'unknown' };
    return reply.code(serving ? 200 : 503).send({ status: serving ? 'ready' : 'unavailable', ...body });
  }
}
