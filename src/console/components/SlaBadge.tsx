import type { MessageKey } from '../i18n';
import { useConsole } from '../lib/context';
import { formatDateTime } from '../lib/format';
import { remainingText, SLA_ICONS } from '../lib/sla';
import type { SlaStanding } from '../lib/types';

/** The state in words with a symbol and a colour, the due time, and the working time left. */
export function SlaBadge({ sla, compact = false }: { sla: SlaStanding | undefined; compact?: boolean }) {
  const { t, language } = useConsole();
  if (!sla || sla.state === 'none') return <span className="muted">{t('app.none')}</span>;
  const label = t(`sla.state.${sla.state}` as MessageKey);
  const remaining = remainingText(sla, t);
  return (
    <span className="sla">
      <span className={`badge sla-${sla.state}`}>
        <span aria-hidden="true">{SLA_ICONS[sla.state]} </span>
        {label}
      </span>
      {sla.dueAt && compact && (
        <span className="small muted">
          {' '}
          <time dateTime={sla.dueAt} title={formatDateTime(sla.dueAt, language)}>
            {remaining || formatDateTime(sla.dueAt, language)}
          </time>
        </span>
      )}
      {sla.dueAt && !compact && (
        <span className="small">
          {' '}
          {sla.clock === 'first_response' ? t('sla.firstResponseDue') : t('sla.resolutionDue')}{' '}
          <time dateTime={sla.dueAt}>{formatDateTime(sla.dueAt, language)}</time>
          {remaining ? ` · ${remaining}` : ''}
        </span>
      )}
    </span>
  );
}
