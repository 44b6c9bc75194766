export { ConceptSelect, type ConceptSelectProps } from './components/ConceptSelect';
export { toHierarchy, useConcepts, type Concept, type ConceptOption } from './hooks/useConcepts';
