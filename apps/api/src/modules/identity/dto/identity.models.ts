import { EmployeeBand, Locale, MembershipRole, OrganizationKind, PlatformRole, VerificationStatus } from '@aimatch/contracts';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
registerEnumType(EmployeeBand, { name: 'EmployeeBand' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(PlatformRole, { name: 'PlatformRole' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
  @Field(() => Locale) locale: Locale;
  @Field(() => [PlatformRole]) platformRoles: PlatformRole[];
  @Field() createdAt: Date;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the user proved their e-mail address (on `me` only; null elsewhere).',
  })
  emailVerified?: boolean | null;
}

@ObjectType('Organization')
export class OrganizationModel {
  @Field(() => ID) id: string;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field() nameKo: string;
  @Field(() => String, { nullable: true }) nameEn: string | null;
  /** Resolved by OrganizationResolver.businessRegistrationNumber (withheld from anonymous viewers). */
  businessRegistrationNumber: string;
  @Field(() => EmployeeBand, { nullable: true }) employeeBand: EmployeeBand | null;
  @Field(() => Int, { nullable: true }) foundedYear: number | null;
  @Field(() => String, { nullable: true }) website: string | null;
  @Field(() => VerificationStatus) verificationStatus: VerificationStatus;
  @Field() createdAt: Date;
}
export const OrganizationConnection = ConnectionType(OrganizationModel, 'Organization');

@ObjectType('Membership')
export class MembershipModel {
  @Field(() => ID) id: string;
  @Field(() => MembershipRole) role: MembershipRole;
  @Field() createdAt: Date;
}
export const MembershipConnection = ConnectionType(MembershipModel, 'Membership');

@ObjectType('Me', { description: 'The signed-in user and the organizations they belong to.' })
export class MeModel {
  @Field(() => UserModel) user: UserModel;
  @Field(() => [MembershipModel]) memberships: MembershipModel[];
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field({ description: 'Single use: every refresh returns a new one; reusing an old one ends the session.' })
  refreshToken: string;
  @Field() refreshTokenExpiresAt: Date;
  @Field(() => MeModel) me: MeModel;
}

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => MembershipRole) role: MembershipRole;
  @Field() expiresAt: Date;
  @Field(() => String, { nullable: true, description: 'Secret to share with the invitee; returned only when the invitation is created.' })
  token: string | null;
  @Field() createdAt: Date;
}

// --- members and invitations (helper M) ---
export const InvitationConnection = ConnectionType(InvitationModel, 'Invitation');

@ObjectType('InvitationPreview', { description: 'What an invitation token invites to: shown on the sign-up page to the token holder.' })
export class InvitationPreviewModel {
  @Field(() => ID) organizationId: string;
  @Field() organizationNameKo: string;
  @Field(() => String, { nullable: true }) organizationNameEn: string | null;
  @Field({ description: 'The invited address: sign-up and acceptance work only for it.' }) email: string;
  @Field(() => MembershipRole) role: MembershipRole;
  @Field() expiresAt: Date;
}

// --- E-mail verification (helper E) ---

@ObjectType('SignUpResult', {
  description:
    'The same answer whether or not the address already has an account: a new account gets a verification mail, an existing one a notice.',
})
export class SignUpResultModel {
  @Field() email: string;
  @Field() verificationSent: boolean;
}

@ObjectType('EmailVerification')
export class EmailVerificationModel {
  @Field() email: string;
  @Field() verified: boolean;
}
