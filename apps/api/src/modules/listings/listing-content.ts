/** Turns GraphQL inputs into complete listing content: absent lists are empty, blank texts null. */
import type { CapabilityElements, CommercialTerms, ContactInformation, DemandContent, SupplyContent } from '@aimatch/capability-model';
import type {
  CapabilityElementsInput,
  CommercialTermsInput,
  ContactInformationInput,
  DemandListingInput,
  SupplyListingInput,
} from './dto/listing.inputs';

const text = (v: string | null | undefined): string => (v ?? '').trim();
const optional = (v: string | null | undefined): string | null => text(v) || null;
const num = (v: number | null | undefined): number | null => (v === undefined || v === null ? null : v);
const ids = (v: string[] | null | undefined): string[] => (v ?? []).map((s) => s.trim());

function capability(i: CapabilityElementsInput | null | undefined): CapabilityElements {
  return {
    tasks: ids(i?.tasks),
    modalities: ids(i?.modalities),
    industries: ids(i?.industries),
    deployments: ids(i?.deployments),
    integrations: ids(i?.integrations),
    languages: ids(i?.languages),
  };
}

function terms(i: CommercialTermsInput | null | undefined): CommercialTerms {
  return {
    currency: 'KRW',
    minAmountKrw: num(i?.minAmountKrw),
    maxAmountKrw: num(i?.maxAmountKrw),
    leadTimeWeeks: num(i?.leadTimeWeeks),
    desiredStartDate: optional(i?.desiredStartDate),
    durationWeeks: num(i?.durationWeeks),
  };
}

function contact(i: ContactInformationInput | null | undefined): ContactInformation {
  return { name: text(i?.name), role: optional(i?.role), email: text(i?.email), phone: optional(i?.phone) };
}

function texts(i: DemandListingInput | SupplyListingInput) {
  return {
    title: text(i.title),
    titleEn: optional(i.titleEn),
    summary: text(i.summary),
    summaryEn: optional(i.summaryEn),
    description: text(i.description),
    descriptionEn: optional(i.descriptionEn),
  };
}

export function demandContent(i: DemandListingInput): DemandContent {
  return {
    kind: 'DEMAND',
    ...texts(i),
    requirement: capability(i.requirement),
    dataProfile: {
      dataKinds: ids(i.dataProfile?.dataKinds),
      systems: ids(i.dataProfile?.systems),
      volumeDescription: optional(i.dataProfile?.volumeDescription),
      approximateRecords: num(i.dataProfile?.approximateRecords),
      labelling: i.dataProfile?.labelling ?? 'UNKNOWN',
      sampleAvailable: i.dataProfile?.sampleAvailable ?? false,
      containsPersonalData: i.dataProfile?.containsPersonalData ?? false,
    },
    commercialTerms: terms(i.commercialTerms),
    contact: contact(i.contact),
    bidDeadline: i.bidDeadline ? i.bidDeadline.toISOString() : null,
    onSiteRequired: i.onSiteRequired ?? false,
    regionId: optional(i.regionId),
    visibility: i.visibility ?? 'PUBLIC',
  };
}

export function supplyContent(i: SupplyListingInput): SupplyContent {
  return {
    kind: 'SUPPLY',
    ...texts(i),
    capability: capability(i.capability),
    commercialTerms: terms(i.commercialTerms),
    trustProfile: {
      certifications: ids(i.trustProfile?.certifications),
      checklist: (i.trustProfile?.checklist ?? []).map((c) => ({ itemId: c.itemId.trim(), answer: c.answer, note: optional(c.note) })),
    },
    contact: contact(i.contact),
    referenceCases: (i.referenceCases ?? []).map((r) => ({
      title: text(r.title),
      industryId: optional(r.industryId),
      year: num(r.year),
      summary: optional(r.summary),
    })),
  };
}
