import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import {
  type CreateOrganisationBody,
  Organisation,
  type OrganisationKind,
  type UpdateOrganisationBody,
} from '../../../common/contracts/platform.ts';
import { apiRequest } from '../../lib/api.ts';
import { localName, useLocale } from '../../lib/format.ts';
import { PAGE_SIZE } from '../../lib/pagination.ts';
import { useMe } from '../auth/api.ts';
import { can } from '../../lib/permissions.ts';

const OrganisationPage = Page(Organisation);

export interface OrganisationFilters {
  q?: string;
  kind?: z.infer<typeof OrganisationKind>;
  country?: string;
  cursor?: string;
  limit?: number;
}

export const organisationKeys = {
  all: ['organisations'] as const,
  list: (f: OrganisationFilters) => ['organisations', 'list', f] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
};

export function useOrganisations(filters: OrganisationFilters, enabled = true) {
  return useQuery({
    queryKey: organisationKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest('/api/organisations', {
        query: { limit: PAGE_SIZE, ...filters },
        schema: OrganisationPage,
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every organisation (for pickers): follows the cursor to the end, 200 at a time. */
export function useAllOrganisations(enabled = true) {
  return useQuery({
    queryKey: ['organisations', 'all-pages'],
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const items: Organisation[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 50; i++) {
        const page = await apiRequest('/api/organisations', {
          query: { limit: 200, cursor },
          schema: OrganisationPage,
          signal,
        });
        items.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return items;
    },
  });
}

export function useOrganisation(id: string | undefined) {
  return useQuery({
    queryKey: organisationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/organisations/${id}`, { schema: Organisation, signal }),
    enabled: Boolean(id),
  });
}

/** An organisation's name in the user's language, falling back to the name we already have. */
export function useOrganisationName(org: { id: string; name: string }): string {
  const locale = useLocale();
  const me = useMe();
  const detail = useQuery({
    queryKey: organisationKeys.detail(org.id),
    queryFn: ({ signal }) => apiRequest(`/api/organisations/${org.id}`, { schema: Organisation, signal }),
    enabled: can(me.data, 'organisation:read') && locale !== 'en',
    staleTime: 5 * 60_000,
  });
  return detail.data ? localName(locale, detail.data) : org.name;
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof CreateOrganisationBody>) =>
      apiRequest('/api/organisations', { method: 'POST', body, schema: Organisation }),
    onSuccess: (org) => {
      queryClient.setQueryData(organisationKeys.detail(org.id), org);
      void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof UpdateOrganisationBody>) =>
      apiRequest(`/api/organisations/${id}`, { method: 'PATCH', body, schema: Organisation }),
    onSuccess: (org) => {
      queryClient.setQueryData(organisationKeys.detail(org.id), org);
      void queryClient.invalidateQueries({ queryKey: organisationKeys.all });
    },
  });
}
