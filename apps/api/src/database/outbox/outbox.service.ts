import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface NewOutboxEvent {
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

/** Writes side effects as events inside the caller's transaction; the dispatcher handles them after commit. */
@Injectable()
export class OutboxService {
  async enqueue(tx: EntityManager, ...events: NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.insert(OutboxEventEntity, events as never[]);
  }
}
