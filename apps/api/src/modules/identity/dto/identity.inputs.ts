import { ConsentInput } from './legal.inputs';
import { EmployeeBand, Locale, MembershipRole, OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class NewOrganizationInput {
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field() nameKo: string;
  @Field({ nullable: true }) nameEn?: string;
  @Field({ description: '10 digits, with or without dashes (123-45-67890); checksum validated.' })
  businessRegistrationNumber: string;
  @Field(() => ID, { nullable: true, description: 'A concept of scheme `region`.' }) regionId?: string;
  @Field(() => ID, { nullable: true, description: 'A concept of scheme `industry`.' }) industryId?: string;
  @Field(() => EmployeeBand, { nullable: true }) employeeBand?: EmployeeBand;
  @Field(() => Int, { nullable: true }) foundedYear?: number;
  @Field({ nullable: true }) website?: string;
}

@InputType()
export class SignUpInput {
  @Field() email: string;
  @Field() password: string;
  @Field() displayName: string;
  @Field(() => Locale, { nullable: true, defaultValue: Locale.KO }) locale?: Locale;
  @Field(() => NewOrganizationInput, {
    nullable: true,
    description: 'Create a new organization (exactly one of organization / invitationToken).',
  })
  organization?: NewOrganizationInput;
  @Field({ nullable: true, description: 'Join an existing organization by invitation.' })
  invitationToken?: string;
  @Field(() => [ConsentInput], { nullable: true, description: 'The legal documents agreed to (kind + current version).' })
  consents?: ConsentInput[];
}

@InputType()
export class UpdateMeInput {
  @Field({ nullable: true }) displayName?: string;
  @Field(() => Locale, { nullable: true, description: 'Language of e-mails and notifications, and of errors when the client sends none.' })
  locale?: Locale;
}

@InputType()
export class SignInInput {
  @Field() email: string;
  @Field() password: string;
  @Field(() => String, { nullable: true, description: 'Staff with two-factor sign-in: the 6-digit code of the authenticator app.' })
  totpCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Staff with two-factor sign-in: one unused recovery code instead of the app code.' })
  recoveryCode?: string | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field(() => ID) organizationId: string;
  @Field({ nullable: true }) nameKo?: string;
  @Field({ nullable: true }) nameEn?: string;
  @Field(() => ID, { nullable: true }) regionId?: string;
  @Field(() => ID, { nullable: true }) industryId?: string;
  @Field(() => EmployeeBand, { nullable: true }) employeeBand?: EmployeeBand;
  @Field(() => Int, { nullable: true }) foundedYear?: number;
  @Field({ nullable: true }) website?: string;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID) organizationId: string;
  @Field() email: string;
  @Field(() => MembershipRole, { nullable: true, defaultValue: MembershipRole.MEMBER }) role?: MembershipRole;
}

@ArgsType()
export class OrganizationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
  @Field(() => VerificationStatus, { nullable: true }) verificationStatus?: VerificationStatus;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 20 }) first?: number;
  @Field({ nullable: true }) after?: string;
}

// --- members and invitations (helper M) ---
@ArgsType()
export class OrganizationInvitationsArgs extends PageArgs {
  @Field(() => ID) organizationId: string;
}
