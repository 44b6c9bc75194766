import { useT } from '@/i18n';
import { useChatSnapshot } from '../hooks/useChat';

/** Shown while the chat socket is down (after it was up once): messages wait, then sync. */
export function ReconnectBanner() {
  const t = useT();
  const { status, everConnected } = useChatSnapshot();
  if (status === 'connected' || status === 'idle') return null;
  return (
    <p
      className={everConnected ? 'alert alert--warning chat-banner' : 'alert alert--info chat-banner'}
      role="status"
      data-testid="chat-reconnect-banner"
      data-status={status}
    >
      {everConnected ? t('chat.banner.offline') : t('chat.banner.connecting')}
    </p>
  );
}
