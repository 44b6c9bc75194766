import { Module } from '@nestjs/common';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { IdentityLoaders } from './identity.loaders';
import { IdentityRepository } from './identity.repository';
import { IdentityService } from './identity.service';
import { InvitationResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';
import { MembershipPolicy } from './membership.policy';
import { MembershipResolver } from './membership.resolver';
import { OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { PasswordHasher } from './password-hasher';
import { SessionService } from './session.service';
import { StaffAccountService } from './staff-account.service';

/** Accounts, organizations, memberships, sessions and invitations. */
@Module({
  imports: [VocabularyModule],
  providers: [
    IdentityRepository,
    IdentityService,
    IdentityLoaders,
    PasswordHasher,
    SessionService,
    StaffAccountService,
    AuthService,
    InvitationService,
    MembershipPolicy,
    OrganizationService,
    AuthResolver,
    OrganizationResolver,
    MembershipResolver,
    InvitationResolver,
  ],
  exports: [IdentityRepository, PasswordHasher, MembershipPolicy, AuthService, StaffAccountService, IdentityService, IdentityLoaders],
})
export class IdentityModule {}
