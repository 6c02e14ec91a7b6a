// Sync health of one connection: its state, the next run, what the mirror holds, how far matching and indexing are
// behind (and what they failed on), and the run history with counts, requests and retries by endpoint, and each
// run's failures with their reasons.
import { h, useState } from '../lib/preact.js';
import { get, seg } from '../api.js';
import { href } from '../router.js';
import { absolute, ago, count, duration, plural, words } from '../format.js';
import { Pending, Problem, useInterval, useLoad, When } from '../components/status.js';
import { SyncProgress } from '../components/progress.js';
import { ConnectionState, resultWords } from './integrations.js';

async function load(id) {
  const [connection, sync, runs] = await Promise.all([get(`/api/connections/${seg(id)}`),
    get(`/api/connections/${seg(id)}/sync`), get(`/api/connections/${seg(id)}/runs?limit=20`)]);
  return { connection, sync, runs: runs.runs };
}

function Lag({ pipeline }) {
  if (!pipeline) return null;
  return h('section', { 'aria-labelledby': 'lag-title' },
    h('h2', { id: 'lag-title' }, 'Matching and indexing'),
    pipeline.backlog === 0
      ? h('p', null, 'Up to date: every mirrored change is matched and searchable.')
      : h('p', null, `Behind by ${count(pipeline.backlog)} candidate${pipeline.backlog === 1 ? '' : 's'}`,
        pipeline.oldestAgeSeconds != null ? ` (the oldest has waited ${duration(pipeline.oldestAgeSeconds)})` : '', '.'),
    pipeline.failures > 0 && h('div', null,
      h('p', { class: 'warn' }, `${count(pipeline.failures)} candidate${pipeline.failures === 1 ? '' : 's'} could not be processed:`),
      h('table', null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Stage'), h('th', { scope: 'col' }, 'Candidate'),
          h('th', { scope: 'col' }, 'Reason'), h('th', { scope: 'col' }, 'When'))),
        h('tbody', null, pipeline.recentFailures.map((f) => h('tr', { key: f.stage + f.candidateId },
          h('td', null, f.stage), h('td', null, f.candidateId), h('td', null, f.reason),
          h('td', null, h(When, { at: f.at, relative: ago, absolute }))))))));
}

// Today's use of the daily request budget (the ATS's quota is shared with the customer's other integrations), when it
// resets, and while the first download runs, how many budget days it still takes.
function Budget({ budget }) {
  if (!budget) return null;
  const dl = budget.firstDownload;
  return h('section', { 'aria-labelledby': 'budget-title' },
    h('h2', { id: 'budget-title' }, 'Daily request budget'),
    h('p', { class: budget.spent ? 'warn' : null },
      `${count(budget.usedToday)} of ${plural(budget.requestsPerDay, 'request')} used today`,
      budget.spent ? '; the sync goes on after the reset' : '', ' (resets ',
      h(When, { at: budget.resetsAt, relative: ago, absolute }), ').'),
    dl && h('p', null, `The first download still needs about ${plural(dl.requestsLeft, 'request')}: `,
      `${plural(dl.days, 'budget day')}, done by `, h(When, { at: dl.finishesBy, relative: ago, absolute }), '.'),
    budget.counts && h('p', { class: 'muted' }, budget.counts));
}

function Mirror({ mirror }) {
  if (!mirror) return null;
  const kinds = Object.keys(mirror.live);
  return h('section', { 'aria-labelledby': 'mirror-title' },
    h('h2', { id: 'mirror-title' }, 'Mirrored'),
    h('table', null,
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Kind'), h('th', { scope: 'col', class: 'num' }, 'Live'),
        h('th', { scope: 'col', class: 'num' }, 'Deleted (remembered)'), h('th', { scope: 'col', class: 'num' }, 'Access lost'))),
      h('tbody', null, kinds.map((k) => h('tr', { key: k }, h('th', { scope: 'row' }, words(k)),
        h('td', { class: 'num' }, count(mirror.live[k])), h('td', { class: 'num' }, count(mirror.tombstones[k] || 0)),
        h('td', { class: 'num' }, count(mirror.accessLost[k] || 0)))))));
}

function RunFailures({ connectionId, run }) {
  const [shown, setShown] = useState(null);
  const [error, setError] = useState(null);
  if (!run.counts || !run.counts.failed) return null;
  const show = async () => {
    try {
      setShown((await get(`/api/connections/${seg(connectionId)}/runs/${seg(run.runId)}/failures?limit=100`)).failures);
    } catch (e) {
      setError(e);
    }
  };
  return h('div', null,
    !shown && h('button', { type: 'button', class: 'link-button', onClick: show }, `Show ${count(run.counts.failed)} failed records`),
    h(Problem, { error }),
    shown && h('ul', { class: 'failures' }, shown.map((f) => h('li', { key: f.kind + f.externalId },
      `${words(f.kind)} ${f.externalId}: ${f.reason}`))));
}

function Requests({ requests }) {
  const entries = Object.entries(requests || {}).sort((a, b) => a[0].localeCompare(b[0]));
  if (!entries.length) return '—';
  const total = entries.filter(([k]) => !/retr/i.test(k)).reduce((n, [, v]) => n + v, 0);
  return h('details', null, h('summary', null, count(total)),
    h('ul', { class: 'plain' }, entries.map(([k, v]) => h('li', { key: k }, `${k}: ${count(v)}`))));
}

function Runs({ connectionId, runs }) {
  if (!runs.length) return h('p', null, 'No sync has run yet.');
  return h('table', { class: 'runs' },
    h('caption', { class: 'visually-hidden' }, 'Sync runs, newest first'),
    h('thead', null, h('tr', null, ['Started', 'Kind', 'Result', 'Took', 'Added', 'Changed', 'Deleted', 'Failed',
      'Requests'].map((t) => h('th', { scope: 'col', key: t }, t)))),
    h('tbody', null, runs.map((r) => h('tr', { key: r.runId },
      h('td', null, h(When, { at: r.startedAt, relative: ago, absolute })),
      h('td', null, words(r.mode)),
      h('td', null, resultWords(r), h(RunFailures, { connectionId, run: r })),
      h('td', null, r.endedAt ? duration((new Date(r.endedAt) - new Date(r.startedAt)) / 1000) : 'running'),
      h('td', { class: 'num' }, count(r.counts.added)), h('td', { class: 'num' }, count(r.counts.updated)),
      h('td', { class: 'num' }, count(r.counts.deleted)), h('td', { class: 'num' }, count(r.counts.failed)),
      h('td', null, h(Requests, { requests: r.requests }))))));
}

export function SyncHealth({ connectionId }) {
  const { data, error, loading, reload } = useLoad(() => load(connectionId), [connectionId]);
  useInterval(reload, data && data.sync.running ? 2000 : 15000, !error);
  return h('div', { class: 'page' },
    h('p', null, h('a', { href: href('/integrations') }, '‹ Integrations')),
    h('h1', null, 'Sync health'),
    h(Pending, { loading: loading && !data }),
    h(Problem, { error }),
    data && [
      h('div', { class: 'summary', key: 's' },
        h(ConnectionState, { connection: data.connection }),
        data.connection.statusMessage && h('p', { class: 'reason' }, data.connection.statusMessage),
        h('dl', { class: 'sync-times' },
          h('dt', null, 'Next run'), h('dd', null, data.sync.nextRunAt ? h(When, { at: data.sync.nextRunAt, relative: ago, absolute }) : 'not scheduled'),
          data.sync.pausedBecause && h('dt', null, 'Paused'),
          data.sync.pausedBecause && h('dd', { class: 'warn' }, data.sync.pausedBecause))),
      data.sync.running && h(SyncProgress, { run: data.sync.running, key: 'p' }),
      h(Budget, { budget: data.sync.budget, key: 'b' }),
      h(Lag, { pipeline: data.sync.pipeline, key: 'l' }),
      h(Mirror, { mirror: data.sync.mirror, key: 'm' }),
      h('section', { 'aria-labelledby': 'runs-title', key: 'r' }, h('h2', { id: 'runs-title' }, 'Runs'),
        h(Runs, { connectionId, runs: data.runs })),
    ]);
}
