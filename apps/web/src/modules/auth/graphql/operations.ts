import { graphql } from '@/generated';

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

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...AuthPayloadFields
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      ...AuthPayloadFields
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

export const SignOutMutation = graphql(`
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      id
      role
      organization {
        id
        nameKo
        nameEn
        kind
      }
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
export const AUTH_OPERATION_NAMES: ReadonlySet<string> = new Set(['SignUp', 'SignIn', 'RefreshSession', 'SignOut']);

/** Operations sent without an Authorization header (a stale access token must not get in the way). */
export const ANONYMOUS_OPERATION_NAMES: ReadonlySet<string> = new Set(['SignUp', 'SignIn', 'RefreshSession']);

export const UpdateMyLocaleMutation = graphql(`
  mutation UpdateMyLocale($locale: Locale!) {
    updateMe(input: { locale: $locale }) {
      user {
        id
        locale
      }
    }
  }
`);
