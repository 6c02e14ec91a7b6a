// The Integrations page (org admins): the org's connections with their state — a green check when connected, a
// warning with the reason and what to do otherwise —, last and next sync, a progress bar while syncing, Sync now, and
// an arrow menu per connection (Edit, Sync now, Sync health, Remove).
import { h, useState } from '../lib/preact.js';
import { del, get, post, seg } from '../api.js';
import { href, navigate } from '../router.js';
import { ago, absolute, plural } from '../format.js';
import { MenuButton } from '../components/menu.js';
import { Pending, Problem, useInterval, useLoad, When } from '../components/status.js';
import { SyncProgress } from '../components/progress.js';
import { RemoveConnection } from './remove.js';

async function loadAll() {
  const [{ connections }, { connectors }] = await Promise.all([get('/api/connections'), get('/api/connectors')]);
  const syncs = await Promise.all(connections.map((c) => get(`/api/connections/${seg(c.id)}/sync`).catch(() => null)));
  const names = Object.fromEntries(connectors.map((c) => [c.id, c.displayName]));
  return connections.map((c, i) => ({ connection: c, sync: syncs[i], name: names[c.connectorId] || c.connectorId }));
}

/** The state of a connection in words, with an icon (colour is never the only signal). */
export function ConnectionState({ connection }) {
  const c = connection;
  switch (c.status) {
    case 'CONNECTED':
      return h('span', { class: 'state ok' }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '✓'), ' Connected');
    case 'VERIFYING':
      return h('span', { class: 'state busy' }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '…'), ' Verifying…');
    case 'REMOVING':
      return h('span', { class: 'state busy' }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '…'), ' Removing…');
    case 'FAILED':
      return h('span', { class: 'state warn' }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '⚠'), ' Not connected');
    default:
      return h('span', { class: 'state warn' }, h('span', { 'aria-hidden': 'true', class: 'icon' }, '⚠'), ' Needs attention');
  }
}

function Reason({ connection, name }) {
  const c = connection;
  if (!c.statusMessage) return null;
  const broken = c.status === 'FAILED' || c.status === 'NEEDS_ATTENTION';
  return h('p', { class: broken ? 'reason warn' : 'reason' },
    c.statusMessage,
    broken && [' — ', h('a', { href: href(`/integrations/${seg(c.id)}/edit`) },
      c.statusField ? 'Edit credentials' : `Edit ${name}`)]);
}

function LastSync({ sync }) {
  if (!sync) return null;
  const last = sync.lastRun;
  return h('dl', { class: 'sync-times' },
    h('dt', null, 'Last sync'),
    h('dd', null, last
      ? [h(When, { at: last.endedAt || last.startedAt, relative: ago, absolute }), ' · ', resultWords(last)]
      : 'not yet'),
    h('dt', null, 'Next sync'),
    h('dd', null, sync.running ? 'running now' : sync.nextRunAt ? h(When, { at: sync.nextRunAt, relative: ago, absolute }) : 'not scheduled'),
    sync.pausedBecause && h('dt', null, 'Paused'),
    sync.pausedBecause && h('dd', { class: 'warn' }, sync.pausedBecause));
}

export function resultWords(run) {
  const c = run.counts || {};
  switch (run.result) {
    case 'SUCCEEDED':
      return `succeeded (${plural((c.added || 0) + (c.updated || 0), 'record')} added or changed)`;
    case 'FAILED':
      return 'failed' + (run.error ? `: ${run.error.message}` : '');
    case 'RUNNING':
      return 'running';
    default:
      return run.result.toLowerCase();
  }
}

function ConnectionRow({ entry, onChanged }) {
  const { connection: c, sync, name } = entry;
  const [problem, setProblem] = useState(null);
  const [removing, setRemoving] = useState(false);
  const syncNow = async () => {
    setProblem(null);
    try {
      await post(`/api/connections/${seg(c.id)}/sync`);
      onChanged();
    } catch (e) {
      setProblem(e);
    }
  };
  const canSync = c.status === 'CONNECTED' && !(sync && sync.running);
  return h('li', { class: 'connection', 'aria-labelledby': `connection-${c.id}` },
    h('div', { class: 'connection-head' },
      h('h2', { id: `connection-${c.id}` }, name),
      h(ConnectionState, { connection: c }),
      h('div', { class: 'actions' },
        h('button', { type: 'button', onClick: syncNow, disabled: !canSync }, 'Sync now'),
        h(MenuButton, {
          label: `Actions for ${name}`, button: h('span', { 'aria-hidden': 'true' }, '▾'),
          items: [
            { label: 'Edit', onSelect: () => navigate(`/integrations/${seg(c.id)}/edit`) },
            { label: 'Sync now', onSelect: syncNow },
            { label: 'Sync health', onSelect: () => navigate(`/integrations/${seg(c.id)}/health`) },
            { label: 'Remove', danger: true, onSelect: () => setRemoving(true) },
          ],
        }))),
    h(Reason, { connection: c, name }),
    h(Problem, { error: problem }),
    sync && sync.running && h(SyncProgress, { run: sync.running }),
    h(LastSync, { sync }),
    removing && h(RemoveConnection, { connection: c, name, sync, onClose: () => setRemoving(false), onRemoved: onChanged }));
}

export function IntegrationsPage() {
  const { data, error, loading, reload } = useLoad(loadAll, []);
  const busy = (data || []).some((e) => e.connection.status === 'VERIFYING' || e.connection.status === 'REMOVING'
    || (e.sync && e.sync.running));
  useInterval(reload, busy ? 1500 : 10000, !error);
  const entries = data || [];
  return h('div', { class: 'page' },
    h('div', { class: 'page-head' },
      h('h1', null, 'Integrations'),
      entries.length > 0 && h('a', { class: 'button primary', href: href('/integrations/new'), 'aria-label': 'Add a Connection' }, '+')),
    h(Pending, { loading: loading && !data }),
    h(Problem, { error }),
    data && !entries.length && h('div', { class: 'empty' },
      h('p', null, 'No ATS connected yet.'),
      h('a', { class: 'button primary', href: href('/integrations/new') }, '+ Add a Connection')),
    entries.length > 0 && h('ul', { class: 'connections' },
      entries.map((e) => h(ConnectionRow, { key: e.connection.id, entry: e, onChanged: reload }))));
}
