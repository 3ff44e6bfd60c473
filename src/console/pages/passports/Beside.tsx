import { Link } from 'react-router';
import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';
import { type Application, stageKey } from './types';

/** The passport application a case is about, beside the case: where it stands and when it is expected. */
export function PassportBeside({ trackingCode }: { trackingCode: string }) {
  const { api, t, language } = useConsole();
  const linked = useResource(
    () => api.get<{ application: Application | null }>(`/staff/cases/${trackingCode}/passport-application`),
    trackingCode,
  );
  const a = linked.data?.application;
  if (!a) return null;
  return (
    <section className="properties" aria-labelledby="passport-beside">
      <h2 className="panel-title" id="passport-beside">
        {t('passport.beside')}
      </h2>
      <dl className="facts">
        <dt>{t('passport.number')}</dt>
        <dd>
          <Link to={`/passports/${a.id}`}>{a.applicationNumber}</Link>
        </dd>
        <dt>{t('passport.stage')}</dt>
        <dd>
          <strong>{t(stageKey(a.stage))}</strong> · {formatDateTime(a.stageAt, language)}
          {a.late && <strong className="badge badge-danger"> {t('passport.late')}</strong>}
        </dd>
        <dt>{t('passport.expected')}</dt>
        <dd>{a.expectedAt ? formatDateTime(a.expectedAt, language) : t('app.none')}</dd>
      </dl>
    </section>
  );
}
