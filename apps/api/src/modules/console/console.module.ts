import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { AuditLogResolver } from './audit-log.resolver';

/**
 * The association's staff console reads (today: the audit log). Above identity (the actor's name and
 * e-mail through its loaders); reads `common/audit` through AuditService; nothing imports it.
 */
@Module({
  imports: [IdentityModule],
  providers: [AuditLogResolver],
})
export class ConsoleModule {}
