import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The embedded engines' way into PostgreSQL: `search_documents` and its change feed
 * (`search_document_tombstones`), which libs/search's engines query through this SqlRunner.
 */
@Injectable()
export class SearchIndexRepository {
  constructor(private readonly dataSource: DataSource) {}

  readonly sql = (text: string, params?: unknown[]) => this.dataSource.query(text, params);
}
