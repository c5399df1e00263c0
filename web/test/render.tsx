import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import type { Locale } from '../../common/contracts/common.ts';
import { AppProviders } from '../App.tsx';
import { applyDocumentLocale, createI18n } from '../i18n/index.ts';
import { createQueryClient } from '../lib/query.ts';

/** Renders a piece of the app with its real providers, in one language, at one address. */
export function renderWithApp(ui: ReactNode, { locale = 'en', path = '/' }: { locale?: Locale; path?: string } = {}) {
  applyDocumentLocale(locale);
  const i18n = createI18n(locale);
  const queryClient = createQueryClient();
  const result = render(
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, i18n, queryClient };
}

interface FakeRoute {
  method?: string;
  path: string | RegExp;
  status?: number;
  body?: unknown;
  contentType?: string;
}

export interface FakeCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A fake `fetch` answering from a list of routes (first match wins) and recording every call. */
export function fakeFetch(routes: FakeRoute[]) {
  const calls: FakeCall[] = [];
  const fn = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
    calls.push({ method, url, headers, body: init.body ? JSON.parse(String(init.body)) : undefined });
    const pathname = url.split('?')[0] ?? url;
    const route = routes.find(
      (r) => (r.method ?? 'GET') === method && (typeof r.path === 'string' ? r.path === pathname : r.path.test(pathname)),
    );
    if (!route) return new Response(JSON.stringify(problem(404, 'route.not_found')), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    const status = route.status ?? 200;
    if (status === 204) return new Response(null, { status });
    return new Response(JSON.stringify(route.body ?? {}), {
      status,
      headers: { 'Content-Type': route.contentType ?? (status >= 400 ? 'application/problem+json' : 'application/json') },
    });
  };
  return { fn: fn as typeof fetch, calls };
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return { type: `https://tansiq.org/problems/${code.replace('.', '/')}`, title: 'Error', status, code, detail: code, requestId: 'req-1', ...extra };
}
