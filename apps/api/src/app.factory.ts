import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { ErrorCode } from '@aimatch/contracts';
import { errorCodes } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config.schema';
import { createRootLogger, PinoNestLogger } from './logging';
import { AppIoAdapter } from './realtime/app-io.adapter';
import { trustFunction } from './common/http/client-address';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The build names every file under /assets/ by its content hash, so they never change: cached for a year without
 * revalidation. Everything else (index.html, which names the current hashes, favicon) is revalidated on each use.
 */
export function webCacheControl(url: string): string {
  return url.split('?')[0].startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Builds the whole API (GraphQL, socket.io, health, the web client's files) on Fastify.
 * Used by main.ts and by every e2e and browser test, so tests boot exactly what users get.
 */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // The AAS API (#17) takes base64url-encoded identifiers in the path (a submodel id is ~150 characters); the default is 100.
    maxParamLength: 1024,
    // The same rule as the socket handshake's (common/http/client-address): named proxies only.
    trustProxy: trustFunction(config.TRUST_PROXY),
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new PinoNestLogger(logger),
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
      },
    },
  });
  // multipart/form-data for `POST /files`; each upload route sets its own limits (FilesController).
  await app.register(multipart, { limits: { files: 1, fields: 10, parts: 12 } });
  // A body no parser knows would be Fastify's own 415 before any route ran. `POST /files` reads
  // its body itself: the route answers (not multipart → the house error, unsigned → 401) and
  // the body is left unread. Every other route keeps Fastify's 415.
  fastify.addContentTypeParser('*', (request, _payload, done) => {
    if (request.method === 'POST' && request.url.split('?')[0] === '/files') done(null, undefined);
    else done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']));
  });
  // GraphQL over POST takes JSON only: form-encoded, multipart and text/plain bodies are what a
  // page on another site can send without a CORS preflight, so they never reach an operation.
  // Answers are per viewer and never cached.
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== '/graphql') return;
    void reply.header('cache-control', 'no-store');
    if (request.method === 'POST' && !/^application\/(?:graphql-response\+)?json\b/i.test(request.headers['content-type'] ?? '')) {
      await reply.code(415).send({
        data: null,
        errors: [
          {
            message: 'POST /graphql accepts application/json only. / POST /graphql은 application/json 본문만 받습니다.',
            extensions: { code: ErrorCode.BAD_USER_INPUT, requestId: String(request.id) },
          },
        ],
      });
    }
  });
  app.enableCors({ origin: config.CORS_ORIGINS.length ? config.CORS_ORIGINS : false, credentials: true });
  app.useWebSocketAdapter(new AppIoAdapter(app, config.CORS_ORIGINS));

  const webRoot = resolve(config.WEB_DIST_DIR);
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each file (vite.config.mts); the one the browser accepts is sent, with
      // `Vary: Accept-Encoding`. They are not routes of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      cacheControl: false,
      setHeaders: (reply) => void reply.header('cache-control', webCacheControl(reply.request.url)),
    });
    // Client-side routes (/signup, /organization, ...) all load the single-page app; a missing file is a 404, never the app.
    fastify.get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (path.startsWith('/graphql') || path.startsWith('/socket.io') || path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
        return reply.code(404).send({ error: 'Not Found' });
      }
      return (reply as unknown as { sendFile(f: string): unknown }).sendFile('index.html');
    });
  }
  app.enableShutdownHooks();
  return app;
}
