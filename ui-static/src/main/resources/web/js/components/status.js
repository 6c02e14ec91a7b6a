// Small shared pieces: a loading note that appears only after 300 ms, an error message box, and a hook that runs a
// request and re-runs it when its inputs change.
import { h, useCallback, useEffect, useRef, useState } from '../lib/preact.js';
import { ago, absolute } from '../format.js';

/** Shows its text only when loading lasts longer than 300 ms (no flicker on fast answers). */
export function Pending({ loading, text = 'Loading…' }) {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!loading) {
      setLate(false);
      return undefined;
    }
    const timer = setTimeout(() => setLate(true), 300);
    return () => clearTimeout(timer);
  }, [loading]);
  return h('p', { class: 'pending', role: 'status', 'aria-live': 'polite' }, loading && late ? text : '');
}

export function Problem({ error }) {
  if (!error) return null;
  return h('div', { class: 'problem', role: 'alert' }, error.message);
}

/**
 * What an answer may be missing while the index does not hold everything yet (a first download, candidates being
 * indexed, a rebuild): the API's `indexing` notice, shown next to the total so that nobody takes it for all there is.
 */
export function Incomplete({ notice }) {
  if (!notice) return null;
  const partial = notice.reason !== 'NOT_CONNECTED'; // else there is nothing yet, not part of it
  return h('p', { class: 'notice incomplete', role: 'note' }, partial && h('strong', null, 'Incomplete: '), notice.message);
}

/** When the ATS data shown is as of (the API's `syncedAt`): "Synced 3 hours ago", the time itself on hover. */
export function Synced({ at }) {
  if (!at) return null;
  return h('span', { class: 'muted synced' }, 'Synced ', h(When, { at, relative: ago, absolute }));
}

/**
 * @param load async function returning the data
 * @param deps when to load again
 * @returns {{data, error, loading, reload}}
 */
export function useLoad(load, deps) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === generation.current && setState({ data, error: null, loading: false }),
      (error) => mine === generation.current && setState((s) => ({ data: s.data, error, loading: false })));
  }, deps);
  useEffect(() => {
    run();
  }, [run]);
  return { ...state, reload: run };
}

/** Calls `tick` every `ms` while `active`. */
export function useInterval(tick, ms, active = true) {
  const saved = useRef(tick);
  saved.current = tick;
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => saved.current(), ms);
    return () => clearInterval(timer);
  }, [ms, active]);
}

/** A time shown relative ("3 days ago") with the absolute date on hover. */
export function When({ at, relative, absolute }) {
  if (!at) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: at, title: absolute(at) }, relative(at));
}
