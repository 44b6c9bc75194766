/**
 * `npm run user:create-staff -- --email ops@example.kr [--name "이름"] [--admin]`
 * Creates the association's staff account (or grants the role to an existing one), audited.
 * Prints a generated password for a new account.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { DomainModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/load-config';
import { resolveDatabase } from '../database/embedded-postgres';
import { StaffAccountService } from '../modules/identity/staff-account.service';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, admin: { type: 'boolean', default: false } },
  });
  if (!values.email) throw new ConfigError('usage: npm run user:create-staff -- --email <email> [--name <name>] [--admin]');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SCHEDULER_ENABLED: 'false' });
  const database = await resolveDatabase(config);
  const app = await NestFactory.createApplicationContext(DomainModule.forRoot({ ...config, DATABASE_URL: database.url }), {
    logger: ['error', 'warn'],
  });
  try {
    const result = await app
      .get(StaffAccountService)
      .createOrPromote({ email: values.email, displayName: values.name, admin: values.admin ?? false });
    console.log(
      result.password
        ? `Created staff account ${result.email}\nPassword: ${result.password}`
        : `Granted ${result.roles.join(', ')} to ${result.email}`,
    );
  } finally {
    await app.close();
    await database.embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error && err.name !== 'Error' ? err.message : err);
  process.exit(1);
});
