import './matching.css';
export {
  DraftingHelp,
  SUGGESTION_FIELDS,
  isSuggestionField,
  type DraftingHelpProps,
  type SuggestionField,
} from './components/DraftingHelp';
export { MatchAlertSettings } from './components/MatchAlertSettings';
export { MatchCard } from './components/MatchCard';
export { MatchesPanel } from './components/MatchesPanel';
export { MyFitCard } from './components/MyFitCard';
export { InviteToBidFromListing } from './components/InviteToBidFromListing';
export { useMatchPages, type MatchEdge, type MatchTarget } from './hooks/useMatchPages';
export { OrganizationRecommendations } from './components/OrganizationRecommendations';
export { FitTierBadge } from './components/FitParts';
