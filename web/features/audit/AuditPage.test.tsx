import '../../test/setup.ts';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, renderWithApp } from '../../test/render.tsx';
import { AuditPage } from './AuditPage.tsx';

afterEach(() => vi.unstubAllGlobals());

const HASH = 'ab'.repeat(32);

function renderAudit(locale: 'en' | 'fr' | 'ar', head: unknown) {
  const fake = fakeFetch([
    { path: '/api/audit/head', body: { head } },
    { path: '/api/audit', body: { items: [], nextCursor: null } },
  ]);
  vi.stubGlobal('fetch', fake.fn);
  renderWithApp(<AuditPage />, { locale, path: '/audit' });
  return fake;
}

describe('audit page', () => {
  it.each([
    ['en', 'Chain anchor'],
    ['fr', 'Ancre de la chaîne'],
    ['ar', 'مرساة السلسلة'],
  ] as const)('shows the chain anchor to keep outside Tansiq (%s)', async (locale, title) => {
    renderAudit(locale, { chainPos: 144, seq: 151, hash: HASH, at: '2022-11-20T08:00:00.000Z', anchor: `144:${HASH}` });
    expect(await screen.findByText(title)).toBeTruthy();
    const anchor = screen.getByTestId('audit-anchor');
    expect(anchor.textContent).toBe(`144:${HASH}`);
    // The anchor reads left to right in Arabic too.
    expect(anchor.getAttribute('dir')).toBe('ltr');
  });

  it('shows no anchor while the trail is empty', async () => {
    const fake = renderAudit('en', null);
    expect(await screen.findByText('No audit entries')).toBeTruthy();
    expect(fake.calls.some((c) => c.url.startsWith('/api/audit/head'))).toBe(true);
    expect(screen.queryByTestId('audit-anchor')).toBeNull();
  });
});
