import { lazy, Suspense, useEffect, useState } from 'react';
import { createBrowserRouter, Link, Navigate, Route, RouterProvider, Routes } from 'react-router';
import { Shell } from './components/Shell';
import { ApiError } from './lib/api';
import { ConsoleProvider, ReferenceProvider, useConsole } from './lib/context';
import { readsKnowledge } from './lib/knowledge';
import { hasRole, type Session } from './lib/types';
import { Account } from './pages/Account';
import { CalendarEditor } from './pages/admin/Calendar';
import { Canned } from './pages/admin/Canned';
import { Categories } from './pages/admin/Categories';
import { Jobs } from './pages/admin/Jobs';
import { ServiceLevels } from './pages/admin/ServiceLevels';
import { Teams } from './pages/admin/Teams';
import { Users } from './pages/admin/Users';
import { AuditTrail } from './pages/audit/AuditTrail';
import { CaseView } from './pages/CaseView';
import { EmailSettings } from './pages/email/EmailSettings';
import { EmailTemplates } from './pages/email/EmailTemplates';
import { Inbox } from './pages/Inbox';
import { Integrity } from './pages/integrity/Integrity';
import { ApiKeys } from './pages/passports/ApiKeys';
import { ApplicationPage } from './pages/passports/ApplicationPage';
import { Applications } from './pages/passports/Applications';
import { PassportImport } from './pages/passports/Import';
import { PassportReportPage } from './pages/passports/Report';
import { Privacy } from './pages/privacy/Privacy';
import { RequiredEnrolment, SignIn, VerifyTwoFactor } from './pages/SignIn';
import { SlaReport } from './pages/SlaReport';
import { SkmReportPage } from './pages/surveys/SkmReport';

// Only publishers, administrators and auditors use the knowledge screens: loaded on first visit.
const Knowledge = lazy(() => import('./pages/knowledge').then((m) => ({ default: m.Knowledge })));

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
        <Routes>
          <Route path="/" element={<Navigate to={home} replace />} />
          <Route path="/inbox" element={<Navigate to="/inbox/mine" replace />} />
          <Route path="/inbox/:view" element={<Inbox />} />
          <Route path="/cases/:code" element={<CaseView />} />
          <Route path="/account" element={<Account />} />
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
          {readsKnowledge(user) && (
            <Route
              path="/knowledge/*"
              element={
                <Suspense fallback={<p className="state">{t('app.loading')}</p>}>
                  <Knowledge />
                </Suspense>
              }
            />
          )}
          <Route path="*" element={<NotFound />} />
        </Routes>
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
