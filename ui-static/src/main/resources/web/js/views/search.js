// Search: the query bar, the filter sidebar, chips, the results with highlighted snippets and a matched/unmatched
// badge, sorting and paging; the profile opens in a panel on the right (Escape closes it). j/k move through the
// results, Enter opens one.
import { h, useEffect, useState } from '../lib/preact.js';
import { post } from '../api.js';
import { href, navigate } from '../router.js';
import { ago, absolute, count, plural } from '../format.js';
import { Incomplete, Pending, Synced, useLoad, When } from '../components/status.js';
import { Highlight } from '../components/highlight.js';
import { Chips, FilterSidebar } from '../components/filters.js';
import { QueryBar } from '../components/querybar.js';
import { chips, readSearch, searchBody, searchParams, withFilter } from '../searchstate.js';
import { ProfilePanel } from './profile.js';

const SIZE = 20;
const FIELDS = { name: 'Name', experience: 'Experience', education: 'Education', skills: 'Skills', location: 'Location', ats: 'ATS' };

function Badge({ matched }) {
  return matched
    ? h('span', { class: 'badge matched' }, h('span', { 'aria-hidden': 'true' }, '✓ '), 'Matched')
    : h('span', { class: 'badge unmatched' }, h('span', { 'aria-hidden': 'true' }, '○ '), 'Unmatched');
}

function Snippets({ snippets }) {
  const shown = [];
  for (const [field, fragments] of Object.entries(snippets || {})) {
    for (const fragment of fragments) if (shown.length < 2) shown.push([field, fragment]);
  }
  if (!shown.length) return null;
  return h('ul', { class: 'snippets' }, shown.map(([field, fragment], i) => h('li', { key: i },
    h('span', { class: 'snippet-field' }, (FIELDS[field] || field) + ': '), h(Highlight, { fragment }))));
}

function Hit({ hit, search, open }) {
  const line = [hit.title, hit.company].filter(Boolean).join(' · ');
  const name = hit.name || hit.atsId || hit.id;
  return h('li', { class: 'hit' + (open ? ' open' : '') },
    h('h3', null, search.corpus === 'ats'
      ? h('a', { href: href('/search', searchParams({ ...search, open: hit.id })), 'data-nav-item': '' }, name)
      : h('span', { tabindex: 0, 'data-nav-item': '' }, name)),
    line && h('p', { class: 'hit-line' }, line),
    h('p', { class: 'hit-meta' },
      hit.location && h('span', null, hit.location),
      h(Badge, { matched: hit.matched }),
      hit.updated && h('span', null, 'Updated ', h(When, { at: hit.updated, relative: ago, absolute }))),
    h(Snippets, { snippets: hit.snippets }));
}

function Pages({ total, search, capped }) {
  const reachable = Math.min(total, 10000);
  const last = Math.max(1, Math.ceil(reachable / SIZE));
  if (last === 1) return null;
  const at = search.page;
  const numbers = [...new Set([1, at - 2, at - 1, at, at + 1, at + 2, last])].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
  const link = (p, label, aria) => h('a', { href: href('/search', searchParams({ ...search, page: p, open: null })),
    'aria-label': aria, 'aria-current': p === at && !aria ? 'page' : undefined }, label);
  const items = [];
  if (at > 1) items.push(h('li', { key: 'prev' }, link(at - 1, '‹ Previous', 'Previous page')));
  numbers.forEach((p, i) => {
    if (i > 0 && p - numbers[i - 1] > 1) items.push(h('li', { key: 'gap' + p, 'aria-hidden': 'true' }, '…'));
    items.push(h('li', { key: p }, p === at ? h('span', { 'aria-current': 'page' }, String(p)) : link(p, String(p))));
  });
  if (at < last) items.push(h('li', { key: 'next' }, link(at + 1, 'Next ›', 'Next page')));
  return h('nav', { class: 'pages', 'aria-label': 'Pages' }, h('ul', null, items),
    capped && h('p', { class: 'muted' }, 'Only the first 10,000 results can be paged to: narrow the search to see the rest.'));
}

/** With no result, finds the filter whose removal brings back the most candidates and offers to remove it. */
function EmptyResult({ search, labels, onChange }) {
  const keys = Object.keys(search.filters);
  const [best, setBest] = useState(null);
  useEffect(() => {
    let live = true;
    setBest(null);
    Promise.all(keys.map((k) => post('/api/search', searchBody(withFilter(search, k, null), 1)).then((r) => [k, r.total], () => [k, 0])))
      .then((totals) => {
        const top = totals.sort((a, b) => b[1] - a[1])[0];
        if (live && top && top[1] > 0) setBest(top);
      });
    return () => {
      live = false;
    };
  }, [JSON.stringify(search.filters), search.q, search.corpus]);
  return h('div', { class: 'empty', role: 'status' },
    h('p', null, 'No candidates match this search.'),
    best && h('p', null, `The ${labels[best[0]] || best[0]} filter removed the most: without it, ${plural(best[1], 'candidate')} match. `,
      h('button', { type: 'button', onClick: () => onChange(withFilter(search, best[0], null)) }, `Remove the ${labels[best[0]] || best[0]} filter`)),
    !keys.length && search.q && h('p', null, 'Try fewer words, OR between alternatives, or a prefix such as engineer*.'));
}

export function SearchPage({ params }) {
  const search = readSearch(params);
  const request = JSON.stringify(searchBody(search, SIZE));
  const { data, error, loading } = useLoad(() => post('/api/search', JSON.parse(request)), [request]);
  const [last, setLast] = useState(null); // the last good answer: filters stay while a query is being fixed
  useEffect(() => {
    if (data) setLast(data);
  }, [data]);
  const answer = error ? last : data;
  const go = (next) => navigate('/search', searchParams(next));
  const labels = Object.fromEntries(((answer && answer.filters) || []).map((f) => [f.key, f.label]));
  return h('div', { class: 'search-page' + (search.open ? ' with-panel' : '') },
    h(QueryBar, { path: '/search', search, error, warnings: data && data.warnings,
      onSubmit: (q) => go({ ...search, q, page: 1, open: null }) }),
    h('div', { class: 'search-body' },
      answer && h(FilterSidebar, { offered: answer.filters, facets: answer.facets, search, onChange: go }),
      h('section', { class: 'results', 'aria-label': 'Results', 'aria-busy': loading ? 'true' : 'false' },
        h('div', { class: 'results-head' },
          h('p', { role: 'status', class: 'total' }, data ? `${plural(data.total, 'candidate')} · ${count(data.tookMs)} ms` : ''),
          data && h(Synced, { at: data.syncedAt }),
          h('span', { class: 'sort' },
            h('label', { for: 'sort' }, 'Sort: '),
            h('select', { id: 'sort', value: search.sort, onChange: (e) => go({ ...search, sort: e.currentTarget.value, page: 1 }) },
              h('option', { value: 'relevance' }, 'Relevance'), h('option', { value: 'lastUpdated' }, 'Last updated')))),
        data && h(Incomplete, { notice: data.indexing }),
        h(Chips, { items: chips(search, labels), onChange: go }),
        h(Pending, { loading, text: 'Searching…' }),
        loading && !data && h('ul', { class: 'skeleton', 'aria-hidden': 'true' }, [1, 2, 3, 4].map((i) => h('li', { key: i }))),
        data && data.total === 0 && h(EmptyResult, { search, labels, onChange: go }),
        data && data.total > 0 && h('ol', { class: 'hits' }, data.hits.map((hit) => h(Hit, { key: hit.id, hit, search, open: hit.id === search.open }))),
        data && h(Pages, { total: data.total, search, capped: data.capped })),
      search.open && h(ProfilePanel, { id: search.open, closeHref: href('/search', searchParams({ ...search, open: null })) })));
}
