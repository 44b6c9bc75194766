export {
  accessTokenNeedsRefresh,
  endSession,
  forgetStoredRefreshToken,
  getRefreshToken,
  getSession,
  GRAPHQL_ENDPOINT,
  onSessionEnd,
  refreshSession,
  REFRESH_TOKEN_STORAGE_KEY,
  restoreSession,
  startSession,
  subscribeSession,
  type SessionEndReason,
  type SessionState,
  type SessionStatus,
} from './session';
export { useSession } from './useSession';
export { useViewer, type Viewer, type ViewerMembership, type ViewerState } from './useViewer';
export { ANONYMOUS_OPERATION_NAMES, AUTH_OPERATION_NAMES, ViewerQuery } from './operations';
