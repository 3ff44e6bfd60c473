import type { Db } from '../../db/connection.js';
import { AppError } from '../../errors.js';
import { type Category, toCategory } from './model.js';

export async function listCategoryRows(db: Db): Promise<Category[]> {
  const rows = await db
    .selectFrom('kb_categories')
    .selectAll()
    .orderBy('sort_order')
    .orderBy('key')
    .execute();
  return rows.map(toCategory);
}

/** The category id for a key; unknown keys are a 422 on the field. */
export async function categoryIdForKey(db: Db, key: string | null | undefined): Promise<string | null> {
  if (key === null || key === undefined) return null;
  const row = await db.selectFrom('kb_categories').select('id').where('key', '=', key).executeTakeFirst();
  if (!row) throw new AppError('unknown_category', { field: 'categoryKey' });
  return row.id;
}

/** The key of a category id, or null for none (or a category deleted since). */
export async function categoryKeyForId(db: Db, id: string | null | undefined): Promise<string | null> {
  if (!id) return null;
  const row = await db.selectFrom('kb_categories').select('key').where('id', '=', id).executeTakeFirst();
  return row?.key ?? null;
}
