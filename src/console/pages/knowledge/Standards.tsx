import { type FormEvent, useEffect, useMemo, useState } from 'react';
import {
  PUBLIC_STANDARD_COMPONENTS,
  STANDARD_COMPONENTS,
  type StandardComponent,
} from '../../../server/modules/knowledge/content/types';
import type { Language, MessageKey } from '../../i18n';
import { errorText } from '../../lib/api';
import { useConsole, useReference, useResource } from '../../lib/context';
import { localName } from '../../lib/format';
import { fieldMessages, formatDay, isDay, isDirty, todayIn, writesKnowledge } from '../../lib/knowledge';
import type { ServiceStandard } from '../../lib/knowledge-types';
import { BASE, FieldMessage, LoadError, Loading, UnsavedChangesDialog, useUnsavedChanges } from './shared';

type Components = Record<StandardComponent, Record<Language, string>>;

interface StandardForm {
  legalBasis: string;
  effectiveFrom: string;
  components: Components;
}

function emptyComponents(): Components {
  return Object.fromEntries(STANDARD_COMPONENTS.map((c) => [c, { id: '', en: '' }])) as Components;
}

function toForm(standard: ServiceStandard | undefined, today: string): StandardForm {
  const components = emptyComponents();
  for (const c of STANDARD_COMPONENTS) {
    const value = standard?.components[c];
    if (value) components[c] = { id: value.id ?? '', en: value.en ?? '' };
  }
  return {
    legalBasis: standard?.legalBasis ?? '',
    effectiveFrom: standard?.effectiveFrom ?? today,
    components,
  };
}

/** An office picker for national users; office users work on their own office. */
export function useOfficeChoice() {
  const { session } = useConsole();
  const { ref } = useReference();
  const own = session?.user.officeCode ?? null;
  const [chosen, setChosen] = useState<string>('');
  const office = own ?? (chosen || ref.offices[0]?.code || '');
  return { office, national: own === null, offices: ref.offices, setOffice: setChosen };
}

export function OfficePicker({ choice }: { choice: ReturnType<typeof useOfficeChoice> }) {
  const { t, language } = useConsole();
  if (!choice.national || choice.offices.length < 2) return null;
  return (
    <label className="inline">
      {t('users.office')}
      <select value={choice.office} onChange={(e) => choice.setOffice(e.target.value)}>
        {choice.offices.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code} — {localName(o.name, language)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Service standards per service: the 14 components of UU 25/2009 Pasal 21 in both languages, the six
 * service-delivery components (shown to the public) marked. Saving with a new "effective from" date adds a version;
 * the same date replaces that version.
 */
export function Standards() {
  const { api, t, language, session, toast } = useConsole();
  const choice = useOfficeChoice();
  const { office } = choice;
  const services = choice.offices.find((o) => o.code === office)?.services ?? [];
  const [serviceCode, setServiceCode] = useState('');
  const service = serviceCode || services[0]?.code || '';
  const today = todayIn();
  const list = useResource(
    () =>
      office
        ? api.get<{ items: ServiceStandard[] }>(`${BASE}/standards?office=${office}`).then((r) => r.items)
        : Promise.resolve([] as ServiceStandard[]),
    office,
  );
  const versions = useMemo(
    () =>
      (list.data ?? [])
        .filter((s) => s.serviceCode === service)
        .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)),
    [list.data, service],
  );
  const current = versions.find((v) => v.current) ?? versions[0];
  const [saved, setSaved] = useState<StandardForm>(() => toForm(undefined, today));
  const [form, setForm] = useState<StandardForm>(saved);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canEdit = writesKnowledge(session!.user);
  const dirty = isDirty(saved, form);
  const { blocker } = useUnsavedChanges(dirty);

  useEffect(() => {
    const next = toForm(current, today);
    setSaved(next);
    setForm(next);
    setError(null);
  }, [current, today]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isDay(form.effectiveFrom)) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`${BASE}/standards/${office}/${service}`, form);
      setSaved(form);
      toast(t('knowledge.standards.saved'));
      list.reload(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const setComponent = (c: StandardComponent, lang: Language, value: string) =>
    setForm((f) => ({ ...f, components: { ...f.components, [c]: { ...f.components[c], [lang]: value } } }));
  const fields = fieldMessages(error);
  const filled = STANDARD_COMPONENTS.filter(
    (c) => form.components[c].id.trim() && form.components[c].en.trim(),
  ).length;

  return (
    <div className="page wide">
      <div className="page-head">
        <h1>{t('knowledge.standards.title')}</h1>
        <OfficePicker choice={choice} />
      </div>
      <p className="muted">{t('knowledge.standards.help')}</p>
      {list.error ? <LoadError error={list.error} onRetry={() => list.reload()} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <div className="row wrap">
            <label>
              {t('knowledge.standards.service')}
              <select value={service} onChange={(e) => setServiceCode(e.target.value)}>
                {services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {localName(s.name, language)}
                  </option>
                ))}
              </select>
            </label>
            <p className="muted small">
              {versions.length === 0
                ? t('knowledge.standards.none')
                : t('knowledge.standards.versions', {
                    dates: versions
                      .map(
                        (v) =>
                          formatDay(v.effectiveFrom, language) +
                          (v.current ? ` (${t('knowledge.standards.current')})` : ''),
                      )
                      .join(', '),
                  })}
            </p>
          </div>
          <form onSubmit={submit} className="stack" noValidate>
            <fieldset disabled={!canEdit} className="stack">
              <div className="grid-2">
                <div className="field">
                  <label>
                    {t('knowledge.standards.legalBasis')}
                    <input
                      value={form.legalBasis}
                      onChange={(e) => setForm((f) => ({ ...f, legalBasis: e.target.value }))}
                      required
                      aria-describedby={fields.legalBasis ? 'std-err-legalBasis' : undefined}
                    />
                  </label>
                  <FieldMessage id="std-err-legalBasis" message={fields.legalBasis} />
                </div>
                <div className="field">
                  <label>
                    {t('knowledge.standards.effectiveFrom')}
                    <input
                      type="date"
                      value={form.effectiveFrom}
                      onChange={(e) => setForm((f) => ({ ...f, effectiveFrom: e.target.value }))}
                      required
                      aria-describedby={[
                        'std-effective-help',
                        fields.effectiveFrom ? 'std-err-effectiveFrom' : '',
                      ]
                        .join(' ')
                        .trim()}
                    />
                  </label>
                  <span id="std-effective-help" className="muted small">
                    {t('knowledge.standards.effectiveHelp')}
                  </span>
                  <FieldMessage id="std-err-effectiveFrom" message={fields.effectiveFrom} />
                </div>
              </div>
              <p className="muted small" role="status">
                {t('knowledge.standards.filled', { count: filled, total: STANDARD_COMPONENTS.length })}
              </p>
              <ol className="components">
                {STANDARD_COMPONENTS.map((c, index) => {
                  const isPublic = PUBLIC_STANDARD_COMPONENTS.includes(c);
                  return (
                    <li key={c} className={isPublic ? 'component public' : 'component'}>
                      <fieldset>
                        <legend>
                          {index + 1}. {t(`knowledge.component.${c}` as MessageKey)}{' '}
                          <span className={isPublic ? 'tag tag-public' : 'tag'}>
                            {isPublic ? t('knowledge.standards.public') : t('knowledge.standards.internal')}
                          </span>
                        </legend>
                        <div className="two-columns">
                          {(['id', 'en'] as const).map((lang) => (
                            <div className="field" key={lang}>
                              <label htmlFor={`std-${c}-${lang}`}>
                                <span className="small">{t(`lang.${lang}` as MessageKey)}</span>
                              </label>
                              <textarea
                                id={`std-${c}-${lang}`}
                                rows={4}
                                lang={lang}
                                value={form.components[c][lang]}
                                onChange={(e) => setComponent(c, lang, e.target.value)}
                              />
                            </div>
                          ))}
                        </div>
                        <FieldMessage id={`std-err-${c}`} message={fields[`components.${c}`]} />
                      </fieldset>
                    </li>
                  );
                })}
              </ol>
            </fieldset>
            {error ? (
              <p className="form-error" role="alert">
                {errorText(error, language)}
              </p>
            ) : null}
            {canEdit && (
              <div className="action-bar">
                <button type="submit" className="primary" disabled={busy || !dirty || !service}>
                  {current && form.effectiveFrom === current.effectiveFrom
                    ? t('knowledge.standards.replace')
                    : t('knowledge.standards.saveNew')}
                </button>
                {dirty && <span className="unsaved-mark">{t('knowledge.editor.unsaved')}</span>}
              </div>
            )}
          </form>
        </>
      )}
      <UnsavedChangesDialog blocker={blocker} />
    </div>
  );
}
