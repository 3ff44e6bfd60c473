import type { Db } from '../../db/connection.js';
import type { CategoryRow, OfficeRow, ServiceRow } from '../../db/schema.js';
import { type Office, toOffice } from './storage.js';

/**
 * Offices, services and categories change a few times a year but are read by every case request: they are kept
 * in memory and reloaded when older than TTL_MS, or at once after a change made by this process. Another
 * instance's change shows here within TTL_MS.
 */
const TTL_MS = 10_000;

export interface ReferenceData {
  loadedAt: number;
  /** In the order they were set up (the first is the portal's office). */
  offices: Office[];
  /** In display order. */
  services: ServiceRow[];
  categories: CategoryRow[];
  officesByCode: Map<string, Office>;
  officesById: Map<string, Office>;
  servicesById: Map<string, ServiceRow>;
  serviceByCode: Map<string, ServiceRow>;
  categoriesById: Map<string, CategoryRow>;
  categoryByCode: Map<string, CategoryRow>;
}

// Keyed by the dialect adapter, which a database and all its transactions share: a cache per database.
const snapshots = new WeakMap<object, ReferenceData>();

function keyOf(db: Db): object {
  return db.getExecutor().adapter;
}

async function load(db: Db): Promise<ReferenceData> {
  const [offices, services, categories] = await Promise.all([
    db.selectFrom('offices').selectAll().orderBy('created_at').orderBy('code').execute(),
    db.selectFrom('services').selectAll().orderBy('sort_order').orderBy('code').execute(),
    db.selectFrom('categories').selectAll().orderBy('sort_order').orderBy('code').execute(),
  ]);
  const byCode = (office: string, code: string) => `${office}:${code}`;
  const snapshot: ReferenceData = {
    loadedAt: Date.now(),
    offices: offices.map(toOffice),
    services,
    categories,
    officesByCode: new Map(offices.map((o: OfficeRow) => [o.code, toOffice(o)])),
    officesById: new Map(offices.map((o: OfficeRow) => [o.id, toOffice(o)])),
    servicesById: new Map(services.map((s) => [s.id, s])),
    serviceByCode: new Map(services.map((s) => [byCode(s.office_id, s.code), s])),
    categoriesById: new Map(categories.map((c) => [c.id, c])),
    categoryByCode: new Map(categories.map((c) => [byCode(c.office_id, c.code), c])),
  };
  snapshots.set(keyOf(db), snapshot);
  return snapshot;
}

export async function referenceData(db: Db): Promise<ReferenceData> {
  return referenceDataNow(db) ?? load(db);
}

/** The reference data if it is in memory and fresh, without waiting; otherwise undefined (use `referenceData`). */
export function referenceDataNow(db: Db): ReferenceData | undefined {
  const current = snapshots.get(keyOf(db));
  return current && Date.now() - current.loadedAt < TTL_MS ? current : undefined;
}

/** Call after changing offices, services or categories. */
export function invalidateReferenceData(db: Db): void {
  snapshots.delete(keyOf(db));
}
