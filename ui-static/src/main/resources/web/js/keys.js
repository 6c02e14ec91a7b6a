// Keyboard shortcuts for the whole app: "/" focuses the search box, j/k move through a list of results, Enter opens
// (the focused link does that itself), Escape closes a panel. Not while typing in a field.

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

function typing(target) {
  return TYPING.has(target.tagName) || target.isContentEditable;
}

/** Moves focus to the next (+1) or previous (-1) item marked data-nav-item. */
function move(step) {
  const items = [...document.querySelectorAll('[data-nav-item]')];
  if (!items.length) return;
  const at = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
  const next = at < 0 ? (step > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, at + step));
  items[next].focus();
  items[next].scrollIntoView({ block: 'nearest' });
}

/** @param onEscape called on Escape when no menu handled it */
export function installShortcuts(onEscape) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Escape') {
      onEscape(e);
      return;
    }
    if (typing(e.target)) return;
    if (e.key === '/') {
      const box = document.getElementById('query');
      if (box) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    } else if (e.key === 'j') {
      move(1);
    } else if (e.key === 'k') {
      move(-1);
    }
  });
}
