/** Input limits the web shows in its forms and the API enforces (libs/validation and libs/capability-model re-export them). */

/** Password length (NIST SP 800-63B: length over composition; pass-phrases fit). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Limits of the listing texts (characters). */
export const TEXT_LIMITS = { title: 120, summary: 300, description: 10_000 } as const;

/** The maximum number of items of every list element of a listing. */
export const MAX_LIST_ITEMS = 20;

/** Case studies / references on an organization's profile (helper P, #14 item 2). */
export const CASE_STUDY_LIMITS = {
  title: 120,
  client: 120,
  summary: 2000,
  tasks: 10,
  perOrganization: 30,
  /** The earliest year (later of this and the organization's founding year). */
  minYear: 1950,
} as const;
