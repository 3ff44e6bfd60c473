import { useState } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../../i18n';
import { buildQuery } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/types';
import { CATEGORIES, type ListItem } from './types';

const STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;

export function PublicationList() {
  const { api, t, language, session } = useConsole();
  const [status, setStatus] = useState('');
  const [category, setCategory] = useState('');
  const list = useResource(
    () =>
      api.get<{ items: ListItem[] }>(
        `/staff/publications${buildQuery({ status: status || undefined, category: category || undefined })}`,
      ),
    `${status}|${category}`,
  );
  return (
    <section aria-labelledby="pub-list-title">
      <div className="page-head">
        <h1 id="pub-list-title">{t('pub.title')}</h1>
        {hasRole(session!.user, 'publisher') && (
          <Link className="button" to="/publications/new">
            {t('pub.new')}
          </Link>
        )}
      </div>
      <div className="row filters">
        <label>
          {t('pub.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">{t('pub.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`pub.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pub.category')}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('pub.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`pub.category.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {list.error ? <p role="alert">{t('pub.loadFailed')}</p> : null}
      {list.data && list.data.items.length === 0 && <p className="state">{t('pub.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('pub.titleField')}</th>
              <th scope="col">{t('pub.category')}</th>
              <th scope="col">{t('pub.status')}</th>
              <th scope="col">{t('pub.languages')}</th>
              <th scope="col">{t('pub.author')}</th>
              <th scope="col">{t('pub.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/publications/${item.id}`}>{item.title}</Link>
                </td>
                <td>{t(`pub.category.${item.category}` as MessageKey)}</td>
                <td>{t(`pub.status.${item.status}` as MessageKey)}</td>
                <td>{item.languages.join(', ').toUpperCase()}</td>
                <td>{item.authorName}</td>
                <td>{formatDateTime(item.updatedAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
