import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test-support/factories.js';

describe('the application', () => {
  it('answers health and readiness', async () => {
    const { app } = await createTestApp();
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('reports not ready when the database is gone', async () => {
    const { app, database } = await createTestApp();
    await database.close();
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().code).toBe('not_ready');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas, and a browsable UI', async () => {
    const { app } = await createTestApp();
    const response = await app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v1/cases',
        'GET /api/v1/cases/{trackingCode}',
        'POST /api/v1/cases/{trackingCode}/messages',
        'GET /api/v1/offices',
        'GET /api/v1/offices/{code}',
        'GET /api/v1/staff/cases',
        'GET /api/v1/staff/cases/{trackingCode}',
        'PATCH /api/v1/staff/cases/{trackingCode}',
        'POST /api/v1/staff/cases/{trackingCode}/messages',
        'POST /api/v1/staff/cases/{trackingCode}/transitions',
        'GET /healthz',
        'GET /readyz',
      ]),
    );
    const create = doc.paths['/api/v1/cases'].post;
    expect(create.requestBody.content['application/json'].schema.properties.subject.maxLength).toBe(200);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '422', '429']));
    expect(doc.components.schemas.Problem).toBeDefined();
    const ui = await app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });

  it('answers unknown routes with a localized problem and echoes request ids', async () => {
    const { app } = await createTestApp();
    const response = await app.inject({ url: '/api/v1/nothing', headers: { 'x-request-id': 'abc-123' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['x-request-id']).toBe('abc-123');
    expect(response.json()).toMatchObject({
      code: 'not_found',
      title: 'Alamat tidak ditemukan',
      requestId: 'abc-123',
    });
    const unsafeId = await app.inject({ url: '/healthz', headers: { 'x-request-id': 'a b\nc' } });
    expect(unsafeId.headers['x-request-id']).not.toBe('a b\nc');
  });
});
