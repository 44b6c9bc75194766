import './home.css';
export { RoleHome, STAFF_LANDING } from './components/RoleHome';
