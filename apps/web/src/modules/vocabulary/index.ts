import './vocabulary.css';
export { ConceptPicker, type ConceptPickerProps } from './components/ConceptPicker';
export { ConceptLabel } from './components/ConceptLabel';
export { ConceptSelect, type ConceptSelectProps } from './components/ConceptSelect';
export { toHierarchy, useConcepts, type Concept, type ConceptOption } from './hooks/useConcepts';
export { vocabularyRoutes } from './routes';
