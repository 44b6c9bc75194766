/** How long a jump keeps its target in view while the page above it is still loading. */
const SETTLE_MS = 4000;

/**
 * Scrolls an element to the top of the view and keeps it there while content above it is still
 * arriving (e.g. the supplier's fit card, which ranks on the server and can come after the click):
 * on each size change of the page it scrolls again, until `SETTLE_MS` or the reader scrolls.
 */
export function scrollToPanel(id: string): void {
  const panel = document.getElementById(id);
  if (!panel) return;
  panel.scrollIntoView({ behavior: 'smooth', block: 'start' });
  panel.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  if (typeof ResizeObserver === 'undefined') return;
  let lastTop = panel.getBoundingClientRect().top + window.scrollY;
  const observer = new ResizeObserver(() => {
    const top = panel.getBoundingClientRect().top + window.scrollY;
    if (Math.abs(top - lastTop) < 1) return;
    lastTop = top;
    panel.scrollIntoView({ behavior: 'auto', block: 'start' });
  });
  const stop = () => {
    observer.disconnect();
    window.removeEventListener('wheel', stop);
    window.removeEventListener('touchmove', stop);
    window.removeEventListener('keydown', stop);
  };
  observer.observe(document.body);
  window.addEventListener('wheel', stop, { passive: true });
  window.addEventListener('touchmove', stop, { passive: true });
  window.addEventListener('keydown', stop);
  window.setTimeout(stop, SETTLE_MS);
}
