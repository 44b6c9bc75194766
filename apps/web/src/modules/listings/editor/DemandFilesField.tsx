import { useCallback } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '@/i18n';
import { FileAttachField, useGraphqlErrorMessage } from '@/shared/upload';
import { AttachListingFilesMutation, DetachListingFileMutation, ListingFilesQuery } from '../graphql/files';

/** At most this many files on a demand (the API's LISTING_FILES_MAX). */
export const DEMAND_FILES_MAX = 10;

/**
 * The editor's attachments field of a demand: RFP / 과업지시서 and sample images, attached and
 * removed on the spot (each its own command, which changes nothing else of the demand, so the
 * editor's unsaved content and version are untouched). A new demand gets it after its first save.
 */
export function DemandFilesField({ listingId }: { listingId: string | null }) {
  const t = useT();
  const errorMessage = useGraphqlErrorMessage();
  const [{ data }, reload] = useQuery({ query: ListingFilesQuery, variables: { id: listingId ?? '' }, pause: !listingId });
  const [, attach] = useMutation(AttachListingFilesMutation);
  const [, detach] = useMutation(DetachListingFileMutation);
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);

  if (!listingId) {
    return (
      <p className="field__hint" data-testid="demand-files-save-first">
        {t('listingFiles.saveFirst')}
      </p>
    );
  }
  const files = data && 'files' in data.listing ? data.listing.files : [];
  return (
    <FileAttachField
      label={t('listingFiles.label')}
      hint={t('listingFiles.hint')}
      files={files}
      max={DEMAND_FILES_MAX}
      testId="demand-files"
      onAttach={async (fileIds) => {
        const res = await attach({ listingId, fileIds });
        if (res.error) throw new Error(errorMessage(res.error));
        refresh();
      }}
      onDetach={async (fileId) => {
        const res = await detach({ listingId, fileId });
        if (res.error) throw new Error(errorMessage(res.error));
        refresh();
      }}
    />
  );
}
