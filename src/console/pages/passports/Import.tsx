import { type FormEvent, useState } from 'react';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import type { MessageKey } from '../../i18n';
import { buildQuery, errorText, toApiError } from '../../lib/api';
import { useConsole } from '../../lib/context';

interface Report {
  rows: number;
  written: boolean;
  ignoredColumns: string[];
  counts: { created: number; updated: number; unchanged: number; stale: number };
  problems: { row: number; column: string; code: string; params?: Record<string, string | number> }[];
  truncated: boolean;
}

/** Upload → validation report (row, column, problem) → confirm. The same file is sent again to import it. */
export function PassportImport() {
  const { t, language, session, toast } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const [file, setFile] = useState<File | null>(null);
  const [mapping, setMapping] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError('');
    try {
      const query = buildQuery({
        office,
        fileName: file.name,
        dryRun: String(dryRun),
        mapping: mapping.trim() || undefined,
      });
      const response = await fetch(`/api/v1/staff/passport-imports${query}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          accept: 'application/json',
          'accept-language': language,
          'content-type': file.name.toLowerCase().endsWith('.xlsx')
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'text/csv',
          'x-csrf-token': session?.csrfToken ?? '',
        },
        body: file,
      });
      const body = await response.json().catch(() => undefined);
      if (!response.ok) throw toApiError(response.status, body, language);
      setReport(body as Report);
      if (!dryRun && (body as Report).written) toast(t('passport.import.done', (body as Report).counts));
    } catch (problem) {
      setError(errorText(problem, language));
    } finally {
      setBusy(false);
    }
  }

  function check(event: FormEvent) {
    event.preventDefault();
    void send(true);
  }

  const problemText = (p: Report['problems'][number]) => {
    const base = t(`passport.problem.${p.code}` as MessageKey);
    const extra = p.params ? ` (${Object.values(p.params).join(', ')})` : '';
    return `${base}${extra}`;
  };

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('passport.import.title')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
      </div>
      <p className="muted">{t('passport.import.help')}</p>
      <form onSubmit={check}>
        <label>
          {t('passport.import.file')}
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setReport(null);
            }}
            required
          />
        </label>
        <label>
          {t('passport.import.mapping')}
          <input
            value={mapping}
            onChange={(e) => setMapping(e.target.value)}
            placeholder='{"applicant_name": "Nama Lengkap"}'
          />
        </label>
        <button type="submit" disabled={busy || !file}>
          {t('passport.import.check')}
        </button>
      </form>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      {report && (
        <section aria-live="polite">
          {report.ignoredColumns.length > 0 && (
            <p className="muted">
              {t('passport.import.ignored', { columns: report.ignoredColumns.join(', ') })}
            </p>
          )}
          {report.problems.length > 0 ? (
            <>
              <p className="state state-error" role="alert">
                {t('passport.import.problems', { count: report.problems.length, rows: report.rows })}
              </p>
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('passport.import.row')}</th>
                    <th scope="col">{t('passport.import.column')}</th>
                    <th scope="col">{t('passport.import.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p) => (
                    <tr key={`${p.row}-${p.column}-${p.code}`}>
                      <td>{p.row}</td>
                      <td>{p.column}</td>
                      <td>{problemText(p)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : report.written ? (
            <p className="state">{t('passport.import.done', report.counts)}</p>
          ) : (
            <>
              <p>{t('passport.import.ready', { rows: report.rows, ...report.counts })}</p>
              <button type="button" disabled={busy} onClick={() => void send(false)}>
                {t('passport.import.confirm')}
              </button>
            </>
          )}
        </section>
      )}
    </div>
  );
}
