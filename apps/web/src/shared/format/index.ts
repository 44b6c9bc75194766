export { formatKrw, formatKrwRange, groupDigits } from './money';
export { localized } from './localized';
