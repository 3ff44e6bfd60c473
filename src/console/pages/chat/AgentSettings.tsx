import { type FormEvent, useState } from 'react';
import { errorText } from '../../lib/api';
import { useConsole, useReference, useResource } from '../../lib/context';
import type { Settings } from './ChatPanel';

/**
 * Supervisors and administrators set each agent's chat capacity (concurrent chats) and languages. Agents who
 * never chatted are listed from the directory with the defaults, so a new colleague can be set up before their
 * first shift.
 */
export function AgentSettingsTable() {
  const { api, t, language } = useConsole();
  const { ref } = useReference();
  const settings = useResource(() => api.get<{ items: Settings[] }>('/staff/chat/agents'), 'agents');
  const [message, setMessage] = useState<string | null>(null);
  const agents = ref.directory.filter((d) => d.roles.some((r) => r === 'agent' || r === 'supervisor'));
  const byId = new Map((settings.data?.items ?? []).map((s) => [s.userId, s]));

  async function save(event: FormEvent<HTMLFormElement>, userId: string) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const languages = ['id', 'en'].filter((l) => form.get(`lang-${l}`) === 'on');
    try {
      await api.put(`/staff/chat/agents/${userId}`, { capacity: Number(form.get('capacity')), languages });
      setMessage(t('chat.settingsSaved'));
      settings.reload(true);
    } catch (e) {
      setMessage(errorText(e, language));
    }
  }

  return (
    <section className="card" aria-labelledby="chat-agents">
      <h2 id="chat-agents">{t('chat.agents')}</h2>
      <p className="muted" role="status">
        {message ?? ''}
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">{t('chat.agentName')}</th>
            <th scope="col">{t('chat.status')}</th>
            <th scope="col">{t('chat.capacity')}</th>
            <th scope="col">{t('chat.languages')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('app.save')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {agents.map((agent) => {
            const current = byId.get(agent.id);
            const formId = `agent-${agent.id}`;
            return (
              <tr key={agent.id}>
                <th scope="row">{agent.displayName}</th>
                <td>{current?.status === 'online' ? t('chat.online') : t('chat.away')}</td>
                <td>
                  <input
                    form={formId}
                    name="capacity"
                    type="number"
                    min={0}
                    max={20}
                    defaultValue={current?.capacity ?? 3}
                    aria-label={t('chat.capacityOf', { name: agent.displayName })}
                  />
                </td>
                <td>
                  {['id', 'en'].map((l) => (
                    <label key={l} className="inline">
                      <input
                        form={formId}
                        type="checkbox"
                        name={`lang-${l}`}
                        defaultChecked={current ? current.languages.includes(l) : true}
                      />{' '}
                      {l.toUpperCase()}
                    </label>
                  ))}
                </td>
                <td>
                  <form id={formId} onSubmit={(e) => save(e, agent.id)}>
                    <button type="submit">{t('app.save')}</button>
                  </form>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
