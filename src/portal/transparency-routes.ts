import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../server/context.js';
import { AppError } from '../server/errors.js';
import { localDay } from '../server/lib/calendar-dates.js';
import { quartersEndingAt } from '../server/modules/transparency/days.js';
import { dashboardFor, periodOf } from '../server/modules/transparency/routes.js';
import type { Language } from '../shared/enums.js';
import type { SafeHtml } from './html.js';
import type { View } from './layout.js';
import { type PeriodLinks, transparencyPage } from './pages/transparency.js';

export interface TransparencyPageHelpers {
  viewFor(request: FastifyRequest, reply: FastifyReply | undefined, language?: Language): Promise<View>;
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: View,
    page: SafeHtml,
    options?: { status?: number; private?: boolean },
  ): unknown;
}

/** `/transparansi`: the public dashboard of the portal's office, for a period given by `from`/`to` (GET form). */
export function transparencyPages(app: FastifyInstance, ctx: AppContext, h: TransparencyPageHelpers): void {
  app.get<{ Querystring: { from?: string; to?: string } }>('/transparansi', async (request, reply) => {
    const view = await h.viewFor(request, reply);
    const office = view.office;
    if (!office) throw new AppError('not_ready');
    const asked = {
      from: typeof request.query.from === 'string' && request.query.from ? request.query.from : undefined,
      to: typeof request.query.to === 'string' && request.query.to ? request.query.to : undefined,
    };
    let period: { from: string; to: string };
    let invalid = false;
    try {
      period = periodOf(office, asked);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      period = periodOf(office, {});
      invalid = true;
    }
    const dashboard = await dashboardFor(ctx.db, ctx.config, office, period, view.language);
    const page = transparencyPage(view, dashboard, {
      presets: presets(view, localDay(office.timeZone, new Date())),
      errors: invalid,
    });
    return h.send(request, reply, view, page, { status: invalid ? 400 : 200, private: false });
  });
}

function presets(view: View, today: string): PeriodLinks[] {
  const year = Number(today.slice(0, 4));
  const links: PeriodLinks[] = [
    { label: view.t('transparency.this_year'), from: `${year}-01-01`, to: today },
    { label: view.t('transparency.last_year'), from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  ];
  for (const q of quartersEndingAt(today, 4))
    links.push({
      label: view.t('transparency.quarter', { quarter: q.quarter }),
      from: q.from,
      to: q.to > today ? today : q.to,
    });
  return links;
}
