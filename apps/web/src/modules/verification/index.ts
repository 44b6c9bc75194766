import './verification.css';
export { SuspensionControls } from './components/SuspensionControls';
export { verificationRoutes } from './routes';
