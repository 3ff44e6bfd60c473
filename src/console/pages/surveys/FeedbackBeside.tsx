import { useConsole, useResource } from '../../lib/context';
import { formatDateTime } from '../../lib/format';

interface Feedback {
  rating: number;
  comment: string | null;
  createdAt: string;
}

/** The citizen's rating of a resolved case (1–5 and a comment), beside the case once given. */
export function FeedbackBeside({ trackingCode, status }: { trackingCode: string; status: string }) {
  const { api, t, language } = useConsole();
  const given = useResource(
    () => api.get<{ feedback: Feedback | null }>(`/staff/cases/${trackingCode}/feedback`),
    `${trackingCode}:${status}`,
  );
  const feedback = given.data?.feedback;
  if (!feedback) return null;
  return (
    <section className="side-panel" aria-labelledby="case-feedback">
      <h2 className="panel-title" id="case-feedback">
        {t('feedback.title')}
      </h2>
      <p>
        <strong>{t('feedback.rating', { rating: feedback.rating })}</strong> ·{' '}
        {formatDateTime(feedback.createdAt, language)}
      </p>
      {feedback.comment && <blockquote className="feedback-comment">{feedback.comment}</blockquote>}
    </section>
  );
}
