import { MembershipRole } from '@aimatch/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('invitations')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @Column('text') email: string;
  @Column('text') role: MembershipRole;
  @Column('text', { name: 'token_hash' }) tokenHash: string;
  @Column('uuid', { name: 'invited_by_id', nullable: true }) invitedById: string | null;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @Column('uuid', { name: 'accepted_by_id', nullable: true }) acceptedById: string | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'revoked_by_id', nullable: true }) revokedById: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
