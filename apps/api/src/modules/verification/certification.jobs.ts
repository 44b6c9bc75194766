import { Injectable, type OnModuleInit } from '@nestjs/common';
import { JobScheduler } from '../../common/scheduling/job-scheduler.service';
import { CertificationService } from './certification.service';

export const CERTIFICATIONS_SWEEP_JOB = 'certifications.sweep';
/** Hourly: expiry is by calendar day, so an hour's delay is immaterial. */
const CERTIFICATIONS_SWEEP_MS = 3_600_000;

/** Registers the certification expiry sweep (30-day warning, lapse to EXPIRED) with the one scheduler. */
@Injectable()
export class CertificationJobs implements OnModuleInit {
  constructor(
    private readonly scheduler: JobScheduler,
    private readonly certifications: CertificationService,
  ) {}

  onModuleInit(): void {
    this.scheduler.register({ name: CERTIFICATIONS_SWEEP_JOB, everyMs: CERTIFICATIONS_SWEEP_MS, run: () => this.certifications.sweep() });
  }
}
