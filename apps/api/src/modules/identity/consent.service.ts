import { Injectable } from '@nestjs/common';
import type { MessageLocale, RuleViolation } from '@aimatch/validation';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { AppError } from '../../common/errors/app-error';
import { TransactionService } from '../../database/transaction.service';
import { ConsentRepository, type ConsentRow } from './consent.repository';
import { LegalDocumentService, type LegalDocumentView } from './legal-document.service';
import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from './legal-documents';

export interface ConsentChoice {
  kind: string;
  version: string;
}

export type { ConsentRow } from './consent.repository';

/**
 * Consents to the versioned legal documents: recorded at sign-up and on re-consent, optional ones withdrawn.
 * Rows are never deleted (a withdrawal is a stamp), so the history proves what was agreed to and when.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly repository: ConsentRepository,
    private readonly documents: LegalDocumentService,
    private readonly transactions: TransactionService,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks consents given at sign-up: each names the current version of a known document (`stale-version`
   * otherwise) and every required document is among them (`required`, naming the missing kinds).
   */
  checkForSignUp(consents: readonly ConsentChoice[] | null | undefined): void {
    const violations = this.signUpViolations(consents);
    if (violations.length) throw AppError.badInput(violations);
  }

  /** checkForSignUp's violations, to report together with sign-up's other checks. */
  signUpViolations(consents: readonly ConsentChoice[] | null | undefined): RuleViolation[] {
    const given = consents ?? [];
    const violations = this.versionViolations(given, 'consents');
    const missing = LEGAL_DOCUMENT_KINDS.filter((k) => this.documents.currentOf(k).required && !given.some((c) => c.kind === k));
    if (missing.length) {
      const names = (locale: 'ko' | 'en') => missing.map((k) => this.documents.currentOf(k)[locale].title).join(', ');
      violations.push({
        path: 'consents',
        rule: 'required',
        params: { missing: missing.join(', '), missingKo: names('ko'), missingEn: names('en') },
      });
    }
    return violations;
  }

  /** Records consents inside the caller's transaction (sign-up); call checkForSignUp first. */
  record(tx: EntityManager, userId: string, consents: readonly ConsentChoice[], address: string | null): Promise<void> {
    return this.repository.insert(tx, userId, this.unique(consents), address, this.clock.now());
  }

  history(userId: string): Promise<ConsentRow[]> {
    return this.repository.history(userId);
  }

  /** Required documents whose current version the user has not accepted (asked again at next sign-in). */
  async pending(userId: string, locale: MessageLocale): Promise<LegalDocumentView[]> {
    const active = (await this.repository.history(userId)).filter((r) => r.withdrawnAt === null);
    return this.documents.current(locale).filter((d) => d.required && !active.some((r) => r.kind === d.kind && r.version === d.version));
  }

  /** Accepts current versions (re-consent, or granting an optional one); an already active consent is kept as is. */
  async accept(userId: string, consents: readonly ConsentChoice[], address: string | null): Promise<void> {
    const violations = this.versionViolations(consents, 'consents');
    if (violations.length) throw AppError.badInput(violations);
    await this.transactions.run(async (tx) => {
      const active = (await this.repository.history(userId, tx)).filter((r) => r.withdrawnAt === null);
      const fresh = this.unique(consents).filter((c) => !active.some((r) => r.kind === c.kind && r.version === c.version));
      await this.repository.insert(tx, userId, fresh, address, this.clock.now());
    });
  }

  /** Withdraws an optional consent (required ones end only with the account). */
  async withdraw(userId: string, kind: LegalDocumentKind): Promise<void> {
    if (this.documents.currentOf(kind).required) throw AppError.field('kind', 'not-withdrawable');
    await this.transactions.run((tx) => this.repository.withdraw(tx, userId, kind, this.clock.now()));
  }

  private versionViolations(consents: readonly ConsentChoice[], path: string): RuleViolation[] {
    const violations: RuleViolation[] = [];
    consents.forEach((c, i) => {
      if (!(LEGAL_DOCUMENT_KINDS as readonly string[]).includes(c.kind)) {
        violations.push({ path: `${path}.${i}.kind`, rule: 'invalid' });
        return;
      }
      const current = this.documents.currentOf(c.kind as LegalDocumentKind).version;
      if (c.version !== current)
        violations.push({ path: `${path}.${i}.version`, rule: 'stale-version', params: { kind: c.kind, current } });
    });
    return violations;
  }

  private unique(consents: readonly ConsentChoice[]): ConsentChoice[] {
    return consents.filter((c, i) => consents.findIndex((o) => o.kind === c.kind) === i);
  }

  /** The current version of every required document (what a sign-up must consent to). */
  currentRequired(): ConsentChoice[] {
    return LEGAL_DOCUMENT_KINDS.map((k) => this.documents.currentOf(k))
      .filter((d) => d.required)
      .map(({ kind, version }) => ({ kind, version }));
  }
}
