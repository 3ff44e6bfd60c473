import { Type } from 'typebox';
import { LocalizedName, Nullable } from '../../http/schema-helpers.js';

const Category = Type.Object({ code: Type.String(), name: LocalizedName });
const Service = Type.Object({ code: Type.String(), name: LocalizedName, categories: Type.Array(Category) });

export const OfficeResponse = Type.Object({
  code: Type.String({ description: 'Office code used in tracking codes, e.g. SBY.' }),
  name: LocalizedName,
  timeZone: Type.String({ description: 'IANA time zone, e.g. Asia/Jakarta.' }),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  website: Nullable(Type.String()),
  contactIsExample: Type.Boolean({
    description: 'True when address and contact are example data, not real.',
  }),
  services: Type.Array(Service),
});

export const OfficeList = Type.Object({ items: Type.Array(OfficeResponse) });

export const OfficeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z]{2,5}$' }) });
