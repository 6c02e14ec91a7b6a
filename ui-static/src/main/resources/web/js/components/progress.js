// A sync's progress: a bar with done / estimate, the rate and the time left ("41,200 of ~150,000 people · 1,150/min ·
// about 2 days").
import { h } from '../lib/preact.js';
import { count, duration } from '../format.js';

const UNITS = { people: 'people', jobs: 'jobs', workflows: 'applications', applicantworkflows: 'applications' };

/** @param run a SyncRun whose result is RUNNING */
export function SyncProgress({ run }) {
  const p = run.progress || {};
  const known = p.estimatedTotal > 0;
  // A phase is named by what it reads ("people", "people updated 30 days before the download", "changes: jobs").
  const unit = UNITS[p.phase] || UNITS[(p.phase || '').split(/[\s:]/)[0]] || 'records';
  const parts = [known ? `${count(p.done)} of ~${count(p.estimatedTotal)} ${unit}` : `${count(p.done || 0)} ${unit}`];
  if (p.ratePerSecond > 0) parts.push(`${count(Math.round(p.ratePerSecond * 60))}/min`);
  if (p.eta) {
    const left = (new Date(p.eta).getTime() - Date.now()) / 1000;
    if (left > 0) parts.push(duration(left));
  }
  const label = `Sync progress${p.phase ? ' (' + p.phase + ')' : ''}`;
  return h('div', { class: 'sync-progress' },
    h('progress', known
      ? { max: p.estimatedTotal, value: Math.min(p.done, p.estimatedTotal), 'aria-label': label }
      : { 'aria-label': label }),
    h('p', { class: 'progress-text' }, (p.phase ? `${p.phase}: ` : '') + parts.join(' · ')));
}
