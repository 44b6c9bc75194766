import './moderation.css';
export { moderationRoutes } from './routes';
