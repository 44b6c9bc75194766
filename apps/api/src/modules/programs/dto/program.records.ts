import type { EligibilityRule } from '@aimatch/programs';

export type ProgramStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';

/** What staff edit on a program. */
export interface SupportProgramFields {
  nameKo: string;
  nameEn: string | null;
  agencyKo: string;
  agencyEn: string | null;
  benefitKo: string;
  benefitEn: string | null;
  maxBenefitKrw: number | null;
  /** ISO dates (YYYY-MM-DD); null: not announced / open-ended. */
  opensOn: string | null;
  closesOn: string | null;
  url: string | null;
  rules: EligibilityRule[];
  sourceNote: string | null;
}

export interface SupportProgramRow extends SupportProgramFields {
  id: string;
  slug: string | null;
  status: ProgramStatus;
  isSample: boolean;
  version: number;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
}
