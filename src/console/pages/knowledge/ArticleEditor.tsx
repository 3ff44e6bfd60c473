import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Language, MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import {
  hasUnpublishedChanges,
  isValidSlug,
  parseTags,
  publicArticleUrl,
  reviewState,
  slugify,
  writesKnowledge,
} from '../../lib/knowledge';
import type { StaffArticle, StaffArticleListItem } from '../../lib/knowledge-types';
import { ActionBar, EditorNotices, HistoryLink, issueCount, PublishedNotice, useItemEditor } from './editing';
import {
  BASE,
  FieldMessage,
  ItemStatusBadge,
  LanguageTag,
  LoadError,
  Loading,
  MarkdownHelp,
  MarkdownPreview,
  MarkdownToolbar,
  useCategories,
  useFees,
} from './shared';

interface ArticleForm {
  translationKey: string;
  language: Language;
  slug: string;
  title: string;
  summary: string;
  body: string;
  categoryKey: string;
  tags: string;
  related: string[];
  reviewIntervalDays: string;
}

const EMPTY: ArticleForm = {
  translationKey: '',
  language: 'id',
  slug: '',
  title: '',
  summary: '',
  body: '',
  categoryKey: '',
  tags: '',
  related: [],
  reviewIntervalDays: '180',
};

function toForm(a: StaffArticle): ArticleForm {
  return {
    translationKey: a.translationKey,
    language: a.language,
    slug: a.slug,
    title: a.title,
    summary: a.summary,
    body: a.body,
    categoryKey: a.categoryKey ?? '',
    tags: a.tags.join(', '),
    related: a.related,
    reviewIntervalDays: String(a.reviewIntervalDays),
  };
}

function toBody(f: ArticleForm): Record<string, unknown> {
  return {
    translationKey: f.translationKey.trim(),
    language: f.language,
    slug: f.slug.trim(),
    title: f.title.trim(),
    summary: f.summary.trim(),
    body: f.body,
    categoryKey: f.categoryKey || null,
    tags: parseTags(f.tags),
    related: f.related,
    reviewIntervalDays: Number(f.reviewIntervalDays) || 180,
  };
}

/** Create and edit one language version of an article, with live preview, workflow and translation links. */
export function ArticleEditor() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { api, t, language: uiLanguage, session } = useConsole();
  const sourceId = search.get('from');
  const newLanguage: Language = search.get('lang') === 'en' ? 'en' : 'id';
  const editor = useItemEditor<StaffArticle, ArticleForm>({
    kind: 'articles',
    id,
    initial: { ...EMPTY, language: newLanguage },
    toForm,
    toBody: (f) => {
      const body = toBody(f);
      // The key and the language are fixed once the article exists.
      if (id) {
        delete body.translationKey;
        delete body.language;
      }
      return body;
    },
  });
  const { item: article, form, setForm } = editor;
  const isNew = !id;
  const canEdit = isNew
    ? writesKnowledge(session!.user)
    : (article?.allowedActions.includes('edit') ?? false);
  const [slugTouched, setSlugTouched] = useState(!isNew);
  const [keyTouched, setKeyTouched] = useState(!isNew || Boolean(sourceId));
  const categories = useCategories();
  const fees = useFees();
  const formRef = useRef<HTMLFormElement>(null);

  // A translation starts from the other version: same key, category, tags and review interval.
  const source = useResource(
    () => (isNew && sourceId ? api.get<StaffArticle>(`${BASE}/articles/${sourceId}`) : Promise.resolve(null)),
    `${isNew}-${sourceId}`,
  );
  useEffect(() => {
    const s = source.data;
    if (!s) return;
    setForm((f) => ({
      ...f,
      translationKey: s.translationKey,
      categoryKey: s.categoryKey ?? '',
      tags: s.tags.join(', '),
      related: s.related,
      reviewIntervalDays: String(s.reviewIntervalDays),
    }));
  }, [source.data, setForm]);

  const siblings = useResource(
    () =>
      api
        .get<{ items: StaffArticleListItem[] }>(`${BASE}/articles?lang=${form.language}`)
        .then((r) => r.items),
    `${form.language}`,
  );
  const relatedChoices = useMemo(
    () =>
      (siblings.data ?? []).filter(
        (a) => a.translationKey !== form.translationKey && !form.related.includes(a.translationKey),
      ),
    [siblings.data, form.translationKey, form.related],
  );
  const titleOf = (key: string) => siblings.data?.find((a) => a.translationKey === key)?.title ?? key;

  const set = <K extends keyof ArticleForm>(key: K, value: ArticleForm[K]) =>
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'title' && !slugTouched) next.slug = slugify(String(value));
      // A new article's key follows its first slug until typed in; it links the translations for good.
      if (key === 'title' && !keyTouched && !slugTouched)
        next.translationKey = slugify(String(value)).slice(0, 80);
      return next;
    });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!canEdit) return;
    void editor.save();
  }

  if (id && editor.loadError)
    return <LoadError error={editor.loadError} onRetry={() => void editor.reload()} />;
  if (id && !article) return <Loading />;

  const fields = editor.fields;
  const describe = (name: string, extra?: string) =>
    [fields[name] ? `err-${name}` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
  const review = article ? reviewState(article) : 'none';
  const otherLanguage: Language = form.language === 'id' ? 'en' : 'id';
  const translation = article?.translations.find((x) => x.language === otherLanguage);
  const publicUrl = article && article.publishedRevisionNumber !== null ? publicArticleUrl(article) : null;
  const slugProblem = form.slug && !isValidSlug(form.slug) ? t('knowledge.editor.slugInvalid') : undefined;

  return (
    <div className="page wide editor-page">
      <nav className="case-nav" aria-label={t('knowledge.breadcrumb')}>
        <Link to="/knowledge/articles">← {t('knowledge.articles.title')}</Link>
        {article && <HistoryLink kind="articles" id={article.id} />}
        {publicUrl && article?.status === 'published' && (
          <a href={publicUrl} target="_blank" rel="noopener">
            {t('knowledge.editor.openPublic')}
          </a>
        )}
      </nav>
      <div className="case-head">
        <h1>{isNew ? t('knowledge.articles.new') : article!.title}</h1>
        <div className="case-meta">
          <LanguageTag language={form.language} />
          {article && <ItemStatusBadge status={article.status} />}
          {article && hasUnpublishedChanges(article) && (
            <span className="tag">{t('knowledge.articles.unpublishedChanges')}</span>
          )}
          {article && (
            <span>
              {t('knowledge.editor.revision', {
                number: article.revisionNumber,
                published: article.publishedRevisionNumber ?? '—',
              })}
            </span>
          )}
          {article?.lastReviewedAt && (
            <span>
              {t('knowledge.editor.lastReviewed', {
                when: formatDateTime(article.lastReviewedAt, uiLanguage),
              })}
            </span>
          )}
          {(review === 'overdue' || review === 'soon') && (
            <span className={`review-flag review-${review}`}>
              {review === 'overdue' ? '⚑ ' : '◷ '}
              {t(`knowledge.review.${review}` as MessageKey)}{' '}
              {formatDateTime(article!.reviewDueAt, uiLanguage)}
            </span>
          )}
          {article?.allowedActions.includes('mark_reviewed') && (
            <button type="button" disabled={editor.busy} onClick={() => void editor.markReviewed()}>
              {t('knowledge.editor.markReviewed')}
            </button>
          )}
        </div>
      </div>
      <EditorNotices
        editor={editor}
        renderLost={(lost) => (
          <div className="stack tight">
            <label>
              {t('knowledge.field.title')}
              <input readOnly value={lost.title} />
            </label>
            <div className="field">
              <label htmlFor="lost-summary">{t('knowledge.field.summary')}</label>
              <textarea id="lost-summary" readOnly rows={2} value={lost.summary} />
            </div>
            <div className="field">
              <label htmlFor="lost-body">{t('knowledge.field.body')}</label>
              <textarea id="lost-body" readOnly rows={8} value={lost.body} />
            </div>
          </div>
        )}
      />
      <PublishedNotice url={publicUrl} show={editor.lastStep === 'published'} />
      {source.data && (
        <details className="card source-text">
          <summary>{t('knowledge.editor.translatingFrom', { title: source.data.title })}</summary>
          <div lang={source.data.language}>
            <p>
              <strong>{source.data.summary}</strong>
            </p>
            <pre className="source-body">{source.data.body}</pre>
          </div>
        </details>
      )}
      {!canEdit && <p className="notice">{t('knowledge.readOnly')}</p>}
      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            if (canEdit) formRef.current?.requestSubmit();
          }
        }}
        aria-label={t('knowledge.articles.editorLabel')}
      >
        <fieldset disabled={!canEdit} className="stack">
          <div className="grid-2">
            <div className="field">
              <label>
                {t('knowledge.field.title')}
                <input
                  value={form.title}
                  onChange={(e) => set('title', e.target.value)}
                  required
                  maxLength={200}
                  lang={form.language}
                  aria-invalid={fields.title ? true : undefined}
                  aria-describedby={describe('title')}
                />
              </label>
              <FieldMessage id="err-title" message={fields.title} />
            </div>
            <div className="field">
              <label>
                {t('knowledge.field.slug')}
                <input
                  value={form.slug}
                  onChange={(e) => {
                    setSlugTouched(true);
                    set('slug', e.target.value);
                  }}
                  required
                  maxLength={120}
                  spellCheck={false}
                  aria-invalid={fields.slug || slugProblem ? true : undefined}
                  aria-describedby={describe('slug', 'slug-help')}
                />
              </label>
              <span id="slug-help" className="muted small">
                {t('knowledge.editor.slugHelp', { url: `/knowledge/${form.language}/${form.slug || '…'}` })}
              </span>
              <FieldMessage id="err-slug" message={fields.slug ?? slugProblem} />
            </div>
          </div>
          {isNew && (
            <div className="grid-2">
              <div className="field">
                <label>
                  {t('knowledge.field.translationKey')}
                  <input
                    value={form.translationKey}
                    onChange={(e) => {
                      setKeyTouched(true);
                      set('translationKey', e.target.value);
                    }}
                    required
                    pattern="[a-z0-9]+(-[a-z0-9]+)*"
                    maxLength={80}
                    spellCheck={false}
                    readOnly={Boolean(sourceId)}
                    aria-invalid={fields.translationKey ? true : undefined}
                    aria-describedby={describe('translationKey', 'key-help')}
                  />
                </label>
                <span id="key-help" className="muted small">
                  {t('knowledge.editor.keyHelp')}
                </span>
                <FieldMessage id="err-translationKey" message={fields.translationKey} />
              </div>
              <label>
                {t('knowledge.field.language')}
                <select
                  id="article-language"
                  value={form.language}
                  onChange={(e) => set('language', e.target.value as Language)}
                  disabled={Boolean(sourceId)}
                >
                  <option value="id">{t('lang.id')}</option>
                  <option value="en">{t('lang.en')}</option>
                </select>
              </label>
            </div>
          )}
          <div className="field">
            <label htmlFor="article-summary">{t('knowledge.field.summary')}</label>
            <textarea
              id="article-summary"
              required
              value={form.summary}
              onChange={(e) => set('summary', e.target.value)}
              rows={2}
              maxLength={500}
              lang={form.language}
              aria-invalid={fields.summary ? true : undefined}
              aria-describedby={describe('summary', 'summary-help')}
            />
            <span id="summary-help" className="muted small">
              {t('knowledge.editor.summaryHelp')}
            </span>
            <FieldMessage id="err-summary" message={fields.summary} />
          </div>
          <div className="editor-split">
            <div className="field body-field">
              <label htmlFor="article-body">{t('knowledge.field.body')}</label>
              <MarkdownToolbar
                target="article-body"
                value={form.body}
                onChange={(text) => set('body', text)}
                fees={fees.data}
                language={form.language}
              />
              <textarea
                id="article-body"
                required
                value={form.body}
                onChange={(e) => set('body', e.target.value)}
                rows={22}
                lang={form.language}
                spellCheck
                aria-invalid={fields.body ? true : undefined}
                aria-describedby={describe('body', 'body-help')}
              />
              <MarkdownHelp id="body-help" />
              <FieldMessage id="err-body" message={fields.body} />
            </div>
            <MarkdownPreview
              id="article-preview"
              source={form.body}
              fees={fees.data}
              language={form.language}
              label={t('knowledge.preview.title')}
            />
          </div>
          <div className="grid-3">
            <div className="field">
              <label>
                {t('knowledge.field.category')}
                <select
                  value={form.categoryKey}
                  onChange={(e) => set('categoryKey', e.target.value)}
                  aria-invalid={fields.categoryKey ? true : undefined}
                  aria-describedby={describe('categoryKey')}
                >
                  <option value="">{t('knowledge.editor.noCategory')}</option>
                  {categories.data?.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.names[uiLanguage] || c.names.id}
                    </option>
                  ))}
                </select>
              </label>
              <FieldMessage id="err-categoryKey" message={fields.categoryKey} />
            </div>
            <div className="field">
              <label>
                {t('knowledge.field.tags')}
                <input
                  value={form.tags}
                  onChange={(e) => set('tags', e.target.value)}
                  aria-describedby={describe('tags', 'tags-help')}
                />
              </label>
              <span id="tags-help" className="muted small">
                {t('knowledge.editor.tagsHelp')}
              </span>
              <FieldMessage id="err-tags" message={fields.tags} />
            </div>
            <div className="field">
              <label>
                {t('knowledge.field.reviewInterval')}
                <input
                  type="number"
                  min={7}
                  max={1095}
                  value={form.reviewIntervalDays}
                  onChange={(e) => set('reviewIntervalDays', e.target.value)}
                  aria-describedby={describe('reviewIntervalDays')}
                />
              </label>
              <FieldMessage id="err-reviewIntervalDays" message={fields.reviewIntervalDays} />
            </div>
          </div>
          <RelatedPicker
            related={form.related}
            choices={relatedChoices}
            titleOf={titleOf}
            onChange={(related) => set('related', related)}
          />
        </fieldset>
        {article && (
          <section className="card translations" aria-labelledby="translations-title">
            <h2 id="translations-title">{t('knowledge.editor.translations')}</h2>
            {translation ? (
              <p>
                <Link to={`/knowledge/articles/${translation.id}`}>
                  {t('knowledge.editor.openTranslation', {
                    language: t(`lang.${otherLanguage}` as MessageKey),
                  })}
                </Link>{' '}
                <ItemStatusBadge status={translation.status} />
              </p>
            ) : writesKnowledge(session!.user) ? (
              <p>
                <Link to={`/knowledge/articles/new?lang=${otherLanguage}&from=${article.id}`}>
                  {t('knowledge.editor.createTranslation', {
                    language: t(`lang.${otherLanguage}` as MessageKey),
                  })}
                </Link>
              </p>
            ) : (
              <p className="muted">{t('knowledge.editor.noTranslation')}</p>
            )}
          </section>
        )}
        <ActionBar
          editor={editor}
          canEdit={canEdit}
          isNew={isNew}
          issues={issueCount(form.body, fees.data)}
        />
      </form>
    </div>
  );
}

function RelatedPicker({
  related,
  choices,
  titleOf,
  onChange,
}: {
  related: string[];
  choices: StaffArticleListItem[];
  titleOf: (key: string) => string;
  onChange: (related: string[]) => void;
}) {
  const { t } = useConsole();
  const [pick, setPick] = useState('');
  return (
    <fieldset className="related">
      <legend>{t('knowledge.field.related')}</legend>
      {related.length === 0 ? (
        <p className="muted small">{t('knowledge.editor.noRelated')}</p>
      ) : (
        <ul className="chip-list">
          {related.map((key) => (
            <li key={key}>
              <span>{titleOf(key)}</span>
              <button
                type="button"
                className="link-button"
                onClick={() => onChange(related.filter((k) => k !== key))}
                aria-label={t('knowledge.editor.removeRelated', { title: titleOf(key) })}
              >
                {t('knowledge.editor.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <label className="inline">
          <span className="visually-hidden">{t('knowledge.editor.addRelated')}</span>
          <select value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">{t('knowledge.editor.chooseRelated')}</option>
            {choices.map((a) => (
              <option key={a.id} value={a.translationKey}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!pick || related.length >= 10}
          onClick={() => {
            onChange([...related, pick]);
            setPick('');
          }}
        >
          {t('knowledge.editor.addRelated')}
        </button>
      </div>
    </fieldset>
  );
}
