// The app: who is signed in decides what is shown (sign-in, the one-time-password step, or the shell with its pages).
import { h, render, useEffect, useState } from './lib/preact.js';
import { get, setCsrfToken, whenSessionEnds } from './api.js';
import { currentRoute, navigate } from './router.js';
import { installShortcuts } from './keys.js';
import { ChangePassword, SignIn } from './views/signin.js';
import { Shell } from './views/shell.js';

function App() {
  const [session, setSession] = useState(undefined); // undefined: asking; null: signed out
  const [notice, setNotice] = useState(null);

  useEffect(() => {
    whenSessionEnds((error) => {
      setCsrfToken(null);
      setNotice(error.message);
      setSession(null);
    });
    get('/api/session').then((s) => {
      setCsrfToken(s.csrfToken);
      setSession(s);
    }, () => setSession(null));
  }, []);

  if (session === undefined) return h('p', { class: 'boot', role: 'status' }, 'Loading Rediscover…');
  if (session === null) {
    return h(SignIn, { notice, onSignedIn: (s) => {
      setNotice(null);
      setSession(s);
    } });
  }
  if (session.user.mustChangePassword) {
    return h(ChangePassword, {
      forced: true,
      onChanged: () => setSession({ ...session, user: { ...session.user, mustChangePassword: false } }),
    });
  }
  return h(Shell, { session, onSignedOut: () => {
    setCsrfToken(null);
    setNotice('You are signed out.');
    setSession(null);
  } });
}

installShortcuts(() => {
  const route = currentRoute();
  if (route.params.has('open')) {
    const params = Object.fromEntries(route.params.entries());
    delete params.open;
    navigate(route.path, params);
  }
});

render(h(App), document.getElementById('app'));
