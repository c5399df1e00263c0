/**
 * The badge QR code, shared by the server (which signs and verifies) and the offline checkpoint (which
 * verifies with cached keys). A code is `TQ1.` + base64url(payload ‖ Ed25519 signature over payload).
 *
 * Payload v1, big-endian, 39 bytes + 4 per venue + initials:
 *   0      version (1)
 *   1–8    key id (first 8 bytes of SHA-256 of the raw public key)
 *   9–24   accreditation id (UUID bytes)
 *   25–28  badge number (uint32)
 *   29–30  valid from, days since 1970-01-01 (uint16)
 *   31–32  valid to, same
 *   33–36  zones bitmask (bit n−1 = zone n, zones 1–32)
 *   37     venue count n (≤ 8), then n × 4 bytes: each venue id's first 4 bytes
 *   …      initials length (≤ 8) and ASCII initials of the holder (minimal personal data)
 * Pure: no I/O, works in Node and browsers.
 */

export const CODE_PREFIX = 'TQ1.';
const VERSION = 1;
const SIGNATURE_BYTES = 64;

export interface BadgePayload {
  kid: string;
  accreditationId: string;
  number: number;
  validFrom: string;
  validTo: string;
  zones: number[];
  /** Venue codes: the first 8 hex digits of each venue id. */
  venueCodes: string[];
  initials: string;
}

export interface DecodedCode {
  payload: BadgePayload;
  signed: Uint8Array;
  signature: Uint8Array;
}

const DAY_MS = 86_400_000;
const toDays = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const fromDays = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

const hexToBytes = (hex: string): number[] => (hex.match(/../g) ?? []).map((h) => Number.parseInt(h, 16));
const bytesToHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

export const venueCode = (venueId: string): string => venueId.replace(/-/g, '').slice(0, 8).toLowerCase();

/** Latin initials of a holder, e.g. `Youssef Ben Ali` → `YBA` (at most 8 ASCII letters). */
export function holderInitials(givenNames: string, familyName: string): string {
  return `${givenNames} ${familyName}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[\s'-]+/)
    .map((p) => p.charAt(0).toUpperCase())
    .filter((c) => /[A-Z]/.test(c))
    .join('')
    .slice(0, 8);
}

/** The bytes that get signed. */
export function encodePayload(p: BadgePayload): Uint8Array {
  if (p.venueCodes.length > 8) throw new Error('at most 8 venues on a badge');
  const initials = p.initials.replace(/[^A-Z]/g, '').slice(0, 8);
  const out: number[] = [VERSION, ...hexToBytes(p.kid.padEnd(16, '0').slice(0, 16)), ...hexToBytes(p.accreditationId.replace(/-/g, ''))];
  const u32 = (n: number) => out.push((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
  const u16 = (n: number) => out.push((n >>> 8) & 255, n & 255);
  u32(p.number);
  u16(toDays(p.validFrom));
  u16(toDays(p.validTo));
  let mask = 0;
  for (const z of p.zones) if (z >= 1 && z <= 32) mask |= 1 << (z - 1);
  u32(mask >>> 0);
  out.push(p.venueCodes.length);
  for (const v of p.venueCodes) out.push(...hexToBytes(v.padEnd(8, '0').slice(0, 8)));
  out.push(initials.length);
  for (const c of initials) out.push(c.charCodeAt(0));
  return Uint8Array.from(out);
}

function decodePayload(b: Uint8Array): BadgePayload | null {
  if (b.length < 39 || b[0] !== VERSION) return null;
  const u32 = (i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0;
  const u16 = (i: number) => (b[i]! << 8) | b[i + 1]!;
  const id = bytesToHex(b.slice(9, 25));
  const mask = u32(33);
  const zones: number[] = [];
  for (let z = 1; z <= 32; z++) if (mask & (1 << (z - 1))) zones.push(z);
  const n = b[37]!;
  let i = 38;
  if (n > 8 || b.length < i + 4 * n + 1) return null;
  const venueCodes: string[] = [];
  for (let k = 0; k < n; k++, i += 4) venueCodes.push(bytesToHex(b.slice(i, i + 4)));
  const len = b[i]!;
  if (len > 8 || b.length !== i + 1 + len) return null;
  const initials = String.fromCharCode(...b.slice(i + 1, i + 1 + len));
  return {
    kid: bytesToHex(b.slice(1, 9)),
    accreditationId: `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`,
    number: u32(25),
    validFrom: fromDays(u16(29)),
    validTo: fromDays(u16(31)),
    zones,
    venueCodes,
    initials,
  };
}

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function assembleCode(payload: Uint8Array, signature: Uint8Array): string {
  const all = new Uint8Array(payload.length + signature.length);
  all.set(payload);
  all.set(signature, payload.length);
  return CODE_PREFIX + toBase64Url(all);
}

/** Splits a scanned code into its payload and signature; null when it is not a code of this format. */
export function decodeCode(code: string): DecodedCode | null {
  const text = code.trim();
  if (!text.startsWith(CODE_PREFIX)) return null;
  const all = fromBase64Url(text.slice(CODE_PREFIX.length));
  if (!all || all.length <= SIGNATURE_BYTES) return null;
  const signed = all.slice(0, all.length - SIGNATURE_BYTES);
  const payload = decodePayload(signed);
  if (!payload) return null;
  return { payload, signed, signature: all.slice(all.length - SIGNATURE_BYTES) };
}

export type CheckReason = 'valid' | 'malformed' | 'unknown_key' | 'bad_signature' | 'revoked' | 'suspended' | 'expired' | 'not_yet_valid';

/**
 * The decision after the signature check, the same online and offline: revocation first, then the dates
 * (in the given day, `YYYY-MM-DD`, at the checkpoint).
 */
export function checkBadge(payload: BadgePayload, signatureOk: boolean, revoked: ReadonlyMap<string, 'revoked' | 'suspended'>, today: string): CheckReason {
  if (!signatureOk) return 'bad_signature';
  const status = revoked.get(payload.accreditationId);
  if (status) return status;
  if (today < payload.validFrom) return 'not_yet_valid';
  if (today > payload.validTo) return 'expired';
  return 'valid';
}
