import { type FormEvent, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';

interface Row {
  day: string;
  channel: string;
  topic: string;
  answered: number;
  cases: number;
  averageSeconds: number | null;
}

function isoDay(date: Date): string {
  return date.toLocaleDateString('en-CA', { timeZone: 'Asia/Jakarta' });
}

/** Phone and counter contacts per day, channel and topic: answered on the spot, or turned into a case. */
export function ContactsReport() {
  const { api, t } = useConsole();
  const [range, setRange] = useState(() => ({
    from: isoDay(new Date(Date.now() - 6 * 86_400_000)),
    to: isoDay(new Date()),
  }));
  const report = useResource(
    () => api.get<{ rows: Row[] }>(`/staff/reports/contacts?from=${range.from}&to=${range.to}`),
    `${range.from}:${range.to}`,
  );
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setRange({ from: String(data.get('from')), to: String(data.get('to')) });
  }
  const rows = report.data?.rows ?? [];
  const total = rows.reduce(
    (sum, r) => ({ answered: sum.answered + r.answered, cases: sum.cases + r.cases }),
    { answered: 0, cases: 0 },
  );
  return (
    <div className="page">
      <h1>{t('contactsReport.title')}</h1>
      <form className="inline-form" onSubmit={apply}>
        <label>
          {t('contactsReport.from')}
          <input type="date" name="from" defaultValue={range.from} required />
        </label>
        <label>
          {t('contactsReport.to')}
          <input type="date" name="to" defaultValue={range.to} required />
        </label>
        <button type="submit">{t('contactsReport.show')}</button>
      </form>
      <table className="data-table">
        <caption>{t('contactsReport.caption', { answered: total.answered, cases: total.cases })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contactsReport.day')}</th>
            <th scope="col">{t('contactsReport.channel')}</th>
            <th scope="col">{t('contactsReport.topic')}</th>
            <th scope="col">{t('contactsReport.answered')}</th>
            <th scope="col">{t('contactsReport.cases')}</th>
            <th scope="col">{t('contactsReport.average')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                {t('contactsReport.empty')}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={`${r.day}|${r.channel}|${r.topic}`}>
              <td>{r.day}</td>
              <td>{t(`channel.${r.channel}` as MessageKey)}</td>
              <td>{r.topic}</td>
              <td>{r.answered}</td>
              <td>{r.cases}</td>
              <td>
                {r.averageSeconds === null
                  ? '—'
                  : t('phone.durationShort', { minutes: Math.max(1, Math.round(r.averageSeconds / 60)) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
