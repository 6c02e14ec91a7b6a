// Sign-in, and the password change a one-time password requires before anything else.
import { h, useState } from '../lib/preact.js';
import { post, put, setCsrfToken } from '../api.js';
import { ErrorSummary, TextField, formErrors } from '../components/forms.js';

export function SignIn({ onSignedIn, notice }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    try {
      const session = await post('/api/session', { email, password });
      setCsrfToken(session.csrfToken);
      onSignedIn(session);
    } catch (err) {
      // A wrong address or password is one answer (no field): it belongs at the password.
      setError(err.field ? err : Object.assign(err, { field: err.status === 401 ? 'password' : null }));
      setBusy(false);
    }
  };
  const errors = formErrors(error);
  return h('main', { class: 'single' },
    h('h1', null, 'Sign in to Rediscover'),
    notice && h('p', { class: 'notice', role: 'status' }, notice),
    h(ErrorSummary, { errors: errors.summary }),
    h('form', { onSubmit: submit, noValidate: true },
      h(TextField, { id: 'email', label: 'E-mail address', type: 'email', value: email, onInput: setEmail, required: true,
        autocomplete: 'username', error: errors.byField.email }),
      h(TextField, { id: 'password', label: 'Password', type: 'password', value: password, onInput: setPassword,
        required: true, autocomplete: 'current-password', error: errors.byField.password }),
      h('button', { type: 'submit', class: 'primary', disabled: busy }, busy ? 'Signing in…' : 'Sign in')));
}

export function ChangePassword({ forced, onChanged }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState(null);
  const [done, setDone] = useState(false);
  const submit = async (e) => {
    e.preventDefault();
    try {
      await put('/api/session/password', { currentPassword: current, newPassword: next });
      setError(null);
      setDone(true);
      setCurrent('');
      setNext('');
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const errors = formErrors(error);
  return h('main', { class: 'single' },
    h('h1', null, forced ? 'Choose your own password' : 'Change your password'),
    forced && h('p', null, 'You signed in with a one-time password. Choose a password of your own (at least 12 characters) to go on.'),
    !forced && h('p', null, 'Changing it signs you out everywhere else and ends all your API tokens.'),
    done && h('p', { class: 'success', role: 'status' }, '✓ Your password was changed.'),
    h(ErrorSummary, { errors: errors.summary }),
    h('form', { onSubmit: submit, noValidate: true },
      h(TextField, { id: 'currentPassword', label: forced ? 'One-time password' : 'Current password', type: 'password',
        value: current, onInput: setCurrent, required: true, autocomplete: 'current-password',
        error: errors.byField.currentPassword }),
      h(TextField, { id: 'newPassword', label: 'New password', hint: 'At least 12 characters.', type: 'password',
        value: next, onInput: setNext, required: true, autocomplete: 'new-password', error: errors.byField.newPassword }),
      h('button', { type: 'submit', class: 'primary' }, 'Change password')));
}
