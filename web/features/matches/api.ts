import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import { Match, type UpdateMatchBody } from '../../../common/contracts/platform.ts';
import { apiRequest } from '../../lib/api.ts';
import { PAGE_SIZE } from '../../lib/pagination.ts';

const MatchPage = Page(Match);

export interface MatchFilters {
  venueId?: string;
  from?: string;
  to?: string;
  stage?: string;
  q?: string;
  cursor?: string;
  limit?: number;
}

export const matchKeys = {
  all: ['matches'] as const,
  list: (f: MatchFilters) => ['matches', 'list', f] as const,
  detail: (id: string) => ['matches', 'detail', id] as const,
};

export function useMatches(filters: MatchFilters, enabled = true) {
  return useQuery({
    queryKey: matchKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest('/api/matches', { query: { limit: PAGE_SIZE, ...filters }, schema: MatchPage, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMatch(id: string | undefined) {
  return useQuery({
    queryKey: matchKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/matches/${id}`, { schema: Match, signal }),
    enabled: Boolean(id),
  });
}

export function useUpdateMatch(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof UpdateMatchBody>) =>
      apiRequest(`/api/matches/${id}`, { method: 'PATCH', body, schema: Match }),
    onSuccess: (match) => {
      queryClient.setQueryData(matchKeys.detail(match.id), match);
      void queryClient.invalidateQueries({ queryKey: matchKeys.all });
    },
  });
}

/** The operation's days are Qatar days (UTC+3, no daylight saving): a date filter starts at local midnight. */
export function dayStart(date: string): string {
  return `${date}T00:00:00+03:00`;
}

/** The exclusive end of a date range given by its last day. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T00:00:00+03:00`;
}
