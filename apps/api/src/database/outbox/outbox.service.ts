import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { OutboxEventEntity } from './outbox-event.entity';

export interface NewOutboxEvent {
  aggregateType: string;
  aggregateId: string;
  eventType: string;
  payload: Record<string, unknown>;
}

/** How far behind the handlers of some event types are. */
export interface OutboxBacklog {
  /** Events still to handle (not parked). */
  pending: number;
  /** Events that failed too often and wait for an operator. */
  parked: number;
  /** Age in seconds of the oldest pending event, null when none is pending. */
  lag: number | null;
}

/** Writes side effects as events inside the caller's transaction; the dispatcher handles them after commit. */
@Injectable()
export class OutboxService {
  constructor(private readonly dataSource: DataSource) {}

  async enqueue(tx: EntityManager, ...events: NewOutboxEvent[]): Promise<void> {
    if (events.length === 0) return;
    await tx.insert(OutboxEventEntity, events as never[]);
  }

  async backlog(eventTypes: string[]): Promise<OutboxBacklog> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE processed_at IS NULL AND parked_at IS NULL)::int AS pending,
              count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked,
              extract(epoch FROM now() - min(created_at) FILTER (WHERE processed_at IS NULL AND parked_at IS NULL))::float AS lag
         FROM outbox WHERE event_type = ANY($1)`,
      [eventTypes],
    );
    return row;
  }
}
