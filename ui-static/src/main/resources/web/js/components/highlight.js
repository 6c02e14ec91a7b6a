// A snippet with its highlighted ranges. The text is plain (from the API, maybe from a resume): it is put on the page
// as text nodes, and only the ranges the API marked are wrapped in <mark>. Never HTML.
import { h } from '../lib/preact.js';

/** @param fragment {text, marks: [[start, end), …]} */
export function Highlight({ fragment }) {
  const text = fragment.text || '';
  const marks = [...(fragment.marks || [])].sort((a, b) => a[0] - b[0]);
  const parts = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end <= start || end > text.length) continue; // overlapping or out of range: leave as text
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', { key: start }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return h('span', { class: 'snippet' }, parts);
}
