/**
 * Badge signing keys: Ed25519, one active key signs, every key not retired still verifies (rotation without
 * reprinting). Private keys are kept encrypted with AES-256-GCM under a key derived from the badge key
 * secret: `BADGE_KEY_SECRET` in production; outside production a built-in development secret.
 */
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, randomBytes, sign, verify } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { fromBase64Url, toBase64Url } from '../../../common/badge-code.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Platform } from '../../platform/platform.ts';
import { badgeKeys } from './workforce.schema.ts';

// Only ever used outside production, where badges are demo data.
const DEVELOPMENT_SECRET = 'tansiq-development-badge-key-secret-not-for-production';

/** The secret configured, the development one, or (production without one) a secret generated once in DATA_DIR. */
export function badgeKeySecret(platform: Platform): string {
  const { config } = platform;
  if (config.badgeKeySecret) return config.badgeKeySecret;
  if (!config.isProduction) return DEVELOPMENT_SECRET;
  const file = join(config.dataDir, 'badge-key.secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const aesKey = (secret: string) => createHash('sha256').update(`tansiq-badge-keys:${secret}`).digest();

export function encryptPrivateKey(pkcs8: Buffer, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(secret), iv);
  const ct = Buffer.concat([cipher.update(pkcs8), cipher.final()]);
  return [iv, cipher.getAuthTag(), ct].map((b) => b.toString('base64url')).join('.');
}

export function decryptPrivateKey(sealed: string, secret: string): Buffer | null {
  const [iv, tag, ct] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !ct) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', aesKey(secret), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    return null;
  }
}

export const rawPublicKey = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).x as string, 'base64url');
export const kidOf = (rawPublic: Uint8Array): string => createHash('sha256').update(rawPublic).digest('hex').slice(0, 16);
export const publicKeyFromRaw = (raw: Uint8Array): KeyObject => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: toBase64Url(raw) }, format: 'jwk' });

export const signBytes = (privateKey: KeyObject, data: Uint8Array): Uint8Array => new Uint8Array(sign(null, data, privateKey));
export function verifyBytes(rawPublic: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, publicKeyFromRaw(rawPublic), signature);
  } catch {
    return false;
  }
}

export function createBadgeKeys(platform: Platform) {
  const { db, clock, operationId } = platform;
  const secret = () => badgeKeySecret(platform);

  async function insertKey(tx: Db): Promise<{ kid: string; privateKey: KeyObject }> {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const raw = rawPublicKey(publicKey);
    const kid = kidOf(raw);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    await tx.update(badgeKeys).set({ isActive: false }).where(and(eq(badgeKeys.operationId, operationId), eq(badgeKeys.isActive, true)));
    await tx.insert(badgeKeys).values({ kid, operationId, publicKey: toBase64Url(raw), privateKeyEnc: encryptPrivateKey(pkcs8, secret()), isActive: true, createdAt: clock.now() });
    return { kid, privateKey };
  }

  return {
    /** The key that signs now; created on first use, or replaced when this server cannot decrypt it (secret changed). */
    async activeSigner(tx: Db = db): Promise<{ kid: string; privateKey: KeyObject }> {
      const [row] = await tx.select().from(badgeKeys).where(and(eq(badgeKeys.operationId, operationId), eq(badgeKeys.isActive, true), isNull(badgeKeys.retiredAt))).limit(1);
      const der = row ? decryptPrivateKey(row.privateKeyEnc, secret()) : null;
      if (row && der) return { kid: row.kid, privateKey: createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) };
      return insertKey(tx);
    },

    /** Makes a new key the signer; older keys keep verifying until retired. */
    rotate: (tx: Db) => insertKey(tx),

    /** Stops a key from verifying (codes it signed become `unknown_key`). */
    async retire(tx: Db, kid: string): Promise<boolean> {
      const res = await tx.update(badgeKeys).set({ retiredAt: clock.now(), isActive: false }).where(and(eq(badgeKeys.kid, kid), eq(badgeKeys.operationId, operationId), isNull(badgeKeys.retiredAt))).returning({ kid: badgeKeys.kid });
      return res.length > 0;
    },

    /** Keys that verify: every key not retired. */
    async verifyingKeys() {
      return db.select({ kid: badgeKeys.kid, publicKey: badgeKeys.publicKey, isActive: badgeKeys.isActive, createdAt: badgeKeys.createdAt }).from(badgeKeys).where(and(eq(badgeKeys.operationId, operationId), isNull(badgeKeys.retiredAt))).orderBy(asc(badgeKeys.createdAt));
    },

    async publicKeyOf(kid: string): Promise<Uint8Array | null> {
      const [row] = await db.select({ publicKey: badgeKeys.publicKey }).from(badgeKeys).where(and(eq(badgeKeys.kid, kid), eq(badgeKeys.operationId, operationId), isNull(badgeKeys.retiredAt)));
      return row ? fromBase64Url(row.publicKey) : null;
    },
  };
}

export type BadgeKeys = ReturnType<typeof createBadgeKeys>;
