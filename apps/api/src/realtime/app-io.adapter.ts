import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { ServerOptions } from 'socket.io';

/** socket.io on the API's HTTP server, with the configured CORS allow-list and a message size limit. */
export class AppIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly corsOrigins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions) {
    return super.createIOServer(port, {
      ...(options as ServerOptions),
      cors: { origin: this.corsOrigins.length ? this.corsOrigins : false, credentials: true },
      maxHttpBufferSize: 64 * 1024,
    });
  }
}
