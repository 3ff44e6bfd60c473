import { type FormEvent, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Language, MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { move, questionToVariant, slugify, uniqueTrimmed, writesKnowledge } from '../../lib/knowledge';
import type { StaffArticleListItem, StaffFaq } from '../../lib/knowledge-types';
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

interface FaqForm {
  key: string;
  language: Language;
  questions: string[];
  answer: string;
  articleKey: string;
  categoryKey: string;
}

const MAX_QUESTIONS = 20;

function toForm(f: StaffFaq): FaqForm {
  return {
    key: f.key,
    language: f.language,
    questions: f.questions,
    answer: f.answer,
    articleKey: f.articleKey ?? '',
    categoryKey: f.categoryKey ?? '',
  };
}

/** One FAQ entry: its question variants (how people ask), the answer and the article behind it. */
export function FaqEditor() {
  const { id } = useParams();
  const [search] = useSearchParams();
  const { api, t, language: uiLanguage, session } = useConsole();
  const isNew = !id;
  const asked = search.get('question');
  const fixedKey = search.get('key');
  const newLanguage: Language = search.get('lang') === 'en' ? 'en' : 'id';
  const editor = useItemEditor<StaffFaq, FaqForm>({
    kind: 'faqs',
    id,
    initial: {
      key: fixedKey ?? (asked ? slugify(questionToVariant(asked)).slice(0, 60) : ''),
      language: newLanguage,
      questions: asked ? [questionToVariant(asked), ''] : [''],
      answer: '',
      articleKey: '',
      categoryKey: '',
    },
    toForm,
    toBody: (f) => ({
      ...(id ? {} : { key: f.key.trim(), language: f.language }),
      questions: uniqueTrimmed(f.questions),
      answer: f.answer,
      articleKey: f.articleKey || null,
      categoryKey: f.categoryKey || null,
    }),
  });
  const { item: faq, form, setForm } = editor;
  const canEdit = isNew ? writesKnowledge(session!.user) : (faq?.allowedActions.includes('edit') ?? false);
  const categories = useCategories();
  const fees = useFees();
  const articles = useResource(
    () =>
      api
        .get<{ items: StaffArticleListItem[] }>(`${BASE}/articles?lang=${form.language}`)
        .then((r) => r.items),
    form.language,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [keyTouched, setKeyTouched] = useState(!isNew || fixedKey !== null);

  if (id && editor.loadError)
    return <LoadError error={editor.loadError} onRetry={() => void editor.reload()} />;
  if (id && !faq) return <Loading />;

  const fields = editor.fields;
  const set = <K extends keyof FaqForm>(key: K, value: FaqForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setQuestion = (index: number, value: string) =>
    setForm((f) => {
      const questions = f.questions.map((q, i) => (i === index ? value : q));
      const key = !keyTouched && index === 0 && isNew ? slugify(value).slice(0, 60) : f.key;
      return { ...f, questions, key };
    });
  const focusQuestion = (index: number) =>
    requestAnimationFrame(() => listRef.current?.querySelectorAll('input')[index]?.focus());
  const addQuestion = () => {
    set('questions', [...form.questions, '']);
    focusQuestion(form.questions.length);
  };
  const removeQuestion = (index: number) => {
    set(
      'questions',
      form.questions.filter((_, i) => i !== index),
    );
    focusQuestion(Math.max(0, index - 1));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (canEdit) void editor.save();
  }

  const otherLanguage: Language = form.language === 'id' ? 'en' : 'id';
  const translation = faq?.translations?.find((x) => x.language === otherLanguage);
  const publicUrl =
    faq && faq.publishedRevisionNumber !== null
      ? (faq.publicUrl ??
        (faq.articleKey ? null : `/knowledge/${faq.language}/faq#faq-${encodeURIComponent(faq.key)}`))
      : null;
  const title = faq ? (faq.questions[0] ?? faq.key) : t('knowledge.faqs.new');
  const duplicates =
    form.questions.length -
    uniqueTrimmed(form.questions).length -
    form.questions.filter((q) => !q.trim()).length;

  return (
    <div className="page wide editor-page">
      <nav className="case-nav" aria-label={t('knowledge.breadcrumb')}>
        <Link to="/knowledge/faqs">← {t('knowledge.faqs.title')}</Link>
        {faq && <HistoryLink kind="faqs" id={faq.id} />}
      </nav>
      <div className="case-head">
        <h1>{title}</h1>
        <div className="case-meta">
          <LanguageTag language={form.language} />
          {faq && <ItemStatusBadge status={faq.status} />}
          {faq && (
            <span>
              {t('knowledge.editor.revision', {
                number: faq.revisionNumber,
                published: faq.publishedRevisionNumber ?? '—',
              })}
            </span>
          )}
        </div>
      </div>
      <EditorNotices
        editor={editor}
        renderLost={(lost) => (
          <div className="stack tight">
            <div className="field">
              <label htmlFor="lost-questions">{t('knowledge.field.questions')}</label>
              <textarea id="lost-questions" readOnly rows={4} value={lost.questions.join('\n')} />
            </div>
            <div className="field">
              <label htmlFor="lost-answer">{t('knowledge.field.answer')}</label>
              <textarea id="lost-answer" readOnly rows={6} value={lost.answer} />
            </div>
          </div>
        )}
      />
      <PublishedNotice url={publicUrl} show={editor.lastStep === 'published'} />
      {!canEdit && <p className="notice">{t('knowledge.readOnly')}</p>}
      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        aria-label={t('knowledge.faqs.editorLabel')}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
            e.preventDefault();
            if (canEdit) formRef.current?.requestSubmit();
          }
        }}
      >
        <fieldset disabled={!canEdit} className="stack">
          {isNew && (
            <div className="grid-2">
              <div className="field">
                <label>
                  {t('knowledge.field.key')}
                  <input
                    value={form.key}
                    onChange={(e) => {
                      setKeyTouched(true);
                      set('key', e.target.value);
                    }}
                    required
                    maxLength={80}
                    spellCheck={false}
                    aria-invalid={fields.key ? true : undefined}
                    aria-describedby={['faq-key-help', fields.key ? 'err-key' : ''].join(' ').trim()}
                  />
                </label>
                <span id="faq-key-help" className="muted small">
                  {t('knowledge.faqs.keyHelp')}
                </span>
                <FieldMessage id="err-key" message={fields.key} />
              </div>
              <label>
                {t('knowledge.field.language')}
                <select value={form.language} onChange={(e) => set('language', e.target.value as Language)}>
                  <option value="id">{t('lang.id')}</option>
                  <option value="en">{t('lang.en')}</option>
                </select>
              </label>
            </div>
          )}
          <fieldset className="questions">
            <legend>{t('knowledge.field.questions')}</legend>
            <p id="questions-help" className="muted small">
              {t('knowledge.faqs.questionsHelp')}
            </p>
            <ol ref={listRef} className="question-list">
              {form.questions.map((question, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: variants are edited in place by position
                <li key={index}>
                  <label className="inline grow">
                    <span className="visually-hidden">
                      {t('knowledge.faqs.variant', { number: index + 1 })}
                    </span>
                    <input
                      value={question}
                      onChange={(e) => setQuestion(index, e.target.value)}
                      maxLength={300}
                      lang={form.language}
                      aria-describedby="questions-help"
                      aria-invalid={fields[`questions.${index}`] ? true : undefined}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter') {
                          e.preventDefault();
                          if (form.questions.length < MAX_QUESTIONS) addQuestion();
                        }
                      }}
                    />
                  </label>
                  <button
                    type="button"
                    onClick={() => set('questions', move(form.questions, index, -1))}
                    disabled={index === 0}
                    aria-label={t('knowledge.faqs.moveUp', { number: index + 1 })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => set('questions', move(form.questions, index, 1))}
                    disabled={index === form.questions.length - 1}
                    aria-label={t('knowledge.faqs.moveDown', { number: index + 1 })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() => removeQuestion(index)}
                    disabled={form.questions.length === 1}
                    aria-label={t('knowledge.faqs.removeVariant', { number: index + 1 })}
                  >
                    ✕
                  </button>
                  <FieldMessage id={`err-q-${index}`} message={fields[`questions.${index}`]} />
                </li>
              ))}
            </ol>
            <div className="row">
              <button type="button" onClick={addQuestion} disabled={form.questions.length >= MAX_QUESTIONS}>
                {t('knowledge.faqs.addVariant')}
              </button>
              <span className="muted small">
                {t('knowledge.faqs.variantCount', {
                  count: uniqueTrimmed(form.questions).length,
                  max: MAX_QUESTIONS,
                })}
              </span>
              {duplicates > 0 && <span className="field-error">{t('knowledge.faqs.duplicates')}</span>}
            </div>
            <FieldMessage id="err-questions" message={fields.questions} />
          </fieldset>
          <div className="editor-split">
            <div className="field body-field">
              <label htmlFor="faq-answer">{t('knowledge.field.answer')}</label>
              <MarkdownToolbar
                target="faq-answer"
                value={form.answer}
                onChange={(text) => set('answer', text)}
                fees={fees.data}
                language={form.language}
              />
              <textarea
                id="faq-answer"
                required
                value={form.answer}
                onChange={(e) => set('answer', e.target.value)}
                rows={12}
                lang={form.language}
                aria-invalid={fields.answer ? true : undefined}
                aria-describedby={['answer-help', fields.answer ? 'err-answer' : ''].join(' ').trim()}
              />
              <MarkdownHelp id="answer-help" />
              <FieldMessage id="err-answer" message={fields.answer} />
            </div>
            <MarkdownPreview
              id="faq-preview"
              source={form.answer}
              fees={fees.data}
              language={form.language}
              label={t('knowledge.preview.title')}
            />
          </div>
          <div className="grid-2">
            <div className="field">
              <label>
                {t('knowledge.field.article')}
                <select
                  value={form.articleKey}
                  onChange={(e) => set('articleKey', e.target.value)}
                  aria-describedby="faq-article-help"
                >
                  <option value="">{t('knowledge.faqs.noArticle')}</option>
                  {articles.data?.map((a) => (
                    <option key={a.id} value={a.translationKey}>
                      {a.title}
                      {a.status !== 'published'
                        ? ` (${t(`knowledge.status.${a.status}` as MessageKey)})`
                        : ''}
                    </option>
                  ))}
                </select>
              </label>
              <span id="faq-article-help" className="muted small">
                {t('knowledge.faqs.articleHelp')}
              </span>
              <FieldMessage id="err-articleKey" message={fields.articleKey} />
            </div>
            <div className="field">
              <label>
                {t('knowledge.field.category')}
                <select value={form.categoryKey} onChange={(e) => set('categoryKey', e.target.value)}>
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
          </div>
        </fieldset>
        {faq && (
          <section className="card translations" aria-labelledby="translations-title">
            <h2 id="translations-title">{t('knowledge.editor.translations')}</h2>
            {translation ? (
              <p>
                <Link to={`/knowledge/faqs/${translation.id}`}>
                  {t('knowledge.editor.openTranslation', {
                    language: t(`lang.${otherLanguage}` as MessageKey),
                  })}
                </Link>{' '}
                <ItemStatusBadge status={translation.status} />
              </p>
            ) : writesKnowledge(session!.user) ? (
              <p>
                <Link to={`/knowledge/faqs/new?lang=${otherLanguage}&key=${encodeURIComponent(faq.key)}`}>
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
          issues={issueCount(form.answer, fees.data)}
        />
      </form>
    </div>
  );
}
