export { Field } from './Field';
export { FormAlert } from './FormAlert';
export { useFormErrors, type ControlProps, type FormErrors } from './useFormErrors';
export {
  errorCodes,
  hasErrorCode,
  summariseError,
  type ApiErrorCode,
  type ApiErrorSummary,
  type ApiFieldError,
} from './errors';
export { optionalText, parseYear } from './parse';
