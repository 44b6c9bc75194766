import { useParams } from 'react-router';
import { useT } from '@/i18n';
import { ConversationList } from './ConversationList';
import { ReconnectBanner } from './ReconnectBanner';
import { ThreadView } from './ThreadView';

/** `/messages` and `/messages/:conversationId`: the conversation list beside the open thread. */
export function MessagesPage() {
  const t = useT();
  const { conversationId = null } = useParams();
  return (
    <div className="page chat-page" data-testid="messages-page">
      <h1>{t('chat.title')}</h1>
      <ReconnectBanner />
      <div className={conversationId ? 'chat-layout chat-layout--thread' : 'chat-layout'}>
        <ConversationList activeId={conversationId} />
        {conversationId ? (
          <ThreadView key={conversationId} conversationId={conversationId} />
        ) : (
          <p className="chat-layout__placeholder muted" data-testid="chat-select">
            {t('chat.select')}
          </p>
        )}
      </div>
    </div>
  );
}
