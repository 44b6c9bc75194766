import { graphql } from '@/generated';

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

// Password reset (#13, helper R): both are anonymous operations (see shared/session AUTH/ANONYMOUS_OPERATION_NAMES).
export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword)
  }
`);
