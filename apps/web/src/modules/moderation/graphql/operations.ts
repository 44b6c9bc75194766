import { graphql } from '@/generated';

/** Open report counts for the staff navigation (messages + reviews). */
export const ModerationCountsQuery = graphql(`
  query ModerationCounts {
    reportedMessages(first: 1, status: OPEN) {
      totalCount
    }
    reviewReports(first: 1) {
      totalCount
    }
  }
`);

export const OpenMessageReportsQuery = graphql(`
  query OpenMessageReports($first: Int!, $after: String) {
    reportedMessages(first: $first, after: $after, status: OPEN) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          messageId
          conversationId
          seq
          reason
          createdAt
          status
        }
      }
    }
  }
`);

export const ReportedMessageContextQuery = graphql(`
  query ReportedMessageContext($reportId: ID!) {
    reportedMessageContext(reportId: $reportId) {
      report {
        id
        messageId
        seq
        reason
        createdAt
        status
        resolution
        resolutionReason
        resolvedAt
      }
      messages {
        id
        seq
        kind
        body
        senderOrganizationId
        createdAt
        deletedAt
      }
    }
  }
`);

export const ResolveMessageReportMutation = graphql(`
  mutation ResolveMessageReport($reportId: ID!, $action: MessageReportAction!, $reason: String!) {
    resolveMessageReport(reportId: $reportId, action: $action, reason: $reason) {
      id
      status
      resolution
      resolutionReason
      resolvedAt
    }
  }
`);

export const ReviewReportsQuery = graphql(`
  query ReviewReports($first: Int!, $after: String) {
    reviewReports(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          reviewId
          reportCount
          reasons
          firstReportedAt
          review {
            id
            demandId
            side
            subjectOrganizationId
            subjectOrganization {
              id
              nameKo
              nameEn
            }
            demandTitle
            submittedAt
            withheld
            blindUntil
            body
            rating
            hidden
          }
        }
      }
    }
  }
`);

export const HideReviewMutation = graphql(`
  mutation ModerationHideReview($id: ID!, $reason: String!) {
    hideReview(id: $id, reason: $reason) {
      id
      hidden
    }
  }
`);

export const DismissReviewReportsMutation = graphql(`
  mutation DismissReviewReports($reviewId: ID!, $reason: String!) {
    dismissReviewReports(reviewId: $reviewId, reason: $reason)
  }
`);

export const ModerationSettingsQuery = graphql(`
  query ModerationSettings {
    platformSettings {
      bidsVerifiedOrganizationsOnly
    }
    auditLog(first: 1, filter: { action: "platform-setting.changed", subjectId: "bids.verifiedOrganizationsOnly" }) {
      edges {
        node {
          id
          createdAt
          actor {
            id
            displayName
            email
          }
        }
      }
    }
  }
`);

export const SetBidVerificationRequiredMutation = graphql(`
  mutation SetBidVerificationRequired($required: Boolean!) {
    setBidVerificationRequired(required: $required) {
      bidsVerifiedOrganizationsOnly
    }
  }
`);
