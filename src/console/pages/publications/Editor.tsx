import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Language, MessageKey } from '../../i18n';
import { ApiError } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { MarkdownPreview } from '../knowledge/shared';
import { CATEGORIES, type Citation, type Publication, type Revision, type TextVersion } from './types';

const BASE = '/staff/publications';
const EMPTY: TextVersion = { title: '', summary: '', body: '' };

interface Form {
  category: Publication['category'];
  citations: string[];
  id: TextVersion;
  en: TextVersion | null;
}

const formOf = (p: Publication): Form => ({
  category: p.category,
  citations: p.citations.map((c) => c.id),
  id: p.texts.id,
  en: p.texts.en ?? null,
});

/** Writing, reviewing and following one publication: texts with a live preview, citations, workflow, deliveries. */
export function PublicationEditor({ id }: { id?: string }) {
  const { api, t, toast, toastError } = useConsole();
  const navigate = useNavigate();
  const loaded = useResource(() => (id ? api.get<Publication>(`${BASE}/${id}`) : Promise.resolve(null)), id);
  const citable = useResource(() => api.get<{ items: Citation[] }>(`${BASE}/citable-records`), 0);
  const [form, setForm] = useState<Form>({ category: 'news', citations: [], id: EMPTY, en: null });
  const [findings, setFindings] = useState<string[]>([]);
  const publication = loaded.data ?? null;
  useEffect(() => {
    if (publication) setForm(formOf(publication));
  }, [publication]);
  const editable = !publication || publication.allowedActions.includes('edit');

  /** Runs an API call; a blocked publication shows each finding of the privacy check. */
  async function run(work: () => Promise<Publication | undefined>, done: MessageKey) {
    setFindings([]);
    try {
      const result = await work();
      toast(t(done));
      if (result && !id) navigate(`/publications/${result.id}`);
      else loaded.reload(true);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'publication_blocked')
        setFindings(error.errors.map((e) => e.message));
      toastError(error);
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const texts = { id: form.id, ...(form.en ? { en: form.en } : {}) };
    void run(
      () =>
        publication
          ? api.patch<Publication>(`${BASE}/${publication.id}`, {
              version: publication.version,
              category: form.category,
              citations: form.citations,
              texts,
            })
          : api.post<Publication>(BASE, { category: form.category, citations: form.citations, texts }),
      'pub.saved',
    );
  }

  async function check() {
    if (!publication) return;
    const result = await api.post<{ publishable: boolean; findings: { message: string }[] }>(
      `${BASE}/${publication.id}/check`,
    );
    setFindings(result.findings.map((f) => f.message));
    if (result.publishable) toast(t('pub.checkClean'));
  }

  const step = (path: string, body: object, done: MessageKey) =>
    run(
      () =>
        api.post<Publication>(`${BASE}/${publication!.id}/${path}`, {
          version: publication!.version,
          ...body,
        }),
      done,
    );

  if (id && loaded.loading && !publication) return <p className="state">{t('app.loading')}</p>;
  if (loaded.error) return <p role="alert">{t('pub.loadFailed')}</p>;

  return (
    <section aria-labelledby="pub-editor-title">
      <p>
        <Link to="/publications">{t('pub.back')}</Link>
      </p>
      <h1 id="pub-editor-title">{publication ? publication.texts.id.title : t('pub.new')}</h1>
      {publication && (
        <p className="muted">
          {t(`pub.status.${publication.status}` as MessageKey)} ·{' '}
          {t('pub.revision', { n: publication.revisionNumber })} · {t('pub.author')}: {publication.authorName}
          {publication.reviewerName ? ` · ${t('pub.reviewer')}: ${publication.reviewerName}` : ''}
          {publication.scheduledAt
            ? ` · ${t('pub.scheduledFor')} ${formatDateTime(publication.scheduledAt, 'id')}`
            : ''}
        </p>
      )}
      {publication?.reviewComment && (
        <p className="notice" role="note">
          {t('pub.reviewComment')}: {publication.reviewComment}
        </p>
      )}
      {findings.length > 0 && (
        <div className="notice notice-error" role="alert" aria-labelledby="pub-findings-title">
          <h2 id="pub-findings-title">{t('pub.findingsTitle')}</h2>
          <ul>
            {findings.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        </div>
      )}
      {publication && publication.publicUrls.length > 0 && (
        <p>
          {publication.publicUrls.map((u) => (
            <a key={u.language} href={u.url} className="button-link">
              {t('pub.openPublic', { lang: u.language.toUpperCase() })}
            </a>
          ))}
        </p>
      )}
      <form onSubmit={save}>
        <fieldset disabled={!editable}>
          <legend className="visually-hidden">{t('pub.content')}</legend>
          <label>
            {t('pub.category')}
            <select
              value={form.category}
              onChange={(e) => setForm({ ...form, category: e.target.value as Form['category'] })}
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`pub.category.${c}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <Texts language="id" value={form.id} onChange={(v) => setForm({ ...form, id: v })} />
          {form.en ? (
            <>
              <Texts language="en" value={form.en} onChange={(v) => setForm({ ...form, en: v })} />
              <button type="button" onClick={() => setForm({ ...form, en: null })}>
                {t('pub.removeEnglish')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setForm({ ...form, en: EMPTY })}>
              {t('pub.addEnglish')}
            </button>
          )}
          <fieldset>
            <legend>{t('pub.citations')}</legend>
            <p className="muted">{t('pub.citationsHelp')}</p>
            {(citable.data?.items ?? []).map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={form.citations.includes(c.id)}
                  onChange={(e) =>
                    setForm({
                      ...form,
                      citations: e.target.checked
                        ? [...form.citations, c.id]
                        : form.citations.filter((x) => x !== c.id),
                    })
                  }
                />{' '}
                {c.label} — {t(`pub.action.${c.action}` as MessageKey)}, {c.legalBasis}, {c.decidedOn}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="primary">
            {t('pub.save')}
          </button>
        </fieldset>
      </form>
      {publication && <Workflow publication={publication} step={step} check={check} />}
      {publication && publication.deliveries.length > 0 && (
        <Deliveries publication={publication} onRetried={() => loaded.reload(true)} />
      )}
      {publication && <Revisions publication={publication} onRestored={() => loaded.reload(true)} />}
    </section>
  );
}

function Texts({
  language,
  value,
  onChange,
}: {
  language: Language;
  value: TextVersion;
  onChange: (value: TextVersion) => void;
}) {
  const { t } = useConsole();
  return (
    <fieldset className="pub-texts" lang={language}>
      <legend>{t(`pub.version.${language}` as MessageKey)}</legend>
      <label>
        {t('pub.titleField')}
        <input
          value={value.title}
          maxLength={200}
          onChange={(e) => onChange({ ...value, title: e.target.value })}
          required
        />
      </label>
      <label>
        {t('pub.summary')}
        <textarea
          value={value.summary}
          rows={2}
          maxLength={600}
          onChange={(e) => onChange({ ...value, summary: e.target.value })}
          required
        />
      </label>
      <ImageUpload
        onUploaded={(line) => onChange({ ...value, body: `${value.body.trimEnd()}\n\n${line}\n` })}
      />
      <div className="editor-split">
        <label>
          {t('pub.body')}
          <textarea
            value={value.body}
            rows={12}
            onChange={(e) => onChange({ ...value, body: e.target.value })}
            required
          />
        </label>
        <MarkdownPreview
          source={value.body}
          fees={undefined}
          language={language}
          id={`pub-preview-${language}`}
          label={t('pub.preview')}
        />
      </div>
    </fieldset>
  );
}

/** Uploads an image (checked by content on the server) and adds its line to the body; the alt text is asked for. */
function ImageUpload({ onUploaded }: { onUploaded: (markdownLine: string) => void }) {
  const { api, t, toastError } = useConsole();
  async function upload(file: File) {
    const alt = window.prompt(t('pub.imageAlt')) ?? '';
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    try {
      const image = await api.post<{ url: string }>(`${BASE}/images`, {
        fileName: file.name,
        contentBase64: btoa(binary),
      });
      onUploaded(`![${alt.replace(/[[\]\n]/g, ' ')}](${image.url})`);
    } catch (error) {
      toastError(error);
    }
  }
  return (
    <label>
      {t('pub.image')}
      <input
        type="file"
        accept="image/jpeg,image/png,image/webp"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void upload(file);
          e.target.value = '';
        }}
      />
    </label>
  );
}

function Workflow({
  publication,
  step,
  check,
}: {
  publication: Publication;
  step: (path: string, body: object, done: MessageKey) => Promise<void>;
  check: () => Promise<void>;
}) {
  const { t } = useConsole();
  const [comment, setComment] = useState('');
  const [when, setWhen] = useState('');
  const can = (action: string) => publication.allowedActions.includes(action);
  if (publication.allowedActions.length === 0) return null;
  return (
    <section aria-labelledby="pub-workflow-title">
      <h2 id="pub-workflow-title">{t('pub.workflow')}</h2>
      <div className="row">
        {can('check') && (
          <button type="button" onClick={() => void check()}>
            {t('pub.check')}
          </button>
        )}
        {can('submit') && (
          <button type="button" onClick={() => void step('submit', {}, 'pub.submitted')}>
            {t('pub.submit')}
          </button>
        )}
      </div>
      {can('approve') && (
        <div className="row">
          <label>
            {t('pub.scheduleAt')}
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
          </label>
          <button
            type="button"
            onClick={() =>
              void step(
                'approve',
                { scheduledAt: when ? new Date(when).toISOString() : null },
                'pub.approved',
              )
            }
          >
            {when ? t('pub.approveSchedule') : t('pub.approvePublish')}
          </button>
        </div>
      )}
      {publication.status === 'review' && !can('approve') && <p className="muted">{t('pub.needsSecond')}</p>}
      {can('reject') && (
        <div className="row">
          <label>
            {t('pub.rejectComment')}
            <input value={comment} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={!comment.trim()}
            onClick={() => void step('reject', { comment }, 'pub.rejected')}
          >
            {t('pub.reject')}
          </button>
        </div>
      )}
      {can('archive') && (
        <button
          type="button"
          className="danger"
          onClick={() => window.confirm(t('pub.archiveConfirm')) && void step('archive', {}, 'pub.archived')}
        >
          {t('pub.archive')}
        </button>
      )}
    </section>
  );
}

function Deliveries({ publication, onRetried }: { publication: Publication; onRetried: () => void }) {
  const { api, t, language, toast, toastError } = useConsole();
  async function retry(deliveryId: string) {
    try {
      await api.post(`${BASE}/${publication.id}/deliveries/${deliveryId}/retry`);
      toast(t('pub.retryQueued'));
      onRetried();
    } catch (error) {
      toastError(error);
    }
  }
  return (
    <section aria-labelledby="pub-deliveries-title">
      <h2 id="pub-deliveries-title">{t('pub.deliveries')}</h2>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('pub.webhook')}</th>
            <th scope="col">{t('pub.status')}</th>
            <th scope="col">{t('pub.attempts')}</th>
            <th scope="col">{t('pub.lastResult')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('pub.retry')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {publication.deliveries.map((d) => (
            <tr key={d.id}>
              <td>{d.webhookName}</td>
              <td>{t(`pub.delivery.${d.status}` as MessageKey)}</td>
              <td>{d.attempts}</td>
              <td>{d.deliveredAt ? formatDateTime(d.deliveredAt, language) : (d.lastError ?? '—')}</td>
              <td>
                {d.status !== 'delivered' && publication.allowedActions.length > 0 && (
                  <button type="button" onClick={() => void retry(d.id)}>
                    {t('pub.retry')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Revisions({ publication, onRestored }: { publication: Publication; onRestored: () => void }) {
  const { api, t, language, toast, toastError } = useConsole();
  const revisions = useResource(
    () => api.get<{ items: Revision[] }>(`${BASE}/${publication.id}/revisions`),
    publication.version,
  );
  async function restore(number: number) {
    try {
      await api.post(`${BASE}/${publication.id}/revisions/${number}/restore`, {
        version: publication.version,
      });
      toast(t('pub.restored', { n: number }));
      onRestored();
    } catch (error) {
      toastError(error);
    }
  }
  return (
    <section aria-labelledby="pub-revisions-title">
      <h2 id="pub-revisions-title">{t('pub.revisions')}</h2>
      <ol reversed>
        {(revisions.data?.items ?? []).map((r) => (
          <li key={r.number}>
            {t('pub.revision', { n: r.number })} · {r.actorName ?? '—'} ·{' '}
            {formatDateTime(r.createdAt, language)} · {r.texts.id.title}
            {r.message ? ` — ${r.message}` : ''}{' '}
            {publication.allowedActions.includes('restore_revision') &&
              r.number !== publication.revisionNumber && (
                <button type="button" onClick={() => void restore(r.number)}>
                  {t('pub.restore')}
                </button>
              )}
          </li>
        ))}
      </ol>
    </section>
  );
}
