import { VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import { AppError } from '../../common/errors/app-error';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A note, reason or number of a verification request or certification claim: trimmed, at most
 * `max` characters, no control characters; null when empty and not required (typed errors at `path`).
 */
export function verificationText(
  path: string,
  value: string | null | undefined,
  required: boolean,
  max = VERIFICATION_TEXT_MAX,
): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw AppError.field(path, 'required');
    return null;
  }
  if (v.length > max) throw AppError.field(path, 'max-length', { max });
  if (CONTROL.test(v)) throw AppError.field(path, 'format', { format: 'no-control-characters' });
  return v;
}
