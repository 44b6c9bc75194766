import { OrganizationKind } from '@aimatch/contracts';
import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../graphql/pagination';

@InputType('VerifiedSupplierFilter', { description: 'Every field narrows the list; none: every verified AI supplier and SI integrator.' })
export class VerifiedSupplierFilterInput {
  @Field(() => [OrganizationKind], { nullable: true, description: 'AI_SUPPLIER and/or SI_INTEGRATOR (default both).' })
  kinds?: OrganizationKind[] | null;
  @Field(() => ID, { nullable: true, description: 'A `region` concept: organizations registered there.' }) regionId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A `certification` concept the organization holds, verified and unexpired.' })
  certificationId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: last verified on or after this Korean calendar day.' })
  verifiedSince?: string | null;
}

@ObjectType('VerifiedSupplierCertification')
export class VerifiedSupplierCertificationModel {
  @Field(() => ID) conceptId: string;
  @Field({ description: 'In the reader’s language.' }) label: string;
  @Field(() => String, { nullable: true }) certificateNumber: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when the certification has no fixed end.' })
  expiresOn: string | null;
}

@ObjectType('VerifiedSupplier', { description: 'A verified AI supplier or SI integrator, for the tax-support request.' })
export class VerifiedSupplierModel {
  @Field(() => ID) organizationId: string;
  @Field(() => OrganizationKind) kind: OrganizationKind;
  @Field() nameKo: string;
  @Field(() => String, { nullable: true }) nameEn: string | null;
  @Field({ description: '사업자등록번호, formatted 000-00-00000.' }) businessRegistrationNumber: string;
  @Field(() => String, { nullable: true }) regionId: string | null;
  @Field(() => String, { nullable: true, description: 'In the reader’s language.' }) regionLabel: string | null;
  @Field(() => [VerifiedSupplierCertificationModel]) certifications: VerifiedSupplierCertificationModel[];
  @Field(() => Date, { nullable: true, description: 'The last VERIFIED decision (null when verified without a request).' })
  verifiedAt: Date | null;
}
export const VerifiedSupplierConnection = ConnectionType(VerifiedSupplierModel, 'VerifiedSupplier');

@ObjectType('VerifiedSupplierExport')
export class VerifiedSupplierExportModel {
  @Field({ description: 'e.g. verified-suppliers-2026-12-07.csv' }) filename: string;
  @Field({ description: 'UTF-8 with a BOM, CRLF, formula cells neutralised.' }) csv: string;
  @Field(() => Int) rowCount: number;
}
