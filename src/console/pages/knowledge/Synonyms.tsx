import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Language } from '../../i18n';
import { errorText } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { fieldMessages, writesKnowledge } from '../../lib/knowledge';
import type { Synonym } from '../../lib/knowledge-types';
import { BASE, FieldMessage, LoadError, Loading } from './shared';

const TERM = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

/** The colloquial dictionary the search and the assistant read: a word people type → what it means. */
export function Synonyms() {
  const { api, t, language: uiLanguage, session, toast, toastError } = useConsole();
  const [search, setSearch] = useSearchParams();
  const lang: Language = search.get('lang') === 'en' ? 'en' : 'id';
  const list = useResource(
    () => api.get<{ items: Synonym[] }>(`${BASE}/synonyms?lang=${lang}`).then((r) => r.items),
    lang,
  );
  const [filter, setFilter] = useState('');
  const [term, setTerm] = useState('');
  const [means, setMeans] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<{ id: string; means: string } | null>(null);
  const canEdit = writesKnowledge(session!.user);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (list.data ?? [])
      .filter((s) => !f || s.term.toLowerCase().includes(f) || s.means.toLowerCase().includes(f))
      .sort((a, b) => a.term.localeCompare(b.term));
  }, [list.data, filter]);

  async function add(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await api.post(`${BASE}/synonyms`, { language: lang, term: term.trim(), means: means.trim() });
      toast(t('knowledge.synonyms.added', { term: term.trim() }));
      setTerm('');
      setMeans('');
      list.reload(true);
      document.getElementById('synonym-term')?.focus();
    } catch (e) {
      setError(e);
    }
  }

  async function saveEdit(event: FormEvent) {
    event.preventDefault();
    if (!editing) return;
    try {
      await api.patch(`${BASE}/synonyms/${editing.id}`, { means: editing.means.trim() });
      toast(t('knowledge.synonyms.updated'));
      setEditing(null);
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function remove(item: Synonym) {
    if (!window.confirm(t('knowledge.synonyms.deleteConfirm', { term: item.term }))) return;
    try {
      await api.del(`${BASE}/synonyms/${item.id}`);
      toast(t('knowledge.synonyms.deleted', { term: item.term }));
      list.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  const fields = fieldMessages(error);
  const termProblem =
    term.trim() && !TERM.test(term.trim()) ? t('knowledge.synonyms.termInvalid') : undefined;

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('knowledge.synonyms.title')}</h1>
        <fieldset className="row">
          <legend className="visually-hidden">{t('knowledge.field.language')}</legend>
          {(['id', 'en'] as const).map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={l === lang}
              className={l === lang ? 'primary' : undefined}
              onClick={() => setSearch(l === 'id' ? {} : { lang: l })}
            >
              {t(`lang.${l}`)}
            </button>
          ))}
        </fieldset>
      </div>
      <p className="muted">{t('knowledge.synonyms.help')}</p>
      {canEdit && (
        <section className="card" aria-labelledby="synonym-add-title">
          <h2 id="synonym-add-title">{t('knowledge.synonyms.add')}</h2>
          <form className="row wrap" onSubmit={add} noValidate>
            <div className="field">
              <label>
                {t('knowledge.synonyms.term')}
                <input
                  id="synonym-term"
                  value={term}
                  onChange={(e) => setTerm(e.target.value)}
                  required
                  maxLength={40}
                  lang={lang}
                  spellCheck={false}
                  aria-invalid={termProblem || fields.term ? true : undefined}
                  aria-describedby="synonym-term-help synonym-err-term"
                />
              </label>
              <span id="synonym-term-help" className="muted small">
                {t('knowledge.synonyms.termHelp')}
              </span>
              <FieldMessage id="synonym-err-term" message={fields.term ?? termProblem} />
            </div>
            <span aria-hidden="true" className="arrow">
              →
            </span>
            <div className="field grow">
              <label>
                {t('knowledge.synonyms.means')}
                <input
                  value={means}
                  onChange={(e) => setMeans(e.target.value)}
                  required
                  maxLength={200}
                  lang={lang}
                  aria-describedby="synonym-err-means"
                />
              </label>
              <FieldMessage id="synonym-err-means" message={fields.means} />
            </div>
            <button
              type="submit"
              className="primary"
              disabled={!term.trim() || !means.trim() || Boolean(termProblem)}
            >
              {t('knowledge.synonyms.addButton')}
            </button>
          </form>
          {error && !fields.term && !fields.means ? (
            <p className="form-error" role="alert">
              {errorText(error, uiLanguage)}
            </p>
          ) : null}
        </section>
      )}
      <label className="inline filter-inline">
        {t('knowledge.synonyms.filter')}
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </label>
      {list.error ? <LoadError error={list.error} onRetry={() => list.reload()} /> : null}
      {!list.data && !list.error && <Loading />}
      {list.data && shown.length === 0 && <p className="state">{t('knowledge.synonyms.empty')}</p>}
      {shown.length > 0 && (
        <table className="admin-table synonym-table">
          <caption>
            {t('knowledge.synonyms.count', { count: shown.length, total: list.data?.length ?? 0 })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.synonyms.term')}</th>
              <th scope="col">{t('knowledge.synonyms.means')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('knowledge.history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <tr key={item.id}>
                <th scope="row" lang={lang}>
                  <code>{item.term}</code>
                </th>
                <td lang={lang}>
                  {editing?.id === item.id ? (
                    <form className="row" onSubmit={saveEdit}>
                      <label className="inline grow">
                        <span className="visually-hidden">
                          {t('knowledge.synonyms.meansOf', { term: item.term })}
                        </span>
                        <input
                          value={editing.means}
                          onChange={(e) => setEditing({ id: item.id, means: e.target.value })}
                          required
                          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this row
                          autoFocus
                        />
                      </label>
                      <button type="submit" className="primary" disabled={!editing.means.trim()}>
                        {t('app.save')}
                      </button>
                      <button type="button" onClick={() => setEditing(null)}>
                        {t('app.cancel')}
                      </button>
                    </form>
                  ) : (
                    item.means
                  )}
                </td>
                <td className="actions">
                  {canEdit && editing?.id !== item.id && (
                    <>
                      <button
                        type="button"
                        onClick={() => setEditing({ id: item.id, means: item.means })}
                        aria-label={t('knowledge.synonyms.editOf', { term: item.term })}
                      >
                        {t('users.edit')}
                      </button>
                      <button
                        type="button"
                        className="danger"
                        onClick={() => void remove(item)}
                        aria-label={t('knowledge.synonyms.deleteOf', { term: item.term })}
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
    </div>
  );
}
