import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../common/auth/decorators';

/** Liveness (the process answers) and readiness (the database answers). */
@Controller()
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
