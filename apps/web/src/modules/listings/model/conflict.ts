import type { CombinedError } from 'urql';

/**
 * A CONFLICT from a listing command: `stale` when someone changed the listing first
 * (`extensions.current` is the current version), `status` when the action does not fit the
 * current status (`extensions.current` is the status). `message` is localised by the server.
 */
export interface ListingConflict {
  kind: 'stale' | 'status';
  current: string | number | null;
  message: string;
}

export function listingConflict(error: CombinedError | undefined): ListingConflict | null {
  const conflict = error?.graphQLErrors.find((e) => e.extensions?.['code'] === 'CONFLICT');
  if (!conflict) return null;
  const current = conflict.extensions?.['current'];
  return {
    kind: typeof current === 'number' ? 'stale' : 'status',
    current: typeof current === 'number' || typeof current === 'string' ? current : null,
    message: conflict.message,
  };
}
