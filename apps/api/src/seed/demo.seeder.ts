import { OrganizationKind, PlatformRole, VerificationStatus, EmployeeBand } from '@aimatch/contracts';
import { businessRegistrationCheckDigit } from '@aimatch/validation';
import { validateListingContent } from '@aimatch/capability-model';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock';
import { TransactionService } from '../database/transaction.service';
import type { SeedOrganization } from '../modules/identity/dto/identity.records';
import { ConsentService } from '../modules/identity/consent.service';
import { IdentityService } from '../modules/identity/identity.service';
import { ListingsService } from '../modules/listings/listings.service';
import { ProgramsService } from '../modules/programs/programs.service';
import { ReviewsService } from '../modules/reviews/reviews.service';
import { VocabularyCache } from '../modules/vocabulary/vocabulary-cache.service';
import {
  type BenchmarkDemand,
  type BenchmarkSupplier,
  DEMO_DEMANDS,
  DEMO_SUPPLIERS,
  demandContentOf,
  demoBrn,
  supplyContentOf,
} from './demo/demo-marketplace';

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
      kind: OrganizationKind.SME,
      nameKo: '한빛정밀(주)',
      nameEn: 'Hanbit Precision',
      brnPrefix: '608812345',
      regionId: 'urn:aimatch:region:gyeongnam',
      industryId: 'urn:aimatch:industry:automotive-parts-manufacturing',
      employeeBand: EmployeeBand.SIZE_50_299,
      foundedYear: 1998,
      verificationStatus: VerificationStatus.VERIFIED,
    },
  },
  {
    email: 'supplier@demo.aimatch.kr',
    displayName: '박준호',
    roles: [],
    organization: {
      kind: OrganizationKind.AI_SUPPLIER,
      nameKo: '(주)가온비전테크',
      nameEn: 'Gaon Vision Tech',
      brnPrefix: '220881234',
      regionId: 'urn:aimatch:region:gyeongnam',
      industryId: 'urn:aimatch:industry:it-services',
      employeeBand: EmployeeBand.SIZE_10_49,
      foundedYear: 2019,
      verificationStatus: VerificationStatus.VERIFIED,
    },
  },
  {
    email: 'si@demo.aimatch.kr',
    displayName: '이서연',
    roles: [],
    organization: {
      kind: OrganizationKind.SI_INTEGRATOR,
      nameKo: '스마트팩토리솔루션즈',
      nameEn: 'Smart Factory Solutions',
      brnPrefix: '131862345',
      regionId: 'urn:aimatch:region:gyeonggi',
      industryId: 'urn:aimatch:industry:it-services',
      employeeBand: EmployeeBand.SIZE_50_299,
      foundedYear: 2008,
      verificationStatus: VerificationStatus.UNVERIFIED,
    },
  },
  {
    email: 'staff@demo.aimatch.kr',
    displayName: '협회 운영자',
    roles: [PlatformRole.STAFF],
    organization: {
      kind: OrganizationKind.ASSOCIATION,
      nameKo: '한국AI산업협회',
      nameEn: 'Korea AI Industry Association',
      brnPrefix: '104820001',
      regionId: 'urn:aimatch:region:seoul',
      industryId: 'urn:aimatch:industry:professional-services',
      employeeBand: EmployeeBand.SIZE_10_49,
      foundedYear: 2015,
      verificationStatus: VerificationStatus.VERIFIED,
    },
  },
];

/**
 * Invented owners of the sample demands d002…d030, written to fit each demand's story (d001
 * belongs to the main SME demo account). Public offices post as PUBLIC_AGENCY.
 */
const DEMAND_OWNERS: Record<string, { name: string; kind?: OrganizationKind; region?: string }> = {
  d002: { name: '진천떡방앗간', region: 'urn:aimatch:region:chungbuk' },
  d003: { name: '(주)화성정밀사출' },
  d004: { name: '(주)대한보일러', region: 'urn:aimatch:region:gyeonggi' },
  d005: { name: '(주)부천일렉트론' },
  d006: { name: '(주)예산음료' },
  d007: { name: '(주)울산파인케미칼' },
  d008: { name: '(주)시흥열처리', region: 'urn:aimatch:region:gyeonggi' },
  d009: { name: '(주)창원유압정공' },
  d010: { name: '(주)사하식자재마트' },
  d011: { name: '(주)한끼푸드유통' },
  d012: { name: '(주)살림곳간' },
  d013: { name: '강원 ○○군청', kind: OrganizationKind.PUBLIC_AGENCY },
  d014: { name: '(주)든든철근콘크리트', region: 'urn:aimatch:region:gyeonggi' },
  d015: { name: '(주)남동포장기계' },
  d016: { name: '(주)믿음보험대리점' },
  d017: { name: '유성숯불갈비', region: 'urn:aimatch:region:daejeon' },
  d018: { name: '(주)이천로지스' },
  d019: { name: '순천 햇살요양원' },
  d020: { name: '(주)데일리무드' },
  d021: { name: '(주)페이세이프' },
  d022: { name: '(주)천안볼트상사' },
  d023: { name: '진주딸기영농조합법인' },
  d024: { name: '(주)한국신소재화학' },
  d025: { name: '(주)경주단조' },
  d026: { name: '경기 ○○시청 민원실', kind: OrganizationKind.PUBLIC_AGENCY },
  d027: { name: '경북 ○○시청 교통과', kind: OrganizationKind.PUBLIC_AGENCY },
  d028: { name: '(주)맛있는분식 가맹본부', region: 'urn:aimatch:region:gyeonggi' },
  d029: { name: '(주)바른손해보험' },
  d030: { name: '(주)포항강관' },
};

@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly identity: IdentityService,
    private readonly listings: ListingsService,
    private readonly reviews: ReviewsService,
    private readonly vocabulary: VocabularyCache,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
    private readonly consents: ConsentService,
    private readonly programs: ProgramsService,
  ) {}

  /** Idempotent: accounts and organizations that exist are left alone. Returns the demo sign-ins. */
  async seed(): Promise<Array<{ email: string; password: string; role: string }>> {
    const passwordHash = await this.identity.hashPassword(DEMO_PASSWORD);
    let created = 0;
    const orgByEmail = new Map<string, string>();
    for (const account of DEMO) {
      const existing = await this.identity.accountByEmail(account.email);
      if (existing) {
        if (existing.organizationId) orgByEmail.set(account.email, existing.organizationId);
        continue;
      }
      const { brnPrefix, ...org } = account.organization;
      const orgId = await this.account(passwordHash, account.email, account.displayName, account.roles, {
        ...org,
        businessRegistrationNumber: brnPrefix + businessRegistrationCheckDigit(brnPrefix),
      });
      orgByEmail.set(account.email, orgId);
      created++;
    }
    created += await this.sampleMarketplace(passwordHash, orgByEmail);
    if (created) this.logger.log(`demo marketplace: ${created} organizations created`);
    const programs = await this.programs.seedSamples();
    if (programs) this.logger.log(`demo marketplace: ${programs} sample support programs added`);
    return DEMO.map((a) => ({ email: a.email, password: DEMO_PASSWORD, role: a.roles[0] ?? a.organization.kind }));
  }

  /**
   * Another sample in the benchmark's format (`npm run eval:matching -- --suppliers … --demands …`):
   * each supplier and demand becomes a verified organization (BRN from `demoBrn(id)`) with a published listing.
   */
  async seedSamples(suppliers: BenchmarkSupplier[], demands: BenchmarkDemand[]): Promise<number> {
    return this.sampleMarketplace(await this.identity.hashPassword(DEMO_PASSWORD), new Map(), suppliers, demands);
  }

  /** The benchmark's suppliers and demands as verified organizations with published listings. */
  private async sampleMarketplace(
    passwordHash: string,
    orgByEmail: Map<string, string>,
    suppliers: BenchmarkSupplier[] = DEMO_SUPPLIERS,
    demands: BenchmarkDemand[] = DEMO_DEMANDS,
  ): Promise<number> {
    const vocabulary = await this.vocabulary.get();
    const now = this.clock.now();
    let created = 0;
    const samples = [
      ...suppliers.map((s) => ({
        id: s.id,
        kind: OrganizationKind.AI_SUPPLIER,
        name: s.name,
        region: s.region,
        industry: null as string | null,
        supplier: s,
      })),
      ...demands.map((d) => {
        const owner = DEMAND_OWNERS[d.id] ?? { name: `데모기업 ${d.id}` };
        return {
          id: d.id,
          kind: owner.kind ?? OrganizationKind.SME,
          name: owner.name,
          region: d.region ?? owner.region ?? null,
          industry: d.industry,
          demand: d,
        };
      }),
    ];
    for (const sample of samples) {
      const email = `${sample.id}@demo.aimatch.kr`;
      const ownerEmail = sample.id === 's001' ? 'supplier@demo.aimatch.kr' : sample.id === 'd001' ? 'sme@demo.aimatch.kr' : email;
      let orgId = orgByEmail.get(ownerEmail);
      if (!orgId) {
        if (await this.identity.emailTaken(email)) continue;
        orgId = await this.account(passwordHash, email, `${sample.name} 담당자`, [], {
          kind: sample.kind,
          nameKo: sample.name,
          nameEn: null,
          businessRegistrationNumber: demoBrn(sample.id),
          regionId: sample.region,
          industryId: sample.industry,
          verificationStatus: VerificationStatus.VERIFIED,
        });
        created++;
      } else if ((await this.listings.countByOrganization(orgId)) > 0) {
        continue;
      }
      if ('supplier' in sample) await this.reviews.importTrackRecord(orgId, sample.supplier.completedProjects, sample.supplier.rating);
      const content = 'supplier' in sample ? supplyContentOf(sample.supplier, ownerEmail) : demandContentOf(sample.demand, ownerEmail, now);
      const { errors } = validateListingContent(content, vocabulary, { now, forSubmission: false });
      if (errors.length) throw new Error(`demo listing ${sample.id} is invalid: ${JSON.stringify(errors.slice(0, 3))}`);
      await this.listings.seedPublished(orgId, content, now);
    }
    return created;
  }

  private async account(
    passwordHash: string,
    email: string,
    displayName: string,
    roles: PlatformRole[],
    organization: SeedOrganization,
  ): Promise<string> {
    return this.transactions.run(async (tx) => {
      const organizationId = await this.identity.createAccountWithOrganization(tx, {
        email,
        passwordHash,
        displayName,
        roles,
        organization,
      });
      // Demo people have agreed to today's required documents, as a sign-up would have (no re-consent gate).
      const [userId] = await this.identity.ownerUserIds(organizationId, tx);
      await this.consents.record(tx, userId, this.consents.currentRequired(), null);
      return organizationId;
    });
  }
}
