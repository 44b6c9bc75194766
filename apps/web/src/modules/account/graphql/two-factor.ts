import { graphql } from '@/generated';

export const BeginTwoFactorEnrollmentMutation = graphql(`
  mutation BeginTwoFactorEnrollment {
    beginTwoFactorEnrollment {
      otpauthUri
      qrSvg
      secret
    }
  }
`);

export const ConfirmTwoFactorEnrollmentMutation = graphql(`
  mutation ConfirmTwoFactorEnrollment($code: String!) {
    confirmTwoFactorEnrollment(code: $code)
  }
`);

export const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes($code: String!) {
    regenerateRecoveryCodes(code: $code)
  }
`);
