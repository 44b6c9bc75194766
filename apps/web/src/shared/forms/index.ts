export { Field } from './Field';
export { NewPasswordFields } from './NewPasswordFields';
export { OneTimeCodeInput } from './OneTimeCodeInput';
export { FormAlert } from './FormAlert';
export { FormActions } from './FormActions';
export { revealFirstError } from './reveal';
export { useFormErrors, type ControlProps, type FormErrors, type FormErrorsOptions } from './useFormErrors';
export {
  errorCodes,
  hasErrorCode,
  summariseError,
  withFieldMessages,
  withoutField,
  type ApiErrorCode,
  type ApiErrorSummary,
  type ApiFieldError,
  type SummariseOptions,
} from './errors';
export { AmountInput } from './AmountInput';
export { krwInputText, optionalText, parseAmount, parseKrwInput, parseWebsite, parseYear, withScheme } from './parse';
