import { Link } from 'react-router';
import { useT } from '@/i18n';

export function ForbiddenPage() {
  const t = useT();
  return (
    <div className="page page--narrow page--center" data-testid="forbidden">
      <h1>{t('forbidden.title')}</h1>
      <p>{t('forbidden.body')}</p>
      <Link to="/" className="button">
        {t('notFound.home')}
      </Link>
    </div>
  );
}
