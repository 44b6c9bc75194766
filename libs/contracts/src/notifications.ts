/** Notification types and what the client receives live (the `notification` socket event). */
export enum NotificationType {
  MATCH_ALERT = 'MATCH_ALERT',
  LISTING_APPROVED = 'LISTING_APPROVED',
  LISTING_REJECTED = 'LISTING_REJECTED',
  REVIEW_RECEIVED = 'REVIEW_RECEIVED',
  BID_RECEIVED = 'BID_RECEIVED',
  BID_SHORTLISTED = 'BID_SHORTLISTED',
  BID_ACCEPTED = 'BID_ACCEPTED',
  BID_DECLINED = 'BID_DECLINED',
  CONSORTIUM_INVITATION = 'CONSORTIUM_INVITATION',
  /** To staff: an organization asked to be verified. */
  VERIFICATION_REQUESTED = 'VERIFICATION_REQUESTED',
  /** To the organization's members: staff decided its verification request. */
  VERIFICATION_DECIDED = 'VERIFICATION_DECIDED',
  /** To the organization's members: staff suspended or unsuspended it. */
  ORGANIZATION_SUSPENDED = 'ORGANIZATION_SUSPENDED',
  ORGANIZATION_UNSUSPENDED = 'ORGANIZATION_UNSUSPENDED',
  /** To the listing's organization: staff asked for changes (payload: reason, commentCount). */
  LISTING_CHANGES_REQUESTED = 'LISTING_CHANGES_REQUESTED',
  /** To staff: a listing was submitted (or resubmitted) for review. */
  LISTING_SUBMITTED = 'LISTING_SUBMITTED',
  /** To staff: an organization claimed a certification (helper C). */
  CERTIFICATION_CLAIMED = 'CERTIFICATION_CLAIMED',
  /** To the organization's members: staff decided a certification claim. */
  CERTIFICATION_DECIDED = 'CERTIFICATION_DECIDED',
  /** To the organization's members: a verified certification expires within 30 days (once). */
  CERTIFICATION_EXPIRING = 'CERTIFICATION_EXPIRING',
  /** To the organization's members: a verified certification lapsed after its expiry date. */
  CERTIFICATION_EXPIRED = 'CERTIFICATION_EXPIRED',
  /** To the organization's owners: staff warned it (trust & safety). */
  ORGANIZATION_WARNED = 'ORGANIZATION_WARNED',
  /** To the demand's organization: the supplier delivered a milestone of the project (payload: milestoneTitle, position). */
  MILESTONE_DELIVERED = 'MILESTONE_DELIVERED',
  /** To the supplier: the demand's organization accepted a delivered milestone. */
  MILESTONE_ACCEPTED = 'MILESTONE_ACCEPTED',
  /** To the supplier: the demand's organization asked for rework on a milestone (payload: reason). */
  MILESTONE_REWORK_REQUESTED = 'MILESTONE_REWORK_REQUESTED',
  /** To the other side: one side proposed to complete the project by agreement (payload: note). */
  PROJECT_COMPLETION_PROPOSED = 'PROJECT_COMPLETION_PROPOSED',
  /** To the other side: the proposer withdrew its completion proposal. */
  PROJECT_COMPLETION_WITHDRAWN = 'PROJECT_COMPLETION_WITHDRAWN',
}

/** The object a notification points at (the web turns it into a route). */
export enum NotificationLinkType {
  LISTING = 'LISTING',
  BID = 'BID',
  REVIEW = 'REVIEW',
  ORGANIZATION = 'ORGANIZATION',
  /** A verification request (the staff console's review page). */
  VERIFICATION_REQUEST = 'VERIFICATION_REQUEST',
  /** A certification claim (the staff console's certification review page). */
  CERTIFICATION_CLAIM = 'CERTIFICATION_CLAIM',
}

export interface NotificationLink {
  type: NotificationLinkType | string;
  id: string;
}

/** One new in-app notification, pushed to the recipient's sockets after it was stored. */
export interface NotificationPayload {
  id: string;
  type: NotificationType | string;
  payload: Record<string, unknown>;
  link: NotificationLink | null;
  createdAt: string;
  /** The recipient's unread count including this one (for the bell). */
  unreadCount: number;
}
