// The top of Search and Insights: the tabs Public Profiles | Your ATS and the one query box. A query that does not
// parse is shown under the box with a caret at the column the API names; warnings show in amber and the search runs.
import { h, useEffect, useState } from '../lib/preact.js';
import { href } from '../router.js';
import { searchParams } from '../searchstate.js';

function Tabs({ path, search }) {
  const tab = (corpus, label) => h('li', { key: corpus },
    h('a', { href: href(path, searchParams({ ...search, corpus, filters: {}, page: 1, open: null })),
      'aria-current': search.corpus === corpus ? 'page' : undefined }, label));
  return h('nav', { class: 'tabs', 'aria-label': 'Search in' }, h('ul', null,
    tab('public', 'Public Profiles'), tab('ats', 'Your ATS')));
}

export function QueryError({ query, error }) {
  if (!error) return null;
  if (error.code !== 'invalid_query') return h('p', { class: 'problem', role: 'alert' }, error.message);
  const column = error.column || 1;
  return h('div', { class: 'query-error', role: 'alert' },
    h('pre', { 'aria-hidden': 'true' }, query, '\n', ' '.repeat(Math.max(0, column - 1)), '^'),
    h('p', null, error.message, ` (column ${column})`));
}

export function Warnings({ warnings }) {
  if (!warnings || !warnings.length) return null;
  return h('ul', { class: 'warnings', 'aria-label': 'Query warnings' }, warnings.map((w) => h('li', { key: w.column + w.message },
    h('span', { 'aria-hidden': 'true' }, '⚠ '), w.message, w.column ? ` (column ${w.column})` : '')));
}

export function QueryBar({ path, search, onSubmit, error, warnings }) {
  const [text, setText] = useState(search.q);
  useEffect(() => setText(search.q), [search.q]);
  const failing = error && error.code === 'invalid_query';
  return h('div', { class: 'query-bar' },
    h(Tabs, { path, search }),
    h('form', { role: 'search', class: 'query-form', onSubmit: (e) => {
      e.preventDefault();
      onSubmit(text);
    } },
    h('label', { for: 'query', class: 'visually-hidden' }, 'Search query'),
    h('input', { id: 'query', type: 'search', value: text, placeholder: 'Keywords or Boolean: java AND (spring OR kotlin) -intern   (press / to focus)',
      autocomplete: 'off', spellcheck: false, 'aria-invalid': failing ? 'true' : undefined,
      'aria-describedby': failing ? 'query-problem' : undefined, onInput: (e) => setText(e.currentTarget.value) }),
    h('button', { type: 'submit', class: 'primary' }, 'Search')),
    h('div', { id: 'query-problem' }, h(QueryError, { query: search.q, error })),
    h(Warnings, { warnings }));
}
