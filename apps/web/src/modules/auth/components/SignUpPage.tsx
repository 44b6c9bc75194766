import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import type { EmployeeBand, NewOrganizationInput, OrganizationKind, SignUpInput } from '@/generated/graphql';
import { LoadingState } from '@/shared/ui/LoadingState';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aimatch/contracts';
import { toGraphqlLocale, useLocale, useT } from '@/i18n';
import { OrganizationProfileFields, kindKey, SELF_SERVICE_KINDS } from '@/modules/organization';
import { Field, FormActions, optionalText, parseWebsite, parseYear, useFormErrors } from '@/shared/forms';
import { signUpProblems, type SignUpProblem } from '../model/sign-up-checks';
import { SignInMutation, SignUpMutation } from '../graphql/operations';
import { startSession, useSession } from '@/shared/session';
import { AcceptInvitationPanel } from './AcceptInvitationPanel';
import { InvitationNotice } from './InvitationNotice';
import { CheckMailboxPanel } from './CheckMailboxPanel';
import { chosenConsents, ConsentFields, type ConsentChoices, useLegalDocuments } from '@/modules/legal';

const ACCOUNT_PATHS = ['email', 'password', 'displayName', 'consents'] as const;
const ORGANIZATION_PATHS = [
  'organization.kind',
  'organization.nameKo',
  'organization.nameEn',
  'organization.businessRegistrationNumber',
  'organization.regionId',
  'organization.industryId',
  'organization.employeeBand',
  'organization.foundedYear',
  'organization.website',
] as const;
const ALL_PATHS = [...ACCOUNT_PATHS, ...ORGANIZATION_PATHS] as const;
type SignUpPath = (typeof ALL_PATHS)[number];

interface SignUpValues {
  email: string;
  password: string;
  displayName: string;
  kind: OrganizationKind;
  nameKo: string;
  nameEn: string;
  businessRegistrationNumber: string;
  regionId: string;
  industryId: string;
  employeeBand: EmployeeBand | '';
  foundedYear: string;
  website: string;
}

const INITIAL_VALUES: SignUpValues = {
  email: '',
  password: '',
  displayName: '',
  kind: 'SME',
  nameKo: '',
  nameEn: '',
  businessRegistrationNumber: '',
  regionId: '',
  industryId: '',
  employeeBand: '',
  foundedYear: '',
  website: '',
};

export function SignUpPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const invitationToken = searchParams.get('invitation')?.trim() || null;
  const session = useSession();
  const form = useFormErrors<SignUpPath>(invitationToken ? ACCOUNT_PATHS : ALL_PATHS);
  const [{ fetching: signingUp }, signUp] = useMutation(SignUpMutation);
  const [{ fetching: signingIn }, signIn] = useMutation(SignInMutation);
  const fetching = signingUp || signingIn;
  /** Set when signing up answered but signing in did not: the next step is in the mailbox. */
  const [mailedTo, setMailedTo] = useState<string | null>(null);
  // An invitation link carries the invited address: prefilled and locked (the API accepts only it).
  const invitedEmail = (invitationToken && searchParams.get('email')?.trim()) || '';
  const [values, setValues] = useState<SignUpValues>({ ...INITIAL_VALUES, email: invitedEmail });
  const [emailLocked, setEmailLocked] = useState(invitedEmail !== '');
  const lockEmail = useCallback((email: string) => {
    setValues((current) => ({ ...current, email }));
    setEmailLocked(true);
  }, []);
  const legal = useLegalDocuments();
  const [consents, setConsents] = useState<ConsentChoices>({});

  const set =
    <K extends keyof SignUpValues>(key: K) =>
    (value: SignUpValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));

  const problemMessage = (problem: SignUpProblem) =>
    problem === 'year'
      ? t('validation.year')
      : problem === 'passwordLength'
        ? t('forms.passwordLength', { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })
        : t(`forms.${problem}`);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    form.clear();
    const input: SignUpInput = {
      email: values.email.trim(),
      password: values.password,
      displayName: values.displayName.trim(),
      locale: toGraphqlLocale(locale),
      consents: chosenConsents(legal.documents, consents),
    };
    // Every mistake the form can see, at once (not one per submit).
    const problems = signUpProblems(values, { organization: !invitationToken });
    if (Object.keys(problems).length > 0) {
      form.setFieldMessages(Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, problemMessage(problem)])));
      return;
    }
    if (invitationToken) {
      input.invitationToken = invitationToken;
    } else {
      const foundedYear = parseYear(values.foundedYear) as number | undefined;
      const website = parseWebsite(values.website);
      if (website !== undefined && website !== values.website) set('website')(website);
      const organization: NewOrganizationInput = {
        kind: values.kind,
        nameKo: values.nameKo.trim(),
        nameEn: optionalText(values.nameEn),
        businessRegistrationNumber: values.businessRegistrationNumber.trim(),
        regionId: optionalText(values.regionId),
        industryId: optionalText(values.industryId),
        employeeBand: values.employeeBand === '' ? undefined : values.employeeBand,
        foundedYear,
        website,
      };
      input.organization = organization;
    }
    const result = await signUp({ input });
    if (!result.data) {
      form.setError(result.error);
      return;
    }
    // Sign-up answers the same for a registered address; signing in with these credentials tells the rest.
    const session = await signIn({ input: { email: input.email, password: input.password } });
    if (session.data) {
      startSession(session.data.signIn);
      await navigate('/organization', { replace: true });
    } else {
      setMailedTo(result.data.signUp.email);
    }
  };

  if (mailedTo) return <CheckMailboxPanel email={mailedTo} />;

  if (session.status === 'restoring') return <LoadingState label={t('session.restoring')} />;

  if (session.status === 'authenticated' && !fetching) {
    return (
      <div className="page page--narrow">
        <h1>{t('signUp.title')}</h1>
        {invitationToken ? (
          <AcceptInvitationPanel token={invitationToken} />
        ) : (
          <>
            <p role="status" data-testid="auth-already-signed-in">
              {t('auth.alreadySignedIn')}
            </p>
            <Link to="/organization" className="button">
              {t('auth.continue')}
            </Link>
          </>
        )}
      </div>
    );
  }

  return (
    <div className="page">
      <h1>{t('signUp.title')}</h1>
      <p className="page__lead">{invitationToken ? t('signUp.invitationLead') : t('signUp.lead')}</p>
      {invitationToken ? <InvitationNotice token={invitationToken} onEmail={lockEmail} /> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={fetching}>
        <fieldset className="card fieldset">
          <legend className="fieldset__legend">{t('signUp.account')}</legend>
          <div className="form__grid">
            <Field form={form} path="email" label={t('auth.email')} required>
              {(props) => (
                <input
                  {...props}
                  type="email"
                  autoComplete="email"
                  value={values.email}
                  onChange={(event) => set('email')(event.target.value)}
                  readOnly={invitationToken !== null && emailLocked}
                  data-testid="signup-email"
                />
              )}
            </Field>
            <Field form={form} path="displayName" label={t('auth.displayName')} required>
              {(props) => (
                <input
                  {...props}
                  type="text"
                  autoComplete="name"
                  maxLength={100}
                  value={values.displayName}
                  onChange={(event) => set('displayName')(event.target.value)}
                  data-testid="signup-display-name"
                />
              )}
            </Field>
            <Field form={form} path="password" label={t('auth.password')} hint={t('auth.passwordHint')} required>
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="new-password"
                  minLength={PASSWORD_MIN_LENGTH}
                  maxLength={PASSWORD_MAX_LENGTH}
                  value={values.password}
                  onChange={(event) => set('password')(event.target.value)}
                  data-testid="signup-password"
                />
              )}
            </Field>
          </div>
        </fieldset>

        {invitationToken ? null : (
          <fieldset className="card fieldset">
            <legend className="fieldset__legend">{t('signUp.organization')}</legend>
            <div className="form__grid">
              <Field form={form} path="organization.kind" label={t('organization.field.kind')} required>
                {(props) => (
                  <select
                    {...props}
                    value={values.kind}
                    onChange={(event) => set('kind')(event.target.value as OrganizationKind)}
                    data-testid="signup-org-kind"
                  >
                    {SELF_SERVICE_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(kindKey(kind))}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field form={form} path="organization.nameKo" label={t('organization.field.nameKo')} required>
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    autoComplete="organization"
                    lang="ko"
                    value={values.nameKo}
                    onChange={(event) => set('nameKo')(event.target.value)}
                    data-testid="signup-org-name-ko"
                  />
                )}
              </Field>
              <Field form={form} path="organization.nameEn" label={t('organization.field.nameEn')}>
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    lang="en"
                    value={values.nameEn}
                    onChange={(event) => set('nameEn')(event.target.value)}
                    data-testid="signup-org-name-en"
                  />
                )}
              </Field>
              <Field
                form={form}
                path="organization.businessRegistrationNumber"
                label={t('organization.field.businessRegistrationNumber')}
                hint={t('organization.brnHint')}
                required
              >
                {(props) => (
                  <input
                    {...props}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    placeholder="123-45-67890"
                    maxLength={20}
                    value={values.businessRegistrationNumber}
                    onChange={(event) => set('businessRegistrationNumber')(event.target.value)}
                    data-testid="signup-brn"
                  />
                )}
              </Field>
              <OrganizationProfileFields
                form={form}
                pathOf={(key) => `organization.${key}` as const}
                values={values}
                set={set}
                testIdPrefix="signup"
              />
            </div>
          </fieldset>
        )}

        <ConsentFields
          documents={legal.documents}
          choices={consents}
          onChange={(choices) => {
            setConsents(choices);
            form.clearField('consents');
          }}
          error={
            form
              .fieldErrors('consents')
              .map((e) => e.message)
              .join(' ') || null
          }
        />

        <FormActions form={form}>
          <button type="submit" className="button" disabled={fetching} data-testid="signup-submit">
            {fetching ? t('common.working') : t('signUp.submit')}
          </button>
        </FormActions>
        <p className="form__footnote">
          {t('signUp.haveAccount')} <Link to="/signin">{t('signUp.toSignIn')}</Link>
        </p>
      </form>
    </div>
  );
}
