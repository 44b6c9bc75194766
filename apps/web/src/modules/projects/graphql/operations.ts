import { graphql } from '@/generated';

/* The project after the award: the plan, deliveries, acceptance or rework, completion. */

export const ProjectFieldsFragment = graphql(`
  fragment ProjectFields on Project {
    demandId
    version
    completedAt
    viewerSide
    viewerPartner
    availableActions
    progress {
      accepted
      total
      acceptedAmountKrw
      totalAmountKrw
    }
    completionProposal {
      by
      note
      proposedAt
    }
    clientOrganization {
      id
      nameKo
      nameEn
    }
    supplierOrganization {
      id
      nameKo
      nameEn
    }
    milestones {
      id
      position
      title
      weeks
      amountKrw
      status
      version
      availableActions
    }
  }
`);

export const ProjectQuery = graphql(`
  query Project($demandId: ID!) {
    project(demandId: $demandId) {
      ...ProjectFields
    }
  }
`);

/**
 * The history apart from the plan: the API bounds a document's cost (GRAPHQL_MAX_COST, __typename counted),
 * and plan and history together exceed it. Every step with its note and files, oldest first.
 */
export const ProjectHistoryQuery = graphql(`
  query ProjectHistory($demandId: ID!) {
    project(demandId: $demandId) {
      demandId
      history(first: 50) {
        edges {
          node {
            id
            action
            milestoneId
            side
            note
            createdAt
            files {
              id
              name
              downloadUrl
            }
          }
        }
      }
    }
  }
`);

export const DeliverMilestoneMutation = graphql(`
  mutation DeliverMilestone($milestoneId: ID!, $note: String!, $fileIds: [ID!]) {
    deliverMilestone(milestoneId: $milestoneId, note: $note, fileIds: $fileIds) {
      ...ProjectFields
    }
  }
`);

export const AcceptMilestoneMutation = graphql(`
  mutation AcceptMilestone($milestoneId: ID!) {
    acceptMilestone(milestoneId: $milestoneId) {
      ...ProjectFields
    }
  }
`);

export const RequestMilestoneReworkMutation = graphql(`
  mutation RequestMilestoneRework($milestoneId: ID!, $reason: String!) {
    requestMilestoneRework(milestoneId: $milestoneId, reason: $reason) {
      ...ProjectFields
    }
  }
`);

export const ProposeCompletionMutation = graphql(`
  mutation ProposeCompletion($demandId: ID!, $note: String!) {
    proposeCompletion(demandId: $demandId, note: $note) {
      ...ProjectFields
    }
  }
`);

export const ConfirmCompletionMutation = graphql(`
  mutation ConfirmCompletion($demandId: ID!) {
    confirmCompletion(demandId: $demandId) {
      ...ProjectFields
    }
  }
`);

export const WithdrawCompletionProposalMutation = graphql(`
  mutation WithdrawCompletionProposal($demandId: ID!) {
    withdrawCompletionProposal(demandId: $demandId) {
      ...ProjectFields
    }
  }
`);
