import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../features/organisations/labels.ts';
import { RISK_CATEGORIES } from '../features/matches/labels.ts';
import { catalogs as merged } from './catalogs.ts';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const catalogs = { ar: leaves(merged.ar as Tree), fr: leaves(merged.fr as Tree), en: leaves(merged.en as Tree) };

describe('message catalogs', () => {
  it('have exactly the same keys in Arabic, French and English', () => {
    const reference = [...catalogs.en.keys()].sort();
    expect([...catalogs.fr.keys()].sort()).toEqual(reference);
    expect([...catalogs.ar.keys()].sort()).toEqual(reference);
  });

  it.each(Object.entries(catalogs))('%s has no empty value', (_lang, entries) => {
    const empty = [...entries].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it.each(Object.entries(catalogs))('%s uses the same interpolation variables as English', (_lang, entries) => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differ = [...catalogs.en].filter(([k, v]) => JSON.stringify(vars(v)) !== JSON.stringify(vars(entries.get(k) ?? '')));
    expect(differ.map(([k]) => k)).toEqual([]);
  });

  it('Arabic is really Arabic: most messages contain Arabic letters', () => {
    const arabic = [...catalogs.ar.values()].filter((v) => /[\u0600-\u06FF]/.test(v)).length;
    expect(arabic / catalogs.ar.size).toBeGreaterThan(0.9);
  });

  // The platform core's roles and permissions (modules add theirs in web/features/<name>/i18n; until they
  // do, the admin screens fall back to the permission id and its English description).
  const CORE_ROLES = ['commander', 'partner_commander', 'venue_manager', 'officer', 'analyst', 'accreditation_officer', 'visa_officer', 'employer', 'auditor', 'admin'];
  const CORE_PERMISSIONS = ['organisation:read', 'organisation:manage', 'venue:read', 'venue:update', 'match:read', 'match:update', 'user:read', 'user:manage', 'api_token:manage', 'audit:read'];

  it('names every core role and permission, organisation kind and risk category', () => {
    const expected = [
      ...CORE_ROLES.map((r) => `roles.${r}.name`),
      ...CORE_PERMISSIONS.flatMap((p) => [`permissions.${p.replace(':', '_')}.name`, `permissions.${p.replace(':', '_')}.description`]),
      ...ORGANISATION_KINDS.map((k) => `organisations.kinds.${k}`),
      ...RISK_CATEGORIES.map((r) => `matches.risk.${r}`),
    ];
    expect(expected.filter((k) => !catalogs.en.has(k))).toEqual([]);
  });

  it('has a message for every error code the API documents', () => {
    const codes = [
      'auth.unauthenticated', 'auth.invalid_credentials', 'auth.locked', 'auth.wrong_password', 'auth.csrf_failed',
      'access.denied', 'request.invalid', 'request.malformed_json', 'request.too_large', 'request.unsupported_media_type',
      'request.rate_limited', 'request.invalid_cursor', 'route.not_found', 'resource.not_found', 'user.email_taken',
      'user.invalid_role', 'user.self_lockout', 'organisation.name_taken', 'organisation.not_found', 'venue.not_found',
      'api_token.already_revoked', 'api_token.permission_not_grantable', 'service.unavailable', 'internal.error',
    ];
    expect(codes.filter((c) => !catalogs.en.has(`errors.${c}`))).toEqual([]);
  });
});
