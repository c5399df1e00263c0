import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import { type UpdateVenueBody, Venue } from '../../../common/contracts/platform.ts';
import { apiRequest } from '../../lib/api.ts';
import { localName, useLocale } from '../../lib/format.ts';

const VenuePage = Page(Venue);

export interface VenueFilters {
  q?: string;
  city?: string;
}

export const venueKeys = {
  all: ['venues'] as const,
  list: (f: VenueFilters) => ['venues', 'list', f] as const,
  detail: (id: string) => ['venues', 'detail', id] as const,
};

/** Venues are few (a tournament has a handful of stadiums): one page of 200 holds them all. */
export function useVenues(filters: VenueFilters = {}) {
  return useQuery({
    queryKey: venueKeys.list(filters),
    queryFn: ({ signal }) => apiRequest('/api/venues', { query: { limit: 200, ...filters }, schema: VenuePage, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export function useVenue(id: string | undefined) {
  return useQuery({
    queryKey: venueKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/venues/${id}`, { schema: Venue, signal }),
    enabled: Boolean(id),
  });
}

/** A venue's name in the user's language, from its id (matches carry only the English name). */
export function useVenueNamer() {
  const locale = useLocale();
  const venues = useVenues();
  return useCallback(
    (venueId: string, fallback: string) => {
      const venue = venues.data?.items.find((v) => v.id === venueId);
      return venue ? localName(locale, venue) : fallback;
    },
    [venues.data, locale],
  );
}

export function useUpdateVenue(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof UpdateVenueBody>) =>
      apiRequest(`/api/venues/${id}`, { method: 'PATCH', body, schema: Venue }),
    onSuccess: (venue) => {
      queryClient.setQueryData(venueKeys.detail(venue.id), venue);
      void queryClient.invalidateQueries({ queryKey: venueKeys.all });
    },
  });
}
