import { beforeAll, describe, expect, it } from 'vitest';
import { buildOffice, createTestApp, type TestApp } from '../../../test-support/factories.js';
import { invalidateReferenceData } from './reference-data.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await buildOffice(t.db, {
    code: 'DPS',
    nameId: 'Kantor Imigrasi Denpasar',
    nameEn: 'Denpasar office',
    services: [],
  });
});

describe('offices API', () => {
  it('lists offices with services and categories in both languages', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/offices' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items.map((o: { code: string }) => o.code)).toEqual(['DPS', 'TST']);
    const office = items[1];
    expect(office).toMatchObject({ code: 'TST', timeZone: 'Asia/Jakarta', contactIsExample: true });
    expect(office.services.map((s: { code: string }) => s.code)).toEqual(['paspor', 'izin-tinggal']);
    expect(office.services[0].categories).toEqual([
      { code: 'antrean', name: { id: 'Antrean', en: 'Queue' } },
      { code: 'biaya', name: { id: 'Biaya', en: 'Fees' } },
    ]);
    expect(JSON.stringify(items)).not.toMatch(/"id":"[0-9a-f]{8}-/);
  });

  it('hides inactive services and categories', async () => {
    await t.db.updateTable('categories').set({ active: false }).where('code', '=', 'biaya').execute();
    // Changed behind the application's back: drop the cached reference data as an admin screen would.
    invalidateReferenceData(t.db);
    const office = (await t.app.inject({ method: 'GET', url: '/api/v1/offices/TST' })).json();
    expect(office.services[0].categories.map((c: { code: string }) => c.code)).toEqual(['antrean']);
    await t.db.updateTable('categories').set({ active: true }).where('code', '=', 'biaya').execute();
    invalidateReferenceData(t.db);
  });

  it('finds one office by code, case-insensitively, and 404s otherwise', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/offices/tst' })).json().code).toBe('TST');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/offices/ZZZ' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/offices/1' })).statusCode).toBe(400);
  });
});
