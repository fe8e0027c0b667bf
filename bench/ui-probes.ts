// Code the bench runs inside the page. Kept as plain JavaScript strings: the bench compiles against
// Node's types, not the DOM's.

/** Installed before the app loads: notes when the first item rows are in the DOM, at the next frame. */
export const firstRowsProbe = `(() => {
  const seen = () => document.querySelector('.items-body [data-item-id]') !== null;
  const observer = new MutationObserver(() => {
    if (window.__rowsAt !== undefined || !seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__rowsAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;

/** Installed before the app loads: notes when the Overview's counts are on screen, at the next frame. */
export const overviewFiguresProbe = `(() => {
  const seen = () => document.querySelector('.figures .figure-value') !== null;
  const observer = new MutationObserver(() => {
    if (window.__figuresAt !== undefined || !seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.__figuresAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})()`;
export const figuresSeen = `window.__figuresAt !== undefined`;
export const figuresAt = `window.__figuresAt`;

export const rowsSeen = `window.__rowsAt !== undefined`;
export const rowsAt = `window.__rowsAt`;

/**
 * Performs one filter change and resolves with the ms from the click to rows of the new filter, at
 * the next frame. `act` is "chip:<state label>" or "<field label>:<option value>".
 */
export function changeProbe(act: string): string {
  return `(async (act) => {
    const grid = () => document.querySelector('[role="grid"][aria-label="Items"]');
    const before = grid().dataset.shownKey;
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        const g = grid();
        if (!g || g.dataset.shownKey === before || !g.querySelector('.items-body [data-item-id]')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now()));
      });
      observer.observe(document.body, { attributes: true, childList: true, subtree: true });
    });
    const [kind, value] = act.split(':');
    const t0 = performance.now();
    if (kind === 'chip') {
      // A chip's text is its label and then its count ("Dead 4,000").
      [...document.querySelectorAll('[aria-label="Show items in state"] button')].find((b) => b.firstChild.textContent === value).click();
    } else {
      const select = [...document.querySelectorAll('select')].find((s) => s.closest('label').textContent.startsWith(kind));
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return (await done) - t0;
  })(${JSON.stringify(act)})`;
}
