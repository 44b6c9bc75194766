import { OrganizationKind } from '@aimatch/contracts';
import { formatBusinessRegistrationNumber } from '@aimatch/validation';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../../common/audit/audit.service';
import { Clock } from '../../common/clock';
import { toCsv } from '../../common/csv/csv';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { type Connection, pageArgs, toConnection } from '../../graphql/pagination';
import type { RequestContext, Viewer } from '../../graphql/request-context';
import type { Organization } from '../identity/dto/identity.records';
import { IdentityService } from '../identity/identity.service';
import { MembershipPolicy } from '../identity/membership.policy';
import { VocabularyCache } from '../vocabulary/vocabulary-cache.service';
import { isCalendarDay } from './certification-dates';
import { CertificationRepository } from './certification.repository';
import { CERTIFICATION_SCHEME } from './certification.service';
import { VerificationRepository } from './verification.repository';

export const SUPPLIER_KINDS: readonly OrganizationKind[] = [OrganizationKind.AI_SUPPLIER, OrganizationKind.SI_INTEGRATOR];
/** The most rows one export writes (the association's list is a few thousand organizations). */
export const VERIFIED_SUPPLIER_EXPORT_MAX = 20_000;

export interface VerifiedSupplierFilter {
  kinds?: OrganizationKind[] | null;
  regionId?: string | null;
  certificationId?: string | null;
  verifiedSince?: string | null;
}

export interface VerifiedSupplierRow {
  organizationId: string;
  kind: OrganizationKind;
  nameKo: string;
  nameEn: string | null;
  businessRegistrationNumber: string;
  regionId: string | null;
  regionLabel: string | null;
  certifications: Array<{ conceptId: string; label: string; certificateNumber: string | null; expiresOn: string | null }>;
  verifiedAt: Date | null;
}

interface CleanFilter {
  kinds: OrganizationKind[];
  regionId: string | null;
  certificationId: string | null;
  verifiedSince: string | null;
}

/**
 * The verified AI-supplier list for the ministry's tax-support request (#15 item 5): VERIFIED
 * AI_SUPPLIER / SI_INTEGRATOR organizations with their BRN, region, verified certifications (with
 * expiry) and verification date, filterable; staff only. The export goes through the one CSV writer
 * and is audited with the filter and the row count. Organizations come from identity; decisions and
 * claims from this module's tables.
 */
@Injectable()
export class VerifiedSuppliersService {
  constructor(
    private readonly identity: IdentityService,
    private readonly memberships: MembershipPolicy,
    private readonly verifications: VerificationRepository,
    private readonly certifications: CertificationRepository,
    private readonly vocabulary: VocabularyCache,
    private readonly audit: AuditService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  async list(rc: RequestContext, viewer: Viewer, filter: VerifiedSupplierFilter, first?: number, after?: string | null) {
    this.assertStaff(viewer);
    const { limit, after: key } = pageArgs(first, after);
    if (key && (key.length !== 2 || typeof key[0] !== 'string' || typeof key[1] !== 'string'))
      throw AppError.field('after', 'format', { format: 'cursor' });
    const clean = await this.clean(filter);
    const onlyIds = await this.narrowIds(clean);
    const { rows, total } = await this.identity.verifiedOrganizationsPage(
      { kinds: clean.kinds, regionId: clean.regionId, onlyIds },
      limit,
      key,
    );
    const page = toConnection(rows, limit, total, (o) => [o.nameKo, o.id]);
    const views = await this.views(
      rc,
      page.edges.map((e) => e.node),
    );
    return { ...page, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: views[i] })) } as Connection<VerifiedSupplierRow>;
  }

  async export(
    rc: RequestContext,
    viewer: Viewer,
    filter: VerifiedSupplierFilter,
  ): Promise<{ filename: string; csv: string; rowCount: number }> {
    this.assertStaff(viewer);
    const clean = await this.clean(filter);
    const onlyIds = await this.narrowIds(clean);
    const { rows } = await this.identity.verifiedOrganizationsPage(
      { kinds: clean.kinds, regionId: clean.regionId, onlyIds },
      VERIFIED_SUPPLIER_EXPORT_MAX,
      null,
    );
    const organizations = rows.slice(0, VERIFIED_SUPPLIER_EXPORT_MAX);
    const views = await this.views(rc, organizations);
    const en = rc.locale === 'en';
    const header = en
      ? ['Name (Korean)', 'Name (English)', 'Kind', 'Business registration number', 'Region', 'Certifications (expiry)', 'Verified on']
      : ['기업명', '영문명', '구분', '사업자등록번호', '지역', '인증 (만료일)', '검증일'];
    const kindLabel = (k: OrganizationKind) =>
      k === OrganizationKind.AI_SUPPLIER ? (en ? 'AI supplier' : 'AI 공급기업') : en ? 'SI integrator' : 'SI 기업';
    const csv = toCsv(
      header,
      views.map((v) => [
        v.nameKo,
        v.nameEn,
        kindLabel(v.kind),
        v.businessRegistrationNumber,
        v.regionLabel,
        v.certifications.map((c) => `${c.label} (${c.expiresOn ?? (en ? 'no expiry' : '만료 없음')})`).join('; '),
        v.verifiedAt ? this.koreanDay(v.verifiedAt) : null,
      ]),
    );
    const today = this.clock.today();
    await this.transactions.run((tx) =>
      this.audit.record(tx, {
        actorUserId: viewer.userId,
        action: 'verified-suppliers.exported',
        subjectType: 'verified-supplier-list',
        subjectId: today,
        details: { filter: clean, rowCount: views.length },
        requestId: rc.requestId,
      }),
    );
    return { filename: `verified-suppliers-${today}.csv`, csv, rowCount: views.length };
  }

  private koreanDay(at: Date): string {
    return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
  }

  private async clean(filter: VerifiedSupplierFilter | null | undefined): Promise<CleanFilter> {
    const f = filter ?? {};
    const kinds = f.kinds?.length ? [...new Set(f.kinds)] : [...SUPPLIER_KINDS];
    if (kinds.some((k) => !SUPPLIER_KINDS.includes(k)))
      throw AppError.field('filter.kinds', 'enum', { allowed: SUPPLIER_KINDS.join(', ') });
    const vocabulary = await this.vocabulary.get();
    const regionId = f.regionId?.trim() || null;
    if (regionId && vocabulary.get(regionId)?.scheme !== 'region')
      throw AppError.field('filter.regionId', 'wrong-scheme', { expected: 'region' });
    const certificationId = f.certificationId?.trim() || null;
    if (certificationId && vocabulary.get(certificationId)?.scheme !== CERTIFICATION_SCHEME)
      throw AppError.field('filter.certificationId', 'wrong-scheme', { expected: CERTIFICATION_SCHEME });
    const verifiedSince = f.verifiedSince?.trim() || null;
    if (verifiedSince && !isCalendarDay(verifiedSince)) throw AppError.field('filter.verifiedSince', 'format', { format: 'YYYY-MM-DD' });
    return { kinds, regionId, certificationId, verifiedSince };
  }

  /** The ids the certification and verified-since filters allow (null: no such filter). */
  private async narrowIds(f: CleanFilter): Promise<string[] | null> {
    let ids: string[] | null = null;
    if (f.certificationId) ids = await this.certifications.holderIds(f.certificationId, this.clock.today());
    if (f.verifiedSince) {
      const since = new Set(await this.verifications.verifiedSinceIds(f.verifiedSince));
      ids = ids ? ids.filter((id) => since.has(id)) : [...since];
    }
    return ids;
  }

  private async views(rc: RequestContext, organizations: Organization[]): Promise<VerifiedSupplierRow[]> {
    if (!organizations.length) return [];
    const ids = organizations.map((o) => o.id);
    const [verifiedAt, claims, vocabulary] = await Promise.all([
      this.verifications.verifiedAtOf(ids),
      this.certifications.verifiedOf(ids, this.clock.today()),
      this.vocabulary.get(),
    ]);
    const en = rc.locale === 'en';
    const label = (id: string) => {
      const c = vocabulary.get(id);
      return (en ? c?.labels.en : c?.labels.ko) ?? c?.labels.ko ?? id;
    };
    return organizations.map((o) => {
      const seen = new Set<string>();
      const certifications = claims
        .filter((c) => c.organizationId === o.id && !seen.has(c.conceptId) && seen.add(c.conceptId))
        .map((c) => ({
          conceptId: c.conceptId,
          label: label(c.conceptId),
          certificateNumber: c.certificateNumber,
          expiresOn: c.expiresOn,
        }));
      return {
        organizationId: o.id,
        kind: o.kind,
        nameKo: o.nameKo,
        nameEn: o.nameEn,
        businessRegistrationNumber: formatBusinessRegistrationNumber(o.businessRegistrationNumber),
        regionId: o.regionId,
        regionLabel: o.regionId ? label(o.regionId) : null,
        certifications,
        verifiedAt: verifiedAt.get(o.id) ?? null,
      };
    });
  }

  private assertStaff(viewer: Viewer): void {
    if (!this.memberships.isStaff(viewer)) throw AppError.forbidden();
  }
}
