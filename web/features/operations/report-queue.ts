/**
 * The report form's outbox: reports are kept on the phone (localStorage) with a client-generated id and
 * sent when the network allows. The id goes in the Idempotency-Key header, so a report sent twice (the
 * answer was lost, the page was reloaded) is filed once. Photos travel with the report as a small JPEG.
 */
import type { ReportIncidentBody } from '../../../common/contracts/operations.ts';
import { getCsrfToken } from '../../lib/api.ts';

export interface QueuedReport {
  key: string;
  body: ReportIncidentBody;
  /** A downscaled JPEG as a data URL, uploaded after the report is filed. */
  photo: string | null;
  queuedAt: string;
  state: 'queued' | 'sent' | 'failed';
  incidentId?: number | string;
  number?: number;
  error?: string;
}

const STORAGE_KEY = 'tansiq.reportQueue';
const listeners = new Set<() => void>();

function read(): QueuedReport[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as QueuedReport[];
  } catch {
    return [];
  }
}

function write(items: QueuedReport[]): void {
  // Sent reports are kept (for the "sent" list) but only the latest 20.
  const queued = items.filter((i) => i.state !== 'sent');
  const sent = items.filter((i) => i.state === 'sent').slice(-20);
  localStorage.setItem(STORAGE_KEY, JSON.stringify([...sent, ...queued]));
  for (const l of listeners) l();
}

export const queuedReports = (): QueuedReport[] => read();

export function subscribeQueue(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function newReportKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `r-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function enqueueReport(body: ReportIncidentBody, photo: string | null): QueuedReport {
  const item: QueuedReport = { key: newReportKey(), body, photo, queuedAt: new Date().toISOString(), state: 'queued' };
  write([...read(), item]);
  return item;
}

function update(key: string, patch: Partial<QueuedReport>): void {
  write(read().map((i) => (i.key === key ? { ...i, ...patch } : i)));
}

let flushing: Promise<void> | null = null;
let inFlight: AbortController | null = null;
const SEND_TIMEOUT_MS = 10_000;

/**
 * Sends every queued report, oldest first; stops at the first network failure (the rest wait for the next
 * try). `restart` (the network just came back) abandons a send still hanging on the old connection.
 */
export function flushQueue(options: { restart?: boolean } = {}): Promise<void> {
  if (options.restart && flushing) {
    inFlight?.abort();
    return flushing.then(() => flushQueue());
  }
  if (!flushing) {
    // Cleared after the assignment (not inside the async body, which may finish before it when nothing waits).
    const run = (async () => {
      for (const item of read().filter((i) => i.state === 'queued')) {
        const ok = await send(item);
        if (!ok) break;
      }
    })();
    const current: Promise<void> = run.finally(() => {
      if (flushing === current) flushing = null;
    });
    flushing = current;
  }
  return flushing;
}

async function send(item: QueuedReport): Promise<boolean> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': item.key };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  inFlight = new AbortController();
  const timer = setTimeout(() => inFlight?.abort(), SEND_TIMEOUT_MS);
  try {
    res = await fetch('/api/incidents', { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(item.body), signal: inFlight.signal });
  } catch {
    return false; // offline, or no answer in time: keep it queued (the key makes a resend safe)
  } finally {
    clearTimeout(timer);
  }
  if (res.status >= 500 || res.status === 401 || res.status === 429) return false;
  if (res.status !== 201) {
    const problem = (await res.json().catch(() => ({}))) as { code?: string };
    update(item.key, { state: 'failed', error: problem.code ?? `http.${res.status}` });
    return true;
  }
  const incident = (await res.json()) as { id: string; number: number };
  if (item.photo) {
    try {
      const blob = await (await fetch(item.photo)).blob();
      const photoHeaders: Record<string, string> = { 'content-type': 'image/jpeg' };
      if (csrf) photoHeaders['x-csrf-token'] = csrf;
      await fetch(`/api/incidents/${incident.id}/attachments`, { method: 'POST', headers: photoHeaders, credentials: 'same-origin', body: blob });
    } catch {
      // the report itself is filed; the photo can be added from the incident page
    }
  }
  update(item.key, { state: 'sent', incidentId: incident.id, number: incident.number, photo: null });
  return true;
}

/** Downscales a photo to at most `max` pixels on its longer side, as a JPEG data URL. */
export async function downscalePhoto(file: File, max = 1280): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.75);
}
