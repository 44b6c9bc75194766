import './chat.css';
export { MessagesNavLink } from './components/MessagesNavLink';
export { ReconnectBanner } from './components/ReconnectBanner';
export { StartConversationButton } from './components/StartConversationButton';
export { ChatProvider, useChatSnapshot, useChatStore } from './hooks/useChat';
export { chatRoutes } from './routes';
