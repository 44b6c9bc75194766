import { Injectable } from '@nestjs/common';

/** The one clock: inject it instead of calling `new Date()` so that deadlines and expiry are testable. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
