// Numbers and dates the way people read them: thousands separators, relative dates in lists with the absolute date
// in a tooltip.

const numbers = new Intl.NumberFormat('en');
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export const count = (n) => numbers.format(n);

/** @returns "1 candidate" / "1,284 candidates" */
export const plural = (n, one, many = one + 's') => `${count(n)} ${n === 1 ? one : many}`;

export const absolute = (iso) => (iso ? dateTime.format(new Date(iso)) : '');
export const day = (iso) => (iso ? dateOnly.format(new Date(iso)) : '');

const STEPS = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600],
  ['minute', 60], ['second', 1]];

/** @returns "3 days ago", "in 2 hours" */
export function ago(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(seconds) >= size || unit === 'second') return relative.format(Math.round(seconds / size), unit);
  }
  return '';
}

/** @returns "about 2 days", "about 5 minutes" for a number of seconds */
export function duration(seconds) {
  if (seconds < 60) return 'less than a minute';
  for (const [unit, size] of STEPS) {
    if (seconds >= size) {
      const n = Math.round(seconds / size);
      return `about ${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return '';
}

/** @returns "24 %" for a share between 0 and 1 */
export const percent = (share) => `${Math.round(share * 100)} %`;

/** @returns "ORG_ADMIN" → "Org admin" */
export const words = (constant) => {
  const s = String(constant || '').toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};
