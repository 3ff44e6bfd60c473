import { Link, useSearchParams } from 'react-router';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime, formatRelative } from '../../lib/format';
import { defaultQuestionFilters, isDay, todayIn, writesKnowledge } from '../../lib/knowledge';
import type { UnansweredQuestion } from '../../lib/knowledge-types';
import { BASE, LanguageTag, LoadError, Loading } from './shared';

/**
 * What people asked the assistant and did not get an answer to, most frequent first — the publishers' to-do list.
 * Each question can become a new FAQ entry in one step.
 */
export function Questions() {
  const { api, t, language, session } = useConsole();
  const [search, setSearch] = useSearchParams();
  const defaults = defaultQuestionFilters(todayIn());
  const from = isDay(search.get('from') ?? '') ? search.get('from')! : defaults.from;
  const to = isDay(search.get('to') ?? '') ? search.get('to')! : defaults.to;
  const lang = search.get('lang') === 'id' || search.get('lang') === 'en' ? search.get('lang')! : '';
  const query = buildQuery({ from, to, lang, limit: 200 });
  const list = useResource(
    () =>
      api.get<{ items: UnansweredQuestion[] }>(`${BASE}/questions/unanswered${query}`).then((r) => r.items),
    query,
  );
  const canEdit = writesKnowledge(session!.user);
  const set = (patch: Record<string, string>) => {
    const next = { from, to, lang, ...patch };
    setSearch(new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]));
  };
  const total = list.data?.reduce((sum, q) => sum + q.count, 0) ?? 0;

  return (
    <div className="page">
      <h1>{t('knowledge.questions.title')}</h1>
      <p className="muted">{t('knowledge.questions.help')}</p>
      <fieldset className="filter-row">
        <legend className="visually-hidden">{t('inbox.filters')}</legend>
        <label>
          {t('knowledge.questions.from')}
          <input
            type="date"
            value={from}
            max={to}
            onChange={(e) => isDay(e.target.value) && set({ from: e.target.value })}
          />
        </label>
        <label>
          {t('knowledge.questions.to')}
          <input
            type="date"
            value={to}
            min={from}
            onChange={(e) => isDay(e.target.value) && set({ to: e.target.value })}
          />
        </label>
        <label>
          {t('knowledge.field.language')}
          <select value={lang} onChange={(e) => set({ lang: e.target.value })}>
            <option value="">{t('inbox.any')}</option>
            <option value="id">{t('lang.id')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
      </fieldset>
      {list.error ? <LoadError error={list.error} onRetry={() => list.reload()} /> : null}
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.length === 0 && <p className="state">{t('knowledge.questions.empty')}</p>}
      {list.data && list.data.length > 0 && (
        <table className="admin-table question-table">
          <caption>{t('knowledge.questions.summary', { questions: list.data.length, asked: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.questions.question')}</th>
              <th scope="col">{t('knowledge.field.language')}</th>
              <th scope="col" className="numeric">
                {t('knowledge.questions.count')}
              </th>
              <th scope="col">{t('knowledge.questions.lastAsked')}</th>
              <th scope="col" className="numeric">
                {t('knowledge.questions.confidence')}
              </th>
              <th scope="col">
                <span className="visually-hidden">{t('knowledge.history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((q) => (
              <tr key={`${q.language}:${q.question}`}>
                <td lang={q.language}>{q.question}</td>
                <td>
                  <LanguageTag language={q.language} />
                </td>
                <td className="numeric">{q.count}</td>
                <td>
                  <time dateTime={q.lastAskedAt} title={formatDateTime(q.lastAskedAt, language)}>
                    {formatRelative(q.lastAskedAt, language)}
                  </time>
                </td>
                <td className="numeric">
                  {q.bestConfidence === null ? '—' : `${Math.round(q.bestConfidence * 100)} %`}
                </td>
                <td className="actions">
                  {canEdit && (
                    <Link
                      to={`/knowledge/faqs/new${buildQuery({ lang: q.language, question: q.question })}`}
                      aria-label={t('knowledge.questions.createFaqFor', { question: q.question })}
                    >
                      {t('knowledge.questions.createFaq')}
                    </Link>
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
