import { graphql } from '@/generated';

export const OrganizationDetailFieldsFragment = graphql(`
  fragment OrganizationDetailFields on Organization {
    id
    kind
    nameKo
    nameEn
    businessRegistrationNumber
    region {
      id
      label(locale: $locale)
      deprecated
    }
    industry {
      id
      label(locale: $locale)
      deprecated
    }
    employeeBand
    foundedYear
    website
    verificationStatus
    createdAt
    certifications {
      conceptId
      labelKo
      labelEn
      expiresOn
    }
  }
`);

export const OrganizationDetailQuery = graphql(`
  query OrganizationDetail($id: ID!, $locale: Locale!) {
    organization(id: $id) {
      ...OrganizationDetailFields
    }
  }
`);

export const OrganizationMembersQuery = graphql(`
  query OrganizationMembers($id: ID!, $first: Int!, $after: String) {
    organization(id: $id) {
      id
      members(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            role
            createdAt
            user {
              id
              displayName
              email
            }
          }
        }
      }
    }
  }
`);

export const UpdateMyOrganizationMutation = graphql(`
  mutation UpdateMyOrganization($input: UpdateOrganizationInput!, $locale: Locale!) {
    updateMyOrganization(input: $input) {
      ...OrganizationDetailFields
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      id
      email
      role
      expiresAt
      token
    }
  }
`);

/** What the organization's members see of its verification: the status, the latest request, a suspension. */
export const OrganizationVerificationQuery = graphql(`
  query OrganizationVerification($id: ID!) {
    organization(id: $id) {
      id
      verificationStatus
      verificationRequest {
        id
        status
        note
        requestedAt
        decidedAt
        decisionReason
        evidence {
          id
          name
          size
          uploadedAt
          downloadUrl
        }
      }
      suspension {
        reason
        since
      }
    }
  }
`);

export const RequestOrganizationVerificationMutation = graphql(`
  mutation RequestOrganizationVerification($input: RequestOrganizationVerificationInput!) {
    requestOrganizationVerification(input: $input) {
      id
      status
      requestedAt
      organization {
        id
        verificationStatus
      }
    }
  }
`);

/** Helper C: certification claims on the organization page (members and staff read them; owners claim and withdraw). */
export const OrganizationCertificationsQuery = graphql(`
  query OrganizationCertifications($id: ID!) {
    organization(id: $id) {
      id
      verificationStatus
      certificationClaims {
        id
        conceptId
        labelKo
        labelEn
        certificateNumber
        issuedOn
        expiresOn
        note
        status
        claimedAt
        decidedAt
        decisionReason
        expiringSoon
        evidence {
          id
          name
          size
          uploadedAt
          downloadUrl
        }
      }
    }
  }
`);

export const ClaimCertificationMutation = graphql(`
  mutation ClaimCertification($input: ClaimCertificationInput!) {
    claimCertification(input: $input) {
      id
      status
      conceptId
      claimedAt
    }
  }
`);

export const WithdrawCertificationClaimMutation = graphql(`
  mutation WithdrawCertificationClaim($id: ID!) {
    withdrawCertificationClaim(id: $id) {
      id
      status
    }
  }
`);

// --- Helper M: member administration and pending invitations ---
export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($organizationId: ID!, $userId: ID!, $role: MembershipRole!) {
    changeMemberRole(organizationId: $organizationId, userId: $userId, role: $role) {
      id
      role
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($organizationId: ID!, $userId: ID!) {
    removeMember(organizationId: $organizationId, userId: $userId)
  }
`);

export const TransferOwnershipMutation = graphql(`
  mutation TransferOwnership($organizationId: ID!, $toUserId: ID!, $keepOwnership: Boolean) {
    transferOwnership(organizationId: $organizationId, toUserId: $toUserId, keepOwnership: $keepOwnership) {
      id
      role
    }
  }
`);

export const LeaveOrganizationMutation = graphql(`
  mutation LeaveOrganization($organizationId: ID!) {
    leaveOrganization(organizationId: $organizationId)
  }
`);

export const OrganizationInvitationsQuery = graphql(`
  query OrganizationInvitations($organizationId: ID!, $first: Int!, $after: String) {
    organizationInvitations(organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          email
          role
          expiresAt
          createdAt
        }
      }
    }
  }
`);

export const RevokeInvitationMutation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      id
    }
  }
`);

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($id: ID!) {
    resendInvitation(id: $id) {
      id
    }
  }
`);

// --- organization profiles (helper P, #14 item 2) ---

/** `/organizations/:id`: the facts a visitor reads at the top of a profile. */
export const OrganizationProfileQuery = graphql(`
  query OrganizationProfile($id: ID!, $locale: Locale!) {
    organization(id: $id) {
      id
      kind
      nameKo
      nameEn
      verificationStatus
      region {
        id
        label(locale: $locale)
      }
      industry {
        id
        label(locale: $locale)
      }
      employeeBand
      foundedYear
      website
      certifications {
        conceptId
        labelKo
        labelEn
        expiresOn
      }
    }
  }
`);

export const CaseStudyFieldsFragment = graphql(`
  fragment CaseStudyFields on CaseStudy {
    id
    title
    client
    year
    summary
    position
    industry {
      id
      label(locale: $locale)
    }
    tasks {
      id
      label(locale: $locale)
    }
  }
`);

export const CaseStudiesQuery = graphql(`
  query CaseStudies($id: ID!, $first: Int!, $after: String, $locale: Locale!) {
    organization(id: $id) {
      id
      foundedYear
      caseStudies(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            ...CaseStudyFields
          }
        }
      }
    }
  }
`);

export const CreateCaseStudyMutation = graphql(`
  mutation CreateCaseStudy($organizationId: ID!, $input: CaseStudyInput!, $locale: Locale!) {
    createCaseStudy(organizationId: $organizationId, input: $input) {
      ...CaseStudyFields
    }
  }
`);

export const UpdateCaseStudyMutation = graphql(`
  mutation UpdateCaseStudy($id: ID!, $input: CaseStudyInput!, $locale: Locale!) {
    updateCaseStudy(id: $id, input: $input) {
      ...CaseStudyFields
    }
  }
`);

export const DeleteCaseStudyMutation = graphql(`
  mutation DeleteCaseStudy($id: ID!) {
    deleteCaseStudy(id: $id)
  }
`);

export const ReorderCaseStudiesMutation = graphql(`
  mutation ReorderCaseStudies($organizationId: ID!, $ids: [ID!]!) {
    reorderCaseStudies(organizationId: $organizationId, ids: $ids) {
      id
      position
    }
  }
`);
