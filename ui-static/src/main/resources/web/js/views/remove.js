// Removing a connection: the confirmation names what will be deleted and asks for the connector's name to be typed.
import { h, useEffect, useRef, useState } from '../lib/preact.js';
import { del, seg } from '../api.js';
import { count } from '../format.js';
import { ErrorSummary, TextField, formErrors } from '../components/forms.js';

const KINDS = { CANDIDATE: 'candidates', JOB: 'jobs', APPLICATION: 'applications' };

function mirrored(sync) {
  const live = (sync && sync.mirror && sync.mirror.live) || {};
  const parts = Object.entries(live).filter(([, n]) => n > 0).map(([k, n]) => `${count(n)} ${KINDS[k] || k.toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'every record mirrored from it';
}

export function RemoveConnection({ connection, name, sync, onClose, onRemoved }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState(null);
  const box = useRef(null);
  useEffect(() => {
    box.current.querySelector('input').focus();
  }, []);
  const confirm = async (e) => {
    e.preventDefault();
    if (typed.trim() !== name) {
      setError({ field: 'confirm-name', message: `Type ${name} to confirm` });
      return;
    }
    try {
      await del(`/api/connections/${seg(connection.id)}`);
      onClose();
      onRemoved();
    } catch (err) {
      setError(err);
    }
  };
  const errors = formErrors(error, () => 'confirm-name');
  return h('div', { class: 'confirm', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'remove-title', ref: box,
    onKeyDown: (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    } },
  h('h3', { id: 'remove-title' }, `Remove ${name}?`),
  h('p', null, `This deletes the connection and everything mirrored from ${name}: ${mirrored(sync)}, their resumes, `
      + 'the sync history and the search index entries. Recruiters will no longer find these candidates. This cannot be undone.'),
  h(ErrorSummary, { errors: errors.summary }),
  h('form', { onSubmit: confirm, noValidate: true },
    h(TextField, { id: 'confirm-name', label: `Type ${name} to confirm`, value: typed, onInput: setTyped, required: true,
      autocomplete: 'off', error: errors.byField['confirm-name'] }),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', class: 'danger' }, 'Remove connection and delete its data'),
      h('button', { type: 'button', onClick: onClose }, 'Cancel'))));
}
