import type { EmployeeBand } from '@/generated/graphql';
import { useT } from '@/i18n';
import { ConceptSelect } from '@/modules/vocabulary';
import { Field, withScheme, type FormErrors } from '@/shared/forms';
import { EMPLOYEE_BANDS, employeeBandKey } from '../model/labels';

export type ProfileKey = 'regionId' | 'industryId' | 'employeeBand' | 'foundedYear' | 'website';

export interface OrganizationProfileValues {
  regionId: string;
  industryId: string;
  employeeBand: EmployeeBand | '';
  foundedYear: string;
  website: string;
}

interface Props<Path extends string> {
  form: FormErrors<Path>;
  /** The form's error path of each field (sign-up nests them under `organization.`). */
  pathOf: (key: ProfileKey) => Path;
  values: OrganizationProfileValues;
  set: (key: ProfileKey) => (value: OrganizationProfileValues[ProfileKey]) => void;
  /** `signup` or `org-edit`: test ids are `<prefix>-region`, `<prefix>-industry`, … */
  testIdPrefix: string;
}

/** The optional profile fields of an organization, shared by sign-up and the owner's edit form. */
export function OrganizationProfileFields<Path extends string>({ form, pathOf, values, set, testIdPrefix }: Props<Path>) {
  const t = useT();
  return (
    <>
      <Field form={form} path={pathOf('regionId')} label={t('organization.field.region')}>
        {(props) => (
          <ConceptSelect
            {...props}
            scheme="region"
            value={values.regionId}
            onChange={set('regionId')}
            data-testid={`${testIdPrefix}-region`}
          />
        )}
      </Field>
      <Field form={form} path={pathOf('industryId')} label={t('organization.field.industry')}>
        {(props) => (
          <ConceptSelect
            {...props}
            scheme="industry"
            value={values.industryId}
            onChange={set('industryId')}
            data-testid={`${testIdPrefix}-industry`}
          />
        )}
      </Field>
      <Field form={form} path={pathOf('employeeBand')} label={t('organization.field.employeeBand')}>
        {(props) => (
          <select
            {...props}
            value={values.employeeBand}
            onChange={(event) => set('employeeBand')(event.target.value)}
            data-testid={`${testIdPrefix}-employee-band`}
          >
            <option value="">{t('common.selectNone')}</option>
            {EMPLOYEE_BANDS.map((band) => (
              <option key={band} value={band}>
                {t(employeeBandKey(band))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field form={form} path={pathOf('foundedYear')} label={t('organization.field.foundedYear')}>
        {(props) => (
          <input
            {...props}
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            maxLength={4}
            placeholder="2015"
            value={values.foundedYear}
            onChange={(event) => set('foundedYear')(event.target.value)}
            data-testid={`${testIdPrefix}-founded-year`}
          />
        )}
      </Field>
      <Field form={form} path={pathOf('website')} label={t('organization.field.website')}>
        {(props) => (
          <input
            {...props}
            type="url"
            autoComplete="url"
            placeholder="https://"
            value={values.website}
            onChange={(event) => set('website')(event.target.value)}
            onBlur={(event) => {
              // "example.co.kr" is read as https://example.co.kr, and shown so.
              const url = withScheme(event.target.value);
              if (url !== event.target.value) set('website')(url);
            }}
            data-testid={`${testIdPrefix}-website`}
          />
        )}
      </Field>
    </>
  );
}
