import { useT } from '@/i18n';
import { LoadingState } from '@/shared/ui/LoadingState';

/** Shown while a page's code is loading (first visit of a route). */
export function RouteLoading() {
  const t = useT();
  return <LoadingState label={t('common.loading')} />;
}
