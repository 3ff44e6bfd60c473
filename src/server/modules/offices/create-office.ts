import type { Db } from '../../db/connection.js';
import type { Actor } from '../../events/catalogue.js';
import { recordEvent } from '../../events/record-event.js';
import { newId } from '../../lib/ids.js';
import { inTransaction } from '../../lib/transaction.js';
import { invalidateReferenceData } from './reference-data.js';

export interface NewOffice {
  code: string;
  nameId: string;
  nameEn: string;
  timeZone: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  whatsapp?: string;
  contactIsExample: boolean;
  /** Portal look: short logo text, brand colour `#rrggbb`, opening hours in both languages. */
  logoText?: string;
  brandColor?: string;
  openingHours?: { id: string; en: string };
  services: {
    code: string;
    nameId: string;
    nameEn: string;
    categories: { code: string; nameId: string; nameEn: string }[];
  }[];
}

/** Creates an office with its services and categories in one transaction. Returns the office id. */
export async function createOffice(
  db: Db,
  actor: Actor,
  input: NewOffice,
  now = new Date(),
): Promise<string> {
  return inTransaction(db, async (trx) => {
    const officeId = newId(now.getTime());
    const at = now.toISOString();
    await trx
      .insertInto('offices')
      .values({
        id: officeId,
        code: input.code,
        name_id: input.nameId,
        name_en: input.nameEn,
        time_zone: input.timeZone,
        address: input.address ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        website: input.website ?? null,
        contact_is_example: input.contactIsExample,
        whatsapp: input.whatsapp ?? null,
        logo_text: input.logoText ?? null,
        brand_color: input.brandColor ?? null,
        opening_hours_id: input.openingHours?.id ?? null,
        opening_hours_en: input.openingHours?.en ?? null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const [serviceOrder, service] of input.services.entries()) {
      const serviceId = newId(now.getTime());
      await trx
        .insertInto('services')
        .values({
          id: serviceId,
          office_id: officeId,
          code: service.code,
          name_id: service.nameId,
          name_en: service.nameEn,
          sort_order: serviceOrder,
          active: true,
        })
        .execute();
      for (const [categoryOrder, category] of service.categories.entries()) {
        await trx
          .insertInto('categories')
          .values({
            id: newId(now.getTime()),
            office_id: officeId,
            service_id: serviceId,
            code: category.code,
            name_id: category.nameId,
            name_en: category.nameEn,
            sort_order: categoryOrder,
            active: true,
          })
          .execute();
      }
    }
    await recordEvent(trx, {
      type: 'office.created',
      actor,
      officeId,
      payload: { code: input.code },
      at: now,
    });
    invalidateReferenceData(trx);
    return officeId;
  });
}
