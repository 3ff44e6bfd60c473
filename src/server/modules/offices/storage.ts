import type { Db } from '../../db/connection.js';
import { toBool } from '../../db/dialect.js';
import type { CategoryRow, OfficeRow, ServiceRow } from '../../db/schema.js';
import { type ReferenceData, referenceData } from './reference-data.js';

export interface LocalizedName {
  id: string;
  en: string;
}

export interface Category {
  id: string;
  serviceId: string;
  code: string;
  name: LocalizedName;
  active: boolean;
}

export interface Service {
  id: string;
  code: string;
  name: LocalizedName;
  active: boolean;
  categories: Category[];
}

export interface Office {
  id: string;
  code: string;
  name: LocalizedName;
  timeZone: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  contactIsExample: boolean;
  whatsapp: string | null;
  /** How the public portal presents the office. */
  portal: { logoText: string | null; brandColor: string | null; openingHours: LocalizedName | null };
}

export interface OfficeWithServices extends Office {
  services: Service[];
}

export function toOffice(row: OfficeRow): Office {
  return {
    id: row.id,
    code: row.code,
    name: { id: row.name_id, en: row.name_en },
    timeZone: row.time_zone,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    contactIsExample: toBool(row.contact_is_example),
    whatsapp: row.whatsapp,
    portal: {
      logoText: row.logo_text,
      brandColor: row.brand_color,
      openingHours:
        row.opening_hours_id || row.opening_hours_en
          ? {
              id: row.opening_hours_id ?? row.opening_hours_en!,
              en: row.opening_hours_en ?? row.opening_hours_id!,
            }
          : null,
    },
  };
}

function toCategory(row: CategoryRow): Category {
  return {
    id: row.id,
    serviceId: row.service_id,
    code: row.code,
    name: { id: row.name_id, en: row.name_en },
    active: toBool(row.active),
  };
}

function toService(row: ServiceRow, categories: Category[]): Service {
  return {
    id: row.id,
    code: row.code,
    name: { id: row.name_id, en: row.name_en },
    active: toBool(row.active),
    categories: categories.filter((c) => c.serviceId === row.id),
  };
}

export async function findOfficeByCode(db: Db, code: string): Promise<Office | undefined> {
  return (await referenceData(db)).officesByCode.get(code);
}

export async function findOfficeById(db: Db, id: string): Promise<Office | undefined> {
  return (await referenceData(db)).officesById.get(id);
}

export async function findServiceByCode(
  db: Db,
  officeId: string,
  code: string,
): Promise<ServiceRow | undefined> {
  return (await referenceData(db)).serviceByCode.get(`${officeId}:${code}`);
}

export async function findCategoryByCode(
  db: Db,
  officeId: string,
  code: string,
): Promise<CategoryRow | undefined> {
  return (await referenceData(db)).categoryByCode.get(`${officeId}:${code}`);
}

/** Offices (ordered by code, or just the one with `code`) with their active services and categories. */
export async function listOfficesWithServices(db: Db, code?: string): Promise<OfficeWithServices[]> {
  const data = await referenceData(db);
  const offices = data.offices
    .filter((o) => code === undefined || o.code === code)
    .sort((a, b) => a.code.localeCompare(b.code));
  return offices.map((office) => withServices(office, data));
}

/** The office set up first: the one the public portal speaks for while it serves a single office. */
export async function findFirstOffice(db: Db): Promise<OfficeWithServices | undefined> {
  const data = await referenceData(db);
  const first = data.offices[0];
  return first && withServices(first, data);
}

function withServices(office: Office, data: Awaited<ReturnType<typeof referenceData>>): OfficeWithServices {
  const categories = data.categories
    .filter((c) => c.office_id === office.id && toBool(c.active))
    .map(toCategory);
  return {
    ...office,
    services: data.services
      .filter((s) => s.office_id === office.id && toBool(s.active))
      .map((s) => toService(s, categories)),
  };
}

export interface Classification {
  code: string;
  name: LocalizedName;
}

/** Codes and names of the given services and categories, for presenting cases in bulk. */
export async function findClassifications(
  db: Db,
  serviceIds: string[],
  categoryIds: string[],
): Promise<Map<string, Classification>> {
  return classificationsIn(await referenceData(db), serviceIds, categoryIds);
}

/** Services and categories by id, with their codes and names, from reference data already at hand. */
export function classificationsIn(
  data: ReferenceData,
  serviceIds: readonly string[],
  categoryIds: readonly string[],
): Map<string, Classification> {
  const byId = new Map<string, Classification>();
  for (const id of serviceIds) {
    const row = data.servicesById.get(id);
    if (row) byId.set(id, { code: row.code, name: { id: row.name_id, en: row.name_en } });
  }
  for (const id of categoryIds) {
    const row = data.categoriesById.get(id);
    if (row) byId.set(id, { code: row.code, name: { id: row.name_id, en: row.name_en } });
  }
  return byId;
}
