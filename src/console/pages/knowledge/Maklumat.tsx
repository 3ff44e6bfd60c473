import { type FormEvent, useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { errorText } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { fieldMessages, formatDay, isDay, isDirty, todayIn, writesKnowledge } from '../../lib/knowledge';
import type { Maklumat as MaklumatVersion } from '../../lib/knowledge-types';
import { OfficePicker, useOfficeChoice } from './Standards';
import {
  BASE,
  FieldMessage,
  LoadError,
  Loading,
  MarkdownHelp,
  MarkdownPreview,
  UnsavedChangesDialog,
  useUnsavedChanges,
} from './shared';

interface MaklumatForm {
  effectiveFrom: string;
  text: { id: string; en: string };
}

/** The office's maklumat pelayanan (service pledge), dated versions in both languages. */
export function Maklumat() {
  const { api, t, language, session, toast } = useConsole();
  const choice = useOfficeChoice();
  const { office } = choice;
  const today = todayIn();
  const list = useResource(
    () =>
      office
        ? api.get<{ items: MaklumatVersion[] }>(`${BASE}/maklumat?office=${office}`).then((r) => r.items)
        : Promise.resolve([] as MaklumatVersion[]),
    office,
  );
  const versions = useMemo(
    () => [...(list.data ?? [])].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)),
    [list.data],
  );
  const current = versions.find((v) => v.current) ?? versions[0];
  const initial = useMemo<MaklumatForm>(
    () => ({
      effectiveFrom: current?.effectiveFrom ?? today,
      text: { id: current?.text.id ?? '', en: current?.text.en ?? '' },
    }),
    [current, today],
  );
  const [form, setForm] = useState<MaklumatForm>(initial);
  const [saved, setSaved] = useState<MaklumatForm>(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const canEdit = writesKnowledge(session!.user);
  const dirty = isDirty(saved, form);
  const { blocker } = useUnsavedChanges(dirty);

  useEffect(() => {
    setForm(initial);
    setSaved(initial);
  }, [initial]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isDay(form.effectiveFrom)) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`${BASE}/maklumat/${office}`, form);
      setSaved(form);
      toast(t('knowledge.maklumat.saved'));
      list.reload(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fields = fieldMessages(error);
  return (
    <div className="page wide">
      <div className="page-head">
        <h1>{t('knowledge.maklumat.title')}</h1>
        <OfficePicker choice={choice} />
      </div>
      <p className="muted">{t('knowledge.maklumat.help')}</p>
      {list.error ? <LoadError error={list.error} onRetry={() => list.reload()} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <form onSubmit={submit} className="stack" noValidate>
          {versions.length > 0 && (
            <p className="muted small">
              {t('knowledge.standards.versions', {
                dates: versions
                  .map(
                    (v) =>
                      formatDay(v.effectiveFrom, language) +
                      (v.current ? ` (${t('knowledge.standards.current')})` : ''),
                  )
                  .join(', '),
              })}
            </p>
          )}
          <fieldset disabled={!canEdit} className="stack">
            <div className="field narrow-field">
              <label>
                {t('knowledge.standards.effectiveFrom')}
                <input
                  type="date"
                  value={form.effectiveFrom}
                  onChange={(e) => setForm((f) => ({ ...f, effectiveFrom: e.target.value }))}
                  required
                  aria-describedby={fields.effectiveFrom ? 'mk-err-effectiveFrom' : undefined}
                />
              </label>
              <FieldMessage id="mk-err-effectiveFrom" message={fields.effectiveFrom} />
            </div>
            {(['id', 'en'] as const).map((lang) => (
              <div key={lang} className="editor-split">
                <div className="field body-field">
                  <label htmlFor={`mk-text-${lang}`}>
                    {t('knowledge.maklumat.text', { language: t(`lang.${lang}` as MessageKey) })}
                  </label>
                  <textarea
                    id={`mk-text-${lang}`}
                    rows={10}
                    lang={lang}
                    value={form.text[lang]}
                    onChange={(e) => setForm((f) => ({ ...f, text: { ...f.text, [lang]: e.target.value } }))}
                    aria-describedby={`mk-help-${lang}`}
                  />
                  <MarkdownHelp id={`mk-help-${lang}`} />
                  <FieldMessage id={`mk-err-${lang}`} message={fields[`text.${lang}`]} />
                </div>
                <MarkdownPreview
                  id={`mk-preview-${lang}`}
                  source={form.text[lang]}
                  fees={undefined}
                  language={lang}
                  label={t('knowledge.preview.titleIn', { language: t(`lang.${lang}` as MessageKey) })}
                />
              </div>
            ))}
          </fieldset>
          {error ? (
            <p className="form-error" role="alert">
              {errorText(error, language)}
            </p>
          ) : null}
          {canEdit && (
            <div className="action-bar">
              <button type="submit" className="primary" disabled={busy || !dirty}>
                {current && form.effectiveFrom === current.effectiveFrom
                  ? t('knowledge.standards.replace')
                  : t('knowledge.standards.saveNew')}
              </button>
              {dirty && <span className="unsaved-mark">{t('knowledge.editor.unsaved')}</span>}
            </div>
          )}
        </form>
      )}
      <UnsavedChangesDialog blocker={blocker} />
    </div>
  );
}
