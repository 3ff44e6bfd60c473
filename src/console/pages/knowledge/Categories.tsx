import { type FormEvent, useState } from 'react';
import { errorText } from '../../lib/api';
import { useConsole } from '../../lib/context';
import { fieldMessages, writesKnowledge } from '../../lib/knowledge';
import type { KnowledgeCategory } from '../../lib/knowledge-types';
import { BASE, FieldMessage, LoadError, Loading, useCategories } from './shared';

interface CategoryForm {
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  sortOrder: string;
}

const EMPTY: CategoryForm = {
  key: '',
  nameId: '',
  nameEn: '',
  descriptionId: '',
  descriptionEn: '',
  sortOrder: '0',
};

function toForm(c: KnowledgeCategory): CategoryForm {
  return {
    key: c.key,
    nameId: c.names.id,
    nameEn: c.names.en,
    descriptionId: c.descriptions.id,
    descriptionEn: c.descriptions.en,
    sortOrder: String(c.sortOrder),
  };
}

/** Categories of articles and FAQ entries, both languages; one in use cannot be deleted. */
export function Categories() {
  const { api, t, language, session, toast, toastError } = useConsole();
  const list = useCategories();
  const [editing, setEditing] = useState<KnowledgeCategory | null>(null);
  const [form, setForm] = useState<CategoryForm>(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const canEdit = writesKnowledge(session!.user);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const body = {
      names: { id: form.nameId.trim(), en: form.nameEn.trim() },
      descriptions: { id: form.descriptionId.trim(), en: form.descriptionEn.trim() },
      sortOrder: Number(form.sortOrder) || 0,
    };
    try {
      if (editing) await api.patch(`${BASE}/categories/${editing.id}`, body);
      else await api.post(`${BASE}/categories`, { ...body, key: form.key.trim() });
      toast(t('knowledge.categories.saved'));
      setEditing(null);
      setForm(EMPTY);
      list.reload(true);
    } catch (e) {
      setError(e);
    }
  }

  async function remove(c: KnowledgeCategory) {
    if (!window.confirm(t('knowledge.categories.deleteConfirm', { name: c.names[language] || c.names.id })))
      return;
    try {
      await api.del(`${BASE}/categories/${c.id}`);
      toast(t('knowledge.categories.deleted'));
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  const fields = fieldMessages(error);
  const set = (patch: Partial<CategoryForm>) => setForm((f) => ({ ...f, ...patch }));

  return (
    <div className="page">
      <h1>{t('knowledge.categories.title')}</h1>
      {list.error ? <LoadError error={list.error} onRetry={() => list.reload()} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <p className="state">{t('knowledge.categories.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="admin-table">
          <caption className="visually-hidden">{t('knowledge.categories.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.field.key')}</th>
              <th scope="col">{t('teams.nameId')}</th>
              <th scope="col">{t('teams.nameEn')}</th>
              <th scope="col" className="numeric">
                {t('knowledge.categories.articles')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('knowledge.history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...list.data]
              .sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key))
              .map((c) => (
                <tr key={c.id}>
                  <td>
                    <code>{c.key}</code>
                  </td>
                  <td lang="id">{c.names.id}</td>
                  <td lang="en">{c.names.en}</td>
                  <td className="numeric">{c.articleCount}</td>
                  <td className="actions">
                    {canEdit && (
                      <>
                        <button
                          type="button"
                          onClick={() => {
                            setEditing(c);
                            setForm(toForm(c));
                            setError(null);
                          }}
                        >
                          {t('users.edit')}
                        </button>
                        <button
                          type="button"
                          className="danger"
                          disabled={c.articleCount > 0}
                          title={c.articleCount > 0 ? t('knowledge.categories.inUse') : undefined}
                          onClick={() => void remove(c)}
                        >
                          {t('canned.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <section className="card" aria-labelledby="category-form-title">
          <h2 id="category-form-title">
            {editing ? t('knowledge.categories.edit', { key: editing.key }) : t('knowledge.categories.add')}
          </h2>
          <form className="stack" onSubmit={submit} noValidate>
            <div className="grid-3">
              {!editing && (
                <div className="field">
                  <label>
                    {t('knowledge.field.key')}
                    <input
                      value={form.key}
                      onChange={(e) => set({ key: e.target.value })}
                      required
                      pattern="[a-z0-9]+(-[a-z0-9]+)*"
                      maxLength={40}
                      aria-describedby="cat-err-key"
                    />
                  </label>
                  <FieldMessage id="cat-err-key" message={fields.key} />
                </div>
              )}
              <label>
                {t('teams.nameId')}
                <input
                  value={form.nameId}
                  onChange={(e) => set({ nameId: e.target.value })}
                  required
                  lang="id"
                />
              </label>
              <label>
                {t('teams.nameEn')}
                <input
                  value={form.nameEn}
                  onChange={(e) => set({ nameEn: e.target.value })}
                  required
                  lang="en"
                />
              </label>
              <label>
                {t('knowledge.categories.descriptionId')}
                <input
                  value={form.descriptionId}
                  onChange={(e) => set({ descriptionId: e.target.value })}
                  lang="id"
                />
              </label>
              <label>
                {t('knowledge.categories.descriptionEn')}
                <input
                  value={form.descriptionEn}
                  onChange={(e) => set({ descriptionEn: e.target.value })}
                  lang="en"
                />
              </label>
              <label>
                {t('knowledge.categories.sortOrder')}
                <input
                  type="number"
                  value={form.sortOrder}
                  onChange={(e) => set({ sortOrder: e.target.value })}
                />
              </label>
            </div>
            {error && !fields.key ? (
              <p className="form-error" role="alert">
                {errorText(error, language)}
              </p>
            ) : null}
            <div className="row">
              <button type="submit" className="primary" disabled={!form.nameId.trim() || !form.nameEn.trim()}>
                {t('app.save')}
              </button>
              {editing && (
                <button
                  type="button"
                  onClick={() => {
                    setEditing(null);
                    setForm(EMPTY);
                  }}
                >
                  {t('app.cancel')}
                </button>
              )}
            </div>
          </form>
        </section>
      )}
    </div>
  );
}
