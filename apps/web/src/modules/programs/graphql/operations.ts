import { graphql } from '@/generated';

export const EligibleProgramsQuery = graphql(`
  query EligiblePrograms($organizationId: ID, $demandId: ID, $first: Int) {
    eligiblePrograms(organizationId: $organizationId, demandId: $demandId, first: $first) {
      totalCount
      edges {
        node {
          verdict
          program {
            id
            nameKo
            nameEn
            agencyKo
            agencyEn
            benefitKo
            benefitEn
            maxBenefitKrw
            opensOn
            closesOn
            url
            isSample
            sourceNote
          }
          rules {
            index
            fact
            status
            reason
          }
        }
      }
    }
  }
`);

export const VentureDeductionRulesQuery = graphql(`
  query VentureDeductionRules {
    ventureDeductionRules {
      id
      fromYear
      toYear
      electionYears
      holdingYears
      notice
      exceptions {
        code
        label
      }
    }
  }
`);

export const VentureDeductionQuery = graphql(`
  query VentureDeduction($input: VentureDeductionInput!) {
    ventureDeduction(input: $input) {
      ruleSetId
      source
      taxYearFrom
      taxYearTo
      fundDeductionKrw
      ventureTrustDeductionKrw
      ventureTrustCapApplied
      directAmountKrw
      directBrackets {
        fromKrw
        toKrw
        percent
        amountKrw
        deductionKrw
      }
      directDeductionKrw
      totalBeforeCapKrw
      incomeCapKrw
      incomeCapApplied
      deductionKrw
      holdingYears
    }
  }
`);

export const VentureClawbackQuery = graphql(`
  query VentureClawback($input: VentureClawbackInput!) {
    ventureClawback(input: $input) {
      clawedBack
      holdingEndsOn
      reason
    }
  }
`);

export const VerifiedSuppliersQuery = graphql(`
  query VerifiedSuppliers($filter: VerifiedSupplierFilter, $first: Int, $after: String) {
    verifiedSuppliers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          organizationId
          kind
          nameKo
          nameEn
          businessRegistrationNumber
          regionLabel
          verifiedAt
          certifications {
            conceptId
            label
            expiresOn
          }
        }
      }
    }
  }
`);

export const ExportVerifiedSuppliersMutation = graphql(`
  mutation ExportVerifiedSuppliers($filter: VerifiedSupplierFilter) {
    exportVerifiedSuppliers(filter: $filter) {
      filename
      csv
      rowCount
    }
  }
`);

export const StaffProgramsQuery = graphql(`
  query StaffPrograms($first: Int, $after: String) {
    supportPrograms(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          nameKo
          nameEn
          agencyKo
          agencyEn
          benefitKo
          benefitEn
          maxBenefitKrw
          opensOn
          closesOn
          url
          isSample
          sourceNote
          version
          rules {
            fact
            op
            values
            min
            max
            value
          }
        }
      }
    }
  }
`);

export const EligibilityFactsQuery = graphql(`
  query EligibilityFacts {
    eligibilityFacts {
      name
      type
      subject
      label
      scheme
      values {
        value
        label
      }
    }
  }
`);

export const PreviewProgramRulesQuery = graphql(`
  query PreviewProgramRules($rules: [EligibilityRuleInput!]!) {
    previewProgramRules(rules: $rules) {
      organizations
      eligibleOrganizations
      possibleOrganizations
      demands
      eligibleDemands
    }
  }
`);

export const CreateSupportProgramMutation = graphql(`
  mutation CreateSupportProgram($input: SupportProgramInput!) {
    createSupportProgram(input: $input) {
      id
      version
      status
    }
  }
`);

export const UpdateSupportProgramMutation = graphql(`
  mutation UpdateSupportProgram($id: ID!, $version: Int!, $input: SupportProgramInput!) {
    updateSupportProgram(id: $id, version: $version, input: $input) {
      id
      version
      status
    }
  }
`);

export const SetSupportProgramStatusMutation = graphql(`
  mutation SetSupportProgramStatus($id: ID!, $status: SupportProgramStatus!) {
    setSupportProgramStatus(id: $id, status: $status) {
      id
      version
      status
    }
  }
`);
