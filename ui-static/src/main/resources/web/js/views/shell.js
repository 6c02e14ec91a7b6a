// The shell: the left navigation, the user menu at the bottom left under the user's name, and the page the route
// names. What a user sees depends on their role: platform admins run orgs; org admins also get Integrations, users and
// the audit log; recruiters search.
import { h, useEffect } from '../lib/preact.js';
import { del } from '../api.js';
import { href, navigate, paramsOf, useRoute } from '../router.js';
import { MenuButton } from '../components/menu.js';
import { ChangePassword } from './signin.js';
import { SearchPage } from './search.js';
import { InsightsPage } from './insights.js';
import { IntegrationsPage } from './integrations.js';
import { Wizard } from './wizard.js';
import { SyncHealth } from './synchealth.js';
import { OrgsPage, OrgPage } from './orgs.js';
import { UsersPage, AuditPage } from './users.js';

const routes = [
  [/^\/search$/, (m, p, s) => h(SearchPage, { params: p, session: s })],
  [/^\/insights$/, (m, p, s) => h(InsightsPage, { params: p, session: s })],
  [/^\/integrations$/, () => h(IntegrationsPage)],
  [/^\/integrations\/new$/, (m, p) => h(Wizard, { connectorId: p.connector })],
  [/^\/integrations\/([^/]+)\/edit$/, (m) => h(Wizard, { connectionId: decodeURIComponent(m[1]) })],
  [/^\/integrations\/([^/]+)\/health$/, (m) => h(SyncHealth, { connectionId: decodeURIComponent(m[1]) })],
  [/^\/admin\/orgs$/, () => h(OrgsPage)],
  [/^\/admin\/orgs\/([^/]+)$/, (m) => h(OrgPage, { orgId: decodeURIComponent(m[1]) })],
  [/^\/users$/, () => h(UsersPage)],
  [/^\/audit$/, () => h(AuditPage)],
  [/^\/account\/password$/, () => h(ChangePassword, { forced: false, onChanged: () => {} })],
];

const home = (role) => (role === 'PLATFORM_ADMIN' ? '/admin/orgs' : '/search');

function page(route, session) {
  for (const [pattern, view] of routes) {
    const m = pattern.exec(route.path);
    if (m) return view(m, paramsOf(route), session);
  }
  return null;
}

function NavLink({ path, params, label, current }) {
  return h('li', null, h('a', { href: href(path, params), 'aria-current': current ? 'page' : undefined }, label));
}

function UserMenu({ user, onSignedOut }) {
  const signOut = async () => {
    try {
      await del('/api/session');
    } finally {
      onSignedOut();
    }
  };
  const items = [];
  if (user.role === 'ORG_ADMIN') {
    items.push({ label: 'Integrations', href: href('/integrations') });
    items.push({ label: 'Users', href: href('/users') });
    items.push({ label: 'Audit log', href: href('/audit') });
  }
  if (user.role === 'PLATFORM_ADMIN') items.push({ label: 'Organisations', href: href('/admin/orgs') });
  items.push({ label: 'Change password', href: href('/account/password') });
  items.push({ label: 'Sign out', onSelect: signOut });
  return h('div', { class: 'user-menu' },
    user.role === 'RECRUITER' && h('p', { class: 'hint integrations-note' },
      'Integrations: your org\'s admins connect your ATS.'),
    h(MenuButton, {
      label: `${user.name} — account menu`, placement: 'above', items,
      button: [h('span', { class: 'user-name' }, user.name), h('span', { 'aria-hidden': 'true' }, ' ▴')],
    }));
}

export function Shell({ session, onSignedOut }) {
  const route = useRoute();
  const { user } = session;
  const content = page(route, session);
  useEffect(() => {
    if (!content) navigate(home(user.role), {}, { replace: true });
  }, [route.path]);
  const search = paramsOf(route);
  const keep = { corpus: search.corpus, q: search.q, f: search.f }; // search and insights share the query
  const searching = user.role !== 'PLATFORM_ADMIN';
  return h('div', { class: 'shell' },
    h('a', { class: 'skip-link', href: '#main', onClick: (e) => {
      e.preventDefault();
      document.getElementById('main').focus();
    } }, 'Skip to content'),
    h('nav', { class: 'side', 'aria-label': 'Main' },
      h('p', { class: 'brand' }, 'Rediscover'),
      h('ul', { class: 'nav-list' },
        searching && h(NavLink, { path: '/search', params: keep, label: 'Search', current: route.path === '/search' }),
        searching && h(NavLink, { path: '/insights', params: keep, label: 'Insights', current: route.path === '/insights' }),
        user.role === 'PLATFORM_ADMIN' && h(NavLink, { path: '/admin/orgs', label: 'Organisations',
          current: route.path.startsWith('/admin/orgs') })),
      h(UserMenu, { user, onSignedOut })),
    h('main', { id: 'main', tabindex: -1 }, content));
}
