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

/**
 * Importing an AAS file (#17): the file travels base64 inside one GraphQL request, which the API's
 * body limit bounds (BODY_LIMIT_BYTES, 1 MiB by default): 700 KiB is 933 KiB as base64, with room
 * for the rest of the request. A larger file would be refused by the HTTP layer instead of with a
 * typed error next to the upload.
 */
export const AAS_IMPORT_LIMITS = {
  maxFileBytes: 700 * 1024,
} as const;
