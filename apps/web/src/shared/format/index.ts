export { formatKrw, formatKrwRange, groupDigits } from './money';
export { localized } from './localized';
export { subjectParticle } from './korean';
