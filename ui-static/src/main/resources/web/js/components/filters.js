// The filter sidebar: the filters the API offers for this search (only those with data), grouped — power filters,
// diversity, and the ATS filters in their own purple, collapsible group — each value with its count; ranges for
// years and dates. Selected values also show as removable chips above the results.
import { h, useState } from '../lib/preact.js';
import { count } from '../format.js';
import { toggleValue, withFilter } from '../searchstate.js';

const GROUPS = [['power', 'Filters'], ['diversity', 'Diversity'], ['ats', 'ATS filters']];

function TermsFilter({ filter, buckets, search, onChange }) {
  const selected = new Set(Array.isArray(search.filters[filter.key]) ? search.filters[filter.key] : []);
  const rows = [...buckets];
  for (const v of selected) if (!rows.some((b) => b.value === v)) rows.push({ value: v, count: 0 });
  const id = (i) => `filter-${filter.key}-${i}`;
  return h('details', { class: 'filter', open: selected.size > 0 || undefined },
    h('summary', null, filter.label, h('span', { class: 'count' }, ` (${count(rows.length)})`)),
    rows.length === 0
      ? h('p', { class: 'muted' }, 'No values in these results')
      : h('ul', { class: 'values' }, rows.map((b, i) => h('li', { key: b.value },
        h('input', { type: 'checkbox', id: id(i), checked: selected.has(b.value),
          onChange: (e) => onChange(toggleValue(search, filter.key, b.value, e.currentTarget.checked)) }),
        h('label', { for: id(i) }, b.value, ' ', h('span', { class: 'count' }, `(${count(b.count)})`))))));
}

function RangeFilter({ filter, search, onChange }) {
  const current = search.filters[filter.key] || {};
  const dates = filter.kind === 'DATE_RANGE';
  const [from, setFrom] = useState(current.from ?? '');
  const [to, setTo] = useState(current.to ?? '');
  const value = (v) => (v === '' ? undefined : dates ? v : Number(v));
  const apply = (e) => {
    e.preventDefault();
    const range = {};
    if (from !== '') range.from = value(from);
    if (to !== '') range.to = value(to);
    onChange(withFilter(search, filter.key, Object.keys(range).length ? range : null));
  };
  const type = dates ? 'date' : 'number';
  return h('details', { class: 'filter', open: search.filters[filter.key] ? true : undefined },
    h('summary', null, filter.label),
    h('form', { class: 'range', onSubmit: apply },
      h('label', { for: `range-${filter.key}-from` }, 'From'),
      h('input', { id: `range-${filter.key}-from`, type, min: dates ? undefined : 0, value: from, onInput: (e) => setFrom(e.currentTarget.value) }),
      h('label', { for: `range-${filter.key}-to` }, 'To'),
      h('input', { id: `range-${filter.key}-to`, type, min: dates ? undefined : 0, value: to, onInput: (e) => setTo(e.currentTarget.value) }),
      h('button', { type: 'submit' }, 'Apply', h('span', { class: 'visually-hidden' }, ' ' + filter.label))));
}

/** @param offered the API's `filters` @param facets the API's `facets` */
export function FilterSidebar({ offered, facets, search, onChange }) {
  const byGroup = (g) => offered.filter((f) => f.group === g);
  return h('aside', { class: 'filters', 'aria-label': 'Filters' },
    GROUPS.map(([group, title]) => {
      const filters = byGroup(group);
      if (!filters.length) return null;
      const items = filters.map((f) => (f.kind === 'TERMS'
        ? h(TermsFilter, { key: f.key, filter: f, buckets: facets[f.key] || [], search, onChange })
        : h(RangeFilter, { key: f.key + JSON.stringify(search.filters[f.key] || {}), filter: f, search, onChange })));
      if (group === 'ats') {
        return h('details', { class: 'group ats-group', open: true, key: group },
          h('summary', null, h('span', { class: 'ats-tag', 'aria-hidden': 'true' }, 'ATS'), ' ', title), items);
      }
      return h('section', { class: 'group', key: group, 'aria-label': title }, h('h2', null, title), items);
    }),
    offered.length === 0 && h('p', { class: 'muted' }, 'No filters for these results.'));
}

/** Selected filter values as chips; each chip's button removes it. */
export function Chips({ items, onChange }) {
  if (!items.length) return null;
  return h('ul', { class: 'chips', 'aria-label': 'Selected filters' }, items.map((c) => h('li', { key: c.key, class: 'chip' },
    h('span', null, `${c.label}: ${c.text}`),
    h('button', { type: 'button', 'aria-label': `Remove ${c.label}: ${c.text}`, onClick: () => onChange(c.remove) }, '×'))));
}
