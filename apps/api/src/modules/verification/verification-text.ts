import { VERIFICATION_TEXT_MAX } from '@aimatch/contracts';
import { hasControlCharacters, neutralizeFreeText } from '@aimatch/validation';
import { AppError } from '../../common/errors/app-error';

/**
 * A note, reason or number of a verification request or certification claim: trimmed, at most
 * `max` characters, no control characters (bidi controls and zero-width characters removed); null when empty and not required (typed errors at `path`).
 */
export function verificationText(
  path: string,
  value: string | null | undefined,
  required: boolean,
  max = VERIFICATION_TEXT_MAX,
): string | null {
  const v = neutralizeFreeText(value ?? '', 'body').trim();
  if (!v) {
    if (required) throw AppError.field(path, 'required');
    return null;
  }
  if (v.length > max) throw AppError.field(path, 'max-length', { max });
  if (hasControlCharacters(v)) throw AppError.field(path, 'format', { format: 'no-control-characters' });
  return v;
}
