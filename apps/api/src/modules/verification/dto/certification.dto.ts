import { CertificationClaimStatus, VerificationDecision } from '@aimatch/contracts';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

registerEnumType(CertificationClaimStatus, { name: 'CertificationClaimStatus' });

@InputType()
export class ClaimCertificationInput {
  @Field(() => ID) organizationId: string;
  @Field(() => ID, { description: 'A concept of the `certification` scheme (벤처기업, 이노비즈 …).' }) conceptId: string;
  @Field(() => String, { nullable: true, description: 'The certificate number, up to 100 characters.' })
  certificateNumber?: string | null;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) issuedOn: string;
  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD, not before the issue date nor in the past; required except for certifications without a fixed end (기업부설연구소).',
  })
  expiresOn?: string | null;
  @Field(() => String, { nullable: true, description: 'For the association, up to 2,000 characters.' }) note?: string | null;
  @Field(() => [ID], { description: 'Evidence: 1 to 10 files the claimant uploaded (POST /files?kind=evidence).' })
  evidenceFileIds: string[];
}

@InputType()
export class DecideCertificationClaimInput {
  @Field(() => ID) claimId: string;
  @Field(() => VerificationDecision) decision: VerificationDecision;
  @Field(() => String, { nullable: true, description: 'Required for REJECTED and NEEDS_INFO; the organization reads it.' })
  reason?: string | null;
}

@ObjectType('CertificationClaim', { description: "An organization's claim to hold a certification, verified by the association." })
export class CertificationClaimModel {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => ID) conceptId: string;
  @Field(() => String, { nullable: true }) certificateNumber: string | null;
  @Field({ description: 'YYYY-MM-DD' }) issuedOn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when the certification has no fixed end.' })
  expiresOn: string | null;
  @Field() note: string;
  @Field(() => CertificationClaimStatus) status: CertificationClaimStatus;
  @Field() claimedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was REJECTED or more information is needed.' })
  decisionReason: string | null;
  @Field(() => Int, { description: 'Seconds from the claim until now (pending) or until the decision.' }) waitingSeconds: number;
  @Field({ description: 'VERIFIED and expiring within 30 days (만료 30일 전).' }) expiringSoon: boolean;
}
export const CertificationClaimConnection = ConnectionType(CertificationClaimModel, 'CertificationClaim');

@ObjectType('OrganizationCertification', { description: 'A certification the association verified and that has not expired (a chip).' })
export class OrganizationCertificationModel {
  @Field(() => ID) conceptId: string;
  @Field() labelKo: string;
  @Field() labelEn: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiresOn: string | null;
}
