import type { ko } from './ko';

/** Every message key; `ko.ts` is the source of truth. */
export type MessageKey = keyof typeof ko;

/** Shape every other locale must have: exactly the keys of `ko.ts`. */
export type Messages = { readonly [K in MessageKey]: string };

export const LOCALES = ['ko', 'en'] as const;
export type UiLocale = (typeof LOCALES)[number];

/** `{name}` placeholders found in a Korean message literal. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageParams<K extends MessageKey> = Placeholders<(typeof ko)[K]>;

/** Keys of messages without placeholders (usable where the key is only known as a union). */
export type SimpleMessageKey = {
  [K in MessageKey]: [MessageParams<K>] extends [never] ? K : never;
}[MessageKey];

/** `t(key)` for messages without placeholders, `t(key, { name })` otherwise. */
export type TranslateArgs<K extends MessageKey> = [MessageParams<K>] extends [never]
  ? []
  : [params: Record<MessageParams<K>, string | number>];

export type Translate = <K extends MessageKey>(key: K, ...args: TranslateArgs<K>) => string;
