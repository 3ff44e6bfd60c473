import { type FormEvent, Fragment, useState } from 'react';
import type { MessageKey } from '../../i18n';
import { ApiError, errorText } from '../../lib/api';
import { useConsole, useReference, useResource } from '../../lib/context';
import { formatDateTime, localName } from '../../lib/format';
import { ROLES, type Role, type StaffUser } from '../../lib/types';

export function Unavailable({ error }: { error: unknown }) {
  const { t, language } = useConsole();
  return (
    <p className="state state-error" role="alert">
      {error instanceof ApiError && error.status === 404
        ? t('admin.unavailable')
        : errorText(error, language)}
    </p>
  );
}

function RolePicker({ value, onChange }: { value: Role[]; onChange: (roles: Role[]) => void }) {
  const { t } = useConsole();
  return (
    <fieldset className="checks">
      <legend>{t('users.roles')}</legend>
      {ROLES.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          {t(`role.${role}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}

function TeamPicker({
  office,
  value,
  onChange,
}: {
  office: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const { t, language } = useConsole();
  const { ref } = useReference();
  const teams = ref.teams.filter((x) => x.officeCode === office);
  if (teams.length === 0) return null;
  return (
    <fieldset className="checks">
      <legend>{t('users.teams')}</legend>
      {teams.map((team) => (
        <label key={team.id}>
          <input
            type="checkbox"
            checked={value.includes(team.id)}
            onChange={(e) =>
              onChange(e.target.checked ? [...value, team.id] : value.filter((x) => x !== team.id))
            }
          />
          {localName(team.name, language)}
        </label>
      ))}
    </fieldset>
  );
}

function OfficeSelect({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const { t, language } = useConsole();
  const { ref } = useReference();
  return (
    <label>
      {t('users.office')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('users.national')}</option>
        {ref.offices.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code} — {localName(o.name, language)}
          </option>
        ))}
      </select>
    </label>
  );
}

function UserForm({
  initial,
  onSubmit,
  submitLabel,
  withEmail,
}: {
  initial: Partial<StaffUser>;
  onSubmit: (values: Record<string, unknown>) => Promise<void>;
  submitLabel: string;
  withEmail: boolean;
}) {
  const { t, session } = useConsole();
  const [email, setEmail] = useState(initial.email ?? '');
  const [displayName, setDisplayName] = useState(initial.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(initial.roles ?? ['agent']);
  const [office, setOffice] = useState(initial.officeCode ?? session?.user.officeCode ?? '');
  const [teamIds, setTeamIds] = useState<string[]>(initial.teamIds ?? []);
  const [language, setLanguage] = useState(initial.language ?? 'id');
  const [error, setError] = useState<unknown>(null);
  const { language: ui } = useConsole();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await onSubmit({
        ...(withEmail ? { email } : {}),
        displayName,
        roles,
        officeCode: office || null,
        teamIds,
        language,
      });
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form onSubmit={submit} className="stack admin-form">
      <div className="grid-2">
        {withEmail && (
          <label>
            {t('users.email')}
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
          </label>
        )}
        <label>
          {t('users.name')}
          <input
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            required
            maxLength={200}
          />
        </label>
        <OfficeSelect value={office} onChange={setOffice} />
        <label>
          {t('users.language')}
          <select value={language} onChange={(e) => setLanguage(e.target.value as 'id' | 'en')}>
            <option value="id">{t('lang.id')}</option>
            <option value="en">{t('lang.en')}</option>
          </select>
        </label>
      </div>
      <RolePicker value={roles} onChange={setRoles} />
      <TeamPicker office={office} value={teamIds} onChange={setTeamIds} />
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error, ui)}
        </p>
      ) : null}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}

export function Users() {
  const { api, t, language, toast, toastError } = useConsole();
  const users = useResource(() => api.get<{ items: StaffUser[] }>('/staff/users'), api);
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ email: string; password: string } | null>(null);

  async function act(promise: Promise<unknown>, message: string) {
    try {
      await promise;
      toast(message);
      users.reload(true);
    } catch (e) {
      toastError(e);
    }
  }

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
        <button
          type="button"
          className="primary"
          onClick={() => setInviting((v) => !v)}
          aria-expanded={inviting}
        >
          {t('users.invite')}
        </button>
      </div>
      {secret && (
        <div className="notice secret-notice" role="status">
          <p>{t('users.passwordOnce', { email: secret.email })}</p>
          <code className="one-time">{secret.password}</code>
          <button type="button" onClick={() => setSecret(null)}>
            {t('app.close')}
          </button>
        </div>
      )}
      {inviting && (
        <section className="card">
          <h2>{t('users.invite')}</h2>
          <UserForm
            initial={{}}
            withEmail
            submitLabel={t('users.create')}
            onSubmit={async (values) => {
              const result = await api.post<{ user: StaffUser; password: string }>('/staff/users', values);
              setSecret({ email: result.user.email, password: result.password });
              setInviting(false);
              toast(t('users.created', { email: result.user.email }));
              users.reload(true);
            }}
          />
        </section>
      )}
      {users.error ? <Unavailable error={users.error} /> : null}
      {users.loading && !users.data && <p role="status">{t('app.loading')}</p>}
      {users.data && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.office')}</th>
              <th scope="col">{t('users.twoFactor')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.lastLogin')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((user) => (
              <Fragment key={user.id}>
                <tr className={user.disabled ? 'disabled' : undefined}>
                  <td>
                    <strong>{user.displayName}</strong>
                    <br />
                    <span className="muted small">{user.email}</span>
                  </td>
                  <td>{user.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')}</td>
                  <td>{user.officeCode ?? t('users.national')}</td>
                  <td>{user.twoFactorEnabled ? t('users.on') : t('users.off')}</td>
                  <td>{user.disabled ? t('users.disabled') : t('users.active')}</td>
                  <td>{user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('users.never')}</td>
                  <td className="actions">
                    <button
                      type="button"
                      aria-expanded={editing === user.id}
                      onClick={() => setEditing(editing === user.id ? null : user.id)}
                    >
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
                {editing === user.id && (
                  <tr className="edit-row">
                    <td colSpan={7}>
                      <UserForm
                        initial={user}
                        withEmail={false}
                        submitLabel={t('app.save')}
                        onSubmit={async (values) => {
                          await api.patch(`/staff/users/${user.id}`, values);
                          toast(t('users.updated'));
                          setEditing(null);
                          users.reload(true);
                        }}
                      />
                      <div className="row">
                        <button
                          type="button"
                          onClick={() =>
                            act(
                              api.patch(`/staff/users/${user.id}`, { disabled: !user.disabled }),
                              t('users.updated'),
                            )
                          }
                        >
                          {user.disabled ? t('users.enable') : t('users.disable')}
                        </button>
                        <button
                          type="button"
                          onClick={() =>
                            act(
                              api.post(`/staff/users/${user.id}/reset-2fa`),
                              t('users.reset2faDone', { name: user.displayName }),
                            )
                          }
                        >
                          {t('users.reset2fa')}
                        </button>
                        <button
                          type="button"
                          onClick={async () => {
                            try {
                              const r = await api.post<{ password: string }>(
                                `/staff/users/${user.id}/reset-password`,
                              );
                              setSecret({ email: user.email, password: r.password });
                            } catch (e) {
                              toastError(e);
                            }
                          }}
                        >
                          {t('users.resetPassword')}
                        </button>
                      </div>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
