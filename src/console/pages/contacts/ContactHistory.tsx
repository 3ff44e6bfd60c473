import { Link } from 'react-router';
import type { MessageKey } from '../../i18n';
import { useConsole } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import type { ContactHistory } from './types';

/** A person's cases across channels and their logged phone/counter contacts, newest first. */
export function ContactHistoryView({
  contact,
  currentCode,
  headingLevel = 2,
}: {
  contact: ContactHistory;
  currentCode?: string;
  headingLevel?: 2 | 3;
}) {
  const { t, language } = useConsole();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const others = contact.cases.filter((c) => c.trackingCode !== currentCode);
  return (
    <section className="side-panel contact-history" aria-labelledby={`contact-${contact.id}`}>
      <Heading className="panel-title" id={`contact-${contact.id}`}>
        {t('contact.title')}: {contact.name ?? t('contact.unnamed')}
      </Heading>
      <ul className="plain-list">
        {contact.identities.map((i) => (
          <li key={`${i.kind}:${i.value}`}>
            <span className="muted">{t(`contact.identity.${i.kind}` as MessageKey)}:</span> {i.value}
          </li>
        ))}
      </ul>
      <h3 className="panel-subtitle">{t('contact.cases', { count: others.length })}</h3>
      {others.length === 0 ? (
        <p className="muted">{t('contact.noOtherCases')}</p>
      ) : (
        <ul className="plain-list">
          {others.map((c) => (
            <li key={c.trackingCode}>
              <Link to={`/cases/${c.trackingCode}`}>{c.trackingCode}</Link> · {c.subject}{' '}
              <span className="muted">
                · {t(`channel.${c.channel}` as MessageKey)} · {t(`status.${c.status}` as MessageKey)} ·{' '}
                {formatDateTime(c.receivedAt, language)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {contact.loggedContacts.length > 0 && (
        <>
          <h3 className="panel-subtitle">{t('contact.logged', { count: contact.loggedContacts.length })}</h3>
          <ul className="plain-list">
            {contact.loggedContacts.map((l) => (
              <li key={l.id}>
                {t(`channel.${l.channel}` as MessageKey)} · {formatDateTime(l.at, language)}
                {l.topic && <> · {l.topic}</>}
                {l.durationSeconds !== null && (
                  <>
                    {' '}
                    · {t('phone.durationShort', { minutes: Math.max(1, Math.round(l.durationSeconds / 60)) })}
                  </>
                )}
                {l.answer && <div className="muted">{l.answer}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
