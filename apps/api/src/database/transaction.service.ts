import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * One transaction per command: rows and their outbox events commit together or not at all.
 * Listeners (the outbox dispatcher) hear about a commit only after it happened.
 */
@Injectable()
export class TransactionService {
  private readonly committed: Array<() => void> = [];

  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    for (const listener of this.committed) listener();
    return result;
  }

  onCommitted(listener: () => void): void {
    this.committed.push(listener);
  }
}
