import './projects.css';
export { ProjectSection } from './components/ProjectSection';
