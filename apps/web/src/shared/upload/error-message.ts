import { useCallback } from 'react';
import type { CombinedError } from 'urql';
import { useT } from '@/i18n';
import { summariseError } from '@/shared/forms';

/** The one line to show next to a file action: the first field's message (the rule, localised), else the error's. */
export function useGraphqlErrorMessage(): (error: CombinedError) => string {
  const t = useT();
  return useCallback(
    (error: CombinedError) => {
      const summary = summariseError(error, { networkMessage: t('error.network'), unknownMessage: t('error.unknown') });
      return Object.values(summary.fields).flat()[0]?.message ?? summary.general[0] ?? t('error.unknown');
    },
    [t],
  );
}
