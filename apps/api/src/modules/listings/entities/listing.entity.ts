import type { ListingContent, ListingKind } from '@aimatch/capability-model';
import type { ListingStatus } from '@aimatch/marketplace';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ListingReview {
  decision: 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED';
  reason: string | null;
  comments: Array<{ path: string; comment: string }>;
  decidedAt: string;
  decidedById: string;
}

/** A demand or supply listing; `content` holds its texts and submodels (validated by @aimatch/capability-model). */
@Entity('listings')
export class ListingEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: ListingKind;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') status: ListingStatus;
  @Column('int') version: number;
  @Column('text') title: string;
  @Column('jsonb') content: ListingContent;
  @Column('text') visibility: 'PUBLIC' | 'VERIFIED_SUPPLIERS';
  @Column('timestamptz', { name: 'bid_deadline', nullable: true }) bidDeadline: Date | null;
  @Column('text', { name: 'region_id', nullable: true }) regionId: string | null;
  @Column('jsonb', { nullable: true }) review: ListingReview | null;
  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById: string | null;
  @Column('timestamptz', { name: 'submitted_at', nullable: true }) submittedAt: Date | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

@Entity('listing_events')
export class ListingEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'listing_id' }) listingId: string;
  @Column('int') version: number;
  @Column('text') action: string;
  @Column('text', { name: 'from_status', nullable: true }) fromStatus: string | null;
  @Column('text', { name: 'to_status' }) toStatus: string;
  @Column('uuid', { name: 'actor_user_id', nullable: true }) actorUserId: string | null;
  @Column('jsonb', { default: {} }) details: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
