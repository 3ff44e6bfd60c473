import { type FormEvent, useEffect, useState } from 'react';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { Unavailable } from './Users';

interface Hours {
  weekday: number;
  opens: string;
  closes: string;
}

interface CalendarDay {
  id: string;
  date: string;
  kind: 'holiday' | 'collective_leave' | 'closure';
  national: boolean;
  name: { id: string; en: string };
  source: string | null;
}

interface OfficeCalendar {
  officeCode: string;
  timeZone: string;
  year: number;
  workingHours: Hours[];
  days: CalendarDay[];
  hasCollectiveLeave: boolean;
  canEdit: boolean;
  canEditNational: boolean;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

/** The office's working calendar: weekly hours, national days and office closures per year. */
export function CalendarEditor() {
  const { api, t, language, toast, toastError } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const [year, setYear] = useState(new Date().getFullYear());
  const calendar = useResource(
    () =>
      office
        ? api.get<OfficeCalendar>(`/staff/offices/${office}/calendar?year=${year}`)
        : Promise.resolve(undefined),
    `${office}:${year}`,
  );
  const [hours, setHours] = useState<Hours[]>([]);
  useEffect(() => setHours(calendar.data?.workingHours ?? []), [calendar.data]);
  const data = calendar.data;

  async function saveHours() {
    try {
      await api.put(`/staff/offices/${office}/calendar/working-hours`, { hours });
      toast(t('calendar.saved'));
      calendar.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function addDay(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const national = fields.get('national') === 'on';
    try {
      await api.post(`/staff/offices/${office}/calendar/days`, {
        date: String(fields.get('date')),
        kind: national ? String(fields.get('kind')) : 'closure',
        national,
        nameId: String(fields.get('nameId')),
        nameEn: String(fields.get('nameEn')),
        source: String(fields.get('source') ?? '') || undefined,
      });
      form.reset();
      toast(t('calendar.saved'));
      calendar.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function removeDay(day: CalendarDay) {
    try {
      await api.del(`/staff/calendar/days/${day.id}`);
      toast(t('calendar.saved'));
      calendar.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function importHolidays() {
    try {
      const result = await api.post<{ added: number; skipped: number }>('/staff/calendar/public-holidays', {
        year,
      });
      toast(t('calendar.imported', { added: result.added, skipped: result.skipped }));
      calendar.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  const update = (index: number, change: Partial<Hours>) =>
    setHours((list) => list.map((h, i) => (i === index ? { ...h, ...change } : h)));

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('calendar.title')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
        <label>
          {t('calendar.year')}
          <input
            type="number"
            min={2026}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || year)}
          />
        </label>
      </div>
      {calendar.error ? <Unavailable error={calendar.error} /> : null}
      {data && (
        <>
          <p className="muted">{t('calendar.help', { zone: data.timeZone })}</p>
          {!data.hasCollectiveLeave && (
            <p className="notice notice-warn" role="note">
              <span aria-hidden="true">▲ </span>
              {t('calendar.noCollectiveLeave', { year: data.year })}
            </p>
          )}

          <section className="card" aria-labelledby="hours-title">
            <h2 id="hours-title">{t('calendar.hours')}</h2>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('calendar.weekday')}</th>
                  <th scope="col">{t('calendar.opens')}</th>
                  <th scope="col">{t('calendar.closes')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('users.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {hours.map((h, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                  <tr key={index}>
                    <td>
                      <select
                        aria-label={t('calendar.weekday')}
                        value={h.weekday}
                        disabled={!data.canEdit}
                        onChange={(e) => update(index, { weekday: Number(e.target.value) })}
                      >
                        {WEEKDAYS.map((d) => (
                          <option key={d} value={d}>
                            {t(`weekday.${d}` as MessageKey)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        type="time"
                        aria-label={t('calendar.opens')}
                        value={h.opens}
                        disabled={!data.canEdit}
                        onChange={(e) => update(index, { opens: e.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        type="time"
                        aria-label={t('calendar.closes')}
                        value={h.closes}
                        disabled={!data.canEdit}
                        onChange={(e) => update(index, { closes: e.target.value })}
                      />
                    </td>
                    <td className="actions">
                      {data.canEdit && (
                        <button
                          type="button"
                          className="ghost"
                          onClick={() => setHours((list) => list.filter((_, i) => i !== index))}
                        >
                          {t('calendar.removePeriod')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {data.canEdit && (
              <div className="row">
                <button
                  type="button"
                  className="ghost"
                  onClick={() =>
                    setHours((list) => [...list, { weekday: 1, opens: '08:00', closes: '16:00' }])
                  }
                >
                  {t('calendar.addPeriod')}
                </button>
                <button type="button" onClick={() => void saveHours()}>
                  {t('app.save')}
                </button>
              </div>
            )}
          </section>

          <section className="card" aria-labelledby="days-title">
            <h2 id="days-title">{t('calendar.days', { year: data.year })}</h2>
            {data.canEditNational && (
              <p>
                <button type="button" className="ghost" onClick={() => void importHolidays()}>
                  {t('calendar.import', { year: data.year })}
                </button>
              </p>
            )}
            {data.days.length === 0 && <p className="muted">{t('calendar.noDays')}</p>}
            {data.days.length > 0 && (
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('calendar.date')}</th>
                    <th scope="col">{t('calendar.name')}</th>
                    <th scope="col">{t('calendar.kind')}</th>
                    <th scope="col">{t('calendar.source')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('users.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.days.map((day) => (
                    <tr key={day.id}>
                      <td>
                        <time dateTime={day.date}>{day.date}</time>
                      </td>
                      <td>{day.name[language]}</td>
                      <td>
                        {t(`calendar.kind.${day.kind}` as MessageKey)}
                        {day.national ? ` · ${t('calendar.national')}` : ''}
                      </td>
                      <td className="small">{day.source ?? t('app.none')}</td>
                      <td className="actions">
                        {(day.national ? data.canEditNational : data.canEdit) && (
                          <button type="button" className="ghost" onClick={() => void removeDay(day)}>
                            {t('calendar.reopen')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {data.canEdit && (
              <form className="stack" onSubmit={addDay}>
                <h3>{t('calendar.addDay')}</h3>
                <div className="row">
                  <label>
                    {t('calendar.date')}
                    <input
                      type="date"
                      name="date"
                      required
                      min={`${data.year}-01-01`}
                      max={`${data.year}-12-31`}
                    />
                  </label>
                  <label>
                    {t('teams.nameId')}
                    <input name="nameId" required maxLength={200} />
                  </label>
                  <label>
                    {t('teams.nameEn')}
                    <input name="nameEn" required maxLength={200} />
                  </label>
                </div>
                <label>
                  {t('calendar.source')}
                  <input name="source" maxLength={500} placeholder={t('calendar.sourceHint')} />
                </label>
                {data.canEditNational && (
                  <div className="row">
                    <label className="checks">
                      <input type="checkbox" name="national" /> {t('calendar.nationalDay')}
                    </label>
                    <label>
                      {t('calendar.kind')}
                      <select name="kind" defaultValue="collective_leave">
                        <option value="collective_leave">{t('calendar.kind.collective_leave')}</option>
                        <option value="holiday">{t('calendar.kind.holiday')}</option>
                        <option value="closure">{t('calendar.kind.closure')}</option>
                      </select>
                    </label>
                  </div>
                )}
                <div>
                  <button type="submit">{t('calendar.addDay')}</button>
                </div>
              </form>
            )}
          </section>
        </>
      )}
    </div>
  );
}
