import { Injectable } from '@nestjs/common';

const KST_OFFSET_MS = 9 * 3_600_000;

/** `YYYY-MM-DD` of `at` in Korea (Asia/Seoul, UTC+9 all year, no daylight saving time): the marketplace's calendar day. */
export function koreanDay(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The one clock: inject it instead of calling `new Date()` so that deadlines and expiry are testable. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today in Korea, `YYYY-MM-DD`. */
  today(): string {
    return koreanDay(this.now());
  }
}
