// Insights over the current search: a card per category with horizontal bars (top values, "other", "unknown");
// hovering a row shows "312 candidates · 24 %"; clicking a row (a button) adds that filter, and the results and every
// card refresh. Print uses the print stylesheet (no chrome; query, filters, org, date and total on top); Export
// downloads the XLSX.
import { h, useState } from '../lib/preact.js';
import { download, fetchFile, post } from '../api.js';
import { navigate } from '../router.js';
import { absolute, count, percent, plural } from '../format.js';
import { Incomplete, Pending, Problem, Synced, useLoad } from '../components/status.js';
import { Chips } from '../components/filters.js';
import { QueryBar } from '../components/querybar.js';
import { chips, readSearch, searchBody, searchParams, toggleValue, withFilter } from '../searchstate.js';

const LIMIT = 10;

const tip = (n, share) => `${plural(n, 'candidate')} · ${percent(share)}`;

function Bar({ label, n, share, onSelect, pressed }) {
  const text = tip(n, share);
  const inner = [
    h('span', { class: 'bar-label' }, label),
    h('meter', { class: 'bar-meter', min: 0, max: 1, value: share, 'aria-hidden': 'true' }),
    h('span', { class: 'bar-count' }, count(n)),
    h('span', { class: 'tooltip', role: 'tooltip' }, text),
  ];
  return onSelect
    ? h('button', { type: 'button', class: 'bar', title: text, 'aria-label': `${label}: ${text}. Add as a filter`,
      'aria-pressed': pressed ? 'true' : 'false', onClick: onSelect }, inner)
    : h('div', { class: 'bar rest', title: text }, inner);
}

function Card({ category, search, total, onChange }) {
  const selected = search.filters[category.key];
  const rows = category.values.map((v) => {
    const range = v.from !== undefined || v.to !== undefined;
    const pressed = range ? selected && selected.from === v.from && selected.to === v.to
      : Array.isArray(selected) && selected.includes(v.value);
    const select = () => onChange(range ? withFilter(search, category.key, Object.fromEntries(
      Object.entries({ from: v.from, to: v.to }).filter(([, b]) => b !== undefined && b !== null)))
      : toggleValue(search, category.key, v.value, !pressed));
    return h('li', { key: v.value }, h(Bar, { label: v.value, n: v.count, share: v.share, pressed, onSelect: select }));
  });
  const rest = (label, n) => n > 0 && h('li', { key: label },
    h(Bar, { label, n, share: total ? n / total : 0 }));
  return h('section', { class: 'card', 'aria-labelledby': `card-${category.key}` },
    h('h2', { id: `card-${category.key}` }, category.label),
    category.values.length === 0 && !category.other && !category.unknown
      ? h('p', { class: 'muted' }, 'No data')
      : h('ul', { class: 'bars' }, rows, rest('Other', category.other), rest('Unknown', category.unknown)));
}

export function InsightsPage({ params, session }) {
  const search = { ...readSearch(params), page: 1, open: null };
  const request = JSON.stringify({ ...searchBody(search), limit: LIMIT });
  const { data, error, loading } = useLoad(() => {
    const { page, size, sort, ...body } = JSON.parse(request);
    return post('/api/insights', body);
  }, [request]);
  const [exportProblem, setExportProblem] = useState(null);
  const go = (next) => navigate('/insights', searchParams({ ...next, page: 1, open: null }));
  const labels = Object.fromEntries(((data && data.categories) || []).map((c) => [c.key, c.label]));
  const exportXlsx = async () => {
    setExportProblem(null);
    try {
      const { page, size, sort, ...body } = JSON.parse(request);
      await download(await fetchFile('POST', '/api/insights/export.xlsx', body), 'insights.xlsx');
    } catch (e) {
      setExportProblem(e);
    }
  };
  const selected = chips(search, labels);
  return h('div', { class: 'insights-page' },
    h(QueryBar, { path: '/insights', search, error, onSubmit: (q) => go({ ...search, q }) }),
    h('header', { class: 'print-head' },
      h('h1', null, 'Insights'),
      h('p', null, `Org: ${session.user.org || ''} · ${absolute(new Date().toISOString())}`),
      h('p', null, `Query: ${search.q || '(everything)'}`),
      h('p', null, `Filters: ${selected.length ? selected.map((c) => `${c.label}: ${c.text}`).join('; ') : 'none'}`),
      data && h('p', null, `Total: ${plural(data.total, 'candidate')}`),
      data && data.syncedAt && h('p', null, `ATS data as of ${absolute(data.syncedAt)}`),
      data && data.indexing && h('p', null, data.indexing.message)),
    h('div', { class: 'insights-head' },
      h('h1', { class: 'screen-only' }, 'Insights'),
      h('p', { role: 'status', class: 'total' }, data ? plural(data.total, 'candidate') : ''),
      data && h(Synced, { at: data.syncedAt }),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', onClick: () => window.print() }, 'Print'),
        h('button', { type: 'button', onClick: exportXlsx }, 'Export XLSX'))),
    data && h('div', { class: 'screen-only' }, h(Incomplete, { notice: data.indexing })),
    h(Problem, { error: exportProblem }),
    h(Chips, { items: selected, onChange: go }),
    h(Pending, { loading, text: 'Counting…' }),
    error && error.code !== 'invalid_query' && h(Problem, { error }),
    data && h('div', { class: 'cards' }, data.categories.map((c) => h(Card, { key: c.key, category: c, search, total: data.total, onChange: go }))));
}
