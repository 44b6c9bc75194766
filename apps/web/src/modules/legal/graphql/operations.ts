import { graphql } from '@/generated';

export const LegalDocumentsQuery = graphql(`
  query LegalDocuments {
    legalDocuments {
      kind
      version
      required
      title
      body
    }
  }
`);

export const PendingConsentsQuery = graphql(`
  query PendingConsents {
    pendingConsents {
      kind
      version
      required
      title
      body
    }
  }
`);

export const MyConsentsQuery = graphql(`
  query MyConsents {
    myConsents {
      kind
      version
      grantedAt
      withdrawnAt
    }
  }
`);

export const AcceptConsentsMutation = graphql(`
  mutation AcceptConsents($consents: [ConsentInput!]!) {
    acceptConsents(consents: $consents) {
      kind
    }
  }
`);

export const WithdrawConsentMutation = graphql(`
  mutation WithdrawConsent($kind: LegalDocumentKind!) {
    withdrawConsent(kind: $kind)
  }
`);
