import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { enqueueReport, flushQueue, queuedReports } from './report-queue.ts';

const body = { venueId: '00000000-0000-4000-8000-000000000001', category: 'medical' as const, severity: 'high' as const, description: 'Fan collapsed' };

describe('the report outbox', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a report while the network is down and sends it once, with its key, when it returns', async () => {
    const sent: { key: string | null }[] = [];
    let online = false;
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      if (!online) throw new TypeError('Failed to fetch');
      sent.push({ key: new Headers(init.headers).get('idempotency-key') });
      return new Response(JSON.stringify({ id: 'i-1', number: 7 }), { status: 201 });
    });
    await flushQueue(); // an empty flush first: later flushes must still run
    const item = enqueueReport(body, null);
    await flushQueue();
    expect(queuedReports()[0]).toMatchObject({ key: item.key, state: 'queued' });
    online = true;
    await flushQueue();
    await flushQueue();
    expect(sent).toEqual([{ key: item.key }]);
    expect(queuedReports()[0]).toMatchObject({ state: 'sent', number: 7 });
  });

  it('marks a refused report and moves on; a server error keeps it for later', async () => {
    const answers = [new Response(JSON.stringify({ code: 'access.denied' }), { status: 403 }), new Response('', { status: 503 })];
    vi.stubGlobal('fetch', async () => answers.shift()!);
    enqueueReport(body, null);
    enqueueReport({ ...body, description: 'second' }, null);
    await flushQueue();
    expect(queuedReports().map((r) => [r.state, r.error ?? null])).toEqual([
      ['failed', 'access.denied'],
      ['queued', null],
    ]);
  });
});
