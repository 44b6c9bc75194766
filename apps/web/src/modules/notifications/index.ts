import './notifications.css';
export { NotificationBell } from './NotificationBell';
export { useOnNotification } from './live';
export { NotificationPreferencesSection } from './NotificationPreferencesSection';
