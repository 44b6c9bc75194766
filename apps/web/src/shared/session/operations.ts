import { graphql } from '@/generated';

// What the session itself needs from the API: the token refresh, the viewer, and which operations are auth operations.

/** Token fields every auth mutation returns. */
export const AuthPayloadFieldsFragment = graphql(`
  fragment AuthPayloadFields on AuthPayload {
    accessToken
    accessTokenExpiresAt
    refreshToken
    refreshTokenExpiresAt
    me {
      user {
        id
      }
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...AuthPayloadFields
    }
  }
`);

/** The signed-in user and their memberships (header, home, organization page). */
export const ViewerQuery = graphql(`
  query Viewer {
    me {
      user {
        id
        email
        displayName
        locale
        platformRoles
        emailVerified
      }
      twoFactor {
        required
        enrolled
        recoveryCodesLeft
      }
      memberships {
        id
        role
        createdAt
        organization {
          id
          kind
          nameKo
          nameEn
          verificationStatus
        }
      }
    }
  }
`);

/** Operations that must never trigger (or wait for) a token refresh. */
export const AUTH_OPERATION_NAMES: ReadonlySet<string> = new Set([
  'SignUp',
  'SignIn',
  'RefreshSession',
  'SignOut',
  'RequestPasswordReset',
  'ResetPassword',
]);

/** Operations sent without an Authorization header (a stale access token must not get in the way). */
export const ANONYMOUS_OPERATION_NAMES: ReadonlySet<string> = new Set([
  'SignUp',
  'SignIn',
  'RefreshSession',
  'VerifyEmail',
  'RequestPasswordReset',
  'ResetPassword',
]);
