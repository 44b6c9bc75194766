import { Module } from '@nestjs/common';
import { SESSION_LOOKUP } from '../../common/auth/session-lookup';
import { RealtimeModule } from '../../realtime/realtime.publisher';
import { VocabularyModule } from '../vocabulary/vocabulary.module';
import { AccountMailService } from './account-mail.service';
import { AccountTokenService } from './account-token.service';
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
import { LegalDocumentService } from './legal-document.service';
import { LegalResolver } from './legal.resolver';
import { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';
import { ConsentResolver } from './consent.resolver';
import { TwoFactorRepository } from './two-factor.repository';
import { TwoFactorResolver } from './two-factor.resolver';
import { TwoFactorService } from './two-factor.service';
import { MemberAdminService } from './member-admin.service';
import { MemberAdminResolver } from './member-admin.resolver';
import { EmailVerificationService } from './email-verification.service';
import { EmailVerificationResolver } from './email-verification.resolver';
import { PasswordResolver } from './password.resolver';
import { PasswordService } from './password.service';
import { AccountDataRepository } from './account-data.repository';
import { AccountDataService } from './account-data.service';
import { UserFieldsResolver } from './user-fields.resolver';

/**
 * Accounts, organizations, memberships, sessions and invitations. Other modules read through
 * IdentityService and IdentityLoaders; identity provides common/auth's SESSION_LOOKUP.
 * (IdentityRepository stays exported only until bids and matching read through IdentityService.)
 */
@Module({
  imports: [VocabularyModule, RealtimeModule],
  providers: [
    IdentityRepository,
    AccountTokenService,
    AccountMailService,
    PasswordHasher,
    SessionService,
    { provide: SESSION_LOOKUP, useExisting: SessionService },
    StaffAccountService,
    AuthService,
    InvitationService,
    MembershipPolicy,
    OrganizationService,
    AuthResolver,
    OrganizationResolver,
    MembershipResolver,
    InvitationResolver,
    IdentityService,
    IdentityLoaders,
    LegalDocumentService,
    LegalResolver,
    ConsentRepository,
    ConsentService,
    ConsentResolver,
    TwoFactorRepository,
    TwoFactorService,
    TwoFactorResolver,
    MemberAdminService,
    MemberAdminResolver,
    EmailVerificationService,
    EmailVerificationResolver,
    PasswordService,
    PasswordResolver,
    AccountDataRepository,
    AccountDataService,
    UserFieldsResolver,
  ],
  exports: [
    IdentityService,
    IdentityLoaders,
    MembershipPolicy,
    AuthService,
    StaffAccountService,
    LegalDocumentService,
    ConsentService,
    MemberAdminService,
    AccountDataService,
  ],
})
export class IdentityModule {}
