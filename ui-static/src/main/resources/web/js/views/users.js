// An org's users (org admins: /api/users; platform admins: /api/admin/orgs/{org}/users) — list, add with a role and
// a first password, remove (offboarding ends their sessions and tokens at once) — and the audit log.
import { h, useState } from '../lib/preact.js';
import { del, get, post, seg } from '../api.js';
import { absolute, ago, words } from '../format.js';
import { ErrorSummary, SelectField, TextField, formErrors } from '../components/forms.js';
import { Pending, Problem, useLoad, When } from '../components/status.js';

const ROLES = [['RECRUITER', 'Recruiter'], ['ORG_ADMIN', 'Org admin']];

function AddUser({ path, onAdded }) {
  const empty = { email: '', name: '', role: 'RECRUITER', password: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState(null);
  const [added, setAdded] = useState(null);
  const set = (k) => (v) => setForm({ ...form, [k]: v });
  const submit = async (e) => {
    e.preventDefault();
    try {
      const user = await post(path, form);
      setError(null);
      setAdded(user);
      setForm(empty);
      onAdded();
    } catch (err) {
      setError(err);
    }
  };
  const errors = formErrors(error, (f) => 'user-' + f);
  return h('section', { 'aria-labelledby': 'add-user-title', class: 'form-section' },
    h('h2', { id: 'add-user-title' }, 'Add a user'),
    added && h('p', { class: 'success', role: 'status' }, `✓ ${added.name} (${added.email}) can now sign in.`),
    h(ErrorSummary, { errors: errors.summary }),
    h('form', { onSubmit: submit, noValidate: true, class: 'inline-form' },
      h(TextField, { id: 'user-email', label: 'E-mail address', type: 'email', value: form.email, onInput: set('email'), required: true, error: errors.byField['user-email'] }),
      h(TextField, { id: 'user-name', label: 'Name', value: form.name, onInput: set('name'), required: true, error: errors.byField['user-name'] }),
      h(SelectField, { id: 'user-role', label: 'Role', value: form.role, onChange: set('role'), options: ROLES, error: errors.byField['user-role'] }),
      h(TextField, { id: 'user-password', label: 'First password', hint: 'At least 12 characters; tell it to them in person.', type: 'password',
        autocomplete: 'new-password', value: form.password, onInput: set('password'), required: true, error: errors.byField['user-password'] }),
      h('button', { type: 'submit', class: 'primary' }, 'Add user')));
}

/** @param path the users collection, e.g. /api/users @param self the signed-in user's id (cannot remove oneself) */
export function UserList({ path, self }) {
  const { data, error, reload, loading } = useLoad(() => get(path), [path]);
  const [problem, setProblem] = useState(null);
  const remove = async (u) => {
    if (!window.confirm(`Remove ${u.name} (${u.email})? They are signed out at once and their API tokens stop working.`)) return;
    try {
      await del(`${path}/${seg(u.id)}`);
      setProblem(null);
      reload();
    } catch (e) {
      setProblem(e);
    }
  };
  return h('div', null,
    h(Pending, { loading: loading && !data }),
    h(Problem, { error: error || problem }),
    data && (data.users.length === 0 ? h('p', { class: 'empty' }, 'No users yet.') : h('table', null,
      h('caption', { class: 'visually-hidden' }, 'Users'),
      h('thead', null, h('tr', null, ['Name', 'E-mail address', 'Role', ''].map((t, i) => h('th', { scope: 'col', key: i }, t)))),
      h('tbody', null, data.users.map((u) => h('tr', { key: u.id },
        h('td', null, u.name), h('td', null, u.email), h('td', null, words(u.role),
          u.mustChangePassword ? h('span', { class: 'muted' }, ' (one-time password)') : ''),
        h('td', null, u.id !== self && h('button', { type: 'button', class: 'link-button danger', onClick: () => remove(u),
          'aria-label': `Remove ${u.name}` }, 'Remove'))))))),
    h(AddUser, { path, onAdded: reload }));
}

export function AuditLog({ path }) {
  const { data, error, loading } = useLoad(() => get(path), [path]);
  return h('div', null,
    h(Pending, { loading: loading && !data }),
    h(Problem, { error }),
    data && (data.events.length === 0 ? h('p', { class: 'empty' }, 'Nothing recorded yet.') : h('table', { class: 'audit' },
      h('caption', { class: 'visually-hidden' }, 'Audit log, newest first'),
      h('thead', null, h('tr', null, ['When', 'Who', 'What', 'Target', 'Details'].map((t) => h('th', { scope: 'col', key: t }, t)))),
      h('tbody', null, data.events.map((e, i) => h('tr', { key: i },
        h('td', null, h(When, { at: e.at, relative: ago, absolute })), h('td', null, e.actorEmail || e.actorId),
        h('td', null, e.action), h('td', null, e.target || ''),
        h('td', null, Object.entries(e.details || {}).map(([k, v]) => `${k}: ${v}`).join('; '))))))));
}

export function UsersPage() {
  const { data: me } = useLoad(() => get('/api/session'), []);
  return h('div', { class: 'page' }, h('h1', null, 'Users'), me && h(UserList, { path: '/api/users', self: me.user.id }));
}

export function AuditPage() {
  return h('div', { class: 'page' }, h('h1', null, 'Audit log'), h(AuditLog, { path: '/api/audit?limit=200' }));
}
