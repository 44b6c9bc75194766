import { Locale, PlatformRole } from '@aimatch/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') email: string;
  /** Null once the account is deleted (no password matches). */
  @Column('text', { name: 'password_hash', select: false, nullable: true }) passwordHash: string | null;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text') locale: Locale;
  @Column('text', { name: 'platform_roles', array: true }) platformRoles: PlatformRole[];
  /** The network address the account signed up from (trust & safety); not selected by default. */
  @Column('text', { name: 'signup_ip', nullable: true, select: false }) signupIp?: string | null;
  /** When the current e-mail address was proven (the verification link); null while unverified. */
  @Column('timestamptz', { name: 'email_verified_at', nullable: true }) emailVerifiedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  /** When the account was deleted (the row stays, anonymised, so what the user wrote keeps an author). */
  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt: Date | null;
}
