import { useCallback, useState } from 'react';
import { useClient, type CombinedError } from 'urql';
import type { FieldCommentInput, ListingAction } from '@/generated/graphql';
import type { ListingState } from '../model/types';
import {
  ApproveListingMutation,
  ArchiveListingMutation,
  PauseListingMutation,
  RejectListingMutation,
  RequestListingChangesMutation,
  ResumeListingMutation,
  SubmitListingMutation,
} from '../graphql/operations';

export type CommandAction = Exclude<ListingAction, 'award' | 'complete' | 'cancel'>;

export interface CommandExtras {
  reason?: string | null;
  comments?: FieldCommentInput[];
}

export type CommandResult = { ok: true; listing: ListingState } | { ok: false; error: CombinedError | undefined };

/** Runs one workflow mutation at the listing's version. */
export function useListingCommand() {
  const client = useClient();
  const [running, setRunning] = useState<CommandAction | null>(null);

  const run = useCallback(
    async (action: CommandAction, listing: { id: string; version: number }, extras: CommandExtras = {}): Promise<CommandResult> => {
      const base = { id: listing.id, version: listing.version };
      setRunning(action);
      try {
        switch (action) {
          case 'submit': {
            const r = await client.mutation(SubmitListingMutation, base).toPromise();
            return r.data ? { ok: true, listing: r.data.submitListing } : { ok: false, error: r.error };
          }
          case 'pause': {
            const r = await client.mutation(PauseListingMutation, base).toPromise();
            return r.data ? { ok: true, listing: r.data.pauseListing } : { ok: false, error: r.error };
          }
          case 'resume': {
            const r = await client.mutation(ResumeListingMutation, base).toPromise();
            return r.data ? { ok: true, listing: r.data.resumeListing } : { ok: false, error: r.error };
          }
          case 'archive': {
            const r = await client.mutation(ArchiveListingMutation, base).toPromise();
            return r.data ? { ok: true, listing: r.data.archiveListing } : { ok: false, error: r.error };
          }
          case 'approve': {
            const r = await client.mutation(ApproveListingMutation, base).toPromise();
            return r.data ? { ok: true, listing: r.data.approveListing } : { ok: false, error: r.error };
          }
          case 'reject': {
            const r = await client.mutation(RejectListingMutation, { ...base, reason: extras.reason ?? '' }).toPromise();
            return r.data ? { ok: true, listing: r.data.rejectListing } : { ok: false, error: r.error };
          }
          case 'requestChanges': {
            const r = await client
              .mutation(RequestListingChangesMutation, {
                ...base,
                reason: extras.reason || null,
                comments: extras.comments && extras.comments.length > 0 ? extras.comments : null,
              })
              .toPromise();
            return r.data ? { ok: true, listing: r.data.requestListingChanges } : { ok: false, error: r.error };
          }
        }
      } finally {
        setRunning(null);
      }
    },
    [client],
  );

  return { run, running };
}
