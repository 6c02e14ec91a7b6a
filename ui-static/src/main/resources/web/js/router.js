// Hash routing: the page, the query and every filter live in the URL (#/search?q=…&f=…), so back, forward, reload
// and shared links restore what was on screen. No server route is needed for any page.
import { useEffect, useState } from './lib/preact.js';

const EVENT = 'hashchange';

/** @returns {{path: string, params: URLSearchParams}} the route now */
export function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const at = hash.indexOf('?');
  return {
    path: at < 0 ? hash : hash.slice(0, at),
    params: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)),
  };
}

/** @returns a link to a route, leaving out empty parameters */
export function href(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const q = query.toString();
  return '#' + path + (q ? '?' + q : '');
}

/** Goes to a route; `replace` rewrites the current history entry instead of adding one. */
export function navigate(path, params = {}, { replace = false } = {}) {
  const target = href(path, params);
  if (target === location.hash) return;
  if (replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent(EVENT));
  } else {
    location.hash = target;
  }
}

/** @returns the route, re-rendering on every change */
export function useRoute() {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener(EVENT, update);
    return () => window.removeEventListener(EVENT, update);
  }, []);
  return route;
}

/** @returns a route's parameters as a plain object */
export function paramsOf(route) {
  return Object.fromEntries(route.params.entries());
}
