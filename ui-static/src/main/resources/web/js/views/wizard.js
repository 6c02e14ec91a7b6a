// Adding or editing a connection, one question per step: the connector (new only) → Capabilities (Confirm Choices)
// → Credentials, a form rendered from the connector's descriptor (secrets as password inputs with Show/Hide, help
// text, the setup notes with the egress IPs in a copyable block) → Submit → Verifying… → connected, or the error at
// the field with a summary on top.
import { h, useEffect, useState } from '../lib/preact.js';
import { get, post, put, seg } from '../api.js';
import { href, navigate } from '../router.js';
import { ErrorSummary, SecretField, TextField, CheckboxField, formErrors } from '../components/forms.js';
import { Pending, Problem, useLoad } from '../components/status.js';
import { words } from '../format.js';

const CAPABILITIES = {
  REDISCOVERY: ['Rediscovery', 'Mirror your candidates and jobs every day and search them in "Your ATS", enriched from public profiles.'],
};

const fieldId = (key) => `cred-${key}`;
const budgetId = (key) => `budget-${key}`;
const apiFieldToInput = (field) => {
  const m = /^credentials\.(.+)$/.exec(field || '');
  if (m) return fieldId(m[1]);
  const b = /^budget\.(.+)$/.exec(field || '');
  return b ? budgetId(b[1]) : field;
};

// The daily request budget as the form holds it: strings, empty meaning "the connector's default" (or kept, on edit).
const budgetValues = (connection) => {
  const b = (connection && connection.budget) || {};
  return {
    requestsPerDay: b.requestsPerDay != null ? String(b.requestsPerDay) : '',
    resetHour: b.resetHour != null ? String(b.resetHour) : '',
    timeZone: b.timeZone || '',
  };
};

// Only what was filled in is sent; a number field that is not a whole number goes as typed, so the API names it.
const budgetBody = (values) => {
  const body = {};
  for (const [key, raw] of Object.entries(values)) {
    const v = raw.trim();
    if (v === '') continue;
    body[key] = key === 'timeZone' || !/^-?\d+$/.test(v) ? v : Number(v);
  }
  return Object.keys(body).length ? body : undefined;
};

// The budget part of the form: how many requests a day Rediscover may spend of the ATS's shared quota, and when the
// ATS's day begins. Its texts come from the connector's form (GET /api/connectors/{id} → budget).
function BudgetFields({ form, values, errors, onInput }) {
  const field = (key, label, hint, extra) => h(TextField, {
    key, id: budgetId(key), label, hint, value: values[key], error: errors.byField[budgetId(key)],
    autocomplete: 'off', spellcheck: false, onInput: (v) => onInput({ ...values, [key]: v }), ...extra,
  });
  const fallback = form.defaultRequestsPerDay != null
    ? `Left empty: ${form.defaultRequestsPerDay.toLocaleString('en')}.` : 'Left empty: no limit.';
  return h('fieldset', { class: 'budget' },
    h('legend', null, 'Daily request budget'),
    field('requestsPerDay', form.label, [form.help, form.counts, fallback].filter(Boolean).join(' '),
      { inputmode: 'numeric', placeholder: form.defaultRequestsPerDay != null ? String(form.defaultRequestsPerDay) : '' }),
    field('resetHour', 'Hour the day resets (0–23)', `Left empty: ${form.defaultResetHour}.`, { inputmode: 'numeric' }),
    field('timeZone', 'Time zone of the reset', form.timeZoneHelp, { placeholder: form.defaultTimeZone }));
}

async function loadWizard(connectorId, connectionId) {
  if (connectionId) {
    const connection = await get(`/api/connections/${seg(connectionId)}`);
    const connector = await get(`/api/connectors/${seg(connection.connectorId)}`);
    return { connectors: [connector], connection };
  }
  const { connectors } = await get('/api/connectors');
  return { connectors, connection: null };
}

function ChooseConnector({ connectors }) {
  if (!connectors.length) {
    return h('p', { class: 'empty' }, 'No connector is enabled for your organisation; ask your customer success manager to enable one.');
  }
  return h('ul', { class: 'connector-list' }, connectors.map((c) => h('li', { key: c.id, class: 'connector' },
    h('h2', null, c.displayName),
    h('p', { class: 'muted' }, `Version ${c.version}`),
    c.deprecated && h('p', { class: 'deprecated' }, h('strong', null, 'Deprecated'), c.deprecation ? ` — ${c.deprecation}` : ''),
    h('a', { class: 'button primary', href: href('/integrations/new', { connector: c.id }),
      'aria-label': `Connect ${c.displayName}` }, 'Connect'))));
}

function Steps({ step, onBack }) {
  const tabs = [['capabilities', 'Capabilities'], ['credentials', 'Credentials']];
  const at = tabs.findIndex(([k]) => k === step);
  return h('ol', { class: 'steps', 'aria-label': 'Steps' }, tabs.map(([key, label], i) => h('li', {
    key, class: key === step ? 'current' : '', 'aria-current': key === step ? 'step' : undefined,
  }, i < at ? h('button', { type: 'button', class: 'link-button', onClick: () => onBack(key) }, label) : label)));
}

const IP = /(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?|(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}(?:\/\d{1,3})?/gi;

function SetupNote({ note }) {
  const ips = note.text.match(IP) || [];
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(ips.join('\n'));
    setCopied(true);
  };
  return h('section', { class: 'setup-note', 'aria-label': note.title },
    h('h3', null, note.title),
    h('p', null, note.text),
    ips.length > 0 && h('div', { class: 'copyable' },
      h('pre', { tabindex: 0, 'aria-label': 'Egress IP addresses' }, ips.join('\n')),
      h('button', { type: 'button', onClick: copy }, copied ? 'Copied' : 'Copy addresses')));
}

export function Wizard({ connectorId, connectionId }) {
  const { data, error } = useLoad(() => loadWizard(connectorId, connectionId), [connectorId, connectionId]);
  if (error) return h('div', { class: 'page' }, h('h1', null, 'Add a Connection'), h(Problem, { error }));
  if (!data) return h('div', { class: 'page' }, h(Pending, { loading: true }));
  const connector = connectionId ? data.connectors[0] : data.connectors.find((c) => c.id === connectorId);
  if (!connector) {
    return h('div', { class: 'page' }, h('h1', null, 'Add a Connection'),
      h('p', null, 'Choose the ATS to connect.'), h(ChooseConnector, { connectors: data.connectors }));
  }
  return h(ConnectorForm, { connector, connection: data.connection, key: connector.id + (connectionId || '') });
}

function ConnectorForm({ connector, connection }) {
  const editing = !!connection;
  const [step, setStep] = useState('capabilities');
  const [capabilities, setCapabilities] = useState(new Set(connection ? connection.capabilities : connector.capabilities));
  const [values, setValues] = useState(() => Object.fromEntries(connector.credentials.map((f) => {
    const stored = connection && connection.credentials[f.key];
    return [f.key, stored && !stored.secret ? stored.value || '' : ''];
  })));
  const [budget, setBudget] = useState(() => budgetValues(connection));
  const [savedId, setSavedId] = useState(connection ? connection.id : null);
  const [error, setError] = useState(null);
  const [state, setState] = useState(null); // null | 'verifying' | the connected connection

  const title = `${editing ? 'Edit' : 'Connect'} ${connector.displayName}`;

  const confirmChoices = (e) => {
    e.preventDefault();
    if (!capabilities.size) {
      setError({ field: 'capability-' + connector.capabilities[0], message: 'Choose at least one capability' });
      return;
    }
    setError(null);
    setStep('credentials');
  };

  const verify = async (id) => {
    setState('verifying');
    for (;;) {
      const c = await get(`/api/connections/${seg(id)}`);
      if (c.status === 'CONNECTED') {
        setState(c);
        return;
      }
      if (c.status !== 'VERIFYING') {
        setState(null);
        setError({ field: c.statusField ? fieldId(c.statusField) : null, message: c.statusMessage || `the connection is ${words(c.status)}` });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  };

  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    const credentials = {};
    for (const f of connector.credentials) {
      if (values[f.key] !== '' || !f.secret || !savedId) credentials[f.key] = values[f.key];
    }
    const body = { connectorId: connector.id, capabilities: [...capabilities], credentials, budget: budgetBody(budget) };
    try {
      const saved = savedId ? await put(`/api/connections/${seg(savedId)}`, body) : await post('/api/connections', body);
      setSavedId(saved.id);
      await verify(saved.id);
    } catch (err) {
      setState(null);
      setError(err);
    }
  };

  if (state && state !== 'verifying') {
    return h('div', { class: 'page narrow' },
      h('h1', null, title),
      h('div', { class: 'success-panel', role: 'status' },
        h('p', { class: 'state ok' }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '✓'), ` ${connector.displayName} is connected`),
        state.statusMessage && h('p', { class: 'reason warn' }, state.statusMessage),
        h('p', null, editing ? 'The next sync uses the new settings.' : 'The first sync has started: follow it on the Integrations page.')),
      h('a', { class: 'button primary', href: href('/integrations') }, 'Go to Integrations'));
  }

  const errors = formErrors(error, apiFieldToInput);
  return h('div', { class: 'page narrow' },
    h('h1', null, title),
    connector.deprecated && h('p', { class: 'deprecated' }, h('strong', null, 'Deprecated'), connector.deprecation ? ` — ${connector.deprecation}` : ''),
    h(Steps, { step, onBack: (s) => {
      setError(null);
      setStep(s);
    } }),
    h(ErrorSummary, { errors: errors.summary }),
    step === 'capabilities' && h('form', { onSubmit: confirmChoices, noValidate: true },
      h('fieldset', null,
        h('legend', null, 'What should this connection do?'),
        connector.capabilities.map((cap) => h(CheckboxField, {
          key: cap, id: 'capability-' + cap, label: (CAPABILITIES[cap] || [words(cap)])[0],
          hint: (CAPABILITIES[cap] || [])[1], checked: capabilities.has(cap), error: errors.byField['capability-' + cap],
          onChange: (on) => {
            const next = new Set(capabilities);
            if (on) next.add(cap);
            else next.delete(cap);
            setCapabilities(next);
          },
        }))),
      h('button', { type: 'submit', class: 'primary' }, 'Confirm Choices')),
    step === 'credentials' && h('form', { onSubmit: submit, noValidate: true, 'aria-busy': state === 'verifying' ? 'true' : 'false' },
      connector.setupNotes.map((note) => h(SetupNote, { key: note.title, note })),
      connector.credentials.map((f) => h(f.secret ? SecretField : TextField, {
        key: f.key, id: fieldId(f.key), label: f.label, required: f.required,
        hint: [f.help, f.secret && savedId && editing ? 'Leave blank to keep the stored secret.' : null].filter(Boolean).join(' ') || undefined,
        value: values[f.key], error: errors.byField[fieldId(f.key)], autocomplete: 'off', spellcheck: false,
        onInput: (v) => setValues({ ...values, [f.key]: v }),
      })),
      connector.budget && h(BudgetFields, { form: connector.budget, values: budget, errors, onInput: setBudget }),
      h('div', { class: 'button-row' },
        h('button', { type: 'submit', class: 'primary', disabled: state === 'verifying' }, state === 'verifying' ? 'Verifying…' : 'Submit'),
        h('a', { class: 'button', href: href('/integrations') }, 'Cancel')),
      state === 'verifying' && h('p', { role: 'status', class: 'pending' }, `Verifying… Rediscover is signing in to ${connector.displayName} and reading one page.`)));
}
