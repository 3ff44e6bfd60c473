import { type FormEvent, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { errorText } from '../../lib/api';
import { useConsole, useResource } from '../../lib/context';

interface SettingsView {
  channel: string;
  plain: Record<string, string | null>;
  secrets: Record<string, { set: boolean; endsWith: string | null }>;
  overridden: string[];
}

const CHANNELS = ['whatsapp', 'telegram'] as const;

/**
 * WhatsApp and Telegram settings (national administrators). Values saved here override the environment's;
 * secrets are never shown back, only whether they are set — an empty secret field keeps the current one.
 */
export function ChannelSettings() {
  const { api, t, language, toast } = useConsole();
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>('whatsapp');
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const settings = useResource(
    () => api.get<SettingsView>(`/staff/admin/channels/${channel}`),
    `${channel}:${tick}`,
  );
  const view = settings.data;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const body: Record<string, string | null> = {};
    for (const key of Object.keys(view?.plain ?? {})) body[key] = String(data.get(key) ?? '').trim() || null;
    for (const key of Object.keys(view?.secrets ?? {})) {
      const value = String(data.get(key) ?? '').trim();
      if (value) body[key] = value;
    }
    try {
      await api.put(`/staff/admin/channels/${channel}`, body);
      toast(t('channelSettings.saved'));
      setTick((n) => n + 1);
    } catch (e) {
      setError(errorText(e, language));
    }
  }

  return (
    <div className="page narrow">
      <h1>{t('channelSettings.title')}</h1>
      <p className="muted">{t('channelSettings.help')}</p>
      <label>
        {t('channelSettings.channel')}
        <select value={channel} onChange={(e) => setChannel(e.target.value as typeof channel)}>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {settings.error !== undefined && settings.error !== null && (
        <p role="alert">{errorText(settings.error, language)}</p>
      )}
      {view && (
        <form key={`${channel}:${tick}`} className="card phone-form" onSubmit={save}>
          {error && (
            <div className="error-summary" role="alert">
              {error}
            </div>
          )}
          {Object.entries(view.plain).map(([key, value]) => (
            <label key={key}>
              {t(`channelSettings.field.${key}` as MessageKey)}
              <input name={key} defaultValue={value ?? ''} autoComplete="off" />
            </label>
          ))}
          {Object.entries(view.secrets).map(([key, state]) => (
            <label key={key}>
              {t(`channelSettings.field.${key}` as MessageKey)}{' '}
              <span className="muted">
                {state.set
                  ? t('channelSettings.secretSet', { end: state.endsWith ?? '…' })
                  : t('channelSettings.secretUnset')}
              </span>
              <input name={key} type="password" autoComplete="new-password" defaultValue="" />
            </label>
          ))}
          <button type="submit" className="primary">
            {t('channelSettings.save')}
          </button>
        </form>
      )}
    </div>
  );
}
