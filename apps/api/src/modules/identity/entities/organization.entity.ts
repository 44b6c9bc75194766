import { EmployeeBand, OrganizationKind, VerificationStatus } from '@aimatch/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') kind: OrganizationKind;
  @Column('text', { name: 'name_ko' }) nameKo: string;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('char', { name: 'business_registration_number', length: 10 }) businessRegistrationNumber: string;
  @Column('text', { name: 'region_id', nullable: true }) regionId: string | null;
  @Column('text', { name: 'industry_id', nullable: true }) industryId: string | null;
  @Column('text', { name: 'employee_band', nullable: true }) employeeBand: EmployeeBand | null;
  @Column('int', { name: 'founded_year', nullable: true }) foundedYear: number | null;
  @Column('text', { nullable: true }) website: string | null;
  @Column('text', { name: 'verification_status', default: VerificationStatus.UNVERIFIED }) verificationStatus: VerificationStatus;
  /** The account and network address that created the organization (trust & safety); not selected by default. */
  @Column('uuid', { name: 'created_by_user_id', nullable: true, select: false }) createdByUserId?: string | null;
  @Column('text', { name: 'created_from_ip', nullable: true, select: false }) createdFromIp?: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
