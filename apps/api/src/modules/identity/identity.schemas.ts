/** Input rules of the identity commands (zod), turned into field errors by @aimatch/validation. */
import { EmployeeBand, Locale, MembershipRole, SELF_SERVICE_ORGANIZATION_KINDS } from '@aimatch/contracts';
import {
  hasControlCharacters,
  isValidBusinessRegistrationNumber,
  neutralizeFreeText,
  normalizeBusinessRegistrationNumber,
} from '@aimatch/validation';
import { z } from 'zod';

/** Names: zero-width characters and bidi controls are removed (no "\u202Etxt.exe" spoofs), then trimmed. */
const text = (max: number) =>
  z
    .string()
    .overwrite((v) => neutralizeFreeText(v))
    .trim()
    .min(1)
    .max(max)
    .refine((v) => !hasControlCharacters(v), { params: { rule: 'format', format: 'no-control-characters' } });
const optionalText = (max: number) =>
  z
    .string()
    .overwrite((v) => neutralizeFreeText(v))
    .trim()
    .max(max)
    .refine((v) => !hasControlCharacters(v), { params: { rule: 'format', format: 'no-control-characters' } })
    .transform((v) => v || null)
    .nullish();

export const emailSchema = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .pipe(z.email())
  .transform((v) => v.toLowerCase());
const conceptId = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v || null)
  .nullish();

const brn = z
  .string()
  .max(20)
  .transform((v, ctx) => {
    const digits = normalizeBusinessRegistrationNumber(v);
    if (!digits) {
      ctx.addIssue({ code: 'custom', params: { rule: 'brn-format' } });
      return z.NEVER;
    }
    if (!isValidBusinessRegistrationNumber(digits)) {
      ctx.addIssue({ code: 'custom', params: { rule: 'checksum' } });
      return z.NEVER;
    }
    return digits;
  });

const website = z
  .string()
  .trim()
  .max(300)
  // A website typed without a scheme ("maker.example.kr", "host:8080") is read as https:// (#14 item 7), then checked;
  // any other scheme (javascript:, ftp://) is kept as typed, and refused.
  .transform((v) => (v ? (/^[a-z][a-z\d+.-]*:(?!\d)/i.test(v) ? v : `https://${v}`) : null))
  .refine((v) => v === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), { params: { rule: 'url' } })
  .nullish();

const foundedYear = () => z.number().int().min(1900).max(new Date().getFullYear()).nullish();

const organizationFields = {
  nameKo: text(100),
  nameEn: optionalText(100),
  regionId: conceptId,
  industryId: conceptId,
  employeeBand: z.enum(EmployeeBand).nullish(),
  website,
};

export const newOrganizationSchema = () =>
  z.object({
    kind: z.enum(SELF_SERVICE_ORGANIZATION_KINDS as [string, ...string[]]),
    businessRegistrationNumber: brn,
    foundedYear: foundedYear(),
    ...organizationFields,
  });

export const signUpSchema = () =>
  z
    .object({
      email: emailSchema,
      password: z.string().max(1024),
      displayName: text(50),
      locale: z.enum(Locale).default(Locale.KO),
      organization: newOrganizationSchema().nullish(),
      invitationToken: z.string().trim().min(1).max(200).nullish(),
    })
    .superRefine((v, ctx) => {
      if (!!v.organization === !!v.invitationToken) {
        ctx.addIssue({ code: 'custom', path: ['organization'], params: { rule: 'one-of', fields: 'organization, invitationToken' } });
      }
    });

export const updateMeSchema = z.object({ displayName: text(50).optional(), locale: z.enum(Locale).optional() });

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((v) => v.toLowerCase()),
  password: z.string().max(1024),
  totpCode: z.string().max(64).nullish(),
  recoveryCode: z.string().max(64).nullish(),
});

/** Omitted fields stay as they are; null or '' clears an optional field. */
export const updateOrganizationSchema = () =>
  z.object({ organizationId: z.uuid(), ...organizationFields, nameKo: text(100).optional(), foundedYear: foundedYear() });

export const inviteMemberSchema = z.object({
  organizationId: z.uuid(),
  email: emailSchema,
  role: z.enum(MembershipRole).default(MembershipRole.MEMBER),
});
