import { z } from 'zod';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null)
    .nullish()
    .transform((v) => v ?? null);
const day = z
  .string()
  .trim()
  .refine(isCalendarDay, { params: { rule: 'format', format: 'YYYY-MM-DD' } })
  .nullish()
  .transform((v) => v || null);

const rule = z.object({
  fact: z.string().trim().min(1).max(60),
  op: z.string().trim().min(1).max(10),
  values: z.array(z.string().trim().min(1).max(200)).max(50).nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
  value: z.boolean().nullish(),
});

/** A rule set on its own (the staff preview). */
export const rulesSchema = z.object({ rules: z.array(rule).max(20) });

/** A support program as staff write it; the rules' facts and values are checked against libs/programs afterwards. */
export const supportProgramSchema = z.object({
  nameKo: text(2, 120),
  nameEn: optionalText(120),
  agencyKo: text(2, 120),
  agencyEn: optionalText(120),
  benefitKo: text(2, 500),
  benefitEn: optionalText(500),
  maxBenefitKrw: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_000)
    .nullish()
    .transform((v) => v ?? null),
  opensOn: day,
  closesOn: day,
  url: z
    .string()
    .trim()
    .max(500)
    .transform((v) => v || null)
    .refine((v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { params: { rule: 'url' } })
    .nullish()
    .transform((v) => v ?? null),
  rules: z.array(rule).max(20),
  sourceNote: optionalText(500),
});
