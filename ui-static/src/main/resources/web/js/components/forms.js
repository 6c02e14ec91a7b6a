// Form pieces after the GOV.UK pattern: an error summary on top linking to each field at fault, and the API's message
// at the field itself. Inputs carry their hint and error through aria-describedby.
import { h, useEffect, useRef, useState } from '../lib/preact.js';

/** @param errors [{field: input id or null, message}] */
export function ErrorSummary({ errors, title = 'There is a problem' }) {
  const box = useRef(null);
  const shown = errors.map((e) => `${e.field}:${e.message}`).join('\n');
  useEffect(() => { // focus moves to the summary when new errors arrive, not on every keystroke after
    if (shown && box.current) box.current.focus();
  }, [shown]);
  if (!errors.length) return null;
  return h('div', { class: 'error-summary', role: 'alert', tabindex: -1, ref: box, 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, title),
    h('ul', null, errors.map((e) => h('li', { key: (e.field || '') + e.message },
      e.field ? h('a', { href: '#' + e.field, onClick: (ev) => focusField(ev, e.field) }, e.message) : e.message))));
}

function focusField(event, id) {
  event.preventDefault(); // the href is for show: a hash would change the route
  const input = document.getElementById(id);
  if (input) input.focus();
}

const describedBy = (id, hint, error) => [hint && id + '-hint', error && id + '-error'].filter(Boolean).join(' ') || undefined;

/** A labelled input with its hint and error. */
export function TextField({ id, label, hint, error, type = 'text', value, onInput, required, autocomplete, ...rest }) {
  return h('div', { class: 'field' + (error ? ' field-error' : '') },
    h('label', { for: id }, label, required ? null : h('span', { class: 'optional' }, ' (optional)')),
    hint && h('p', { class: 'hint', id: id + '-hint' }, hint),
    error && h('p', { class: 'error-message', id: id + '-error' }, h('span', { class: 'visually-hidden' }, 'Error: '), error),
    h('input', {
      id, name: id, type, value, required, autocomplete,
      'aria-invalid': error ? 'true' : undefined,
      'aria-describedby': describedBy(id, hint, error),
      onInput: (e) => onInput(e.currentTarget.value), ...rest,
    }));
}

/** A secret: a password input with a Show/Hide button. */
export function SecretField(props) {
  const [shown, setShown] = useState(false);
  const { id, label } = props;
  return h('div', { class: 'secret' },
    h(TextField, { ...props, type: shown ? 'text' : 'password', autocomplete: props.autocomplete || 'off' }),
    h('button', {
      type: 'button', class: 'link-button show-hide', 'aria-controls': id, 'aria-pressed': shown ? 'true' : 'false',
      onClick: () => setShown(!shown),
    }, shown ? 'Hide' : 'Show', h('span', { class: 'visually-hidden' }, ' ' + label)));
}

export function SelectField({ id, label, hint, error, value, onChange, options }) {
  return h('div', { class: 'field' + (error ? ' field-error' : '') },
    h('label', { for: id }, label),
    hint && h('p', { class: 'hint', id: id + '-hint' }, hint),
    error && h('p', { class: 'error-message', id: id + '-error' }, h('span', { class: 'visually-hidden' }, 'Error: '), error),
    h('select', { id, value, onChange: (e) => onChange(e.currentTarget.value), 'aria-describedby': describedBy(id, hint, error) },
      options.map(([v, text]) => h('option', { key: v, value: v }, text))));
}

export function CheckboxField({ id, label, hint, checked, onChange, error }) {
  return h('div', { class: 'field checkbox' + (error ? ' field-error' : '') },
    error && h('p', { class: 'error-message', id: id + '-error' }, h('span', { class: 'visually-hidden' }, 'Error: '), error),
    h('input', { id, type: 'checkbox', checked, onChange: (e) => onChange(e.currentTarget.checked),
      'aria-describedby': describedBy(id, hint, error) }),
    h('label', { for: id }, label),
    hint && h('p', { class: 'hint', id: id + '-hint' }, hint));
}

/**
 * Turns a failed request into the errors of a form: the API's field (a JSON path such as credentials.clientSecret)
 * mapped to an input id by `fieldFor`; a field the form does not show lands in the summary alone.
 *
 * @returns {{summary: Array<{field, message}>, byField: Object<string, string>}}
 */
export function formErrors(error, fieldFor = (f) => f) {
  if (!error) return { summary: [], byField: {} };
  const id = error.field ? fieldFor(error.field) : null;
  const present = id && document.getElementById(id) ? id : null;
  return { summary: [{ field: present, message: error.message }], byField: present ? { [present]: error.message } : {} };
}
