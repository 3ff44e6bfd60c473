import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { Unavailable } from '../admin/Users';
import { EmailTabs } from './EmailTabs';
import { OfficePicker, useOfficeChoice } from './OfficeChoice';
import { safeFragment } from './safe-html';

interface Template {
  template: 'receipt' | 'reply' | 'status' | 'resolved';
  language: 'id' | 'en';
  subject: string;
  text: string;
  html: string;
  customised: boolean;
  updatedAt: string | null;
  placeholders: string[];
}

interface Preview {
  subject: string;
  text: string;
  html: string;
}

const TEMPLATES = ['receipt', 'reply', 'status', 'resolved'] as const;

/** Administrators edit the e-mails citizens receive: per template and language, with preview and reset. */
export function EmailTemplates() {
  const { api, t, toast, toastError } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const list = useResource(
    () =>
      office
        ? api.get<{ items: Template[] }>(`/staff/offices/${office}/email/templates`).then((r) => r.items)
        : Promise.resolve([] as Template[]),
    office,
  );
  const [choice, setChoice] = useState<{ template: Template['template']; language: Template['language'] }>({
    template: 'receipt',
    language: 'id',
  });
  const current = list.data?.find((x) => x.template === choice.template && x.language === choice.language);
  const [draft, setDraft] = useState<Preview | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

  useEffect(() => {
    setDraft(current ? { subject: current.subject, text: current.text, html: current.html } : null);
    setPreview(null);
  }, [current]);

  const path = `/staff/offices/${office}/email/templates/${choice.template}/${choice.language}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      await api.patch(path, draft);
      toast(t('email.templateSaved'));
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function showPreview() {
    try {
      setPreview(await api.post<Preview>(`${path}/preview`, draft));
    } catch (e) {
      toastError(e);
    }
  }

  async function reset() {
    if (!window.confirm(t('email.resetConfirm'))) return;
    try {
      await api.del(path);
      toast(t('email.templateReset'));
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('email.templatesTitle')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
      </div>
      <EmailTabs />
      <p className="muted">{t('email.templatesHelp')}</p>
      {list.error ? <Unavailable error={list.error} /> : null}
      <div className="row wrap">
        <label>
          {t('email.template')}
          <select
            value={choice.template}
            onChange={(e) => setChoice({ ...choice, template: e.target.value as Template['template'] })}
          >
            {TEMPLATES.map((id) => (
              <option key={id} value={id}>
                {t(`email.template.${id}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('app.language')}
          <select
            value={choice.language}
            onChange={(e) => setChoice({ ...choice, language: e.target.value as Template['language'] })}
          >
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
        </label>
        {current && (
          <span className="muted">{current.customised ? t('email.customised') : t('email.default')}</span>
        )}
      </div>
      {current && draft && (
        <form className="card stack" onSubmit={save}>
          <label>
            {t('email.subject')}
            <input
              value={draft.subject}
              maxLength={300}
              required
              onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
            />
          </label>
          <label>
            {t('email.text')}
            <textarea
              value={draft.text}
              rows={12}
              maxLength={20000}
              required
              onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            />
          </label>
          <label>
            {t('email.html')}
            <textarea
              value={draft.html}
              rows={10}
              maxLength={50000}
              required
              onChange={(e) => setDraft({ ...draft, html: e.target.value })}
            />
          </label>
          <p className="muted">
            {t('email.placeholders')}{' '}
            {current.placeholders.map((p) => (
              <code key={p}>{`{{${p}}}`} </code>
            ))}
            <br />
            {t('email.sectionsHelp')}
          </p>
          <div className="row">
            <button type="submit" className="primary">
              {t('app.save')}
            </button>
            <button type="button" onClick={showPreview}>
              {t('email.preview')}
            </button>
            {current.customised && (
              <button type="button" onClick={reset}>
                {t('email.reset')}
              </button>
            )}
          </div>
        </form>
      )}
      {preview && (
        <section className="card" aria-live="polite">
          <h2>{t('email.previewTitle')}</h2>
          <p>
            <strong>{t('email.subject')}:</strong> {preview.subject}
          </p>
          <h3>{t('email.text')}</h3>
          <pre className="mail-preview">{preview.text}</pre>
          <h3>{t('email.html')}</h3>
          <SafeHtml html={preview.html} />
        </section>
      )}
    </div>
  );
}

function SafeHtml({ html }: { html: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.replaceChildren(safeFragment(html));
  }, [html]);
  return <div ref={ref} className="mail-preview" />;
}
