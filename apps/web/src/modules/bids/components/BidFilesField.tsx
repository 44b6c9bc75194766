import { useCallback } from 'react';
import { useMutation, useQuery } from 'urql';
import { useT } from '@/i18n';
import { AttachedFiles, FileAttachField, useGraphqlErrorMessage } from '@/shared/upload';
import { AttachBidFilesMutation, BidFilesQuery, DetachBidFileMutation } from '../graphql/files';

/** At most this many files on a bid (the API's BID_FILES_MAX). */
export const BID_FILES_MAX = 10;

/**
 * The proposal (제안서) and quote (견적서) of a bid in its form. The files belong to the bid, not
 * to one revision: attaching or removing one is its own command (no new revision), possible while
 * the bid is a draft or submitted and not yet shortlisted. A new bid gets it after its first save.
 */
export function BidFilesField({ bidId, editable }: { bidId: string | null; editable: boolean }) {
  const t = useT();
  const errorMessage = useGraphqlErrorMessage();
  const [{ data }, reload] = useQuery({ query: BidFilesQuery, variables: { id: bidId ?? '' }, pause: !bidId });
  const [, attach] = useMutation(AttachBidFilesMutation);
  const [, detach] = useMutation(DetachBidFileMutation);
  const refresh = useCallback(() => reload({ requestPolicy: 'network-only' }), [reload]);

  if (!bidId) {
    return (
      <p className="field__hint" data-testid="bid-files-save-first">
        {t('bidFiles.saveFirst')}
      </p>
    );
  }
  const files = data?.bid.files ?? [];
  if (!editable) {
    return files.length ? (
      <div className="fieldset">
        <p className="field__label">{t('bidFiles.heading')}</p>
        <AttachedFiles files={files} testId="bid-files-files" />
      </div>
    ) : null;
  }
  return (
    <FileAttachField
      label={t('bidFiles.label')}
      hint={t('bidFiles.hint')}
      files={files}
      max={BID_FILES_MAX}
      testId="bid-files"
      onAttach={async (fileIds) => {
        const res = await attach({ bidId, fileIds });
        if (res.error) throw new Error(errorMessage(res.error));
        refresh();
      }}
      onDetach={async (fileId) => {
        const res = await detach({ bidId, fileId });
        if (res.error) throw new Error(errorMessage(res.error));
        refresh();
      }}
    />
  );
}
