import { translator } from '../../../portal/messages/index.js';
import type { Language } from '../../../shared/enums.js';
import { STAGES } from '../passports/model.js';
import type { Labels } from './dashboard.js';

/**
 * Names of case types, channels and passport stages on the dashboard, the open data and the portal page alike:
 * from the portal's catalogue, so the three cannot disagree.
 */
export function dashboardLabels(language: Language): Labels {
  const t = translator(language) as (key: string) => string;
  return {
    type: (key) => t(`type.${key}`),
    channel: (key) => t(`transparency.channel.${key}`),
    stage: (key) => t(`passport.stage.${key}`),
  };
}

export const STAGE_ORDER: readonly string[] = STAGES;
