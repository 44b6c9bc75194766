import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import type { EmployeeBand, OrganizationDetailFieldsFragment, UpdateOrganizationInput } from '@/generated/graphql';
import { useGraphqlLocale, useT } from '@/i18n';
import { Field, FormActions, parseWebsite, parseYear, useFormErrors } from '@/shared/forms';
import { UpdateMyOrganizationMutation } from '../graphql/operations';
import { OrganizationProfileFields } from './OrganizationProfileFields';

const PATHS = ['nameKo', 'nameEn', 'regionId', 'industryId', 'employeeBand', 'foundedYear', 'website'] as const;

interface EditValues {
  nameKo: string;
  nameEn: string;
  regionId: string;
  industryId: string;
  employeeBand: EmployeeBand | '';
  foundedYear: string;
  website: string;
}

function toValues(organization: OrganizationDetailFieldsFragment): EditValues {
  return {
    nameKo: organization.nameKo,
    nameEn: organization.nameEn ?? '',
    regionId: organization.region?.id ?? '',
    industryId: organization.industry?.id ?? '',
    employeeBand: organization.employeeBand ?? '',
    foundedYear: organization.foundedYear === null || organization.foundedYear === undefined ? '' : String(organization.foundedYear),
    website: organization.website ?? '',
  };
}

/** Owner-only edit form. Sends only changed fields; a cleared optional field is sent as null. */
export function OrganizationEditForm({ organization }: { organization: OrganizationDetailFieldsFragment }) {
  const t = useT();
  const locale = useGraphqlLocale();
  const form = useFormErrors(PATHS);
  const [{ fetching }, update] = useMutation(UpdateMyOrganizationMutation);
  const [values, setValues] = useState<EditValues>(() => toValues(organization));
  const [notice, setNotice] = useState<string | null>(null);

  const set =
    <K extends keyof EditValues>(key: K) =>
    (value: EditValues[K]) => {
      setNotice(null);
      setValues((current) => ({ ...current, [key]: value }));
    };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    setNotice(null);
    const saved = toValues(organization);
    const foundedYear = parseYear(values.foundedYear);
    const website = parseWebsite(values.website);
    if (foundedYear === 'invalid' || website === 'invalid') {
      form.setFieldMessages({
        ...(foundedYear === 'invalid' ? { foundedYear: t('validation.year') } : {}),
        ...(website === 'invalid' ? { website: t('forms.url') } : {}),
      });
      return;
    }
    const input: UpdateOrganizationInput = { organizationId: organization.id };
    let changed = false;
    const text = (key: 'nameKo' | 'nameEn' | 'website') => {
      const value = key === 'website' ? (website ?? '') : values[key].trim();
      if (value === saved[key]) return;
      changed = true;
      input[key] = value === '' && key !== 'nameKo' ? null : value;
    };
    text('nameKo');
    text('nameEn');
    text('website');
    if (values.regionId !== saved.regionId) {
      changed = true;
      input.regionId = values.regionId || null;
    }
    if (values.industryId !== saved.industryId) {
      changed = true;
      input.industryId = values.industryId || null;
    }
    if (values.employeeBand !== saved.employeeBand) {
      changed = true;
      input.employeeBand = values.employeeBand || null;
    }
    if (values.foundedYear.trim() !== saved.foundedYear) {
      changed = true;
      input.foundedYear = foundedYear ?? null;
    }
    if (!changed) {
      setNotice(t('organization.edit.noChanges'));
      return;
    }
    const result = await update({ input, locale });
    if (result.data) {
      setValues(toValues(result.data.updateMyOrganization));
      setNotice(t('organization.edit.saved'));
    } else {
      form.setError(result.error);
    }
  };

  return (
    <section className="card" aria-labelledby="org-edit-heading">
      <h2 id="org-edit-heading" className="card__title">
        {t('organization.edit.title')}
      </h2>
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
        <div className="form__grid">
          <Field form={form} path="nameKo" label={t('organization.field.nameKo')} required>
            {(props) => (
              <input
                {...props}
                type="text"
                lang="ko"
                value={values.nameKo}
                onChange={(event) => set('nameKo')(event.target.value)}
                data-testid="org-edit-name-ko"
              />
            )}
          </Field>
          <Field form={form} path="nameEn" label={t('organization.field.nameEn')}>
            {(props) => (
              <input
                {...props}
                type="text"
                lang="en"
                value={values.nameEn}
                onChange={(event) => set('nameEn')(event.target.value)}
                data-testid="org-edit-name-en"
              />
            )}
          </Field>
          <OrganizationProfileFields form={form} pathOf={(key) => key} values={values} set={set} testIdPrefix="org-edit" />
        </div>
        <FormActions form={form}>
          <button type="submit" className="button" disabled={fetching} data-testid="org-edit-submit">
            {fetching ? t('common.working') : t('organization.edit.submit')}
          </button>
          {notice ? (
            <p className="form__notice" role="status" data-testid="org-edit-status">
              {notice}
            </p>
          ) : null}
        </FormActions>
      </form>
    </section>
  );
}
