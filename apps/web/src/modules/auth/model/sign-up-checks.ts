/**
 * What the sign-up form can tell before asking the server, all fields at once (the server's own
 * checks — password strength, a registration number in use — come back together in one answer).
 * Pure: values in, message keys out.
 */
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@aimatch/contracts';
import { parseWebsite, parseYear } from '@/shared/forms/parse';

export interface SignUpCheckValues {
  email: string;
  password: string;
  displayName: string;
  nameKo: string;
  businessRegistrationNumber: string;
  foundedYear: string;
  website: string;
}

export type SignUpProblem = 'required' | 'email' | 'passwordLength' | 'brn' | 'year' | 'url';

export type SignUpCheckPath =
  | 'email'
  | 'password'
  | 'displayName'
  | 'organization.nameKo'
  | 'organization.businessRegistrationNumber'
  | 'organization.foundedYear'
  | 'organization.website';

export function signUpProblems(
  values: SignUpCheckValues,
  options: { organization: boolean },
): Partial<Record<SignUpCheckPath, SignUpProblem>> {
  const problems: Partial<Record<SignUpCheckPath, SignUpProblem>> = {};
  const email = values.email.trim();
  if (email === '') problems.email = 'required';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.email = 'email';
  if (values.password === '') problems.password = 'required';
  else if ([...values.password].length < PASSWORD_MIN_LENGTH || [...values.password].length > PASSWORD_MAX_LENGTH)
    problems.password = 'passwordLength';
  if (values.displayName.trim() === '') problems.displayName = 'required';
  if (!options.organization) return problems;
  if (values.nameKo.trim() === '') problems['organization.nameKo'] = 'required';
  const brn = values.businessRegistrationNumber.trim();
  if (brn === '') problems['organization.businessRegistrationNumber'] = 'required';
  else if (!/^\d{10}$/.test(brn.replace(/[-\s]/g, ''))) problems['organization.businessRegistrationNumber'] = 'brn';
  if (parseYear(values.foundedYear) === 'invalid') problems['organization.foundedYear'] = 'year';
  if (parseWebsite(values.website) === 'invalid') problems['organization.website'] = 'url';
  return problems;
}
