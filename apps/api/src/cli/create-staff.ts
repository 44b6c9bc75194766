/**
 * `npm run user:create-staff -- --email ops@example.kr [--name "이름"] [--admin]`
 * Creates the association's staff account (or grants the role to an existing one), audited.
 * Prints a generated password for a new account, and that two-factor enrolment happens at first sign-in.
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
    console.log(
      'Two-factor sign-in is required for staff: at the first sign-in the web asks to set up an authenticator app\n' +
        '(QR code, then 10 recovery codes to keep). Until then the account has no staff rights.\n' +
        '2단계 인증 필수: 첫 로그인 때 인증 앱을 등록하고 복구 코드 10개를 보관하세요. 등록 전에는 운영자 권한이 없습니다.',
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
