/** A broken rule before localisation: the message is rendered later in the reader's locale. */
export interface RuleViolation {
  /** Dot path inside the input argument, e.g. `organization.businessRegistrationNumber`. */
  path: string;
  /** Stable rule id: `required`, `max-length`, `checksum`, `unique`, ... */
  rule: string;
  params?: Record<string, string | number>;
}

export type MessageLocale = 'ko' | 'en';
