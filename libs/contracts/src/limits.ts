/** Input limits the web shows in its forms and the API enforces (libs/validation and libs/capability-model re-export them). */

/** Password length (NIST SP 800-63B: length over composition; pass-phrases fit). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Limits of the listing texts (characters). */
export const TEXT_LIMITS = { title: 120, summary: 300, description: 10_000 } as const;

/** The maximum number of items of every list element of a listing. */
export const MAX_LIST_ITEMS = 20;
