import type { ReactElement } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import type { MessageKey } from '../../i18n';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { defaultQuestionFilters, todayIn } from '../../lib/knowledge';
import { ArticleEditor } from './ArticleEditor';
import { ArticleList } from './ArticleList';
import { Categories } from './Categories';
import { FaqEditor } from './FaqEditor';
import { FaqList } from './FaqList';
import { Fees } from './Fees';
import { History } from './History';
import { Maklumat } from './Maklumat';
import { Questions } from './Questions';
import { Standards } from './Standards';
import { Synonyms } from './Synonyms';
import { BASE } from './shared';
import './knowledge.css';

const SECTIONS: [path: string, label: MessageKey][] = [
  ['articles', 'knowledge.nav.articles'],
  ['faqs', 'knowledge.nav.faqs'],
  ['questions', 'knowledge.nav.questions'],
  ['fees', 'knowledge.nav.fees'],
  ['standards', 'knowledge.nav.standards'],
  ['maklumat', 'knowledge.nav.maklumat'],
  ['synonyms', 'knowledge.nav.synonyms'],
  ['categories', 'knowledge.nav.categories'],
];

/** Reminders beside the sections: reviews due now, and questions nobody could answer in the last 30 days. */
function useReminders() {
  const { api } = useConsole();
  const { pathname } = useLocation();
  const period = defaultQuestionFilters(todayIn());
  const reminders = useResource(
    () =>
      Promise.all([
        api.get<{ items: unknown[] }>(`${BASE}/articles/review-due`).then((r) => r.items.length),
        api
          .get<{ items: unknown[] }>(
            `${BASE}/questions/unanswered${buildQuery({ from: period.from, to: period.to, limit: 1000 })}`,
          )
          .then((r) => r.items.length),
      ]).catch(() => [0, 0]),
    pathname,
  );
  const [reviews = 0, questions = 0] = reminders.data ?? [];
  return { articles: reviews, questions } as Record<string, number>;
}

/** A fresh editor for every address, so nothing typed or toggled for one item carries over to the next. */
function Fresh({ children }: { children: (key: string) => ReactElement }) {
  const { pathname, search } = useLocation();
  return children(`${pathname}${search}`);
}

/** The knowledge base workspace: its own section list beside the screens, under /console/knowledge/…. */
export function Knowledge() {
  const { t } = useConsole();
  const reminders = useReminders();
  return (
    <div className="inbox knowledge">
      <aside className="sidebar">
        <nav aria-label={t('knowledge.nav.label')} className="views">
          <h2 className="section-title knowledge-nav-title">{t('nav.knowledge')}</h2>
          <ul>
            {SECTIONS.map(([path, label]) => (
              <li key={path}>
                <NavLink to={`/knowledge/${path}`} className={({ isActive }) => (isActive ? 'current' : '')}>
                  <span>{t(label)}</span>
                  {reminders[path] ? (
                    <span className="count">
                      {reminders[path]}
                      <span className="visually-hidden">
                        {' '}
                        {t(path === 'articles' ? 'knowledge.nav.reviewsDue' : 'knowledge.nav.unanswered')}
                      </span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="knowledge-main">
        <Routes>
          <Route index element={<Navigate to="articles" replace />} />
          <Route path="articles" element={<ArticleList />} />
          <Route path="articles/new" element={<Fresh>{(key) => <ArticleEditor key={key} />}</Fresh>} />
          <Route path="articles/:id" element={<Fresh>{(key) => <ArticleEditor key={key} />}</Fresh>} />
          <Route path="articles/:id/history" element={<History kind="articles" />} />
          <Route path="faqs" element={<FaqList />} />
          <Route path="faqs/new" element={<Fresh>{(key) => <FaqEditor key={key} />}</Fresh>} />
          <Route path="faqs/:id" element={<Fresh>{(key) => <FaqEditor key={key} />}</Fresh>} />
          <Route path="faqs/:id/history" element={<History kind="faqs" />} />
          <Route path="questions" element={<Questions />} />
          <Route path="fees" element={<Fees />} />
          <Route path="standards" element={<Standards />} />
          <Route path="maklumat" element={<Maklumat />} />
          <Route path="synonyms" element={<Synonyms />} />
          <Route path="categories" element={<Categories />} />
          <Route path="*" element={<Navigate to="articles" replace />} />
        </Routes>
      </div>
    </div>
  );
}
