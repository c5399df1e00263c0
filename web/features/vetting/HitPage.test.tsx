import '../../test/setup.ts';
import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HitDetail } from '../../../common/contracts/vetting.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { setCsrfToken } from '../../lib/api.ts';
import { makeMe } from '../../test/fixtures.ts';
import { fakeFetch, problem, renderWithApp } from '../../test/render.tsx';
import { HitPage } from './HitPage.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const HIT_ID = '3f6c2b1e-5d4a-4c3b-9a2e-1f0d9c8b7a61';
const FIRST = '5a1c3c0e-8d7f-4b1e-9a51-0e6f2b7c9d10';
const officer = makeMe({
  id: FIRST,
  email: 'accreditation@demo.tansiq.org',
  roles: [{ role: 'accreditation_officer', venueId: null }],
  permissions: ['vetting:read', 'vetting:adjudicate', 'vetting:screen'].map((permission) => ({ permission: permission as 'vetting:read', scope: 'operation' as const, venueIds: [] })),
});

// Invented applicant and fictional list entry.
function hit(overrides: Partial<HitDetail> = {}): HitDetail {
  return {
    id: HIT_ID,
    screeningId: '7b1e0c2d-4a3f-4e5b-8c6d-9e0f1a2b3c4d',
    watchlistId: '8c2f1d3e-5b4a-4f6c-9d7e-0f1a2b3c4d5e',
    watchlistName: 'DEMO — fictional watchlist (training)',
    sourceRef: 'DEMO.002',
    listVersion: 1,
    score: 0.93,
    matchedName: 'Yusuf Fiktivani',
    status: 'open',
    foundBy: 'screening',
    proposedBy: null,
    explanation: {
      queryName: 'Youssef Fictivani',
      matchedName: 'Yusuf Fiktivani',
      matchedNameKind: 'alias',
      tokens: [
        { query: 'Youssef', entry: 'Yusuf', kind: 'variant', similarity: 0.95, weight: 0.6, isGeneric: false },
        { query: 'Fictivani', entry: 'Fiktivani', kind: 'typo', similarity: 0.9, weight: 0.9, isGeneric: false },
      ],
      unmatchedQuery: [],
      unmatchedEntry: [],
      particles: [],
      nameScore: 0.89,
      genericOnly: false,
      birthDate: { outcome: 'same-year', query: '1985-06-01', entry: '1985', adjustment: 0.04 },
      nationality: { outcome: 'unknown', query: 'JO', entry: [], adjustment: 0 },
      gender: { outcome: 'match', adjustment: 0 },
      score: 0.93,
      threshold: 0.7,
    },
    entry: { sourceRef: 'DEMO.002', names: [{ full: 'YOUSSEF FICTIVANI', kind: 'primary' }, { full: 'Yusuf Fiktivani', kind: 'alias' }], birthDates: ['1985'], nationalities: [], gender: 'male' },
    createdAt: '2022-11-01T10:00:00.000Z',
    updatedAt: '2022-11-01T10:00:00.000Z',
    subjectType: 'application',
    subjectId: 'APP-1',
    subjectState: 'hit_under_review',
    person: { givenNames: 'Youssef', familyName: 'Fictivani', fullName: null, nameArabic: 'يوسف فكتيفاني', dateOfBirth: '1985-06-01', gender: 'male', nationality: 'JO' },
    decisions: [],
    ...overrides,
  };
}

function renderHit(detail: HitDetail, locale: 'en' | 'ar' = 'en', extra: Parameters<typeof fakeFetch>[0] = []) {
  const fake = fakeFetch([{ path: '/api/me', body: { user: officer, csrfToken: 'tok-1' } }, { path: `/api/vetting/hits/${HIT_ID}`, body: detail }, ...extra]);
  vi.stubGlobal('fetch', fake.fn);
  renderWithApp(
    <RequireAuth>
      <Routes>
        <Route path="/vetting/hits/:id" element={<HitPage />} />
      </Routes>
    </RequireAuth>,
    { locale, path: `/vetting/hits/${HIT_ID}` },
  );
  return fake;
}

describe('hit page', () => {
  it("shows how each name part was paired, beside the applicant's data, in Arabic", async () => {
    renderHit(hit(), 'ar');
    const pairs = await screen.findByTestId('name-pairs');
    expect(within(pairs).getByText('Youssef')).toBeTruthy();
    expect(within(pairs).getByText('صيغة أخرى')).toBeTruthy(); // variant
    expect(within(pairs).getByText('خطأ إملائي')).toBeTruthy(); // typo
    expect(screen.getByText('بيانات مقدّم الطلب')).toBeTruthy();
    expect(within(screen.getByTestId('score-card')).getByText(/^العتبة/).textContent).toMatch(/70/);
    expect(within(screen.getByTestId('evidence')).getByText('السنة نفسها')).toBeTruthy();
  });

  it('sends the decision with its reason, and shows the server refusal in the user language', async () => {
    const fake = renderHit(hit(), 'en', [{ method: 'POST', path: `/api/vetting/hits/${HIT_ID}/decisions`, status: 409, body: problem(409, 'vetting.same_officer') }]);
    fireEvent.click(await screen.findByTestId('decision-confirmed_match'));
    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: 'Alias and year of birth match' } });
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(await screen.findAllByText('You proposed this match: a second, different officer must confirm it.')).not.toHaveLength(0);
    const post = fake.calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ decision: 'confirmed_match', reason: 'Alias and year of birth match' });
    expect(post?.headers['x-csrf-token']).toBe('tok-1');
  });

  it('refuses an empty reason before sending', async () => {
    const fake = renderHit(hit());
    fireEvent.click(await screen.findByTestId('decision-false_positive'));
    fireEvent.click(screen.getByTestId('decision-submit'));
    expect(await screen.findByText('Please correct the highlighted fields.')).toBeTruthy();
    expect(screen.getByText('At least 3 characters')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('four eyes: the proposer sees "awaiting a second officer" and cannot confirm their own proposal', async () => {
    renderHit(hit({ status: 'pending_confirmation', proposedBy: FIRST }));
    expect(await screen.findByText('Awaiting a second officer')).toBeTruthy();
    expect(screen.getByText(/You proposed a confirmed match/)).toBeTruthy();
    expect((screen.getByTestId('decision-confirmed_match') as HTMLInputElement).disabled).toBe(true);
  });

  it('four eyes: another officer sees who proposed it and may confirm', async () => {
    renderHit(
      hit({
        status: 'pending_confirmation',
        proposedBy: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
        decisions: [{ id: '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', decision: 'confirmed_match', reason: 'all match', officerId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a', officerLabel: 'first.officer@demo.tansiq.org', statusBefore: 'open', statusAfter: 'pending_confirmation', decidedAt: '2022-11-01T11:00:00.000Z' }],
      }),
    );
    expect(await screen.findByText(/first\.officer@demo\.tansiq\.org proposed a confirmed match/)).toBeTruthy();
    const confirm = screen.getByTestId('decision-confirmed_match') as HTMLInputElement;
    expect(confirm.disabled).toBe(false);
    expect(screen.getByText('Confirm the match (second officer)')).toBeTruthy();
  });
});
