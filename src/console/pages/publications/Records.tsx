import { type FormEvent, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { ACTIONS, type EnforcementRecord } from './types';

const BLANK = {
  fullName: '',
  nationality: '',
  documentNumber: '',
  legalBasis: '',
  action: 'deportation' as string,
  decidedOn: '',
  carriedOutOn: '',
};

/**
 * Enforcement action records in full (supervisors only). The name and document number are sealed at rest and
 * never leave this screen: publications cite the records as initials and nationality.
 */
export function Records() {
  const { api, t, toast, toastError } = useConsole();
  const records = useResource(() => api.get<{ items: EnforcementRecord[] }>('/staff/enforcement-records'), 0);
  const [form, setForm] = useState(BLANK);
  const [editing, setEditing] = useState<EnforcementRecord | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    const body = {
      ...form,
      nationality: form.nationality.toUpperCase(),
      carriedOutOn: form.carriedOutOn || null,
    };
    try {
      if (editing)
        await api.put(`/staff/enforcement-records/${editing.id}`, { ...body, version: editing.version });
      else await api.post('/staff/enforcement-records', body);
      toast(t('pub.recordSaved'));
      setForm(BLANK);
      setEditing(null);
      records.reload(true);
    } catch (error) {
      toastError(error);
    }
  }

  function edit(record: EnforcementRecord) {
    setEditing(record);
    setForm({
      fullName: record.fullName,
      nationality: record.nationality,
      documentNumber: record.documentNumber,
      legalBasis: record.legalBasis,
      action: record.action,
      decidedOn: record.decidedOn,
      carriedOutOn: record.carriedOutOn ?? '',
    });
  }

  const field = (name: keyof typeof BLANK, label: MessageKey, extra: object = {}) => (
    <label>
      {t(label)}
      <input value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} {...extra} />
    </label>
  );

  return (
    <section aria-labelledby="records-title">
      <h1 id="records-title">{t('pub.records')}</h1>
      <p className="muted">{t('pub.recordsHelp')}</p>
      <form className="row filters" onSubmit={(e) => void save(e)} aria-label={t('pub.recordForm')}>
        {field('fullName', 'pub.fullName', { required: true, autoComplete: 'off' })}
        {field('nationality', 'pub.nationality', {
          required: true,
          maxLength: 2,
          pattern: '[A-Za-z]{2}',
          size: 3,
        })}
        {field('documentNumber', 'pub.documentNumber', { required: true, autoComplete: 'off' })}
        {field('legalBasis', 'pub.legalBasis', { required: true })}
        <label>
          {t('pub.actionField')}
          <select value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`pub.action.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        {field('decidedOn', 'pub.decidedOn', { type: 'date', required: true })}
        {field('carriedOutOn', 'pub.carriedOutOn', { type: 'date' })}
        <button type="submit">{editing ? t('pub.saveRecord') : t('pub.addRecord')}</button>
        {editing && (
          <button
            type="button"
            onClick={() => {
              setEditing(null);
              setForm(BLANK);
            }}
          >
            {t('pub.cancel')}
          </button>
        )}
      </form>
      {records.data && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('pub.fullName')}</th>
              <th scope="col">{t('pub.citedAs')}</th>
              <th scope="col">{t('pub.documentNumber')}</th>
              <th scope="col">{t('pub.actionField')}</th>
              <th scope="col">{t('pub.legalBasis')}</th>
              <th scope="col">{t('pub.decidedOn')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('pub.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.fullName}</td>
                <td>{r.label}</td>
                <td>{r.documentNumber}</td>
                <td>{t(`pub.action.${r.action}` as MessageKey)}</td>
                <td>{r.legalBasis}</td>
                <td>{r.decidedOn}</td>
                <td>
                  <button type="button" onClick={() => edit(r)}>
                    {t('pub.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
