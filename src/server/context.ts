import type { Config } from './config.js';
import type { Db } from './db/connection.js';
import type { DialectName } from './db/dialect.js';
import type { Limiters } from './http/rate-limit.js';

/** What route plugins receive: the database and settings, nothing global. */
export interface AppContext {
  db: Db;
  dialect: DialectName;
  config: Config;
  limiters: Limiters;
}
