import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './common/auth/auth.module';
import { MailModule } from './common/mail/mail.module';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/config.schema';
import { DatabaseModule } from './database/database.module';
import { GraphQLModule } from './graphql/graphql.module';
import { HealthController } from './health/health.controller';
import { BidsModule } from './modules/bids/bids.module';
import { ChatGatewayModule } from './modules/chat/chat-gateway.module';
import { ChatModule } from './modules/chat/chat.module';
import { ConsoleModule } from './modules/console/console.module';
import { AccountModule } from './modules/account/account.module';
import { CurationModule } from './modules/curation/curation.module';
import { ProgramsModule } from './modules/programs/programs.module';
import { FilesModule } from './modules/files/files.module';
import { IdentityModule } from './modules/identity/identity.module';
import { ListingsModule } from './modules/listings/listings.module';
import { MatchingModule } from './modules/matching/matching.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { SearchModule } from './modules/search/search.module';
import { StatsModule } from './modules/stats/stats.module';
import { ShowcaseModule } from './modules/showcase/showcase.module';
import { TrustModule } from './modules/trust/trust.module';
import { VerificationModule } from './modules/verification/verification.module';
import { VocabularyModule } from './modules/vocabulary/vocabulary.module';
import { RealtimeGatewayModule } from './realtime/realtime-gateway.module';
import { DemoSeeder } from './seed/demo.seeder';
import { AasModule } from './modules/aas/aas.module';

/** Feature modules and their infrastructure, without any transport (used by the CLI too). */
@Module({})
export class DomainModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DomainModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        MailModule,
        AuthModule,
        VocabularyModule,
        IdentityModule,
        ListingsModule,
        SearchModule,
        NotificationsModule,
        MatchingModule,
        ChatModule,
        ReviewsModule,
        BidsModule,
        VerificationModule,
        ConsoleModule,
        FilesModule,
        CurationModule,
        TrustModule,
        AccountModule,
        ProgramsModule,
        ShowcaseModule,
        ProjectsModule,
        StatsModule,
        AasModule,
      ],
      providers: [DemoSeeder],
      exports: [DemoSeeder],
    };
  }
}

/** The API: the domain plus GraphQL over HTTP, health routes and the socket.io namespaces (`/`, `/chat`) of the client's one WebSocket. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [DomainModule.forRoot(config), GraphQLModule, RealtimeGatewayModule, ChatGatewayModule],
      controllers: [HealthController],
    };
  }
}
