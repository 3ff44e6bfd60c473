import { type FormEvent, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useReference, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { hasRole } from '../../lib/types';
import { Unavailable } from '../admin/Users';

interface KeyStatus {
  enrolled: boolean;
  status: 'active' | 'pending' | null;
  unlockedUntil: string | null;
  pendingOfficers: { userId: string; name: string }[];
}
interface Summary {
  id: string;
  category: string;
  status: 'new' | 'in_review' | 'closed';
  receivedDay: string;
  lastActivityDay: string;
  messageCount: number;
}
interface Report extends Summary {
  description: string;
  contact: string | null;
  reportedUser: { id: string; name: string } | null;
  messages: { position: number; author: 'reporter' | 'officer'; body: string; day: string }[];
  attachments: Attachment[];
}
interface Attachment {
  id: string;
  messagePosition: number;
  author: 'reporter' | 'officer';
  fileName: string;
  mediaType: string;
  size: number;
  day: string;
}

/** Decrypted on the server with this session's unlocked key; a plain link, so the browser saves the file. */
function Files({ reportId, files }: { reportId: string; files: Attachment[] }) {
  const { t, language } = useConsole();
  if (files.length === 0) return null;
  return (
    <ul className="files" aria-label={t('integrity.files')}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/api/v1/staff/integrity/reports/${reportId}/attachments/${f.id}`} download={f.fileName}>
            {t('integrity.download', { name: f.fileName, size: formatSize(f.size, language) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function formatSize(bytes: number, language: string): string {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024
    ? `${format.format(bytes / 1024)} KB`
    : `${format.format(bytes / 1024 / 1024)} MB`;
}

/**
 * Counts for integrity officers and auditors (metadata only); the reports themselves only for integrity officers
 * with an unlocked key. Everyone else, administrators included, sees that the page is not theirs.
 */
export function Integrity() {
  const { session, t } = useConsole();
  const user = session!.user;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('integrity.title')}</h1>
      </div>
      {(hasRole(user, 'integrity_officer') || hasRole(user, 'auditor')) && <Counts />}
      {hasRole(user, 'integrity_officer') ? (
        <OfficerDesk />
      ) : (
        <p className="muted">{t('integrity.onlyOfficers')}</p>
      )}
    </div>
  );
}

function Counts() {
  const { api, t } = useConsole();
  const counts = useResource(
    () => api.get<{ total: number; byStatus: Record<string, number> }>('/staff/integrity/counts'),
    0,
  );
  if (!counts.data) return null;
  return (
    <p className="muted">
      {t('integrity.counts', {
        total: counts.data.total,
        open: (counts.data.byStatus.new ?? 0) + (counts.data.byStatus.in_review ?? 0),
      })}
    </p>
  );
}

function PassphraseForm({
  label,
  confirm,
  onSubmit,
}: {
  label: string;
  confirm?: boolean;
  onSubmit: (p: string) => Promise<void>;
}) {
  const { t } = useConsole();
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = confirm && again !== '' && again !== passphrase;
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (confirm && again !== passphrase) return;
    await onSubmit(passphrase);
    setPassphrase('');
    setAgain('');
  }
  return (
    <form className="stack narrow" onSubmit={(e) => void submit(e)}>
      <label>
        {t('integrity.passphrase')}
        <input
          type="password"
          autoComplete={confirm ? 'new-password' : 'current-password'}
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
          required
        />
      </label>
      {confirm && (
        <label>
          {t('integrity.passphraseAgain')}
          <input
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => setAgain(e.target.value)}
            aria-invalid={mismatch}
            required
          />
          {mismatch && <span className="field-error">{t('integrity.passphraseMismatch')}</span>}
        </label>
      )}
      <button type="submit">{label}</button>
    </form>
  );
}

function OfficerDesk() {
  const { api, t, language, toast, toastError } = useConsole();
  const key = useResource(() => api.get<KeyStatus>('/staff/integrity/key'), 0);
  const reports = useResource(
    () => api.get<{ items: Summary[] }>('/staff/integrity/reports'),
    key.data?.unlockedUntil ?? '',
  );
  const [openId, setOpenId] = useState<string | null>(null);

  async function run(work: () => Promise<unknown>, done: MessageKey) {
    try {
      await work();
      toast(t(done));
      key.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  if (key.error) return <Unavailable error={key.error} />;
  if (!key.data) return <p role="status">{t('app.loading')}</p>;
  const status = key.data;
  if (!status.enrolled)
    return (
      <section>
        <h2>{t('integrity.enrolTitle')}</h2>
        <p className="muted">{t('integrity.enrolHelp')}</p>
        <PassphraseForm
          label={t('integrity.enrol')}
          confirm
          onSubmit={(passphrase) =>
            run(() => api.post('/staff/integrity/key', { passphrase }), 'integrity.enrolled')
          }
        />
      </section>
    );
  if (status.status === 'pending') return <p className="state">{t('integrity.pendingHelp')}</p>;
  return (
    <>
      <section>
        {status.unlockedUntil ? (
          <p className="row">
            {t('integrity.unlockedUntil', { at: formatDateTime(status.unlockedUntil, language) })}
            <button
              type="button"
              className="ghost"
              onClick={() => void run(() => api.post('/staff/integrity/lock'), 'integrity.locked')}
            >
              {t('integrity.lock')}
            </button>
          </p>
        ) : (
          <>
            <h2>{t('integrity.unlockTitle')}</h2>
            <PassphraseForm
              label={t('integrity.unlock')}
              onSubmit={(passphrase) =>
                run(() => api.post('/staff/integrity/unlock', { passphrase }), 'integrity.unlocked')
              }
            />
          </>
        )}
        {status.pendingOfficers.length > 0 && (
          <div>
            <h2>{t('integrity.pendingOfficers')}</h2>
            <ul>
              {status.pendingOfficers.map((p) => (
                <li key={p.userId}>
                  {p.name}{' '}
                  <button
                    type="button"
                    disabled={!status.unlockedUntil}
                    onClick={() =>
                      void run(
                        () => api.post(`/staff/integrity/officers/${p.userId}/grant`),
                        'integrity.granted',
                      )
                    }
                  >
                    {t('integrity.grant')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      {reports.data && reports.data.items.length === 0 && <p className="state">{t('integrity.empty')}</p>}
      {reports.data && reports.data.items.length > 0 && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('integrity.received')}</th>
              <th scope="col">{t('integrity.category')}</th>
              <th scope="col">{t('integrity.status')}</th>
              <th scope="col">{t('integrity.messages')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('integrity.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.receivedDay}</td>
                <td>{t(`integrity.category.${r.category}` as MessageKey)}</td>
                <td>{t(`integrity.status.${r.status}` as MessageKey)}</td>
                <td>{r.messageCount}</td>
                <td className="actions">
                  <button type="button" disabled={!status.unlockedUntil} onClick={() => setOpenId(r.id)}>
                    {t('integrity.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {openId && status.unlockedUntil && <ReportView id={openId} onChanged={() => reports.reload(true)} />}
    </>
  );
}

function ReportView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { api, t, toast, toastError } = useConsole();
  const { ref } = useReference();
  const [tick, setTick] = useState(0);
  const report = useResource(() => api.get<Report>(`/staff/integrity/reports/${id}`), `${id}:${tick}`);
  const [reply, setReply] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [reported, setReported] = useState('');

  /** True when the work succeeded, so a form clears only what was really sent. */
  async function act(work: () => Promise<unknown>, done: MessageKey): Promise<boolean> {
    try {
      await work();
      toast(t(done));
      setTick((n) => n + 1);
      onChanged();
      return true;
    } catch (e) {
      toastError(e);
      return false;
    }
  }

  if (report.error) return <Unavailable error={report.error} />;
  if (!report.data) return <p role="status">{t('app.loading')}</p>;
  const r = report.data;
  return (
    <section className="panel" aria-labelledby="integrity-report">
      <h2 id="integrity-report">
        {t(`integrity.category.${r.category}` as MessageKey)} · {r.receivedDay}
      </h2>
      <p className="prewrap">{r.description}</p>
      <p className="muted">
        {r.contact ? t('integrity.contact', { contact: r.contact }) : t('integrity.noContact')}
      </p>
      {r.reportedUser && <p>{t('integrity.reportedPerson', { name: r.reportedUser.name })}</p>}
      <Files reportId={r.id} files={r.attachments.filter((a) => a.messagePosition === 0)} />
      <ol className="timeline">
        {r.messages.map((m) => (
          <li key={m.position} className={m.author === 'officer' ? 'timeline-staff' : undefined}>
            <strong>{t(m.author === 'officer' ? 'integrity.fromOfficer' : 'integrity.fromReporter')}</strong>{' '}
            · {m.day}
            {m.body && <p className="prewrap">{m.body}</p>}
            <Files reportId={r.id} files={r.attachments.filter((a) => a.messagePosition === m.position)} />
          </li>
        ))}
      </ol>
      {r.status !== 'closed' && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const send = () => {
              if (files.length === 0)
                return api.post(`/staff/integrity/reports/${id}/messages`, { body: reply });
              const form = new FormData();
              form.append('body', reply);
              for (const file of files) form.append('files', file, file.name);
              return api.postForm(`/staff/integrity/reports/${id}/files`, form);
            };
            void act(send, 'integrity.replied').then((sent) => {
              if (!sent) return;
              setReply('');
              setFiles([]);
              setFileInputKey((n) => n + 1);
            });
          }}
        >
          <label>
            {t('integrity.reply')}
            <textarea
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              rows={4}
              required={files.length === 0}
            />
          </label>
          <label>
            {t('integrity.attach')}
            <input
              key={fileInputKey}
              type="file"
              multiple
              accept="image/jpeg,image/png,image/webp,application/pdf"
              onChange={(e) => setFiles([...(e.target.files ?? [])])}
              aria-describedby="integrity-attach-hint"
            />
          </label>
          <p id="integrity-attach-hint" className="muted small">
            {t('integrity.attachHint')}
          </p>
          <button type="submit">{t('integrity.send')}</button>
        </form>
      )}
      <div className="row">
        <label>
          {t('integrity.status')}
          <select
            value={r.status}
            onChange={(e) =>
              void act(
                () => api.patch(`/staff/integrity/reports/${id}`, { status: e.target.value }),
                'integrity.saved',
              )
            }
          >
            {(['new', 'in_review', 'closed'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`integrity.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('integrity.namePerson')}
          <select value={reported} onChange={(e) => setReported(e.target.value)}>
            <option value="">{t('app.none')}</option>
            {ref.directory.map((d) => (
              <option key={d.id} value={d.id}>
                {d.displayName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!reported}
          onClick={() =>
            void act(
              () => api.patch(`/staff/integrity/reports/${id}`, { reportedUserId: reported }),
              'integrity.saved',
            )
          }
        >
          {t('integrity.saveReported')}
        </button>
      </div>
      <p className="muted small">{t('integrity.reportedHelp')}</p>
    </section>
  );
}
