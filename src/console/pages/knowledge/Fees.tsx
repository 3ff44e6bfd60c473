import { type FormEvent, useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { errorText } from '../../lib/api';
import { useConsole, useReference } from '../../lib/context';
import { localName } from '../../lib/format';
import {
  addDays,
  fieldMessages,
  formatDay,
  formatRupiah,
  groupFees,
  isDay,
  parseRupiah,
  periodState,
  planFeeChange,
  writesKnowledge,
} from '../../lib/knowledge';
import type { Fee } from '../../lib/knowledge-types';
import { BASE, FieldMessage, LoadError, Loading, useFees } from './shared';

/**
 * The fee schedule: every period of every fee, the one in force today marked in words. A change is a new period
 * from a date; the open period before it is ended the day before, so articles and answers switch on that day.
 */
export function Fees() {
  const { api, t, language, session, toast, toastError } = useConsole();
  const fees = useFees();
  const { ref } = useReference();
  const serviceName = (code: string) => {
    const service = ref.offices.flatMap((o) => o.services).find((x) => x.code === code);
    return service ? localName(service.name, language) : code;
  };
  const canEdit = writesKnowledge(session!.user);
  const [ending, setEnding] = useState<string | null>(null);
  const [endDate, setEndDate] = useState('');
  const groups = useMemo(() => groupFees(fees.data ?? []), [fees.data]);

  async function endFee(fee: Fee, event: FormEvent) {
    event.preventDefault();
    if (!isDay(endDate) || endDate < fee.validFrom) return;
    try {
      await api.patch(`${BASE}/fees/${fee.id}`, { validTo: endDate });
      toast(t('knowledge.fees.ended', { date: formatDay(endDate, language) }));
      setEnding(null);
      fees.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function remove(fee: Fee) {
    if (
      !window.confirm(
        t('knowledge.fees.deleteConfirm', { code: fee.code, date: formatDay(fee.validFrom, language) }),
      )
    )
      return;
    try {
      await api.del(`${BASE}/fees/${fee.id}`);
      toast(t('knowledge.fees.deleted'));
      fees.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page wide">
      <div className="page-head">
        <h1>{t('knowledge.fees.title')}</h1>
        <p className="muted">{t('knowledge.fees.today', { date: formatDay(fees.today, language) })}</p>
      </div>
      <p className="muted">{t('knowledge.fees.help')}</p>
      {fees.error ? <LoadError error={fees.error} onRetry={() => fees.reload()} /> : null}
      {!fees.data && !fees.error && <Loading />}
      {fees.data && groups.length === 0 && <p className="state">{t('knowledge.fees.empty')}</p>}
      {groups.length > 0 && (
        <table className="admin-table fee-table">
          <caption className="visually-hidden">{t('knowledge.fees.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.fees.item')}</th>
              <th scope="col">{t('knowledge.fees.amount')}</th>
              <th scope="col">{t('knowledge.fees.validFrom')}</th>
              <th scope="col">{t('knowledge.fees.validTo')}</th>
              <th scope="col">{t('knowledge.fees.state')}</th>
              <th scope="col">{t('knowledge.fees.legalBasis')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('knowledge.history.actions')}</span>
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.code} className="fee-group">
              {group.rows.map((fee, index) => {
                const state = periodState(fee, fees.today);
                return (
                  <tr key={fee.id} className={`fee-${state}`}>
                    {index === 0 ? (
                      <th scope="rowgroup" rowSpan={group.rows.length} className="fee-name">
                        {fee.names[language] || fee.names.id}
                        <br />
                        <code className="muted small">{fee.code}</code>{' '}
                        <span className="muted small">· {serviceName(fee.serviceCode)}</span>
                      </th>
                    ) : null}
                    <td className="amount">{formatRupiah(fee.amount)}</td>
                    <td>{formatDay(fee.validFrom, language)}</td>
                    <td>
                      {fee.validTo ? (
                        formatDay(fee.validTo, language)
                      ) : (
                        <span className="muted">{t('knowledge.fees.open')}</span>
                      )}
                    </td>
                    <td>
                      <span className={`badge fee-state-${state}`}>
                        {state === 'current' ? '✓ ' : ''}
                        {t(`knowledge.fees.state.${state}` as MessageKey)}
                      </span>
                    </td>
                    <td className="small">{fee.legalBasis}</td>
                    <td className="actions">
                      {canEdit && state !== 'past' && ending !== fee.id && (
                        <button
                          type="button"
                          onClick={() => {
                            setEnding(fee.id);
                            setEndDate([fee.validFrom, fees.today].sort()[1]!);
                          }}
                        >
                          {t('knowledge.fees.end')}
                        </button>
                      )}
                      {canEdit && ending === fee.id && (
                        <form className="row" onSubmit={(e) => void endFee(fee, e)}>
                          <label className="inline">
                            {t('knowledge.fees.lastDay')}
                            <input
                              type="date"
                              value={endDate}
                              min={fee.validFrom}
                              onChange={(e) => setEndDate(e.target.value)}
                              required
                            />
                          </label>
                          <button type="submit" className="primary">
                            {t('knowledge.fees.confirmEnd')}
                          </button>
                          <button type="button" onClick={() => setEnding(null)}>
                            {t('app.cancel')}
                          </button>
                        </form>
                      )}
                      {canEdit && state === 'future' && (
                        <button type="button" className="danger" onClick={() => void remove(fee)}>
                          {t('knowledge.fees.delete')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      )}
      {canEdit && fees.data && (
        <NewFeePeriod fees={fees.data} today={fees.today} onDone={() => fees.reload(true)} />
      )}
    </div>
  );
}

interface FeeForm {
  code: string;
  serviceCode: string;
  nameId: string;
  nameEn: string;
  amount: string;
  legalBasis: string;
  validFrom: string;
  validTo: string;
}

function NewFeePeriod({ fees, today, onDone }: { fees: Fee[]; today: string; onDone: () => void }) {
  const { api, t, language, session, toast } = useConsole();
  const { ref } = useReference();
  const office = ref.offices.find((o) => o.code === session?.user.officeCode) ?? ref.offices[0];
  const empty: FeeForm = {
    code: '',
    serviceCode: '',
    nameId: '',
    nameEn: '',
    amount: '',
    legalBasis: '',
    validFrom: addDays(today, 1),
    validTo: '',
  };
  const [form, setForm] = useState<FeeForm>(empty);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const codes = useMemo(() => [...new Set(fees.map((f) => f.code))].sort(), [fees]);

  function setCode(code: string) {
    const latest = groupFees(fees).find((g) => g.code === code)?.rows[0];
    setForm((f) =>
      latest
        ? {
            ...f,
            code,
            serviceCode: latest.serviceCode,
            nameId: latest.names.id,
            nameEn: latest.names.en,
            legalBasis: latest.legalBasis,
          }
        : { ...f, code },
    );
  }

  const amount = parseRupiah(form.amount);
  const datesOk =
    isDay(form.validFrom) && (!form.validTo || (isDay(form.validTo) && form.validTo >= form.validFrom));
  const plan =
    form.code && datesOk ? planFeeChange(fees, form.code, form.validFrom, form.validTo || null) : null;
  const fields = fieldMessages(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (amount === undefined || !datesOk || !plan?.ok) return;
    setBusy(true);
    setError(null);
    let closed: Fee | null = null;
    try {
      if (plan.close) {
        await api.patch(`${BASE}/fees/${plan.close.fee.id}`, { validTo: plan.close.validTo });
        closed = plan.close.fee;
      }
      await api.post(`${BASE}/fees`, {
        code: form.code.trim(),
        serviceCode: form.serviceCode,
        names: { id: form.nameId.trim(), en: form.nameEn.trim() },
        amount,
        legalBasis: form.legalBasis.trim(),
        validFrom: form.validFrom,
        ...(form.validTo ? { validTo: form.validTo } : {}),
      });
      toast(t('knowledge.fees.added', { code: form.code, date: formatDay(form.validFrom, language) }));
      setForm(empty);
      onDone();
    } catch (e) {
      // The new period was refused: reopen the period that was ended for it.
      if (closed) await api.patch(`${BASE}/fees/${closed.id}`, { validTo: null }).catch(() => undefined);
      setError(e);
      onDone();
    } finally {
      setBusy(false);
    }
  }

  const set = (patch: Partial<FeeForm>) => setForm((f) => ({ ...f, ...patch }));
  const describe = (name: string) => (fields[name] ? `fee-err-${name}` : undefined);

  return (
    <section className="card" aria-labelledby="new-fee-title">
      <h2 id="new-fee-title">{t('knowledge.fees.add')}</h2>
      <p className="muted small">{t('knowledge.fees.addHelp')}</p>
      <form className="stack" onSubmit={submit} noValidate>
        <div className="grid-3">
          <div className="field">
            <label>
              {t('knowledge.fees.code')}
              <input
                value={form.code}
                onChange={(e) => setCode(e.target.value.toUpperCase().replace(/[^A-Z0-9_]/g, '_'))}
                list="fee-codes"
                required
                pattern="[A-Z0-9_]{2,60}"
                maxLength={60}
                spellCheck={false}
                aria-describedby={describe('code')}
              />
              <datalist id="fee-codes">
                {codes.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </label>
            <FieldMessage id="fee-err-code" message={fields.code} />
          </div>
          <div className="field">
            <label>
              {t('knowledge.fees.service')}
              <select
                value={form.serviceCode}
                onChange={(e) => set({ serviceCode: e.target.value })}
                required
                aria-describedby={describe('serviceCode')}
              >
                <option value="">{t('knowledge.fees.chooseService')}</option>
                {office?.services.map((s) => (
                  <option key={s.code} value={s.code}>
                    {localName(s.name, language)}
                  </option>
                ))}
              </select>
            </label>
            <FieldMessage id="fee-err-serviceCode" message={fields.serviceCode} />
          </div>
          <div className="field">
            <label>
              {t('knowledge.fees.amount')}
              <input
                value={form.amount}
                onChange={(e) => set({ amount: e.target.value })}
                inputMode="numeric"
                required
                aria-invalid={form.amount && amount === undefined ? true : undefined}
                aria-describedby={['fee-amount-help', describe('amount') ?? ''].join(' ').trim()}
              />
            </label>
            <span id="fee-amount-help" className="muted small">
              {amount !== undefined ? formatRupiah(amount) : t('knowledge.fees.amountHelp')}
            </span>
            <FieldMessage id="fee-err-amount" message={fields.amount} />
          </div>
          <label>
            {t('knowledge.fees.nameId')}
            <input value={form.nameId} onChange={(e) => set({ nameId: e.target.value })} required lang="id" />
          </label>
          <label>
            {t('knowledge.fees.nameEn')}
            <input value={form.nameEn} onChange={(e) => set({ nameEn: e.target.value })} required lang="en" />
          </label>
          <div className="field">
            <label>
              {t('knowledge.fees.legalBasis')}
              <input
                value={form.legalBasis}
                onChange={(e) => set({ legalBasis: e.target.value })}
                required
                placeholder="PP 45/2024"
                aria-describedby={describe('legalBasis')}
              />
            </label>
            <FieldMessage id="fee-err-legalBasis" message={fields.legalBasis} />
          </div>
          <div className="field">
            <label>
              {t('knowledge.fees.validFrom')}
              <input
                type="date"
                value={form.validFrom}
                onChange={(e) => set({ validFrom: e.target.value })}
                required
                aria-describedby={describe('validFrom')}
              />
            </label>
            <FieldMessage id="fee-err-validFrom" message={fields.validFrom} />
          </div>
          <div className="field">
            <label>
              {t('knowledge.fees.validToOptional')}
              <input
                type="date"
                value={form.validTo}
                min={form.validFrom}
                onChange={(e) => set({ validTo: e.target.value })}
                aria-describedby={describe('validTo')}
              />
            </label>
            <FieldMessage id="fee-err-validTo" message={fields.validTo} />
          </div>
        </div>
        {plan && !plan.ok && (
          <p className="field-error" role="alert">
            {t(`knowledge.fees.plan.${plan.reason}` as MessageKey, {
              from: formatDay(plan.fee.validFrom, language),
              to: plan.fee.validTo ? formatDay(plan.fee.validTo, language) : t('knowledge.fees.open'),
            })}
          </p>
        )}
        {plan?.ok && plan.close && (
          <p className="notice" role="status">
            {t('knowledge.fees.plan.close', {
              amount: formatRupiah(plan.close.fee.amount),
              from: formatDay(plan.close.fee.validFrom, language),
              last: formatDay(plan.close.validTo, language),
            })}
          </p>
        )}
        {error ? (
          <p className="form-error" role="alert">
            {errorText(error, language)}
          </p>
        ) : null}
        <div className="row">
          <button
            type="submit"
            className="primary"
            disabled={
              busy ||
              !plan?.ok ||
              amount === undefined ||
              !form.serviceCode ||
              !form.nameId.trim() ||
              !form.nameEn.trim() ||
              !form.legalBasis.trim()
            }
          >
            {t('knowledge.fees.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
