import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';

/**
 * socket.io on the API's HTTP server, with the configured CORS allow-list and a message size
 * limit. With CHAT_ADAPTER=postgres every namespace fans out through @socket.io/postgres-adapter
 * (LISTEN/NOTIFY on the application database, large payloads in `socket_io_attachments`), so
 * an emit reaches sockets connected to any API instance. Its small pool is closed with the server.
 */
export class AppIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private pool?: pg.Pool;

  constructor(
    private readonly appContext: INestApplicationContext,
    private readonly corsOrigins: string[],
  ) {
    super(appContext);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    const config = this.appContext.get<AppConfig>(APP_CONFIG, { strict: false });
    let adapter: ServerOptions['adapter'] | undefined;
    if (config.CHAT_ADAPTER === 'postgres') {
      this.pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4, application_name: 'aimatch-socket-adapter' });
      this.pool.on('error', (err) => this.log.warn(`socket.io adapter pool: ${err.message}`));
      adapter = createAdapter(this.pool, { errorHandler: (err) => this.log.warn(`socket.io postgres adapter: ${err.message}`) }) as never;
    }
    return super.createIOServer(port, {
      ...(options as ServerOptions),
      cors: { origin: this.corsOrigins.length ? this.corsOrigins : false, credentials: true },
      maxHttpBufferSize: 64 * 1024,
      ...(adapter ? { adapter } : {}),
    });
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end().catch(() => undefined);
  }
}
