import { type ReactNode, type RefObject, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { Menu, X } from 'lucide-react';
import { useT } from '@/i18n';

/**
 * Whether the header must fold its navigation into the menu: it keeps ONE row at every width. The row is laid out
 * inline first; when its items do not fit (`scrollWidth > clientWidth`, the items do not shrink), it goes compact
 * and remembers the width the inline row needed, going back when the header is that wide again. `layoutKey` changes
 * with what the row holds (links, name, language): then it is measured again.
 */
export function useCompactHeader(ref: RefObject<HTMLElement | null>, layoutKey: string): { compact: boolean; neededWidth: number } {
  const [state, setState] = useState({ key: layoutKey, compact: false });
  const needed = useRef(0);
  // A new row content starts inline again (state derived during render, not in an effect).
  const current = state.key === layoutKey ? state : { key: layoutKey, compact: false };
  if (current !== state) setState(current);
  const compact = current.compact;

  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    const check = () => {
      if (!compact) {
        if (row.scrollWidth > row.clientWidth + 1) {
          needed.current = row.scrollWidth;
          setState({ key: layoutKey, compact: true });
        }
      } else if (row.clientWidth >= needed.current) {
        setState({ key: layoutKey, compact: false });
      }
    };
    check();
    // The row's own width follows the window; its items' widths follow late content (fonts, queue counts).
    const observer = new ResizeObserver(check);
    observer.observe(row);
    for (const child of Array.from(row.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [compact, layoutKey, ref]);
  return { compact, neededWidth: compact ? needed.current : 0 };
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The compact header's menu button and the sheet it opens (the navigation, language, messages and account).
 * A modal dialog: focus moves into it and stays there (Tab wraps), Escape or the close button closes it and
 * returns focus to the menu button; a click on the backdrop or on a link closes it.
 */
export function MenuSheet({ label, children }: { label: string; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const sheetRef = useRef<HTMLDivElement>(null);
  const id = useId();

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  useEffect(() => {
    const sheet = sheetRef.current;
    if (!open || !sheet) return;
    const items = () => Array.from(sheet.querySelectorAll<HTMLElement>(FOCUSABLE));
    items()[0]?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        close(true);
        return;
      }
      if (event.key !== 'Tab') return;
      const list = items();
      const first = list[0];
      const last = list.at(-1);
      if (!first || !last) return;
      const active = document.activeElement;
      if (!sheet.contains(active)) {
        event.preventDefault();
        first.focus();
      } else if (event.shiftKey && active === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && active === last) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    document.body.classList.add('body--menu-open');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('body--menu-open');
    };
  }, [open, close]);

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="menu-button"
        aria-expanded={open}
        aria-controls={id}
        aria-haspopup="dialog"
        aria-label={t('nav.menuOpen')}
        onClick={() => setOpen((v) => !v)}
        data-testid="nav-menu-button"
      >
        <Menu aria-hidden="true" size={22} />
      </button>
      {open ? (
        <>
          <div className="menu-sheet__backdrop" aria-hidden="true" onClick={() => close(false)} data-testid="nav-menu-backdrop" />
          {/* A link followed from the sheet closes it (the page changes under it). */}
          <div
            className="menu-sheet"
            id={id}
            ref={sheetRef}
            role="dialog"
            aria-modal="true"
            aria-label={label}
            data-testid="nav-menu"
            onClick={(event) => {
              if ((event.target as Element).closest('a[href]')) close(false);
            }}
          >
            <div className="menu-sheet__head">
              <button
                type="button"
                className="menu-button"
                onClick={() => close(true)}
                aria-label={t('nav.menuClose')}
                data-testid="nav-menu-close"
              >
                <X aria-hidden="true" size={22} />
              </button>
            </div>
            {children}
          </div>
        </>
      ) : null}
    </>
  );
}
