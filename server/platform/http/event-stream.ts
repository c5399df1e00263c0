/**
 * `GET /api/events/stream`: Server-Sent Events of the operation, filtered per actor by the visibility rules
 * modules register (server/platform/events.ts). A reconnecting browser sends `Last-Event-ID` (the outbox
 * sequence number) and first receives what it missed. Streams end when the app closes (a `preClose` hook,
 * since `app.close()` would otherwise wait for them), and when the session or token behind them ends.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerResponse } from 'node:http';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../access.ts';
import { apiTokens, sessions } from '../db/schema/index.ts';
import { acquireEventHub, canReceive, type PlatformEvent, readEventsSince } from '../events.ts';
import type { Platform } from '../platform.ts';

const HEARTBEAT_MS = 15_000;
/** How often a stream re-checks that its session or token is still valid. */
const REVALIDATE_MS = 60_000;
const CATCH_UP_LIMIT = 1000;

const frames = new WeakMap<PlatformEvent, string>();
/** One SSE frame per event, built once however many streams it goes to. */
function frameOf(e: PlatformEvent): string {
  let f = frames.get(e);
  if (f === undefined) {
    f = `id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify({ seq: e.seq, at: e.at, data: e.payload })}\n\n`;
    frames.set(e, f);
  }
  return f;
}

const StreamQuery = z.strictObject({ lastEventId: z.coerce.number().int().min(0).optional() });

export interface EventStreamOptions {
  platform: Platform;
  pollMs?: number;
}

export const eventStream = fp<EventStreamOptions>(async (app: FastifyInstance, { platform, pollMs }) => {
  const { hub, release } = acquireEventHub(platform.database, { pollMs, retentionMs: platform.config.eventRetentionMs });
  const open = new Set<ServerResponse>();
  app.addHook('onReady', async () => {
    await hub.start();
  });
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });
  app.addHook('onClose', async () => {
    await release();
  });

  async function stillValid(actor: Actor): Promise<boolean> {
    const now = platform.clock.now();
    if (actor.kind === 'user' && actor.sessionId) {
      const [s] = await platform.db.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.id, actor.sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      return Boolean(s);
    }
    if (actor.kind === 'token') {
      const [tk] = await platform.db.select({ id: apiTokens.id, expiresAt: apiTokens.expiresAt }).from(apiTokens).where(and(eq(apiTokens.id, actor.id), isNull(apiTokens.revokedAt)));
      return Boolean(tk) && (!tk!.expiresAt || tk!.expiresAt > now);
    }
    return true;
  }

  app.get(
    '/api/events/stream',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['operation'],
        summary: 'Live events (Server-Sent Events): incident.created, incident.updated …; resume with Last-Event-ID',
        querystring: StreamQuery,
      },
    },
    async (request, reply) => {
      const { actor } = request.ctx();
      const header = request.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && /^\d{1,18}$/.test(header) ? Number(header) : undefined;
      const resumeFrom = fromHeader ?? (request.query as z.infer<typeof StreamQuery>).lastEventId;
      const operationId = platform.operationId;
      const visible = (e: PlatformEvent) => e.operationId === operationId && canReceive(actor, e);

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      res.flushHeaders();
      open.add(res);

      // Subscribe first and hold live events back until the catch-up is sent, so nothing falls between the two.
      let sentUpTo = resumeFrom ?? hub.position;
      let pending: PlatformEvent[] | null = [];
      const send = (events: PlatformEvent[]) => {
        let out = '';
        for (const e of events) {
          if (e.seq <= sentUpTo) continue;
          sentUpTo = e.seq;
          if (visible(e)) out += frameOf(e);
        }
        if (out) res.write(out);
      };
      const unsubscribe = hub.subscribe((events) => (pending ? pending.push(...events) : send(events)));
      let revalidateAt = Date.now() + REVALIDATE_MS;
      const heartbeat = setInterval(() => {
        res.write(': ping\n\n');
        if (Date.now() >= revalidateAt) {
          revalidateAt = Date.now() + REVALIDATE_MS;
          stillValid(actor).then((ok) => ok || res.end(), () => {});
        }
      }, HEARTBEAT_MS);
      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
      };
      res.on('close', cleanup);

      res.write(`retry: 2000\n: connected ${sentUpTo}\n\n`);
      if (resumeFrom !== undefined) {
        try {
          send(await readEventsSince(platform.db, operationId, resumeFrom, CATCH_UP_LIMIT));
        } catch (err) {
          request.log.warn({ err }, 'event catch-up failed');
        }
      }
      const held = pending;
      pending = null;
      send(held);
    },
  );
});
