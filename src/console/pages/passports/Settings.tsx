import { type FormEvent, useEffect, useState } from 'react';
import { useConsole, useResource } from '../../lib/context';

interface Setting {
  speed: 'regular' | 'same_day';
  workingDays: number;
  source: string;
}

/** Completion times per speed for an office, each with where the number comes from (administrators). */
export function PassportSettings({ office }: { office: string }) {
  const { api, t, toast, toastError } = useConsole();
  const loaded = useResource(
    () => api.get<{ settings: Setting[] }>(`/staff/offices/${office}/passport-settings`),
    office,
  );
  const [settings, setSettings] = useState<Setting[]>([]);
  useEffect(() => setSettings(loaded.data?.settings ?? []), [loaded.data]);

  async function save(event: FormEvent, setting: Setting) {
    event.preventDefault();
    try {
      await api.put(`/staff/offices/${office}/passport-settings`, setting);
      toast(t('passportSettings.saved'));
    } catch (error) {
      toastError(error);
    }
  }

  const update = (index: number, change: Partial<Setting>) =>
    setSettings(settings.map((s, i) => (i === index ? { ...s, ...change } : s)));

  return (
    <section aria-labelledby="passport-settings">
      <h2 id="passport-settings">{t('passportSettings.title')}</h2>
      <p className="muted">{t('passportSettings.help')}</p>
      {settings.map((s, index) => (
        <form key={s.speed} className="inline-form" onSubmit={(e) => void save(e, s)}>
          <strong>
            {t(s.speed === 'regular' ? 'passportSettings.regular' : 'passportSettings.sameDay')}
          </strong>
          <label>
            {t('passportSettings.days')}
            <input
              type="number"
              min={0}
              max={60}
              value={s.workingDays}
              onChange={(e) => update(index, { workingDays: Number(e.target.value) })}
            />
          </label>
          <label>
            {t('passportSettings.source')}
            <input
              value={s.source}
              maxLength={500}
              required
              onChange={(e) => update(index, { source: e.target.value })}
            />
          </label>
          <button type="submit">{t('app.save')}</button>
        </form>
      ))}
    </section>
  );
}
