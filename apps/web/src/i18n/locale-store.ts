import { LOCALES, type UiLocale } from './types';

/**
 * The UI locale lives outside React so non-React code (the GraphQL client's
 * Accept-Language header) can read it synchronously.
 */
export const LOCALE_STORAGE_KEY = 'aimatch.locale';
export const DEFAULT_LOCALE: UiLocale = 'ko';

function isLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): UiLocale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

let current: UiLocale = readStoredLocale();
const listeners = new Set<() => void>();

function applyToDocument(locale: UiLocale): void {
  document.documentElement.lang = locale;
}
applyToDocument(current);

export function getLocale(): UiLocale {
  return current;
}

export function setLocale(locale: UiLocale): void {
  if (locale === current) return;
  current = locale;
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  applyToDocument(locale);
  listeners.forEach((listener) => listener());
}

export function subscribeLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Keep several tabs in step.
window.addEventListener('storage', (event) => {
  if (event.key === LOCALE_STORAGE_KEY && isLocale(event.newValue) && event.newValue !== current) {
    current = event.newValue;
    applyToDocument(current);
    listeners.forEach((listener) => listener());
  }
});

/** Value for the GraphQL `Locale` enum. */
export function toGraphqlLocale(locale: UiLocale): 'KO' | 'EN' {
  return locale === 'en' ? 'EN' : 'KO';
}
