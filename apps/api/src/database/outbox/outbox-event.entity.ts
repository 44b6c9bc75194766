import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('outbox')
export class OutboxEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text', { name: 'aggregate_type' }) aggregateType: string;
  @Column('text', { name: 'aggregate_id' }) aggregateId: string;
  @Column('text', { name: 'event_type' }) eventType: string;
  @Column('jsonb') payload: Record<string, unknown>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'available_at', default: () => 'now()' }) availableAt: Date;
  @Column('int', { default: 0 }) attempts: number;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'processed_at', nullable: true }) processedAt: Date | null;
  @Column('timestamptz', { name: 'parked_at', nullable: true }) parkedAt: Date | null;
}
