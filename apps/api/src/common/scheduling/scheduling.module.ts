import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobScheduler } from './job-scheduler.service';

/** The one scheduler: @nestjs/schedule's timers behind JobScheduler, whose exclusive jobs run under a PostgreSQL advisory lock. */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  providers: [JobScheduler],
  exports: [JobScheduler],
})
export class SchedulingModule {}
