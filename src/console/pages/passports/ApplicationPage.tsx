import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { Unavailable } from '../admin/Users';
import { type ApplicationDetail, stageKey } from './types';

/** One application: its details, the stage history, the cases about it; link a case, record a stage. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { api, t, language, toast, toastError } = useConsole();
  const [tick, setTick] = useState(0);
  const app = useResource(
    () => api.get<ApplicationDetail>(`/staff/passport-applications/${id}`),
    `${id}:${tick}`,
  );
  const [code, setCode] = useState('');
  const [stage, setStage] = useState('');
  const [note, setNote] = useState('');

  if (app.error) return <Unavailable error={app.error} />;
  const a = app.data;
  if (!a) return <p className="state">{t('app.loading')}</p>;

  async function link(event: FormEvent) {
    event.preventDefault();
    try {
      await api.post(`/staff/passport-applications/${id}/cases`, { trackingCode: code.trim() });
      toast(t('passport.linked'));
      setCode('');
      setTick((n) => n + 1);
    } catch (error) {
      toastError(error);
    }
  }

  async function record(event: FormEvent) {
    event.preventDefault();
    if (!a || !stage) return;
    try {
      await api.post(`/staff/passport-applications/${id}/stage`, {
        stage,
        note: note.trim() || null,
        version: a.version,
      });
      toast(t('passport.stageSaved'));
      setStage('');
      setNote('');
      setTick((n) => n + 1);
    } catch (error) {
      toastError(error);
    }
  }

  async function withdraw() {
    if (!a) return;
    try {
      await api.post(`/staff/passport-applications/${id}/consent-withdrawal`, { version: a.version });
      toast(t('passport.consentWithdrawn'));
      setTick((n) => n + 1);
    } catch (error) {
      toastError(error);
    }
  }

  /** A stored code (kind, service, speed, priority group, change source) in the user's language. */
  const value = (group: string, code: string) => t(`passport.value.${group}.${code}` as MessageKey);

  const field = (label: string, value: string | null | undefined) => (
    <div>
      <dt>{label}</dt>
      <dd>{value || t('app.none')}</dd>
    </div>
  );

  return (
    <div className="page">
      <p>
        <Link to="/passports">{t('passport.back')}</Link>
      </p>
      <div className="page-head">
        <h1>
          {a.applicationNumber} · {a.applicantName}
        </h1>
        <strong className={a.late ? 'badge badge-danger' : 'badge'}>
          {t(stageKey(a.stage))}
          {a.late ? ` · ${t('passport.late')}` : ''}
        </strong>
      </div>
      <dl className="details">
        {field(t('passport.search.birthDate'), a.birthDate)}
        {field(t('passport.nik'), a.nikLast4 ? `•••• ${a.nikLast4}` : null)}
        {field(
          t('passport.kind'),
          `${value('kind', a.passportKind)} · ${t('passport.validity', { years: a.validityYears })}`,
        )}
        {field(t('passport.service'), value('service', a.service))}
        {field(t('passport.speed'), value('speed', a.speed))}
        {field(t('passport.search.appointmentDate'), a.appointmentDate)}
        {field(t('passport.priority'), a.priorityGroup && value('priority', a.priorityGroup))}
        {field(t('passport.expected'), a.expectedAt ? formatDateTime(a.expectedAt, language) : null)}
        {field(
          t('passport.contact'),
          [a.contactEmail, a.contactPhone, a.contactConsent ? t('passport.consent') : t('passport.noConsent')]
            .filter(Boolean)
            .join(' · '),
        )}
        {field(
          t('passport.consentGivenAt'),
          a.consentGivenAt ? formatDateTime(a.consentGivenAt, language) : null,
        )}
        <div>
          <dt>{t('passport.withdrawal')}</dt>
          <dd>
            {a.consentWithdrawal
              ? t(
                  a.consentWithdrawal.source === 'unsubscribe'
                    ? 'passport.withdrawnByLink'
                    : 'passport.withdrawnByStaff',
                  { at: formatDateTime(a.consentWithdrawal.at, language) },
                )
              : t('app.none')}
            {a.allowedActions.includes('withdraw_consent') && (a.contactConsent || !a.consentWithdrawal) && (
              <>
                {' '}
                <button type="button" className="ghost" onClick={() => void withdraw()}>
                  {t('passport.withdrawConsent')}
                </button>
              </>
            )}
          </dd>
        </div>
      </dl>
      {a.consentWithdrawal && <p className="muted small">{t('passport.withdrawalHelp')}</p>}
      <h2>{t('passport.timeline')}</h2>
      <ol className="timeline">
        {a.stages.map((s) => (
          <li key={`${s.stage}-${s.at}`}>
            <strong>{t(stageKey(s.stage))}</strong> — {formatDateTime(s.at, language)}
            {s.officer ? ` · ${t('passport.officer')}: ${s.officer}` : ''} · {t('passport.source')}:{' '}
            {value('source', s.source)}
            {s.note ? <p>{s.note}</p> : null}
          </li>
        ))}
      </ol>
      <h2>{t('passport.cases')}</h2>
      {a.cases.length === 0 ? (
        <p className="muted">{t('passport.noCases')}</p>
      ) : (
        <ul>
          {a.cases.map((c) => (
            <li key={c.caseId}>
              <Link to={`/cases/${c.trackingCode}`}>{c.trackingCode}</Link> — {c.subject} (
              {t(`status.${c.status}` as MessageKey)})
            </li>
          ))}
        </ul>
      )}
      {a.allowedActions.includes('link_case') && (
        <form className="inline-form" onSubmit={link}>
          <label>
            {t('passport.linkCase')}
            <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={40} required />
          </label>
          <button type="submit">{t('passport.link')}</button>
        </form>
      )}
      {a.allowedActions.includes('change_stage') && a.nextStages.length > 0 && (
        <form onSubmit={record}>
          <h2>{t('passport.changeStage')}</h2>
          <label>
            {t('passport.stage')}
            <select value={stage} onChange={(e) => setStage(e.target.value)} required>
              <option value="" />
              {a.nextStages.map((s) => (
                <option key={s} value={s}>
                  {t(stageKey(s))}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('passport.note')}
            <textarea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={500}
              aria-describedby="stage-note-hint"
            />
          </label>
          <p className="muted small" id="stage-note-hint">
            {t('passport.noteHint')}
          </p>
          <button type="submit">{t('app.save')}</button>
        </form>
      )}
    </div>
  );
}
