// The search a page shows, as it lives in the URL: corpus, query, filters (JSON in "f"), sort, page and the open
// profile. Search and Insights share it, so switching between them keeps the query and the filters.

/** @returns {{corpus, q, filters, sort, page, open}} from route parameters */
export function readSearch(params) {
  let filters = {};
  try {
    const parsed = params.f ? JSON.parse(params.f) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) filters = parsed;
  } catch (e) {
    filters = {}; // a hand-edited link with broken JSON: start without filters rather than fail
  }
  return {
    corpus: params.corpus === 'public' ? 'public' : 'ats',
    q: params.q || '',
    filters,
    sort: params.sort === 'lastUpdated' ? 'lastUpdated' : 'relevance',
    page: Math.max(1, parseInt(params.page, 10) || 1),
    open: params.open || null,
  };
}

/** @returns route parameters for a search (defaults left out, so links stay short) */
export function searchParams(s) {
  return {
    corpus: s.corpus === 'ats' ? undefined : s.corpus,
    q: s.q || undefined,
    f: Object.keys(s.filters).length ? JSON.stringify(s.filters) : undefined,
    sort: s.sort === 'relevance' ? undefined : s.sort,
    page: s.page > 1 ? s.page : undefined,
    open: s.open || undefined,
  };
}

/** @returns the request body of POST /api/search (and /api/insights) */
export function searchBody(s, size = 20) {
  return { corpus: s.corpus, query: s.q, filters: s.filters, sort: s.sort, page: s.page, size };
}

/** @returns the search with a value of a terms filter added or removed (back to page 1) */
export function toggleValue(s, key, value, on) {
  const current = Array.isArray(s.filters[key]) ? s.filters[key] : [];
  const values = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
  return withFilter(s, key, values.length ? values : null);
}

/** @returns the search with a filter set (a list or a {from, to} range) or removed (null) */
export function withFilter(s, key, selection) {
  const filters = { ...s.filters };
  if (selection === null || selection === undefined) delete filters[key];
  else filters[key] = selection;
  return { ...s, filters, page: 1, open: null };
}

/** @returns every selected value as a chip: {key, label, text, remove: search without it} */
export function chips(s, labels) {
  const out = [];
  for (const [key, selection] of Object.entries(s.filters)) {
    const label = labels[key] || key;
    if (Array.isArray(selection)) {
      for (const v of selection) out.push({ key: key + '=' + v, label, text: v, remove: toggleValue(s, key, v, false) });
    } else if (selection && typeof selection === 'object') {
      const text = [selection.from ?? '…', selection.to ?? '…'].join(' – ');
      out.push({ key, label, text, remove: withFilter(s, key, null) });
    }
  }
  return out;
}
