import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo/seed-demo.js';
import { createTestDatabase } from '../../../test-support/database.js';
import { buildConfig, TEST_SECRET } from '../../../test-support/factories.js';
import { findOfficeByCode } from '../offices/storage.js';
import { dashboardFor } from '../transparency/routes.js';
import { computeIkm, type SkmAnswers, sumsOf } from './ikm.js';
import { loadSkmSums } from './storage.js';

describe('the demo data', () => {
  it('fills the dashboard, and the running sums equal the stored answers', async () => {
    const { db } = await createTestDatabase();
    const now = new Date();
    await seedDemo(db, TEST_SECRET, now);
    const office = (await findOfficeByCode(db, 'SBY'))!;
    const from = new Date(now.getTime() - 400 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
    const d = await dashboardFor(db, buildConfig(), office, { from, to }, 'id');
    expect(d.ikm.respondents).toBe(240);
    expect(d.ikm.category).toMatch(/^[AB]$/);
    expect(d.received.total).toBeGreaterThan(20);
    expect(d.topics.length).toBeGreaterThan(0);
    expect(d.ikm.trend.filter((q) => q.ikm !== null).length).toBeGreaterThanOrEqual(3);
    // The rollup is what the raw answers add up to.
    const rows = await db.selectFrom('skm_responses').selectAll().execute();
    const raw = sumsOf(
      rows.map(
        (r) =>
          ({
            u1: r.u1,
            u2: r.u2,
            u3: r.u3,
            u4: r.u4,
            u5: r.u5,
            u6: r.u6,
            u7: r.u7,
            u8: r.u8,
            u9: r.u9,
          }) as SkmAnswers,
      ),
    );
    const rolled = await loadSkmSums(db, { officeId: office.id, from: '2000-01-01', to: '2100-01-01' });
    expect(rolled).toEqual(raw);
    expect(computeIkm(rolled).ikm).toBe(d.ikm.ikm);
  }, 120_000);
});
