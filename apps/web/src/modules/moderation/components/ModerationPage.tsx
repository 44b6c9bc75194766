import { Link, useSearchParams } from 'react-router';
import { useT } from '@/i18n';
import { MessageReportsTab } from './MessageReportsTab';
import { ReviewReportsTab } from './ReviewReportsTab';
import { SettingsTab } from './SettingsTab';

const TABS = ['messages', 'reviews', 'settings'] as const;
type Tab = (typeof TABS)[number];
const LABEL = { messages: 'moderation.tab.messages', reviews: 'moderation.tab.reviews', settings: 'moderation.tab.settings' } as const;

/** `/staff/moderation`: reported messages, reported reviews and the bidding rule, one tab each (`?tab=`). */
export function ModerationPage() {
  const t = useT();
  const [params] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.includes(raw as Tab) ? (raw as Tab) : 'messages';
  return (
    <div className="page moderation" data-testid="moderation-page">
      <div className="page__header">
        <div>
          <h1>{t('moderation.title')}</h1>
          <p className="page__lead">{t('moderation.lead')}</p>
        </div>
      </div>
      <nav className="moderation-tabs" aria-label={t('moderation.tabs')}>
        {TABS.map((id) => (
          <Link
            key={id}
            to={`/staff/moderation?tab=${id}`}
            className={id === tab ? 'moderation-tabs__tab moderation-tabs__tab--active' : 'moderation-tabs__tab'}
            aria-current={id === tab ? 'page' : undefined}
            data-testid={`moderation-tab-${id}`}
          >
            {t(LABEL[id])}
          </Link>
        ))}
      </nav>
      {tab === 'messages' ? <MessageReportsTab /> : tab === 'reviews' ? <ReviewReportsTab /> : <SettingsTab />}
    </div>
  );
}
