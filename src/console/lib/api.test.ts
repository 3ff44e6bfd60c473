import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildQuery, createApi } from './api';
import { dayToIso, EMPTY_FILTERS, inboxQuery } from './views';

function fakeFetch(status: number, body: unknown, contentType = 'application/json') {
  return vi.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) =>
      new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers: { 'content-type': contentType },
      }),
  );
}

describe('api client', () => {
  it('sends the CSRF token on state-changing requests only, and the UI language always', async () => {
    const fetch = fakeFetch(200, { ok: true });
    const api = createApi({ fetch, language: () => 'en', csrfToken: () => 'tok-1' });
    await api.get('/staff/cases');
    await api.post('/staff/cases/X/messages', { kind: 'internal_note', body: 'x' });
    await api.patch('/staff/cases/X', { version: 1 });
    await api.del('/staff/canned-responses/1');
    const headers = fetch.mock.calls.map((call) => (call[1]?.headers ?? {}) as Record<string, string>);
    expect(headers[0]!['x-csrf-token']).toBeUndefined();
    expect(headers.slice(1).map((h) => h['x-csrf-token'])).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(headers.every((h) => h['accept-language'] === 'en')).toBe(true);
    expect(fetch.mock.calls[1]![0]).toBe('/api/v1/staff/cases/X/messages');
    expect(fetch.mock.calls[1]![1]?.body).toBe('{"kind":"internal_note","body":"x"}');
  });

  it('maps problem+json to ApiError with the server title and field messages', async () => {
    const fetch = fakeFetch(
      400,
      {
        code: 'validation_failed',
        title: 'Data tidak valid',
        status: 400,
        field: 'body',
        errors: [{ field: 'body', code: 'minLength', message: 'terlalu pendek' }],
      },
      'application/problem+json',
    );
    const api = createApi({ fetch, language: () => 'id', csrfToken: () => null });
    const error = await api.post('/x', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.status, e.code, e.field, e.title]).toEqual([
      400,
      'validation_failed',
      'body',
      'Data tidak valid',
    ]);
    expect(e.display).toBe('Data tidak valid terlalu pendek');
  });

  it('turns network failures and non-problem errors into localized messages', async () => {
    const offline = createApi({
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
      language: () => 'en',
      csrfToken: () => null,
    });
    const network = (await offline.get('/x').catch((e: unknown) => e)) as ApiError;
    expect(network.code).toBe('network');
    expect(network.title).toMatch(/cannot be reached/);

    const proxy = createApi({
      fetch: fakeFetch(502, '<html>Bad gateway</html>', 'text/html'),
      language: () => 'id',
      csrfToken: () => null,
    });
    const bad = (await proxy.get('/x').catch((e: unknown) => e)) as ApiError;
    expect([bad.status, bad.code]).toEqual([502, 'http_502']);
    expect(bad.title).toBe('Terjadi kesalahan (502). Silakan coba lagi.');
  });

  it('reports an ended session on 401 unless asked to stay quiet', async () => {
    const onSessionEnded = vi.fn();
    const api = createApi({
      fetch: fakeFetch(401, { code: 'unauthenticated', title: 'x' }),
      language: () => 'id',
      csrfToken: () => null,
      onSessionEnded,
    });
    await api.get('/auth/session', { quietUnauthorized: true }).catch(() => {});
    expect(onSessionEnded).not.toHaveBeenCalled();
    await api.get('/staff/cases').catch(() => {});
    expect(onSessionEnded).toHaveBeenCalledOnce();
  });

  it('returns undefined for 204', async () => {
    const api = createApi({ fetch: fakeFetch(204, undefined), language: () => 'id', csrfToken: () => 't' });
    await expect(api.post('/auth/password', {})).resolves.toBeUndefined();
  });
});

describe('inbox queries', () => {
  it('repeats array keys and drops empty values', () => {
    expect(buildQuery({ status: ['received', 'in_progress'], q: '', office: undefined, limit: 25 })).toBe(
      '?status=received&status=in_progress&limit=25',
    );
    expect(buildQuery({})).toBe('');
  });

  it('maps saved views to assignee/team filters with open statuses', () => {
    expect(inboxQuery('mine', EMPTY_FILTERS)).toMatchObject({ assignee: 'me', order: 'newest' });
    expect(inboxQuery('unassigned', EMPTY_FILTERS)).toMatchObject({ assignee: 'none' });
    expect(inboxQuery('team', EMPTY_FILTERS)).toMatchObject({ team: 'mine' });
    expect(inboxQuery('due', EMPTY_FILTERS)).toMatchObject({ order: 'due' });
    expect(inboxQuery('mine', EMPTY_FILTERS).status).toEqual([
      'received',
      'in_progress',
      'waiting_on_citizen',
    ]);
    expect(inboxQuery('all', EMPTY_FILTERS).status).toBeUndefined();
  });

  it('applies filters on top of a view', () => {
    const query = inboxQuery('all', {
      ...EMPTY_FILTERS,
      status: 'resolved',
      type: 'complaint',
      office: 'SBY',
      category: 'antrean-mpaspor',
      q: '  paspor  ',
      order: 'oldest',
      from: '2026-11-01',
    });
    expect(query).toMatchObject({
      status: ['resolved'],
      type: ['complaint'],
      office: 'SBY',
      category: 'antrean-mpaspor',
      q: 'paspor',
      order: 'oldest',
    });
    expect(query.receivedFrom).toBe(dayToIso('2026-11-01'));
  });

  it('turns a day into local midnight, and the next one for "until"', () => {
    const from = new Date(dayToIso('2026-03-05')!);
    const to = new Date(dayToIso('2026-03-05', true)!);
    expect([from.getDate(), from.getHours()]).toEqual([5, 0]);
    expect([to.getDate(), to.getHours()]).toEqual([6, 0]);
    expect(dayToIso('nope')).toBeUndefined();
  });
});
