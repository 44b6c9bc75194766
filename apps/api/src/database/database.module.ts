import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditRepository } from '../common/audit/audit.repository';
import { AuditService } from '../common/audit/audit.service';
import { Clock } from '../common/clock';
import { SchedulingModule } from '../common/scheduling/scheduling.module';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config.schema';
import { dataSourceOptions } from './data-source-options';
import { OutboxDispatcher } from './outbox/outbox.dispatcher';
import { OutboxService } from './outbox/outbox.service';
import { TransactionService } from './transaction.service';

/** PostgreSQL through TypeORM (migrations run at start), transactions, the outbox, the audit log, the clock, the scheduler. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ ...dataSourceOptions(config.DATABASE_URL!), migrationsRun: true }),
    }),
    SchedulingModule,
  ],
  providers: [TransactionService, OutboxService, OutboxDispatcher, AuditRepository, AuditService, Clock],
  exports: [TransactionService, OutboxService, OutboxDispatcher, AuditService, Clock],
})
export class DatabaseModule {}
