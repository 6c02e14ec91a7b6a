// A menu button (the arrow menu of a connection, the user menu): a button that opens a list of actions; Escape or a
// click elsewhere closes it and gives focus back to the button; arrow keys move between the items.
import { h, useEffect, useRef, useState } from '../lib/preact.js';

/**
 * @param label     accessible name of the button
 * @param button    what the button shows
 * @param items     [{label, onSelect} | {label, href}]
 * @param placement 'below' or 'above'
 */
export function MenuButton({ label, button, items, placement = 'below', className = '' }) {
  const [open, setOpen] = useState(false);
  const root = useRef(null);
  const trigger = useRef(null);

  useEffect(() => {
    if (!open) return undefined;
    const first = root.current && root.current.querySelector('[role=menuitem]');
    if (first) first.focus();
    const away = (e) => {
      if (root.current && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    if (trigger.current) trigger.current.focus();
  };
  const onKey = (e) => {
    const entries = [...root.current.querySelectorAll('[role=menuitem]')];
    const at = entries.indexOf(document.activeElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = (at + (e.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length;
      entries[next].focus();
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return h('div', { class: `menu ${className}`, ref: root, onKeyDown: open ? onKey : undefined },
    h('button', {
      type: 'button', ref: trigger, class: 'menu-button', 'aria-haspopup': 'true', 'aria-expanded': open ? 'true' : 'false',
      'aria-label': label, onClick: () => setOpen(!open),
    }, button),
    open && h('ul', { role: 'menu', class: `menu-list ${placement}`, 'aria-label': label },
      items.map((item) => h('li', { role: 'none', key: item.label },
        item.href
          ? h('a', { role: 'menuitem', href: item.href, onClick: () => setOpen(false) }, item.label)
          : h('button', {
            role: 'menuitem', type: 'button', class: item.danger ? 'danger' : '',
            onClick: () => {
              close();
              item.onSelect();
            },
          }, item.label)))));
}
