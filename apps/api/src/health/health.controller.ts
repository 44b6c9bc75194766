import { Controller, Get, HttpCode, Res, UseFilters } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { NotRateLimited, Public } from '../common/auth/decorators';
import { HttpErrorFilter } from '../common/http/http-error.filter';

/**
 * Liveness (the process answers) and readiness (the database answers). Outside the API rate limit
 * (a probe must not be refused because its address is busy); any other error in the house format.
 */
@Controller()
@NotRateLimited()
@UseFilters(HttpErrorFilter)
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Public()
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  async ready(@Res() reply: FastifyReply) {
    try {
      await this.dataSource.query('SELECT 1');
      return await reply.code(200).send({ status: 'ready', database: 'up' });
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: 'down' });
    }
  }
}
