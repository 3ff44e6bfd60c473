import { type ComponentType, lazy, Suspense, useEffect, useState } from 'react';
import { createBrowserRouter, Link, Navigate, Route, RouterProvider, Routes } from 'react-router';
import { Shell } from './components/Shell';
import { ApiError } from './lib/api';
import { ConsoleProvider, ReferenceProvider, useConsole } from './lib/context';
import { readsKnowledge } from './lib/knowledge';
import { hasRole, type Session } from './lib/types';
import { Account } from './pages/Account';
import { CaseView } from './pages/CaseView';
import { Inbox } from './pages/Inbox';
import { RequiredEnrolment, SignIn, VerifyTwoFactor } from './pages/SignIn';

/**
 * A screen loaded on first visit. Each role uses a few of the console's screens, so only the sign-in, inbox and
 * case page are in the first download; the rest come as separate chunks.
 */
function page<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const Knowledge = page(() => import('./pages/knowledge'), 'Knowledge');
const CalendarEditor = page(() => import('./pages/admin/Calendar'), 'CalendarEditor');
const Canned = page(() => import('./pages/admin/Canned'), 'Canned');
const Categories = page(() => import('./pages/admin/Categories'), 'Categories');
const Jobs = page(() => import('./pages/admin/Jobs'), 'Jobs');
const ServiceLevels = page(() => import('./pages/admin/ServiceLevels'), 'ServiceLevels');
const Teams = page(() => import('./pages/admin/Teams'), 'Teams');
const Users = page(() => import('./pages/admin/Users'), 'Users');
const AuditTrail = page(() => import('./pages/audit/AuditTrail'), 'AuditTrail');
const EmailSettings = page(() => import('./pages/email/EmailSettings'), 'EmailSettings');
const EmailTemplates = page(() => import('./pages/email/EmailTemplates'), 'EmailTemplates');
const Integrity = page(() => import('./pages/integrity/Integrity'), 'Integrity');
const ApiKeys = page(() => import('./pages/passports/ApiKeys'), 'ApiKeys');
const ApplicationPage = page(() => import('./pages/passports/ApplicationPage'), 'ApplicationPage');
const Applications = page(() => import('./pages/passports/Applications'), 'Applications');
const PassportImport = page(() => import('./pages/passports/Import'), 'PassportImport');
const PassportReportPage = page(() => import('./pages/passports/Report'), 'PassportReportPage');
const Privacy = page(() => import('./pages/privacy/Privacy'), 'Privacy');
const SlaReport = page(() => import('./pages/SlaReport'), 'SlaReport');
const Publications = page(() => import('./pages/publications'), 'Publications');
const Phone = page(() => import('./pages/phone/Phone'), 'Phone');
const ChatPanel = page(() => import('./pages/chat/ChatPanel'), 'ChatPanel');
const SkmReportPage = page(() => import('./pages/surveys/SkmReport'), 'SkmReportPage');
const ContactsReport = page(() => import('./pages/phone/ContactsReport'), 'ContactsReport');
const ChannelSettings = page(() => import('./pages/phone/ChannelSettings'), 'ChannelSettings');

function NotFound() {
  const { t, inboxPath } = useConsole();
  return (
    <div className="state">
      <h1>{t('app.notFound')}</h1>
      <Link to={inboxPath}>{t('app.backToInbox')}</Link>
    </div>
  );
}

function SignedIn() {
  const { session, t } = useConsole();
  const user = session!.user;
  const isAdmin = hasRole(user, 'admin');
  const home = hasRole(user, 'agent', 'supervisor', 'auditor')
    ? '/inbox/mine'
    : hasRole(user, 'publisher')
      ? '/knowledge'
      : isAdmin
        ? '/admin/users'
        : '/inbox/mine';
  return (
    <ReferenceProvider>
      <Shell>
        <Suspense fallback={<p className="state">{t('app.loading')}</p>}>
          <Routes>
            <Route path="/" element={<Navigate to={home} replace />} />
            <Route path="/inbox" element={<Navigate to="/inbox/mine" replace />} />
            <Route path="/inbox/:view" element={<Inbox />} />
            <Route path="/cases/:code" element={<CaseView />} />
            <Route path="/account" element={<Account />} />
            {hasRole(user, 'agent', 'supervisor', 'admin') && <Route path="/chat" element={<ChatPanel />} />}
            {hasRole(user, 'agent', 'supervisor') && <Route path="/phone" element={<Phone />} />}
            {hasRole(user, 'agent', 'supervisor', 'auditor') && (
              <Route path="/reports/contacts" element={<ContactsReport />} />
            )}
            {hasRole(user, 'agent', 'supervisor', 'auditor') && (
              <>
                <Route path="/passports" element={<Applications />} />
                <Route path="/passports/:id" element={<ApplicationPage />} />
              </>
            )}
            {hasRole(user, 'supervisor') && <Route path="/passports/import" element={<PassportImport />} />}
            {hasRole(user, 'supervisor', 'auditor') && (
              <Route path="/reports/passports" element={<PassportReportPage />} />
            )}
            {hasRole(user, 'supervisor', 'auditor') && (
              <Route path="/reports/skm" element={<SkmReportPage />} />
            )}
            {isAdmin && <Route path="/admin/api-keys" element={<ApiKeys />} />}
            {isAdmin && <Route path="/admin/users" element={<Users />} />}
            {isAdmin && <Route path="/admin/teams" element={<Teams />} />}
            {isAdmin && <Route path="/admin/categories" element={<Categories />} />}
            {isAdmin && <Route path="/admin/email" element={<EmailSettings />} />}
            {isAdmin && <Route path="/admin/email/templates" element={<EmailTemplates />} />}
            {hasRole(user, 'admin', 'supervisor') && <Route path="/admin/canned" element={<Canned />} />}
            {isAdmin && <Route path="/admin/jobs" element={<Jobs />} />}
            {isAdmin && user.officeCode === null && (
              <Route path="/admin/channels" element={<ChannelSettings />} />
            )}
            {hasRole(user, 'admin', 'auditor') && <Route path="/audit" element={<AuditTrail />} />}
            <Route path="/integrity" element={<Integrity />} />
            {hasRole(user, 'admin', 'supervisor') && <Route path="/privacy" element={<Privacy />} />}
            {hasRole(user, 'admin', 'supervisor', 'auditor') && (
              <>
                <Route path="/admin/calendar" element={<CalendarEditor />} />
                <Route path="/admin/service-levels" element={<ServiceLevels />} />
                <Route path="/reports/sla" element={<SlaReport />} />
              </>
            )}
            {readsKnowledge(user) && <Route path="/knowledge/*" element={<Knowledge />} />}
            {hasRole(user, 'publisher', 'auditor', 'supervisor', 'admin') && (
              <Route path="/publications/*" element={<Publications />} />
            )}
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </Shell>
    </ReferenceProvider>
  );
}

function Gate() {
  const { api, t, session, setSession, setLanguage } = useConsole();
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    api
      .get<Session>('/auth/session', { quietUnauthorized: true })
      .then(
        (s) => {
          setSession(s);
          try {
            if (!localStorage.getItem('loket.console.language')) setLanguage(s.user.language);
          } catch {
            // keep the browser's language
          }
        },
        (e: unknown) => {
          if (!(e instanceof ApiError) || e.status !== 401) console.warn(e);
        },
      )
      .finally(() => setChecked(true));
  }, [api, setSession, setLanguage]);

  if (!checked) {
    return (
      <p className="state" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (!session) return <SignIn />;
  if (session.state === 'two_factor_required') return <VerifyTwoFactor />;
  if (session.state === 'two_factor_setup_required') return <RequiredEnrolment />;
  return <SignedIn />;
}

/**
 * A data router (rather than <BrowserRouter>) so screens can block navigation while they hold unsaved edits
 * (useBlocker); the screens themselves are still declared with <Routes> below the one catch-all route.
 */
function createConsoleRouter() {
  return createBrowserRouter(
    [
      {
        path: '*',
        element: (
          <ConsoleProvider>
            <Gate />
          </ConsoleProvider>
        ),
      },
    ],
    { basename: '/console' },
  );
}

export function App() {
  const [router] = useState(createConsoleRouter);
  return <RouterProvider router={router} />;
}
