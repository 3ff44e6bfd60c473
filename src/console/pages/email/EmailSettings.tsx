import { type FormEvent, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { Unavailable } from '../admin/Users';
import { EmailTabs } from './EmailTabs';
import { OfficePicker, useOfficeChoice } from './OfficeChoice';

interface MailSettings {
  address: string | null;
  imap: {
    enabled: boolean;
    host: string | null;
    port: number | null;
    tls: boolean;
    user: string | null;
    hasPassword: boolean;
    mailbox: string;
    processedMailbox: string | null;
    lastPolledAt: string | null;
    lastError: string | null;
  };
  receivedLast30Days: Record<string, number>;
}

const OUTCOMES = [
  'new_case',
  'reply',
  'new_case_after_final',
  'new_case_sender_mismatch',
  'auto_reply',
  'bounce',
  'loop',
  'mailing_list',
  'rate',
  'pending',
] as const;

/** The office's mail address (mail to it becomes cases) and, optionally, an existing IMAP mailbox to read. */
export function EmailSettings() {
  const { api, t, language, toast, toastError } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const settings = useResource(
    () =>
      office ? api.get<MailSettings>(`/staff/offices/${office}/email/settings`) : Promise.resolve(undefined),
    office,
  );
  const [imapEnabled, setImapEnabled] = useState<boolean | null>(null);
  const data = settings.data;
  const enabled = imapEnabled ?? data?.imap.enabled ?? false;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || null;
    const password = String(form.get('password') ?? '');
    try {
      await api.patch(`/staff/offices/${office}/email/settings`, {
        address: text('address'),
        imap: {
          enabled,
          host: text('host'),
          port: text('port') ? Number(text('port')) : null,
          tls: form.get('tls') === 'on',
          user: text('user'),
          mailbox: text('mailbox') ?? 'INBOX',
          processedMailbox: text('processedMailbox'),
          ...(password ? { password } : {}),
        },
      });
      toast(t('email.saved'));
      setImapEnabled(null);
      settings.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('email.settingsTitle')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
      </div>
      <EmailTabs />
      {settings.error ? <Unavailable error={settings.error} /> : null}
      {data && (
        <form key={office} className="card stack" onSubmit={save}>
          <label>
            {t('email.address')}
            <input name="address" type="email" defaultValue={data.address ?? ''} maxLength={254} />
            <span className="muted">{t('email.addressHelp')}</span>
          </label>
          <fieldset>
            <legend>{t('email.imap')}</legend>
            <p className="muted">{t('email.imapHelp')}</p>
            <label className="inline">
              <input type="checkbox" checked={enabled} onChange={(e) => setImapEnabled(e.target.checked)} />
              {t('email.imapEnabled')}
            </label>
            <div className="row wrap">
              <label>
                {t('email.imapHost')}
                <input name="host" defaultValue={data.imap.host ?? ''} required={enabled} maxLength={253} />
              </label>
              <label>
                {t('email.imapPort')}
                <input name="port" type="number" min={1} max={65535} defaultValue={data.imap.port ?? ''} />
              </label>
              <label className="inline">
                <input name="tls" type="checkbox" defaultChecked={data.imap.tls} />
                {t('email.imapTls')}
              </label>
            </div>
            <div className="row wrap">
              <label>
                {t('email.imapUser')}
                <input
                  name="user"
                  defaultValue={data.imap.user ?? ''}
                  required={enabled}
                  autoComplete="off"
                />
              </label>
              <label>
                {t('email.imapPassword')}
                <input
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  required={enabled && !data.imap.hasPassword}
                  placeholder={data.imap.hasPassword ? t('email.imapPasswordKept') : ''}
                />
              </label>
            </div>
            <div className="row wrap">
              <label>
                {t('email.imapMailbox')}
                <input name="mailbox" defaultValue={data.imap.mailbox} maxLength={200} />
              </label>
              <label>
                {t('email.imapProcessed')}
                <input
                  name="processedMailbox"
                  defaultValue={data.imap.processedMailbox ?? ''}
                  maxLength={200}
                />
                <span className="muted">{t('email.imapProcessedHelp')}</span>
              </label>
            </div>
            <p>
              {t('email.lastPolled')}{' '}
              {data.imap.lastPolledAt ? formatDateTime(data.imap.lastPolledAt, language) : t('email.never')}
            </p>
            {data.imap.lastError && (
              <p className="form-error" role="alert">
                {t('email.lastError')} {data.imap.lastError}
              </p>
            )}
          </fieldset>
          <div className="row">
            <button type="submit" className="primary">
              {t('app.save')}
            </button>
          </div>
        </form>
      )}
      {data && (
        <section className="card">
          <h2>{t('email.stats')}</h2>
          {Object.keys(data.receivedLast30Days).length === 0 ? (
            <p className="muted">{t('email.statsEmpty')}</p>
          ) : (
            <table className="admin-table">
              <tbody>
                {OUTCOMES.filter((o) => data.receivedLast30Days[o]).map((o) => (
                  <tr key={o}>
                    <th scope="row">{t(`email.outcome.${o}` as MessageKey)}</th>
                    <td>{data.receivedLast30Days[o]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
