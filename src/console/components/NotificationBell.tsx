import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { MessageKey } from '../i18n';
import { useConsole } from '../lib/context';
import { formatRelative } from '../lib/format';
import type { StaffNotification } from '../lib/types';

/** Fired by the live feed (Shell's LiveUpdates) when a notification for this user arrives. */
export const NOTIFICATION_EVENT = 'loket:notification';
const POLL_MS = 60_000;

/** The bell: unread count, the latest notifications, mark read. Live through the event stream, polled too. */
export function NotificationBell() {
  const { api, t, language } = useConsole();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<StaffNotification[] | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLElement>(null);

  const refreshCount = useCallback(() => {
    api
      .get<{ unread: number }>('/staff/notifications/unread-count', { quietUnauthorized: true })
      .then((r) => setUnread(r.unread))
      .catch(() => {});
  }, [api]);

  const loadList = useCallback(() => {
    api
      .get<{ unread: number; items: StaffNotification[] }>('/staff/notifications?limit=20')
      .then((r) => {
        setItems(r.items);
        setUnread(r.unread);
      })
      .catch(() => setItems([]));
  }, [api]);

  useEffect(() => {
    refreshCount();
    const timer = setInterval(refreshCount, POLL_MS);
    const onLive = () => {
      refreshCount();
      if (open) loadList();
    };
    window.addEventListener(NOTIFICATION_EVENT, onLive);
    return () => {
      clearInterval(timer);
      window.removeEventListener(NOTIFICATION_EVENT, onLive);
    };
  }, [refreshCount, loadList, open]);

  useEffect(() => {
    if (!open) return;
    loadList();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, loadList]);

  async function markRead(body: { ids?: string[]; all?: boolean }) {
    try {
      const result = await api.post<{ unread: number }>('/staff/notifications/read', body);
      setUnread(result.unread);
      const now = new Date().toISOString();
      setItems((list) =>
        (list ?? []).map((n) =>
          body.all || body.ids?.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n,
        ),
      );
    } catch {
      // the count refreshes at the next poll
    }
  }

  const label = unread ? t('notify.bellUnread', { count: unread }) : t('notify.bell');
  return (
    <div className="bell">
      <button
        ref={buttonRef}
        type="button"
        className="ghost"
        aria-expanded={open}
        aria-controls={open ? 'notification-panel' : undefined}
        onClick={() => setOpen((o) => !o)}
        aria-label={label}
      >
        {t('notify.bell')}
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id="notification-panel" ref={panelRef} className="bell-panel" aria-label={t('notify.title')}>
          <div className="bell-head">
            <h2>{t('notify.title')}</h2>
            {unread > 0 && (
              <button type="button" className="link-button" onClick={() => void markRead({ all: true })}>
                {t('notify.markAll')}
              </button>
            )}
          </div>
          {items === null && <p role="status">{t('app.loading')}</p>}
          {items && items.length === 0 && <p className="muted">{t('notify.empty')}</p>}
          {items && items.length > 0 && (
            <ul className="bell-list">
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  <span className="visually-hidden">{n.readAt ? '' : t('notify.unread')}</span>
                  {n.trackingCode ? (
                    <Link
                      to={`/cases/${n.trackingCode}`}
                      onClick={() => {
                        setOpen(false);
                        if (!n.readAt) void markRead({ ids: [n.id] });
                      }}
                    >
                      {notificationText(n, t)}
                    </Link>
                  ) : (
                    <span>{notificationText(n, t)}</span>
                  )}
                  {n.subject && <span className="small muted clamp"> {n.subject}</span>}
                  <time className="small muted" dateTime={n.createdAt}>
                    {' '}
                    · {formatRelative(n.createdAt, language)}
                  </time>
                </li>
              ))}
            </ul>
          )}
          <p className="small">
            <Link to="/account" onClick={() => setOpen(false)}>
              {t('notify.preferencesLink')}
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

export function notificationText(n: StaffNotification, t: ReturnType<typeof useConsole>['t']): string {
  return t(`notify.kind.${n.kind}` as MessageKey, {
    code: n.trackingCode ?? '',
    actor: n.actorName ?? t('timeline.system'),
  });
}
