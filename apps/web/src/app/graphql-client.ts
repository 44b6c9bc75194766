import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, Client, fetchExchange, getOperationName, type CombinedError, type Operation } from 'urql';
import { getLocale } from '@/i18n';
import {
  ANONYMOUS_OPERATION_NAMES,
  AUTH_OPERATION_NAMES,
  accessTokenNeedsRefresh,
  getRefreshToken,
  getSession,
  GRAPHQL_ENDPOINT,
  refreshSession,
} from '@/shared/session';

function isAuthOperation(operation: Operation): boolean {
  const name = getOperationName(operation.query);
  return name !== undefined && AUTH_OPERATION_NAMES.has(name);
}

function isAnonymousOperation(operation: Operation): boolean {
  const name = getOperationName(operation.query);
  return name !== undefined && ANONYMOUS_OPERATION_NAMES.has(name);
}

export function isUnauthenticated(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
}

/**
 * One client per session epoch (see session.ts), so cached data never leaks
 * from one signed-in user to the next.
 *
 * - Every request carries `Accept-Language: ko|en` (the UI locale).
 * - The auth exchange adds `Authorization: Bearer <access token>`, refreshes
 *   ahead of expiry, and on an `UNAUTHENTICATED` error refreshes once and retries.
 *   If the refresh fails, session.ts clears the session and notifies the layout,
 *   which sends the user to the sign-in page.
 */
export function createGraphqlClient(): Client {
  return new Client({
    url: GRAPHQL_ENDPOINT,
    preferGetMethod: false,
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'Accept-Language': getLocale() },
    }),
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const { accessToken } = getSession();
          const headers: Record<string, string> = { 'Accept-Language': getLocale() };
          if (accessToken && !isAnonymousOperation(operation)) headers['Authorization'] = `Bearer ${accessToken}`;
          return utils.appendHeaders(operation, headers);
        },
        willAuthError(operation) {
          return !isAuthOperation(operation) && getRefreshToken() !== null && accessTokenNeedsRefresh();
        },
        didAuthError(error, operation) {
          return !isAuthOperation(operation) && getRefreshToken() !== null && isUnauthenticated(error);
        },
        async refreshAuth() {
          await refreshSession();
        },
      })),
      fetchExchange,
    ],
  });
}
