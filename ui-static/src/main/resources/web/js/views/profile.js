// A candidate's profile, in the panel beside the results: name and links, the ATS data in its own orange section
// (contact, resume to view and download, candidate id and name, every workflow), "why matched", and what enrichment
// adds (experience, education, skills, attributes) with where each value came from on hover. An unmatched candidate
// says so and shows no LinkedIn link. Everything is text: nothing from the ATS or a resume becomes markup.
import { h, useEffect, useRef, useState } from '../lib/preact.js';
import { fetchFile, get, seg } from '../api.js';
import { absolute, ago, day, words } from '../format.js';
import { Pending, Problem, useLoad, When } from '../components/status.js';

const SOURCES = { ATS: 'from the ATS', RESUME: 'from the resume', PUBLIC_PROFILE: 'from the public profile' };
const METHODS = { LINKEDIN: 'LinkedIn URL', GITHUB: 'GitHub URL', PROFILE_SCORE: 'name, work history and education' };

const provenance = (sourced) => SOURCES[sourced.source] || words(sourced.source);

/** Only web links become links: a javascript: or data: URL from an ATS stays text. */
function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

function linkName(url) {
  const host = (() => {
    try {
      return new URL(url).hostname.replace(/^www\./, '');
    } catch (e) {
      return url;
    }
  })();
  if (host.endsWith('linkedin.com')) return 'LinkedIn';
  if (host.endsWith('github.com')) return 'GitHub';
  return host;
}

const isLinkedIn = (url) => /(^|\.)linkedin\.com$/i.test((() => {
  try {
    return new URL(url).hostname;
  } catch (e) {
    return '';
  }
})());

function Links({ links, matched }) {
  const shown = (links || []).filter((l) => safeUrl(l.value) && (matched || !isLinkedIn(l.value)));
  if (!shown.length) return null;
  return h('ul', { class: 'links' }, shown.map((l) => h('li', { key: l.value },
    h('a', { href: safeUrl(l.value), rel: 'noopener noreferrer', target: '_blank', title: provenance(l) }, linkName(l.value)))));
}

function WhyMatched({ match }) {
  if (!match) {
    return h('p', { class: 'unmatched-note' }, h('span', { 'aria-hidden': 'true' }, '○ '),
      'Not matched to a public profile — showing ATS data only');
  }
  return h('details', { class: 'why-matched' },
    h('summary', null, `Matched by ${METHODS[match.method] || words(match.method)} `, h('span', { 'aria-hidden': 'true' }, 'ⓘ'),
      h('span', { class: 'visually-hidden' }, ' — why matched')),
    h('p', null, `Confidence ${Math.round(match.score * 100)} %.`),
    match.evidence && match.evidence.length > 0 && h('ul', null, match.evidence.map((e) => h('li', { key: e }, e))));
}

function FieldValue({ field, value }) {
  switch (field.type) {
    case 'email':
      return h('a', { href: 'mailto:' + value }, value);
    case 'phone':
      return h('a', { href: 'tel:' + value.replace(/[^\d+]/g, '') }, value);
    case 'url':
      return safeUrl(value) ? h('a', { href: safeUrl(value), rel: 'noopener noreferrer', target: '_blank' }, value) : value;
    case 'date':
      return h(When, { at: value, relative: day, absolute });
    default:
      return value;
  }
}

function Fields({ fields }) {
  return fields.map((f) => [h('dt', { key: f.key + 't' }, f.label),
    h('dd', { key: f.key + 'd' }, f.values.map((v, i) => h('span', { key: i, class: 'value' }, h(FieldValue, { field: f, value: v }))))]);
}

/** The resume: its text shown inline (as text, in a <pre>) and the original file to download. */
function Resume({ resume }) {
  const [text, setText] = useState(null);
  const [problem, setProblem] = useState(null);
  const [open, setOpen] = useState(false);
  const view = async () => {
    setOpen(!open);
    if (text !== null || open) return;
    try {
      const response = await fetchFile('GET', resume.text);
      const type = response.headers.get('Content-Type') || '';
      if (type.startsWith('text/plain')) setText(await response.text());
      else setProblem({ message: 'This resume has no text view yet; download the file to read it.' });
    } catch (e) {
      setProblem(e);
    }
  };
  return h('div', { class: 'resume' },
    h('span', null, resume.fileName || 'Resume'),
    h('button', { type: 'button', class: 'link-button', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': 'resume-text', onClick: view },
      open ? 'Hide resume' : 'View resume'),
    h('a', { href: resume.download, download: resume.fileName || 'resume' }, 'Download resume'),
    open && h('div', { id: 'resume-text' },
      h(Problem, { error: problem }),
      text !== null && h('pre', { class: 'resume-text', tabindex: 0, 'aria-label': 'Resume text' }, text)));
}

/**
 * The connector's own fields of a workflow, less those repeating what the line already shows (iCIMS declares "Workflow
 * Source", "Workflow Status"… with the same values as Source, Status…, and the last update as a timestamp).
 */
function moreFields(w) {
  const shown = new Set([w.id, w.job, w.source, w.status, w.stage, w.recruiter].filter(Boolean).map(String));
  const sameInstant = (v) => Boolean(w.lastUpdated) && /^\d{4}-\d{2}-\d{2}T/.test(v) && Date.parse(v) === Date.parse(w.lastUpdated);
  return (w.fields || []).filter((f) => {
    const value = f.values.join(', ');
    return !shown.has(value) && !sameInstant(value);
  });
}

/** Each workflow on one line, as the seed shows it: ID · job · Source · Status · Stage · Recruiter · Last updated. */
function Workflows({ workflows }) {
  if (!workflows.length) return h('p', { class: 'muted' }, 'No workflows.');
  const part = (label, value) => value && h('span', { class: 'part' }, label ? `${label}: ` : '', value);
  return h('section', { class: 'workflows', 'aria-labelledby': 'workflows-title' },
    h('h4', { id: 'workflows-title' }, 'Workflows'),
    h('ul', null, workflows.map((w) => h('li', { key: w.id },
      part('ID', w.id), part('', w.job), part('Source', w.source), part('Status', w.status), part('Stage', w.stage),
      part('Recruiter', w.recruiter),
      w.lastUpdated && h('span', { class: 'part' }, 'Last updated ', h(When, { at: w.lastUpdated, relative: day, absolute })),
      moreFields(w).map((f) => part(f.label, f.values.join(', ')))))));
}

/** Whether the connector already names this in its own fields (then it is not shown twice). */
const labelled = (fields, label) => (fields || []).some((f) => f.label.toLowerCase() === label);

function AtsPanel({ view }) {
  const ats = view.ats;
  if (!ats) return null;
  return h('section', { class: 'ats-data', 'aria-labelledby': 'ats-data-title' },
    h('h3', { id: 'ats-data-title' }, h('span', { class: 'ats-tag', 'aria-hidden': 'true' }, 'ATS'), ' ATS data'),
    h('dl', { class: 'ats-fields' },
      !labelled(ats.fields, 'candidate id') && [h('dt', null, 'Candidate ID'), h('dd', null, view.atsId)],
      !labelled(ats.fields, 'candidate name') && [h('dt', null, 'Candidate name'), h('dd', null, view.name)],
      h(Fields, { fields: ats.fields || [] }),
      h('dt', null, 'Last updated'), h('dd', null, h(When, { at: view.updatedAt, relative: ago, absolute })),
      ats.resume && h('dt', null, 'Resume'),
      ats.resume && h('dd', null, h(Resume, { resume: ats.resume }))),
    h(Workflows, { workflows: ats.workflows || [] }));
}

const period = (v) => [v.startDate, v.current ? 'now' : v.endDate].filter(Boolean).join(' – ');

function Enrichment({ e }) {
  if (!e) return null;
  const section = (title, items, render) => items && items.length > 0 && h('section', { key: title },
    h('h3', null, title), h('ul', { class: 'sourced' }, items.map((s, i) => h('li', { key: i, title: provenance(s) }, render(s.value)))));
  const attributes = Object.entries(e.attributes || {}).filter(([, v]) => v.length);
  return h('div', { class: 'enrichment' },
    section('Experience', e.workHistory, (p) => [h('strong', null, p.title || 'Role'), p.company ? ` · ${p.company}` : '',
      period(p) ? h('span', { class: 'muted' }, ` (${period(p)})`) : '']),
    section('Education', e.education, (s) => [h('strong', null, s.school || 'School'),
      [s.degree, s.major].filter(Boolean).length ? ` · ${[s.degree, s.major].filter(Boolean).join(', ')}` : '',
      period(s) ? h('span', { class: 'muted' }, ` (${period(s)})`) : '']),
    e.skills && e.skills.length > 0 && h('section', null, h('h3', null, 'Skills'),
      h('ul', { class: 'tags' }, e.skills.map((s, i) => h('li', { key: i, title: provenance(s) }, s.value)))),
    attributes.length > 0 && h('section', null, h('h3', null, 'More'),
      h('dl', null, attributes.map(([k, values]) => [h('dt', { key: k }, words(k)),
        h('dd', { key: k + 'v' }, values.map((v, i) => h('span', { key: i, class: 'value', title: provenance(v) }, v.value)))]))));
}

export function ProfilePanel({ id, closeHref }) {
  const { data, error, loading } = useLoad(() => get(`/api/candidates/${seg(id)}`), [id]);
  const heading = useRef(null);
  useEffect(() => {
    if (data && heading.current) heading.current.focus();
  }, [data]);
  const e = data && data.enrichment;
  return h('aside', { class: 'profile-panel', 'aria-label': 'Candidate profile' },
    h('a', { class: 'close', href: closeHref, 'aria-label': 'Close profile (Escape)' }, '×'),
    h(Pending, { loading: loading && !data }),
    h(Problem, { error }),
    data && data.deleted && h('p', null, 'This candidate was deleted in the ATS.'),
    data && !data.deleted && h('article', null,
      h('header', { class: 'profile-head' },
        h('h2', { ref: heading, tabindex: -1 }, data.name),
        e && e.headline && h('p', { title: provenance(e.headline) }, e.headline.value),
        e && e.location && h('p', { class: 'muted', title: provenance(e.location) }, e.location.value),
        h(Links, { links: e && e.socialLinks, matched: !!data.match }),
        h(WhyMatched, { match: data.match })),
      h(AtsPanel, { view: data }),
      h(Enrichment, { e })));
}
