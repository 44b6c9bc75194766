export { NotificationBell } from './components/NotificationBell';
export { useOnNotification } from './live';
