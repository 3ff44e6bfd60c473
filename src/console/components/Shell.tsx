import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import type { Language } from '../i18n';
import { useConsole } from '../lib/context';
import { readsKnowledge } from '../lib/knowledge';
import { handlesCases, hasRole } from '../lib/types';
import { SCREEN_POP_EVENT, ScreenPopListener } from '../pages/phone/ScreenPop';
import { NOTIFICATION_EVENT, NotificationBell } from './NotificationBell';
import { ShortcutProvider, useShortcuts } from './Shortcuts';

export function LanguageSwitch() {
  const { language, setLanguage, t } = useConsole();
  return (
    <label className="language">
      <span className="visually-hidden">{t('app.language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        <option value="id" lang="id">
          Bahasa Indonesia
        </option>
        <option value="en" lang="en">
          English
        </option>
      </select>
    </label>
  );
}

export function Toasts() {
  const { toasts, dismissToast, t } = useConsole();
  const errors = toasts.filter((x) => x.kind === 'error');
  const others = toasts.filter((x) => x.kind !== 'error');
  const render = (list: typeof toasts) =>
    list.map((x) => (
      <div key={x.id} className={`toast toast-${x.kind}`}>
        <span>{x.text}</span>
        <button type="button" className="link-button" onClick={() => dismissToast(x.id)}>
          {t('app.close')}
        </button>
      </div>
    ));
  return (
    <div className="toasts">
      <div role="status" aria-live="polite">
        {render(others)}
      </div>
      <div role="alert" aria-live="assertive">
        {render(errors)}
      </div>
    </div>
  );
}

function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useConsole();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  const rows: [string, Parameters<typeof t>[0]][] = [
    ['g i', 'help.gi'],
    ['g a', 'help.ga'],
    ['g t', 'help.gt'],
    ['j / k', 'help.jk'],
    ['Enter / o', 'help.open'],
    ['r', 'help.reply'],
    ['n', 'help.note'],
    ['/', 'help.search'],
    ['Ctrl + Enter', 'help.send'],
    ['Ctrl + S', 'help.save'],
    ['?', 'help.help'],
    ['Esc', 'help.escape'],
  ];
  return (
    <div className="overlay">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">{t('help.title')}</h2>
        <table className="shortcut-table">
          <tbody>
            {rows.map(([keys, label]) => (
              <tr key={keys}>
                <td>
                  {keys.split(' ').map((k, i) =>
                    k === '/' && keys !== '/' ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: static list
                      <span key={i}> / </span>
                    ) : k === '+' ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: static list
                      <span key={i}> + </span>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: static list
                      <kbd key={i}>{k}</kbd>
                    ),
                  )}
                </td>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </div>
  );
}

function GlobalShortcuts({ onHelp }: { onHelp: () => void }) {
  const navigate = useNavigate();
  const { inboxPath } = useConsole();
  useShortcuts({
    'g i': () => navigate(inboxPath),
    'g a': () => navigate('/account'),
    'g t': () => navigate('/phone'),
    '?': onHelp,
    '/': () => {
      // The inbox's search, or the search field of the screen shown (marked data-page-search).
      const search =
        document.getElementById('inbox-search') ?? document.querySelector<HTMLElement>('[data-page-search]');
      if (search) search.focus();
      else navigate(inboxPath, { state: { focusSearch: true } });
    },
  });
  return null;
}

/** Server-sent events: a case in the user's scope changed → refresh (debounced); new cases get a notice. */
function LiveUpdates() {
  const { bumpLive, toast, t, session } = useConsole();
  const enabled = session ? handlesCases(session.user) : false;
  const tRef = useRef(t);
  tRef.current = t;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/staff/events');
    source.addEventListener('case', (event) => {
      bumpLive();
      try {
        const data = JSON.parse((event as MessageEvent<string>).data) as {
          type?: string;
          trackingCode?: string;
        };
        if (data.type === 'case.created' && data.trackingCode) {
          toast(tRef.current('inbox.newCase', { code: data.trackingCode }), 'info');
        }
      } catch {
        // a malformed event only refreshes
      }
    });
    // A call rings at this agent's extension: the phone page opens with the caller (pages/phone/ScreenPop.tsx).
    source.addEventListener('screen_pop', (event) => {
      try {
        const detail = JSON.parse((event as MessageEvent<string>).data);
        window.dispatchEvent(new CustomEvent(SCREEN_POP_EVENT, { detail }));
      } catch {}
    });
    source.addEventListener('notification', () => {
      window.dispatchEvent(new Event(NOTIFICATION_EVENT));
      toast(tRef.current('notify.arrived'), 'info');
    });
    return () => source.close();
  }, [bumpLive, toast, enabled]);
  return null;
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, session, inboxPath } = useConsole();
  const [help, setHelp] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const user = session!.user;
  const isAdmin = hasRole(user, 'admin');
  const managesCanned = hasRole(user, 'admin', 'supervisor');
  const readsServiceLevels = hasRole(user, 'admin', 'supervisor', 'auditor');

  useEffect(() => {
    document.title = `${t('app.name')} — ${t('app.console')}`;
  }, [t]);

  // Move focus to the page on navigation, so keyboard and screen reader users land in the new content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <ShortcutProvider onEscape={() => setHelp(false)}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to={inboxPath} className="brand">
          {t('app.name')} <span className="brand-sub">{t('app.console')}</span>
        </Link>
        <nav aria-label={t('nav.main')} className="topnav">
          <NavLink
            to={inboxPath}
            className={() =>
              location.pathname.startsWith('/inbox') || location.pathname.startsWith('/cases') ? 'active' : ''
            }
          >
            {t('nav.inbox')}
          </NavLink>
          {hasRole(user, 'agent', 'supervisor', 'auditor') && (
            <NavLink to="/passports">{t('nav.passports')}</NavLink>
          )}
          {hasRole(user, 'supervisor', 'auditor') && (
            <NavLink to="/reports/passports">{t('nav.passportReport')}</NavLink>
          )}
          {hasRole(user, 'agent', 'supervisor') && <NavLink to="/phone">{t('nav.phone')}</NavLink>}
          {hasRole(user, 'supervisor', 'auditor') && (
            <NavLink to="/reports/contacts">{t('nav.contactsReport')}</NavLink>
          )}
          {hasRole(user, 'agent', 'supervisor', 'admin') && <NavLink to="/chat">{t('nav.chat')}</NavLink>}
          {hasRole(user, 'supervisor', 'auditor') && (
            <NavLink to="/reports/skm">{t('nav.skmReport')}</NavLink>
          )}
          {isAdmin && <NavLink to="/admin/users">{t('nav.users')}</NavLink>}
          {isAdmin && user.officeCode === null && <NavLink to="/admin/channels">{t('nav.channels')}</NavLink>}
          {isAdmin && <NavLink to="/admin/teams">{t('nav.teams')}</NavLink>}
          {isAdmin && <NavLink to="/admin/categories">{t('nav.categories')}</NavLink>}
          {isAdmin && <NavLink to="/admin/email">{t('nav.email')}</NavLink>}
          {managesCanned && <NavLink to="/admin/canned">{t('nav.canned')}</NavLink>}
          {readsServiceLevels && <NavLink to="/reports/sla">{t('nav.slaReport')}</NavLink>}
          {readsServiceLevels && <NavLink to="/admin/service-levels">{t('nav.serviceLevels')}</NavLink>}
          {readsServiceLevels && <NavLink to="/admin/calendar">{t('nav.calendar')}</NavLink>}
          {isAdmin && <NavLink to="/admin/jobs">{t('nav.jobs')}</NavLink>}
          {readsKnowledge(user) && <NavLink to="/knowledge">{t('nav.knowledge')}</NavLink>}
          {hasRole(user, 'publisher', 'auditor') && (
            <NavLink to="/publications">{t('nav.publications')}</NavLink>
          )}
          {hasRole(user, 'supervisor') && <NavLink to="/publications/records">{t('pub.records')}</NavLink>}
          {isAdmin && <NavLink to="/publications/webhooks">{t('pub.webhooks')}</NavLink>}
          {isAdmin && <NavLink to="/admin/api-keys">{t('nav.apiKeys')}</NavLink>}
          {hasRole(user, 'admin', 'auditor') && <NavLink to="/audit">{t('nav.audit')}</NavLink>}
          {(hasRole(user, 'integrity_officer') || hasRole(user, 'auditor')) && (
            <NavLink to="/integrity">{t('nav.integrity')}</NavLink>
          )}
          {hasRole(user, 'admin', 'supervisor') && <NavLink to="/privacy">{t('nav.privacy')}</NavLink>}
        </nav>
        <div className="topbar-end">
          <NotificationBell />
          <button type="button" className="ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            {t('nav.shortcuts')}
          </button>
          <LanguageSwitch />
          <NavLink to="/account" className="user-link">
            {user.displayName}
          </NavLink>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {children}
      </main>
      <Toasts />
      <GlobalShortcuts onHelp={() => setHelp((h) => !h)} />
      <LiveUpdates />
      <ScreenPopListener />
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </ShortcutProvider>
  );
}
