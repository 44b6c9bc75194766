import type { DataSourceOptions } from 'typeorm';
import { AuditLogEntity } from '../common/audit/audit-log.entity';
import { InvitationEntity } from '../modules/identity/entities/invitation.entity';
import { MembershipEntity } from '../modules/identity/entities/membership.entity';
import { OrganizationEntity } from '../modules/identity/entities/organization.entity';
import { RefreshTokenEntity } from '../modules/identity/entities/refresh-token.entity';
import { UserEntity } from '../modules/identity/entities/user.entity';
import { ListingEntity, ListingEventEntity } from '../modules/listings/entities/listing.entity';
import {
  ConceptChangeEntity,
  ConceptEntity,
  ConceptSchemeEntity,
  VocabularyVersionEntity,
} from '../modules/vocabulary/entities/concept.entity';
import { migrations } from './migrations';
import { OutboxEventEntity } from './outbox/outbox-event.entity';

export const entities = [
  ConceptEntity,
  ConceptSchemeEntity,
  VocabularyVersionEntity,
  ConceptChangeEntity,
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  RefreshTokenEntity,
  InvitationEntity,
  ListingEntity,
  ListingEventEntity,
  OutboxEventEntity,
  AuditLogEntity,
];

/** The one description of the database: used by the app, the CLI and the test template builder. */
export function dataSourceOptions(url: string, extra: { poolSize?: number } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: extra.poolSize ?? 10, application_name: 'aimatch-api' },
  };
}
