// Platform admins: every org with its licence tier, ATS-integrations switch and allowed plugins; a new org; one org's
// settings, users and audit log.
import { h, useState } from '../lib/preact.js';
import { get, patch, post, seg } from '../api.js';
import { href, navigate } from '../router.js';
import { words } from '../format.js';
import { CheckboxField, ErrorSummary, SelectField, TextField, formErrors } from '../components/forms.js';
import { Pending, Problem, useLoad } from '../components/status.js';
import { AuditLog, UserList } from './users.js';

const TIERS = ['FREE', 'TEAM', 'PROFESSIONAL', 'ENTERPRISE'].map((t) => [t, words(t)]);
const pluginList = (text) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** Tier, the integrations switch and plugins: the fields a new org and an org's settings share. */
function LicenceFields({ form, set, errors, prefix }) {
  return [
    h(SelectField, { key: 't', id: prefix + 'tier', label: 'Licence tier', value: form.tier, onChange: set('tier'), options: TIERS,
      hint: 'ATS integrations need Professional or Enterprise.', error: errors.byField[prefix + 'tier'] }),
    h(CheckboxField, { key: 'i', id: prefix + 'integrationsEnabled', label: 'ATS integrations enabled', checked: form.integrationsEnabled,
      onChange: set('integrationsEnabled'), error: errors.byField[prefix + 'integrationsEnabled'] }),
    h(TextField, { key: 'p', id: prefix + 'plugins', label: 'Plugins this org may use', value: form.plugins, onInput: set('plugins'),
      hint: 'Plugin ids, separated by commas (for example icims-stream).', required: false,
      error: errors.byField[prefix + 'plugins'] }),
  ];
}

const toInput = (prefix) => (field) => prefix + field.replace(/\[\d+\]$/, '');

function NewOrg({ onCreated }) {
  const empty = { id: '', name: '', tier: 'ENTERPRISE', integrationsEnabled: false, plugins: '' };
  const [form, setForm] = useState(empty);
  const [error, setError] = useState(null);
  const set = (k) => (v) => setForm({ ...form, [k]: v });
  const submit = async (e) => {
    e.preventDefault();
    try {
      const org = await post('/api/admin/orgs', { ...form, plugins: pluginList(form.plugins) });
      onCreated(org);
    } catch (err) {
      setError(err);
    }
  };
  const errors = formErrors(error, toInput('org-'));
  return h('section', { class: 'form-section', 'aria-labelledby': 'new-org-title' },
    h('h2', { id: 'new-org-title' }, 'New organisation'),
    h(ErrorSummary, { errors: errors.summary }),
    h('form', { onSubmit: submit, noValidate: true },
      h(TextField, { id: 'org-id', label: 'Id', hint: 'Lower-case letters, digits and -, starting with a letter (2–40).', value: form.id,
        onInput: set('id'), required: true, error: errors.byField['org-id'] }),
      h(TextField, { id: 'org-name', label: 'Name', value: form.name, onInput: set('name'), required: true, error: errors.byField['org-name'] }),
      h(LicenceFields, { form, set, errors, prefix: 'org-' }),
      h('button', { type: 'submit', class: 'primary' }, 'Create organisation')));
}

export function OrgsPage() {
  const { data, error, loading } = useLoad(() => get('/api/admin/orgs'), []);
  return h('div', { class: 'page' },
    h('h1', null, 'Organisations'),
    h(Pending, { loading: loading && !data }),
    h(Problem, { error }),
    data && (data.orgs.length === 0 ? h('p', { class: 'empty' }, 'No organisations yet.') : h('table', null,
      h('caption', { class: 'visually-hidden' }, 'Organisations'),
      h('thead', null, h('tr', null, ['Organisation', 'Licence', 'ATS integrations', 'Plugins'].map((t) => h('th', { scope: 'col', key: t }, t)))),
      h('tbody', null, data.orgs.map((o) => h('tr', { key: o.id },
        h('td', null, h('a', { href: href(`/admin/orgs/${seg(o.id)}`) }, o.name), h('span', { class: 'muted' }, ` (${o.id})`)),
        h('td', null, words(o.tier)),
        h('td', null, o.integrationsEnabled ? 'On' : 'Off'),
        h('td', null, [...o.plugins].sort().join(', ') || '—')))))),
    h(NewOrg, { onCreated: (org) => navigate(`/admin/orgs/${seg(org.id)}`) }));
}

function OrgSettings({ org, onSaved }) {
  const [form, setForm] = useState({ name: org.name, tier: org.tier, integrationsEnabled: org.integrationsEnabled,
    plugins: [...org.plugins].sort().join(', ') });
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(false);
  const set = (k) => (v) => {
    setSaved(false);
    setForm({ ...form, [k]: v });
  };
  const submit = async (e) => {
    e.preventDefault();
    try {
      onSaved(await patch(`/api/admin/orgs/${seg(org.id)}`, { ...form, plugins: pluginList(form.plugins) }));
      setError(null);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  const errors = formErrors(error, toInput('settings-'));
  return h('section', { class: 'form-section', 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title' }, 'Licence and integrations'),
    saved && h('p', { class: 'success', role: 'status' }, '✓ Saved.'),
    h(ErrorSummary, { errors: errors.summary }),
    h('form', { onSubmit: submit, noValidate: true },
      h(TextField, { id: 'settings-name', label: 'Name', value: form.name, onInput: set('name'), required: true, error: errors.byField['settings-name'] }),
      h(LicenceFields, { form, set, errors, prefix: 'settings-' }),
      h('button', { type: 'submit', class: 'primary' }, 'Save')));
}

export function OrgPage({ orgId }) {
  const { data, error, loading, reload } = useLoad(() => get(`/api/admin/orgs/${seg(orgId)}`), [orgId]);
  return h('div', { class: 'page' },
    h('p', null, h('a', { href: href('/admin/orgs') }, '‹ Organisations')),
    h('h1', null, data ? data.name : orgId),
    h(Pending, { loading: loading && !data }),
    h(Problem, { error }),
    data && h(OrgSettings, { org: data, onSaved: reload }),
    data && h('section', { 'aria-labelledby': 'org-users-title' }, h('h2', { id: 'org-users-title' }, 'Users'),
      h(UserList, { path: `/api/admin/orgs/${seg(orgId)}/users`, self: null })),
    data && h('section', { 'aria-labelledby': 'org-audit-title' }, h('h2', { id: 'org-audit-title' }, 'Audit log'),
      h(AuditLog, { path: `/api/admin/audit?org=${encodeURIComponent(orgId)}&limit=100` })));
}
