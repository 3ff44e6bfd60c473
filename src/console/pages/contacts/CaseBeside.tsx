import { useEffect, useSyncExternalStore } from 'react';
import type { MessageKey } from '../../i18n';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { ContactHistoryView } from './ContactHistory';
import type { CaseChannel, ContactHistory, Delivery } from './types';

// The delivery states of the open case, shared with the badges the timeline shows on each message.
let deliveries = new Map<string, Delivery[]>();
const listeners = new Set<() => void>();
function publish(list: Delivery[]) {
  const next = new Map<string, Delivery[]>();
  for (const d of list)
    if (d.caseMessageId && d.direction === 'out')
      next.set(d.caseMessageId, [...(next.get(d.caseMessageId) ?? []), d]);
  deliveries = next;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The WhatsApp/Telegram state of one message in the timeline: sent, delivered, read or failed (with why). */
export function DeliveryBadge({ messageId }: { messageId?: string }) {
  const { t, language } = useConsole();
  const map = useSyncExternalStore(subscribe, () => deliveries);
  const list = messageId ? map.get(messageId) : undefined;
  if (!list?.length) return null;
  return (
    <span className="delivery-states">
      {list.map((d) => {
        const at = d.readAt ?? d.deliveredAt ?? d.sentAt ?? d.failedAt ?? d.createdAt;
        return (
          <span
            key={d.id}
            className={`badge delivery delivery-${d.status}`}
            title={d.errorTitle ?? formatDateTime(at, language)}
            data-delivery={d.status}
          >
            {t(`delivery.${d.status}` as MessageKey)}
            {d.templateName && ` · ${t('delivery.template', { name: d.templateName })}`}
            {d.errorCode && ` · ${d.errorCode}: ${d.errorTitle ?? ''}`}
          </span>
        );
      })}
    </span>
  );
}

/** Beside a case: the app conversation (how a reply will go out) and the person's history across channels. */
export function CaseBeside({ trackingCode }: { trackingCode: string }) {
  const { api, t, language, liveTick } = useConsole();
  const channel = useResource(
    () => api.get<CaseChannel>(`/staff/cases/${trackingCode}/channel`),
    `${trackingCode}:${liveTick}`,
  );
  const contact = useResource(
    () => api.get<{ contact: ContactHistory | null }>(`/staff/cases/${trackingCode}/contact`),
    `${trackingCode}:${liveTick}`,
  );
  useEffect(() => publish(channel.data?.deliveries ?? []), [channel.data]);
  useEffect(() => () => publish([]), []);
  const c = channel.data;
  return (
    <>
      {c?.channel && (
        <section className="side-panel" aria-labelledby="case-channel">
          <h2 className="panel-title" id="case-channel">
            {t(`channel.${c.channel}` as MessageKey)}
          </h2>
          <p data-reply-mode={c.replyMode ?? ''}>
            {c.replyMode === 'template'
              ? t('replyMode.template', { name: c.templateName ?? '' })
              : c.channel === 'whatsapp' && c.windowClosesAt
                ? t('replyMode.textUntil', { at: formatDateTime(c.windowClosesAt, language) })
                : t('replyMode.text')}
          </p>
        </section>
      )}
      {contact.data?.contact && (
        <ContactHistoryView contact={contact.data.contact} currentCode={trackingCode} />
      )}
    </>
  );
}
