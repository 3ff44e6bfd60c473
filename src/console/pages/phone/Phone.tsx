import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api';
import { useConsole, useReference } from '../../lib/context';
import { localName } from '../../lib/format';
import { ContactHistoryView } from '../contacts/ContactHistory';
import type { ContactHistory } from '../contacts/types';

const CASE_TYPES = ['complaint', 'request', 'opinion', 'compliment'] as const;

interface Logged {
  id: string;
  trackingCode: string | null;
  accessKey: string | null;
}

/**
 * "Log a contact" for the phone and the counter, built for the keyboard: the caller's number has the focus,
 * Tab walks the fields in reading order, Alt+1/Alt+2 pick answered/case, Ctrl+Enter saves from anywhere and
 * Esc starts over. While the number is typed (or when a call pops up) the caller's history shows beside the form.
 */
export function Phone() {
  const { api, t, language, session, toast } = useConsole();
  const { ref } = useReference();
  const [params, setParams] = useSearchParams();
  const callId = params.get('call') ?? undefined;
  const [channel, setChannel] = useState<'phone' | 'counter'>(
    params.get('channel') === 'counter' ? 'counter' : 'phone',
  );
  const [number, setNumber] = useState(params.get('number') ? `+${params.get('number')}` : '');
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [topic, setTopic] = useState('');
  const [outcome, setOutcome] = useState<'answered' | 'case'>('answered');
  const [answer, setAnswer] = useState('');
  const [caseType, setCaseType] = useState<(typeof CASE_TYPES)[number]>('request');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [minutes, setMinutes] = useState('');
  const [started, setStarted] = useState(() => Date.now());
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<Logged | null>(null);
  const [contact, setContact] = useState<ContactHistory | null>(null);
  const [saving, setSaving] = useState(false);
  const numberRef = useRef<HTMLInputElement>(null);

  const office = ref.offices.find((o) => o.code === session?.user.officeCode) ?? ref.offices[0];
  const categories =
    office?.services.flatMap((s) => s.categories.map((c) => ({ ...c, service: s.name }))) ?? [];

  // A new call (screen pop) starts a fresh form with the caller's number.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the popped call changes
  useEffect(() => {
    if (callId) reset(params.get('number') ? `+${params.get('number')}` : '');
  }, [callId]);

  // The caller's history, looked up as the number is typed (after a short pause).
  useEffect(() => {
    const digits = number.replace(/\D/g, '');
    if (digits.length < 8) {
      setContact(null);
      return;
    }
    const timer = setTimeout(() => {
      api
        .get<{ contact: ContactHistory | null }>(`/staff/contacts?phone=${encodeURIComponent(number)}`)
        .then((r) => setContact(r.contact))
        .catch(() => setContact(null));
    }, 300);
    return () => clearTimeout(timer);
  }, [api, number]);

  function reset(nextNumber = '') {
    setNumber(nextNumber);
    setName('');
    setCategory('');
    setTopic('');
    setOutcome('answered');
    setAnswer('');
    setSubject('');
    setDescription('');
    setMinutes('');
    setError(null);
    setStarted(Date.now());
    numberRef.current?.focus();
  }

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    const elapsed = Math.round((Date.now() - started) / 1000);
    try {
      const result = await api.post<Logged>('/staff/contacts/log', {
        channel,
        ...(number.trim() ? { callerNumber: number.trim() } : {}),
        ...(name.trim() ? { callerName: name.trim() } : {}),
        ...(category ? { categoryCode: category } : {}),
        ...(topic.trim() ? { topic: topic.trim() } : {}),
        outcome,
        ...(outcome === 'answered'
          ? { answer }
          : { case: { type: caseType, subject: subject.trim(), description: description.trim() } }),
        durationSeconds: minutes.trim() ? Math.round(Number(minutes) * 60) : elapsed,
        ...(callId ? { callId } : {}),
      });
      setSaved(result);
      toast(result.trackingCode ? t('phone.savedCase', { code: result.trackingCode }) : t('phone.saved'));
      if (callId) setParams({}, { replace: true });
      reset();
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
      if (!(e instanceof ApiError)) throw e;
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      reset();
    } else if (event.altKey && (event.key === '1' || event.key === '2')) {
      event.preventDefault();
      setOutcome(event.key === '1' ? 'answered' : 'case');
    }
  }

  const fieldError = (field: string) =>
    error?.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`));

  return (
    <div className="page phone-page">
      <h1>{t('phone.title')}</h1>
      {callId && (
        <p className="notice" role="status" data-screen-pop={callId}>
          {t('phone.incoming', { number: number || t('phone.unknownNumber') })}
        </p>
      )}
      <p className="muted" id="phone-keys">
        {t('phone.keys')}
      </p>
      <div className="phone-layout">
        <form
          className="card phone-form"
          onSubmit={save}
          onKeyDown={onKeyDown}
          aria-describedby="phone-keys"
          noValidate
        >
          {error && (
            <div className="error-summary" role="alert">
              {error.display}
            </div>
          )}
          <fieldset className="inline-choices">
            <legend>{t('phone.channel')}</legend>
            {(['phone', 'counter'] as const).map((c) => (
              <label key={c} className="check">
                <input
                  type="radio"
                  name="channel"
                  value={c}
                  checked={channel === c}
                  onChange={() => setChannel(c)}
                />
                {t(`channel.${c}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('phone.number')}
            <input
              ref={numberRef}
              // biome-ignore lint/a11y/noAutofocus: the form exists to be typed into at once
              autoFocus
              name="callerNumber"
              type="tel"
              inputMode="tel"
              autoComplete="off"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              aria-invalid={fieldError('callerNumber') ? true : undefined}
              placeholder="0812-3456-7890"
            />
          </label>
          <label>
            {t('phone.name')}
            <input
              name="callerName"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={200}
            />
          </label>
          <label>
            {t('phone.category')}
            <select name="categoryCode" value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">{t('phone.noCategory')}</option>
              {categories.map((c) => (
                <option key={c.code} value={c.code}>
                  {localName(c.service, language)} — {localName(c.name, language)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('phone.topic')}
            <input name="topic" value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={200} />
          </label>
          <fieldset className="inline-choices">
            <legend>{t('phone.outcome')}</legend>
            <label className="check">
              <input
                type="radio"
                name="outcome"
                value="answered"
                checked={outcome === 'answered'}
                onChange={() => setOutcome('answered')}
              />
              {t('phone.answered')} <kbd>Alt+1</kbd>
            </label>
            <label className="check">
              <input
                type="radio"
                name="outcome"
                value="case"
                checked={outcome === 'case'}
                onChange={() => setOutcome('case')}
              />
              {t('phone.createCase')} <kbd>Alt+2</kbd>
            </label>
          </fieldset>
          {outcome === 'answered' ? (
            <label>
              {t('phone.answer')}
              <textarea
                name="answer"
                rows={4}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
                aria-invalid={fieldError('answer') ? true : undefined}
              />
            </label>
          ) : (
            <>
              <label>
                {t('phone.caseType')}
                <select
                  name="caseType"
                  value={caseType}
                  onChange={(e) => setCaseType(e.target.value as typeof caseType)}
                >
                  {CASE_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`type.${type}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('phone.subject')}
                <input
                  name="subject"
                  value={subject}
                  onChange={(e) => setSubject(e.target.value)}
                  maxLength={200}
                />
              </label>
              <label>
                {t('phone.description')}
                <textarea
                  name="description"
                  rows={4}
                  value={description}
                  onChange={(e) => setDescription(e.target.value)}
                />
              </label>
            </>
          )}
          <label>
            {t('phone.minutes')}
            <input
              name="minutes"
              type="number"
              min={0}
              step={0.5}
              inputMode="decimal"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              placeholder={t('phone.minutesAuto')}
            />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={saving}>
              {t('phone.save')} <kbd>Ctrl+Enter</kbd>
            </button>
            <button type="button" onClick={() => reset()}>
              {t('phone.clear')} <kbd>Esc</kbd>
            </button>
          </div>
          {saved?.trackingCode && (
            <p role="status">
              {t('phone.caseCreated')} <Link to={`/cases/${saved.trackingCode}`}>{saved.trackingCode}</Link> ·{' '}
              {t('phone.accessKey', { key: saved.accessKey ?? '' })}
            </p>
          )}
        </form>
        <div className="phone-history" aria-live="polite">
          {contact ? (
            <ContactHistoryView contact={contact} />
          ) : (
            <p className="muted">{t('phone.noHistory')}</p>
          )}
        </div>
      </div>
    </div>
  );
}
