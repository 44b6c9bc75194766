import { MembershipRole, OrganizationKind, PlatformRole, VerificationStatus, Locale, EmployeeBand } from '@aimatch/contracts';
import { businessRegistrationCheckDigit } from '@aimatch/validation';
import { Injectable, Logger } from '@nestjs/common';
import { TransactionService } from '../database/transaction.service';
import { IdentityRepository } from '../modules/identity/identity.repository';
import { PasswordHasher } from '../modules/identity/password-hasher';

export const DEMO_PASSWORD = 'aimatch-demo-2026!';

interface DemoAccount {
  email: string;
  displayName: string;
  roles: PlatformRole[];
  organization: {
    kind: OrganizationKind;
    nameKo: string;
    nameEn: string;
    brnPrefix: string;
    regionId: string;
    industryId: string | null;
    employeeBand: EmployeeBand;
    foundedYear: number;
    verificationStatus: VerificationStatus;
  };
}

/** A small marketplace to click through after `npm start`; later features add listings, bids and chats. */
const DEMO: DemoAccount[] = [
  {
    email: 'sme@demo.aimatch.kr',
    displayName: '김민지',
    roles: [],
    organization: {
      kind: OrganizationKind.SME, nameKo: '한빛정밀(주)', nameEn: 'Hanbit Precision', brnPrefix: '608812345',
      regionId: 'urn:aimatch:region:gyeongnam', industryId: 'urn:aimatch:industry:automotive-parts-manufacturing',
      employeeBand: EmployeeBand.SIZE_50_299, foundedYear: 1998, verificationStatus: VerificationStatus.VERIFIED,
    },
  },
  {
    email: 'supplier@demo.aimatch.kr',
    displayName: '박준호',
    roles: [],
    organization: {
      kind: OrganizationKind.AI_SUPPLIER, nameKo: '비전웍스AI(주)', nameEn: 'VisionWorks AI', brnPrefix: '220881234',
      regionId: 'urn:aimatch:region:seoul', industryId: 'urn:aimatch:industry:it-services',
      employeeBand: EmployeeBand.SIZE_10_49, foundedYear: 2019, verificationStatus: VerificationStatus.VERIFIED,
    },
  },
  {
    email: 'si@demo.aimatch.kr',
    displayName: '이서연',
    roles: [],
    organization: {
      kind: OrganizationKind.SI_INTEGRATOR, nameKo: '스마트팩토리솔루션즈', nameEn: 'Smart Factory Solutions', brnPrefix: '131862345',
      regionId: 'urn:aimatch:region:gyeonggi', industryId: 'urn:aimatch:industry:it-services',
      employeeBand: EmployeeBand.SIZE_50_299, foundedYear: 2008, verificationStatus: VerificationStatus.UNVERIFIED,
    },
  },
  {
    email: 'staff@demo.aimatch.kr',
    displayName: '협회 운영자',
    roles: [PlatformRole.STAFF],
    organization: {
      kind: OrganizationKind.ASSOCIATION, nameKo: '한국AI산업협회', nameEn: 'Korea AI Industry Association', brnPrefix: '104820001',
      regionId: 'urn:aimatch:region:seoul', industryId: 'urn:aimatch:industry:professional-services',
      employeeBand: EmployeeBand.SIZE_10_49, foundedYear: 2015, verificationStatus: VerificationStatus.VERIFIED,
    },
  },
];

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly repository: IdentityRepository,
    private readonly hasher: PasswordHasher,
    private readonly transactions: TransactionService,
  ) {}

  /** Idempotent: accounts that exist are left alone. Returns the demo sign-ins. */
  async seed(): Promise<Array<{ email: string; password: string; role: string }>> {
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    let created = 0;
    for (const account of DEMO) {
      if (await this.repository.emailTaken(account.email)) continue;
      const { brnPrefix, ...org } = account.organization;
      await this.transactions.run(async (tx) => {
        const user = await this.repository.insertUser(tx, {
          email: account.email, passwordHash, displayName: account.displayName, locale: Locale.KO, platformRoles: account.roles,
        });
        const organization = await this.repository.insertOrganization(tx, {
          ...org, businessRegistrationNumber: brnPrefix + businessRegistrationCheckDigit(brnPrefix),
        });
        await this.repository.insertMembership(tx, { userId: user.id, organizationId: organization.id, role: MembershipRole.OWNER });
      });
      created++;
    }
    if (created) this.logger.log(`demo marketplace: ${created} accounts created`);
    return DEMO.map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.roles[0] ?? a.organization.kind }));
  }
}
