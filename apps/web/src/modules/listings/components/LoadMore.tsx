import type { CombinedError } from 'urql';
import { useT } from '@/i18n';
import { FormAlert, summariseError } from '@/shared/forms';

/** Error, loading state and the cursor "more" button under a list. */
export function ListFooter({
  fetching,
  error,
  hasNextPage,
  onMore,
  testId,
}: {
  fetching: boolean;
  error: CombinedError | undefined;
  hasNextPage: boolean;
  onMore: () => void;
  testId: string;
}) {
  const t = useT();
  return (
    <>
      {error ? (
        <FormAlert
          summary={summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') })}
          testId={`${testId}-alert`}
        />
      ) : null}
      {fetching ? (
        <p role="status" className="muted">
          {t('common.loading')}
        </p>
      ) : null}
      {hasNextPage ? (
        <div className="list-more">
          <button type="button" className="button button--ghost" onClick={onMore} disabled={fetching} data-testid={`${testId}-more`}>
            {t('listing.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
