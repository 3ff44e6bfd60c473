import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MessageKey } from '../../i18n';
import { ApiError, errorText } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { fieldMessages, isDirty, workflowSteps } from '../../lib/knowledge';
import type { Fee, ItemStatus, KnowledgeAction } from '../../lib/knowledge-types';
import { parseMarkdown } from '../../lib/markdown';
import { BASE, UnsavedChangesDialog, useUnsavedChanges } from './shared';

/** What both editors (articles and FAQ entries) need from an item. */
export interface EditableItem {
  id: string;
  version: number;
  status: ItemStatus;
  revisionNumber: number;
  allowedActions: KnowledgeAction[];
}

type Kind = 'articles' | 'faqs';

/**
 * The editing cycle shared by articles and FAQ entries: load, form state against the last saved state, save with a
 * revision message (POST for new, PATCH with the version seen), workflow steps (saving first when there are edits),
 * "mark reviewed", delete, and the 409 version conflict: the user's text is kept aside and the latest version loaded
 * on request. Leaving with unsaved edits asks first.
 */
export function useItemEditor<Item extends EditableItem, Form>(options: {
  kind: Kind;
  id: string | undefined;
  initial: Form;
  toForm: (item: Item) => Form;
  toBody: (form: Form) => Record<string, unknown>;
}) {
  const { api, t, toast, toastError } = useConsole();
  const navigate = useNavigate();
  const { kind, id } = options;
  const opts = useRef(options);
  opts.current = options;
  const [item, setItem] = useState<Item | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [saved, setSaved] = useState<Form>(options.initial);
  const [form, setForm] = useState<Form>(options.initial);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [lostDraft, setLostDraft] = useState<Form | null>(null);
  const [lastStep, setLastStep] = useState<ItemStatus | null>(null);

  const dirty = isDirty(saved, form);
  const { blocker, release } = useUnsavedChanges(dirty);

  const accept = useCallback((next: Item) => {
    const nextForm = opts.current.toForm(next);
    setItem(next);
    setSaved(nextForm);
    setForm(nextForm);
  }, []);

  const load = useCallback(async () => {
    if (!id) return null;
    setLoadError(null);
    try {
      const next = await api.get<Item>(`${BASE}/${kind}/${id}`);
      accept(next);
      return next;
    } catch (e) {
      setLoadError(e);
      return null;
    }
  }, [api, kind, id, accept]);

  useEffect(() => {
    setItem(null);
    setConflict(false);
    setLostDraft(null);
    setLastStep(null);
    setError(null);
    if (id) void load();
    else {
      setSaved(opts.current.initial);
      setForm(opts.current.initial);
    }
  }, [id, load]);

  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409 && e.code === 'version_conflict') {
      setConflict(true);
      setError(null);
    } else {
      setError(e);
      if (!(e instanceof ApiError) || e.status === 0 || e.status >= 500) toastError(e);
    }
  };

  /** Saves the form; resolves to the saved item, or null when it failed (the error is shown). */
  async function save(): Promise<Item | null> {
    setBusy(true);
    setError(null);
    const text = message.trim() || undefined;
    try {
      if (!item) {
        const created = await api.post<Item>(`${BASE}/${kind}`, { ...options.toBody(form), message: text });
        release();
        accept(created);
        setMessage('');
        toast(t('knowledge.editor.created'));
        navigate(`/knowledge/${kind}/${created.id}`, { replace: true });
        return created;
      }
      const updated = await api.patch<Item>(`${BASE}/${kind}/${item.id}`, {
        ...options.toBody(form),
        version: item.version,
        message: text,
      });
      accept(updated);
      setMessage('');
      toast(t('knowledge.editor.saved', { number: updated.revisionNumber }));
      return updated;
    } catch (e) {
      fail(e);
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function step(to: ItemStatus) {
    let current = item;
    if (!current) return;
    if (dirty) {
      current = await save();
      if (!current) return;
    }
    setBusy(true);
    setError(null);
    try {
      const text = message.trim() || undefined;
      const next = await api.post<Item>(`${BASE}/${kind}/${current.id}/transition`, {
        version: current.version,
        to,
        message: text,
      });
      accept(next);
      setMessage('');
      setLastStep(to);
      toast(t(`knowledge.step.done.${to}` as MessageKey));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function markReviewed() {
    if (!item) return;
    setBusy(true);
    try {
      accept(await api.post<Item>(`${BASE}/${kind}/${item.id}/reviewed`, { version: item.version }));
      toast(t('knowledge.editor.reviewed'));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!item || !window.confirm(t('knowledge.editor.deleteConfirm'))) return;
    setBusy(true);
    try {
      await api.del(`${BASE}/${kind}/${item.id}`);
      release();
      toast(t('knowledge.editor.deleted'));
      navigate(`/knowledge/${kind}`);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  /** After a conflict: keep the user's form aside, load the latest version. */
  async function reloadLatest() {
    setLostDraft(form);
    setConflict(false);
    await load();
  }

  return {
    item,
    loadError,
    reload: load,
    form,
    setForm,
    dirty,
    message,
    setMessage,
    busy,
    error,
    fields: fieldMessages(error),
    conflict,
    lostDraft,
    dropLostDraft: () => setLostDraft(null),
    lastStep,
    save,
    step,
    markReviewed,
    remove,
    reloadLatest,
    blocker,
  };
}

export type ItemEditor<Item extends EditableItem, Form> = ReturnType<typeof useItemEditor<Item, Form>>;

/** The save bar: revision message, Save (Ctrl+S), workflow steps the server allows, delete. */
export function ActionBar<Item extends EditableItem, Form>({
  editor,
  canEdit,
  isNew,
  issues = 0,
}: {
  editor: ItemEditor<Item, Form>;
  canEdit: boolean;
  isNew: boolean;
  /** Problems the preview lists; publishing with some asks first. */
  issues?: number;
}) {
  const { t } = useConsole();
  const item = editor.item;
  const allowed = item?.allowedActions ?? [];
  // Edits to a published item can be published in one go (saved first), even before the server offers "publish".
  const publishable =
    item?.status === 'published' && editor.dirty && allowed.includes('edit') && !allowed.includes('publish');
  const visible = item ? workflowSteps(publishable ? [...allowed, 'publish'] : allowed) : [];
  return (
    <fieldset className="action-bar">
      <legend className="visually-hidden">{t('knowledge.editor.actions')}</legend>
      {canEdit && (
        <>
          <label className="message-field">
            <span>{t('knowledge.editor.message')}</span>
            <input
              value={editor.message}
              onChange={(e) => editor.setMessage(e.target.value)}
              maxLength={500}
              placeholder={t('knowledge.editor.messagePlaceholder')}
            />
          </label>
          <button
            type="submit"
            className="primary"
            disabled={editor.busy || (!isNew && !editor.dirty)}
            aria-keyshortcuts="Control+S"
          >
            {isNew ? t('knowledge.editor.create') : t('app.save')}
          </button>
        </>
      )}
      {visible.map((s) => (
        <button
          key={s.action}
          type="button"
          className={s.to === 'published' ? 'publish' : s.to === 'archived' ? 'danger' : undefined}
          disabled={editor.busy}
          onClick={() => {
            if (
              s.to === 'published' &&
              issues > 0 &&
              !window.confirm(t('knowledge.editor.publishWithIssues', { count: issues }))
            )
              return;
            void editor.step(s.to);
          }}
        >
          {t(
            `knowledge.step.${s.to === 'draft' && item?.status === 'archived' ? 'revive' : s.action}` as MessageKey,
          )}
          {editor.dirty && s.to !== 'archived' ? ` ${t('knowledge.step.withSave')}` : ''}
        </button>
      ))}
      {item?.allowedActions.includes('delete') && (
        <button type="button" className="danger" disabled={editor.busy} onClick={() => void editor.remove()}>
          {t('knowledge.editor.delete')}
        </button>
      )}
      {editor.dirty && <span className="unsaved-mark">{t('knowledge.editor.unsaved')}</span>}
    </fieldset>
  );
}

/** How many problems the preview lists for a text (fee codes checked against the schedule when it is loaded). */
export function issueCount(text: string, fees: Fee[] | undefined): number {
  return parseMarkdown(text, fees ? new Set(fees.map((f) => f.code)) : undefined).issues.length;
}

/** Notices above an editor: version conflict, the save error, the text kept after a conflict. */
export function EditorNotices<Item extends EditableItem, Form>({
  editor,
  renderLost,
}: {
  editor: ItemEditor<Item, Form>;
  renderLost: (form: Form) => React.ReactNode;
}) {
  const { t, language } = useConsole();
  return (
    <>
      {editor.conflict && (
        <div className="notice notice-warn" role="alert">
          <p>{t('knowledge.editor.conflict')}</p>
          <button type="button" className="primary" onClick={() => void editor.reloadLatest()}>
            {t('knowledge.editor.loadLatest')}
          </button>
        </div>
      )}
      {editor.error ? (
        <div className="notice notice-error" role="alert">
          <p>{errorText(editor.error, language)}</p>
        </div>
      ) : null}
      {editor.lostDraft && (
        <details className="card lost-draft" open>
          <summary>{t('knowledge.editor.lostDraft')}</summary>
          <p className="muted small">{t('knowledge.editor.lostDraftHelp')}</p>
          {renderLost(editor.lostDraft)}
          <button type="button" onClick={editor.dropLostDraft}>
            {t('knowledge.editor.dropLostDraft')}
          </button>
        </details>
      )}
      <UnsavedChangesDialog blocker={editor.blocker} />
    </>
  );
}

/** "Published — live now": the public page, opened in a new tab. */
export function PublishedNotice({ url, show }: { url: string | null; show: boolean }) {
  const { t } = useConsole();
  if (!show || !url) return null;
  return (
    <div className="notice notice-ok" role="status">
      <p>{t('knowledge.editor.liveNow')}</p>
      <a href={url} target="_blank" rel="noopener">
        {t('knowledge.editor.openPublic')} <span className="muted small">{url}</span>
      </a>
    </div>
  );
}

export function HistoryLink({ kind, id }: { kind: Kind; id: string }) {
  const { t } = useConsole();
  return <Link to={`/knowledge/${kind}/${id}/history`}>{t('knowledge.editor.history')}</Link>;
}
