import { useEffect, useRef } from 'react';

const EVENT = 'aimatch:notification';

/** Tells mounted pages that a notification arrived (the bell calls it for every `notification` event). */
export function announceNotification(type: string): void {
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: type }));
}

/** Runs `onEvent` when a notification whose type starts with one of `prefixes` arrives (e.g. refetch a list). */
export function useOnNotification(prefixes: readonly string[], onEvent: () => void): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = prefixes.join(',');
  useEffect(() => {
    const list = key.split(',');
    const listener = (event: Event) => {
      const type = (event as CustomEvent<string>).detail ?? '';
      if (list.some((p) => type.startsWith(p))) handler.current();
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [key]);
}
