import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorText } from '../../lib/api';
import { endsVisitorTyping } from '../../lib/chat-typing';
import { useConsole, useResource } from '../../lib/context';
import { hasRole } from '../../lib/types';
import { AgentSettingsTable } from './AgentSettings';
import { type AgentFrame, openAgentSocket } from './socket';

export interface Settings {
  userId: string;
  status: 'online' | 'away';
  capacity: number;
  languages: string[];
  serviceIds: string[] | null;
}

interface Summary {
  id: string;
  state: string;
  language: string;
  trackingCode: string | null;
  subject: string | null;
  requestedAt: string | null;
  lastSeq: number;
}

interface Queue {
  settings: Settings;
  active: number;
  waiting: Summary[];
  mine: Summary[];
}

interface Message {
  seq: number;
  id: string | null;
  author: 'visitor' | 'assistant' | 'agent' | 'system';
  name: string | null;
  body: string;
  data: { notice?: string; attachment?: { fileName: string } } | null;
  at: string;
}

const newId = () => {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * The agent's chat panel: availability, the chats waiting for them (by language and service), their own chats
 * and the open conversation with live messages and typing both ways. Everything is reachable by keyboard:
 * Enter sends, Shift+Enter starts a new line, and the transcript is a live region.
 */
export function ChatPanel() {
  const { api, t, session, language } = useConsole();
  const user = session!.user;
  const handles = hasRole(user, 'agent', 'supervisor');
  const queue = useResource(
    () => (handles ? api.get<Queue>('/staff/chat/queue') : Promise.resolve(null)),
    'queue',
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [typing, setTyping] = useState(false);
  const [connected, setConnected] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const socket = useRef<ReturnType<typeof openAgentSocket> | null>(null);
  const openRef = useRef<string | null>(null);
  const lastSeq = useRef(0);
  const typingSent = useRef(0);
  const reloadQueue = queue.reload;

  const append = useCallback((incoming: Message[]) => {
    // Kept here, not in the state updater: React may run that later, and `watch` is sent right after this.
    lastSeq.current = Math.max(lastSeq.current, ...incoming.map((m) => m.seq));
    setMessages((current) => {
      const seen = new Set(current.map((m) => m.seq));
      return [...current, ...incoming.filter((m) => !seen.has(m.seq))].sort((a, b) => a.seq - b.seq);
    });
  }, []);

  useEffect(() => {
    if (!handles) return;
    socket.current = openAgentSocket({
      onState: setConnected,
      onOpen: (send) => {
        if (openRef.current) send({ t: 'watch', c: openRef.current, lastSeq: lastSeq.current });
        reloadQueue(true);
      },
      onFrame: (frame: AgentFrame) => {
        if (frame.t === 'queue') reloadQueue(true);
        else if (frame.t === 'msg' && frame.c === openRef.current) {
          const message = frame as unknown as Message;
          if (endsVisitorTyping(message, lastSeq.current)) setTyping(false);
          append([message]);
        } else if (frame.t === 'typing' && frame.c === openRef.current) setTyping(frame.on === true);
      },
    });
    return () => socket.current?.close();
  }, [handles, append, reloadQueue]);

  async function open(id: string) {
    if (openRef.current) socket.current?.send({ t: 'unwatch', c: openRef.current });
    openRef.current = id;
    setOpenId(id);
    setMessages([]);
    setTyping(false);
    lastSeq.current = 0;
    try {
      const detail = await api.get<{ messages: Message[] }>(`/staff/chat/conversations/${id}`);
      append(detail.messages);
      socket.current?.send({ t: 'watch', c: id, lastSeq: lastSeq.current });
    } catch (e) {
      setError(errorText(e, language));
    }
  }

  async function accept(id: string) {
    setError(null);
    try {
      await api.post(`/staff/chat/conversations/${id}/accept`);
      queue.reload(true);
      await open(id);
    } catch (e) {
      setError(errorText(e, language));
      queue.reload(true);
    }
  }

  async function setStatus(status: 'online' | 'away') {
    try {
      await api.put('/staff/chat/availability', { status });
      queue.reload(true);
    } catch (e) {
      setError(errorText(e, language));
    }
  }

  async function send(event?: FormEvent) {
    event?.preventDefault();
    const body = draft.trim();
    if (!body || !openId) return;
    setDraft('');
    socket.current?.send({ t: 'typing', c: openId, on: false });
    typingSent.current = 0;
    const id = newId();
    // Retried once on a network failure with the same id: the server stores it once.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await api.post(`/staff/chat/conversations/${openId}/messages`, { id, body });
        return;
      } catch (e) {
        if (attempt === 1) {
          setError(errorText(e, language));
          setDraft(body);
        }
      }
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  function onInput(value: string) {
    setDraft(value);
    const now = Date.now();
    if (openId && now - typingSent.current > 3000) {
      socket.current?.send({ t: 'typing', c: openId, on: true });
      typingSent.current = now;
    }
  }

  async function end() {
    if (!openId) return;
    try {
      await api.post(`/staff/chat/conversations/${openId}/end`);
      queue.reload(true);
    } catch (e) {
      setError(errorText(e, language));
    }
  }

  const settings = queue.data?.settings;
  const openSummary =
    queue.data?.mine.find((c) => c.id === openId) ?? queue.data?.waiting.find((c) => c.id === openId);
  const label = (m: Message) =>
    m.author === 'visitor'
      ? t('chat.visitor')
      : m.author === 'assistant'
        ? t('chat.assistant')
        : m.author === 'agent'
          ? (m.name ?? t('chat.agent'))
          : t('chat.system');
  const notice = (m: Message) => {
    const n = m.data?.notice;
    if (n === 'agent_joined') return t('chat.noticeJoined', { name: m.name ?? '' });
    if (n === 'waiting') return t('chat.noticeWaiting');
    if (n === 'message_taken') return t('chat.noticeMessage');
    if (n === 'ended') return t('chat.noticeEnded');
    return m.body;
  };

  return (
    <div className="page chat-page">
      <div className="page-head">
        <h1>{t('chat.title')}</h1>
        {settings && (
          <div className="row">
            <button
              type="button"
              className={settings.status === 'online' ? 'primary' : undefined}
              aria-pressed={settings.status === 'online'}
              onClick={() => setStatus(settings.status === 'online' ? 'away' : 'online')}
            >
              {settings.status === 'online' ? t('chat.online') : t('chat.away')}
            </button>
            <span className="muted">
              {t('chat.load', { active: queue.data?.active ?? 0, capacity: settings.capacity })}
            </span>
            <span className="muted" role="status">
              {connected ? '' : t('chat.disconnected')}
            </span>
          </div>
        )}
      </div>
      {error && (
        <p className="state state-error" role="alert">
          {error}
        </p>
      )}
      {handles && (
        <div className="chat-columns">
          <section aria-labelledby="chat-waiting" className="card chat-queue">
            <h2 id="chat-waiting">{t('chat.waiting', { count: queue.data?.waiting.length ?? 0 })}</h2>
            {queue.data?.waiting.length === 0 && <p className="muted">{t('chat.noneWaiting')}</p>}
            <ul className="chat-list">
              {queue.data?.waiting.map((c) => (
                <li key={c.id}>
                  <span>{c.subject ?? t('chat.untitled')}</span>{' '}
                  <span className="muted small">
                    {c.language.toUpperCase()} ·{' '}
                    {c.requestedAt ? new Date(c.requestedAt).toLocaleTimeString(language) : ''}
                  </span>{' '}
                  <button type="button" className="primary" onClick={() => accept(c.id)}>
                    {t('chat.accept')}
                  </button>
                </li>
              ))}
            </ul>
            <h2>{t('chat.mine')}</h2>
            {queue.data?.mine.length === 0 && <p className="muted">{t('chat.noneMine')}</p>}
            <ul className="chat-list">
              {queue.data?.mine.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    aria-current={c.id === openId ? 'true' : undefined}
                    onClick={() => open(c.id)}
                  >
                    {c.subject ?? t('chat.untitled')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="chat-conversation" className="card chat-conversation">
            <h2 id="chat-conversation">
              {openSummary?.subject ?? t('chat.conversation')}
              {openSummary?.trackingCode && (
                <>
                  {' · '}
                  <Link to={`/cases/${openSummary.trackingCode}`}>{openSummary.trackingCode}</Link>
                </>
              )}
            </h2>
            {!openId && <p className="muted">{t('chat.pick')}</p>}
            {openId && (
              <>
                <div
                  className="chat-transcript"
                  role="log"
                  aria-live="polite"
                  aria-label={t('chat.transcript')}
                >
                  <ol>
                    {messages.map((m) => (
                      <li key={m.seq} className={`chat-line chat-line--${m.author}`}>
                        <strong>{label(m)}</strong>{' '}
                        <span className="muted small">{new Date(m.at).toLocaleTimeString(language)}</span>
                        <p>{m.author === 'system' ? notice(m) : m.body}</p>
                      </li>
                    ))}
                  </ol>
                </div>
                <p className="muted small" aria-live="polite">
                  {typing ? t('chat.typing') : ''}
                </p>
                <form onSubmit={send}>
                  <label htmlFor="chat-reply">{t('chat.reply')}</label>
                  <textarea
                    id="chat-reply"
                    rows={3}
                    value={draft}
                    maxLength={5000}
                    onChange={(e) => onInput(e.target.value)}
                    onKeyDown={onKeyDown}
                  />
                  <p className="muted small">{t('chat.enterHint')}</p>
                  <div className="row">
                    <button type="submit" className="primary">
                      {t('chat.send')}
                    </button>
                    <button type="button" onClick={end}>
                      {t('chat.end')}
                    </button>
                  </div>
                </form>
              </>
            )}
          </section>
        </div>
      )}
      {hasRole(user, 'supervisor', 'admin') && <AgentSettingsTable />}
    </div>
  );
}
