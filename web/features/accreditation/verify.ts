/**
 * Offline badge verification in the browser: the keys and the revocation list last fetched are kept in
 * localStorage; the signature is checked with WebCrypto's Ed25519 (a secure context is needed: HTTPS or
 * localhost); the rest of the decision is the same code the server runs (common/badge-code.ts).
 */
import { type CheckReason, checkBadge, decodeCode, fromBase64Url } from '../../../common/badge-code.ts';

const STORE = 'tansiq.checkpoint.v1';
const SCANS = 'tansiq.checkpoint.scans.v1';

export interface CheckpointCache {
  keys: { kid: string; publicKey: string }[];
  revoked: { id: string; status: 'suspended' | 'revoked' }[];
  venues: { code: string; name: string; nameAr: string | null }[];
  fetchedAt: string;
}

export interface RecordedScan {
  id: string;
  code: string;
  scannedAt: string;
  checkpoint: string | null;
  offlineReason: CheckReason;
  uploaded: boolean;
}

export const loadCache = (): CheckpointCache | null => {
  try {
    return JSON.parse(localStorage.getItem(STORE) ?? 'null') as CheckpointCache | null;
  } catch {
    return null;
  }
};
export const saveCache = (c: CheckpointCache) => localStorage.setItem(STORE, JSON.stringify(c));
export const loadScans = (): RecordedScan[] => {
  try {
    return JSON.parse(localStorage.getItem(SCANS) ?? '[]') as RecordedScan[];
  } catch {
    return [];
  }
};
export const saveScans = (s: RecordedScan[]) => localStorage.setItem(SCANS, JSON.stringify(s.slice(-2000)));

export interface OfflineVerdict {
  reason: CheckReason;
  initials: string | null;
  number: number | null;
  zones: number[];
  venues: string[];
  validFrom: string | null;
  validTo: string | null;
}

async function verifySignature(publicKey: string, signed: Uint8Array, signature: Uint8Array): Promise<boolean> {
  const raw = fromBase64Url(publicKey);
  if (!raw || !globalThis.crypto?.subtle) return false;
  try {
    const key = await crypto.subtle.importKey('raw', raw as BufferSource, { name: 'Ed25519' }, false, ['verify']);
    return await crypto.subtle.verify({ name: 'Ed25519' }, key, signature as BufferSource, signed as BufferSource);
  } catch {
    return false;
  }
}

/** Verifies a scanned code against the cached keys and revocation list, with no network. */
export async function verifyOffline(code: string, cache: CheckpointCache, today: string): Promise<OfflineVerdict> {
  const decoded = decodeCode(code);
  const none = { initials: null, number: null, zones: [], venues: [], validFrom: null, validTo: null };
  if (!decoded) return { reason: 'malformed', ...none };
  const p = decoded.payload;
  const key = cache.keys.find((k) => k.kid === p.kid);
  if (!key) return { reason: 'unknown_key', ...none };
  const ok = await verifySignature(key.publicKey, decoded.signed, decoded.signature);
  const revoked = new Map(cache.revoked.map((r) => [r.id, r.status] as const));
  const reason = checkBadge(p, ok, revoked, today);
  if (!ok) return { reason, ...none };
  const venueNames = p.venueCodes.map((c) => cache.venues.find((v) => v.code === c)?.name ?? c);
  return { reason, initials: p.initials, number: p.number, zones: p.zones, venues: venueNames, validFrom: p.validFrom, validTo: p.validTo };
}
