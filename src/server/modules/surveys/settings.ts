import type { Config } from '../../config.js';
import { DEFAULT_WEIGHT, parseWeight, type Weight } from './ikm.js';

/** The IKM element weight: LOKET_IKM_WEIGHT (validated at start), default 1/9 — see docs/open-data.md. */
export function configuredWeight(config: Pick<Config, 'ikmWeight'>): Weight {
  return (config.ikmWeight && parseWeight(config.ikmWeight)) || DEFAULT_WEIGHT;
}
