import { type FormEvent, useState } from 'react';
import { OfficePicker, useOfficeChoice } from '../../components/OfficePicker';
import type { MessageKey } from '../../i18n';
import { useConsole, useReference, useResource } from '../../lib/context';
import { localName } from '../../lib/format';
import type { AdminService } from '../../lib/types';
import { PRIORITIES, TYPES } from '../../lib/views';
import { Unavailable } from './Users';

type Unit = 'working_hours' | 'working_days';
interface Target {
  value: number;
  unit: Unit;
}
interface Policy {
  id: string;
  name: string;
  caseType: string | null;
  serviceId: string | null;
  categoryId: string | null;
  priority: string | null;
  firstResponse: Target | null;
  resolution: Target | null;
  warnPercent: number;
  warnHours?: number | null;
  source: string;
  active: boolean;
}
interface Rule {
  id: string;
  name: string;
  milestone: string;
  priority: string | null;
  categoryId: string | null;
  raisePriority: boolean;
  assignTeamId: string | null;
  assignUserId: string | null;
  notifySupervisors: boolean;
  active: boolean;
}

const MILESTONES = [
  'first_response.due_soon',
  'first_response.breached',
  'resolution.due_soon',
  'resolution.breached',
];

/** Service-level policies (most specific wins) and escalation rules of an office. */
export function ServiceLevels() {
  const { api, t, toast, toastError } = useConsole();
  const [office, setOffice] = useOfficeChoice();
  const levels = useResource(
    () =>
      office
        ? api.get<{ policies: Policy[]; escalationRules: Rule[]; canEdit: boolean }>(
            `/staff/offices/${office}/service-levels`,
          )
        : Promise.resolve(undefined),
    office,
  );
  const services = useResource(
    () =>
      office
        ? api
            .get<{ items: AdminService[] }>(`/staff/offices/${office}/services`)
            .then((r) => r.items)
            .catch(() => [] as AdminService[])
        : Promise.resolve([] as AdminService[]),
    office,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = levels.data?.canEdit ?? false;

  async function save(path: string, method: 'post' | 'put', body: unknown) {
    try {
      if (method === 'post') await api.post(path, body);
      else await api.put(path, body);
      toast(t('sla.saved'));
      setEditing(null);
      levels.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  async function remove(path: string) {
    try {
      await api.del(path);
      toast(t('sla.saved'));
      levels.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('sla.policies')}</h1>
        <OfficePicker value={office} onChange={setOffice} />
      </div>
      <p className="muted">{t('sla.policiesHelp')}</p>
      {levels.error ? <Unavailable error={levels.error} /> : null}
      {levels.data && (
        <>
          <section className="card" aria-labelledby="policies-title">
            <h2 id="policies-title">{t('sla.policyList')}</h2>
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('sla.name')}</th>
                  <th scope="col">{t('sla.appliesTo')}</th>
                  <th scope="col">{t('sla.firstResponse')}</th>
                  <th scope="col">{t('sla.resolution')}</th>
                  <th scope="col">{t('sla.source')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('users.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {levels.data.policies.map((p) =>
                  editing === p.id ? (
                    <tr key={p.id}>
                      <td colSpan={6}>
                        <PolicyForm
                          policy={p}
                          services={services.data ?? []}
                          onCancel={() => setEditing(null)}
                          onSave={(body) => save(`/staff/service-levels/policies/${p.id}`, 'put', body)}
                        />
                      </td>
                    </tr>
                  ) : (
                    <tr key={p.id} className={p.active ? undefined : 'disabled'}>
                      <td>
                        {p.name}
                        {!p.active && <span className="tag">{t('categories.inactive')}</span>}
                      </td>
                      <td>{conditions(p, services.data ?? [], t)}</td>
                      <td>{targetText(p.firstResponse, t)}</td>
                      <td>
                        {targetText(p.resolution, t)}
                        <div className="small muted">
                          {p.warnHours
                            ? t('sla.warnHoursAt', { hours: p.warnHours })
                            : t('sla.warnAt', { percent: p.warnPercent })}
                        </div>
                      </td>
                      <td className="small">{p.source}</td>
                      <td className="actions">
                        {canEdit && (
                          <>
                            <button type="button" onClick={() => setEditing(p.id)}>
                              {t('users.edit')}
                            </button>
                            <button
                              type="button"
                              className="ghost"
                              onClick={() => void remove(`/staff/service-levels/policies/${p.id}`)}
                            >
                              {t('canned.delete')}
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
            {canEdit &&
              (editing === 'new-policy' ? (
                <PolicyForm
                  services={services.data ?? []}
                  onCancel={() => setEditing(null)}
                  onSave={(body) => save(`/staff/offices/${office}/service-levels/policies`, 'post', body)}
                />
              ) : (
                <button type="button" onClick={() => setEditing('new-policy')}>
                  {t('sla.addPolicy')}
                </button>
              ))}
          </section>

          <section className="card" aria-labelledby="rules-title">
            <h2 id="rules-title">{t('sla.rules')}</h2>
            <p className="muted">{t('sla.rulesHelp')}</p>
            {levels.data.escalationRules.length > 0 && (
              <table className="admin-table">
                <thead>
                  <tr>
                    <th scope="col">{t('sla.name')}</th>
                    <th scope="col">{t('sla.milestone')}</th>
                    <th scope="col">{t('sla.actions')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('users.edit')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {levels.data.escalationRules.map((r) =>
                    editing === r.id ? (
                      <tr key={r.id}>
                        <td colSpan={4}>
                          <RuleForm
                            rule={r}
                            onCancel={() => setEditing(null)}
                            onSave={(body) =>
                              save(`/staff/service-levels/escalation-rules/${r.id}`, 'put', body)
                            }
                          />
                        </td>
                      </tr>
                    ) : (
                      <tr key={r.id} className={r.active ? undefined : 'disabled'}>
                        <td>{r.name}</td>
                        <td>{t(`sla.milestone.${r.milestone}` as MessageKey)}</td>
                        <td>
                          <RuleActions rule={r} />
                        </td>
                        <td className="actions">
                          {canEdit && (
                            <>
                              <button type="button" onClick={() => setEditing(r.id)}>
                                {t('users.edit')}
                              </button>
                              <button
                                type="button"
                                className="ghost"
                                onClick={() => void remove(`/staff/service-levels/escalation-rules/${r.id}`)}
                              >
                                {t('canned.delete')}
                              </button>
                            </>
                          )}
                        </td>
                      </tr>
                    ),
                  )}
                </tbody>
              </table>
            )}
            {canEdit &&
              (editing === 'new-rule' ? (
                <RuleForm
                  onCancel={() => setEditing(null)}
                  onSave={(body) =>
                    save(`/staff/offices/${office}/service-levels/escalation-rules`, 'post', body)
                  }
                />
              ) : (
                <button type="button" onClick={() => setEditing('new-rule')}>
                  {t('sla.addRule')}
                </button>
              ))}
          </section>
        </>
      )}
    </div>
  );
}

type T = ReturnType<typeof useConsole>['t'];

function targetText(target: Target | null, t: T): string {
  if (!target) return t('sla.noTarget');
  return t(target.unit === 'working_days' ? 'sla.days' : 'sla.hoursTarget', { n: target.value });
}

function conditions(p: Policy, services: AdminService[], t: T): string {
  const parts: string[] = [];
  if (p.caseType) parts.push(t(`type.${p.caseType}` as MessageKey));
  if (p.serviceId) parts.push(services.find((s) => s.id === p.serviceId)?.code ?? p.serviceId.slice(0, 8));
  if (p.categoryId)
    parts.push(
      services.flatMap((s) => s.categories).find((c) => c.id === p.categoryId)?.code ??
        p.categoryId.slice(0, 8),
    );
  if (p.priority) parts.push(t(`priority.${p.priority}` as MessageKey));
  return parts.length ? parts.join(' · ') : t('sla.allCases');
}

function RuleActions({ rule }: { rule: Rule }) {
  const { t, language } = useConsole();
  const { ref } = useReference();
  const parts: string[] = [];
  if (rule.raisePriority) parts.push(t('sla.raisePriority'));
  if (rule.assignTeamId) {
    const team = ref.teams.find((x) => x.id === rule.assignTeamId);
    parts.push(
      t('sla.assignTeam', { team: team ? localName(team.name, language) : rule.assignTeamId.slice(0, 8) }),
    );
  }
  if (rule.assignUserId)
    parts.push(
      t('sla.assignUser', {
        user:
          ref.directory.find((d) => d.id === rule.assignUserId)?.displayName ?? rule.assignUserId.slice(0, 8),
      }),
    );
  if (rule.notifySupervisors) parts.push(t('sla.notifySupervisors'));
  return <>{parts.join(' · ')}</>;
}

function TargetFields({ name, value }: { name: string; value: Target | null }) {
  const { t } = useConsole();
  return (
    <fieldset className="row">
      <legend>{t(name === 'firstResponse' ? 'sla.firstResponse' : 'sla.resolution')}</legend>
      <label>
        {t('sla.targetValue')}
        <input type="number" name={`${name}Value`} min={1} max={2000} defaultValue={value?.value ?? ''} />
      </label>
      <label>
        {t('sla.unit')}
        <select name={`${name}Unit`} defaultValue={value?.unit ?? 'working_days'}>
          <option value="working_days">{t('sla.unit.working_days')}</option>
          <option value="working_hours">{t('sla.unit.working_hours')}</option>
        </select>
      </label>
    </fieldset>
  );
}

function PolicyForm({
  policy,
  services,
  onSave,
  onCancel,
}: {
  policy?: Policy;
  services: AdminService[];
  onSave: (body: unknown) => void;
  onCancel: () => void;
}) {
  const { t, language } = useConsole();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (key: string) => String(f.get(key) ?? '').trim() || null;
    const target = (key: string) =>
      text(`${key}Value`) ? { value: Number(f.get(`${key}Value`)), unit: String(f.get(`${key}Unit`)) } : null;
    onSave({
      name: String(f.get('name')),
      caseType: text('caseType'),
      serviceId: text('serviceId'),
      categoryId: text('categoryId'),
      priority: text('priority'),
      firstResponse: target('firstResponse'),
      resolution: target('resolution'),
      warnPercent: Number(f.get('warnPercent')),
      warnHours: text('warnHours') ? Number(f.get('warnHours')) : null,
      source: String(f.get('source')),
      active: f.get('active') === 'on',
    });
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {t('sla.name')}
        <input name="name" required maxLength={200} defaultValue={policy?.name} />
      </label>
      <fieldset className="row">
        <legend>{t('sla.appliesTo')}</legend>
        <label>
          {t('inbox.col.type')}
          <select name="caseType" defaultValue={policy?.caseType ?? ''}>
            <option value="">{t('sla.any')}</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type.${type}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sla.service')}
          <select name="serviceId" defaultValue={policy?.serviceId ?? ''}>
            <option value="">{t('sla.any')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {localName(s.name, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('case.category')}
          <select name="categoryId" defaultValue={policy?.categoryId ?? ''}>
            <option value="">{t('sla.any')}</option>
            {services.flatMap((s) =>
              s.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {localName(s.name, language)} — {localName(c.name, language)}
                </option>
              )),
            )}
          </select>
        </label>
        <label>
          {t('case.priority')}
          <select name="priority" defaultValue={policy?.priority ?? ''}>
            <option value="">{t('sla.any')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <TargetFields name="firstResponse" value={policy?.firstResponse ?? null} />
      <TargetFields name="resolution" value={policy?.resolution ?? null} />
      <label>
        {t('sla.warnPercent')}
        <input
          type="number"
          name="warnPercent"
          min={0}
          max={90}
          required
          defaultValue={policy?.warnPercent ?? 20}
        />
      </label>
      <label>
        {t('sla.warnHours')}
        <input type="number" name="warnHours" min={1} max={480} defaultValue={policy?.warnHours ?? ''} />
      </label>
      <label>
        {t('sla.source')}
        <textarea name="source" required maxLength={500} defaultValue={policy?.source} />
      </label>
      <label className="checks">
        <input type="checkbox" name="active" defaultChecked={policy?.active ?? true} />{' '}
        {t('categories.active')}
      </label>
      <div className="row">
        <button type="submit">{t('app.save')}</button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function RuleForm({
  rule,
  onSave,
  onCancel,
}: {
  rule?: Rule;
  onSave: (body: unknown) => void;
  onCancel: () => void;
}) {
  const { t, language } = useConsole();
  const { ref } = useReference();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (key: string) => String(f.get(key) ?? '').trim() || null;
    onSave({
      name: String(f.get('name')),
      milestone: String(f.get('milestone')),
      priority: text('priority'),
      categoryId: rule?.categoryId ?? null,
      raisePriority: f.get('raisePriority') === 'on',
      assignTeamId: text('assignTeamId'),
      assignUserId: text('assignUserId'),
      notifySupervisors: f.get('notifySupervisors') === 'on',
      active: f.get('active') === 'on',
    });
  }
  return (
    <form className="stack" onSubmit={submit}>
      <label>
        {t('sla.name')}
        <input name="name" required maxLength={200} defaultValue={rule?.name} />
      </label>
      <div className="row">
        <label>
          {t('sla.milestone')}
          <select name="milestone" defaultValue={rule?.milestone ?? 'resolution.breached'}>
            {MILESTONES.map((m) => (
              <option key={m} value={m}>
                {t(`sla.milestone.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('case.priority')}
          <select name="priority" defaultValue={rule?.priority ?? ''}>
            <option value="">{t('sla.any')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="stack">
        <legend>{t('sla.actions')}</legend>
        <label className="checks">
          <input type="checkbox" name="raisePriority" defaultChecked={rule?.raisePriority ?? false} />{' '}
          {t('sla.raisePriority')}
        </label>
        <label className="checks">
          <input type="checkbox" name="notifySupervisors" defaultChecked={rule?.notifySupervisors ?? true} />{' '}
          {t('sla.notifySupervisors')}
        </label>
        <label>
          {t('sla.assignTeamField')}
          <select name="assignTeamId" defaultValue={rule?.assignTeamId ?? ''}>
            <option value="">{t('app.none')}</option>
            {ref.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {localName(team.name, language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sla.assignUserField')}
          <select name="assignUserId" defaultValue={rule?.assignUserId ?? ''}>
            <option value="">{t('app.none')}</option>
            {ref.directory.map((d) => (
              <option key={d.id} value={d.id}>
                {d.displayName}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <label className="checks">
        <input type="checkbox" name="active" defaultChecked={rule?.active ?? true} /> {t('categories.active')}
      </label>
      <div className="row">
        <button type="submit">{t('app.save')}</button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
