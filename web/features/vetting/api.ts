/** Vetting: the adjudication queue, hits and decisions, screenings, watchlists and batches. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Page } from '../../../common/contracts/common.ts';
import {
  type DecideBody,
  HitDetail,
  ImportResult,
  QueueItem,
  Screening,
  ScreeningBatch,
  ScreeningSummary,
  type ScreenPersonBody,
  ScreenResult,
  Watchlist,
  WatchlistDetail,
  WatchlistDiff,
  type WatchlistFormat,
} from '../../../common/contracts/vetting.ts';
import { apiRequest } from '../../lib/api.ts';
import type { z } from 'zod';

export const vettingKeys = {
  all: ['vetting'] as const,
  queue: (f: QueueFilters) => ['vetting', 'queue', f] as const,
  hit: (id: string) => ['vetting', 'hit', id] as const,
  screenings: (f: ScreeningFilters) => ['vetting', 'screenings', f] as const,
  screening: (id: string) => ['vetting', 'screening', id] as const,
  batch: (id: string) => ['vetting', 'batch', id] as const,
  watchlists: ['vetting', 'watchlists'] as const,
  watchlist: (id: string) => ['vetting', 'watchlist', id] as const,
  diff: (id: string, version: number) => ['vetting', 'diff', id, version] as const,
};

export interface QueueFilters {
  status?: 'waiting' | 'open' | 'escalated' | 'pending_confirmation';
  q?: string;
  cursor?: string;
}

export interface ScreeningFilters {
  state?: string;
  batchId?: string;
  q?: string;
  cursor?: string;
}

const QueuePage = Page(QueueItem);
const ScreeningPage = Page(ScreeningSummary);
const WatchlistPage = Page(Watchlist);

export function useQueue(filters: QueueFilters) {
  return useQuery({
    queryKey: vettingKeys.queue(filters),
    queryFn: ({ signal }) => apiRequest('/api/vetting/queue', { query: { limit: 25, ...filters }, schema: QueuePage, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useHit(id: string | undefined) {
  return useQuery({
    queryKey: vettingKeys.hit(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/vetting/hits/${id}`, { schema: HitDetail, signal }),
    enabled: Boolean(id),
  });
}

export function useDecide(hitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecideBody) => apiRequest(`/api/vetting/hits/${hitId}/decisions`, { method: 'POST', body, schema: HitDetail }),
    onSuccess: (hit) => {
      queryClient.setQueryData(vettingKeys.hit(hit.id), hit);
      void queryClient.invalidateQueries({ queryKey: ['vetting', 'queue'] });
      void queryClient.invalidateQueries({ queryKey: ['vetting', 'screenings'] });
    },
  });
}

export function useScreenings(filters: ScreeningFilters) {
  return useQuery({
    queryKey: vettingKeys.screenings(filters),
    queryFn: ({ signal }) => apiRequest('/api/screenings', { query: { limit: 25, ...filters }, schema: ScreeningPage, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useScreening(id: string | undefined) {
  return useQuery({
    queryKey: vettingKeys.screening(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/screenings/${id}`, { schema: Screening, signal }),
    enabled: Boolean(id),
  });
}

export function useScreenPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ScreenPersonBody>) => apiRequest('/api/screenings', { method: 'POST', body, schema: ScreenResult }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vettingKeys.all }),
  });
}

export function useWatchlists() {
  return useQuery({
    queryKey: vettingKeys.watchlists,
    queryFn: ({ signal }) => apiRequest('/api/watchlists', { query: { limit: 200 }, schema: WatchlistPage, signal }),
  });
}

export function useWatchlist(id: string | undefined) {
  return useQuery({
    queryKey: vettingKeys.watchlist(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/watchlists/${id}`, { schema: WatchlistDetail, signal }),
    enabled: Boolean(id),
  });
}

export function useWatchlistDiff(id: string | undefined, version: number | null) {
  return useQuery({
    queryKey: vettingKeys.diff(id ?? '', version ?? 0),
    queryFn: ({ signal }) => apiRequest(`/api/watchlists/${id}/versions/${version}/diff`, { schema: WatchlistDiff, signal }),
    enabled: Boolean(id) && version !== null,
  });
}

export function useCreateWatchlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; description?: string | null; format: WatchlistFormat }) => apiRequest('/api/watchlists', { method: 'POST', body, schema: Watchlist }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vettingKeys.watchlists }),
  });
}

export function useSetWatchlistActive(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (isActive: boolean) => apiRequest(`/api/watchlists/${id}`, { method: 'PATCH', body: { isActive }, schema: Watchlist }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vettingKeys.all }),
  });
}

const FORMAT_TYPES: Record<WatchlistFormat, string> = { 'un-xml': 'text/xml', ftm: 'application/x-ndjson', csv: 'text/csv' };

/** Sends a file as the raw request body (the API takes uploads with the file's own content type). */
export async function uploadFile<S extends z.ZodType>(path: string, file: File, contentType: string, query: Record<string, string>, schema: S): Promise<z.infer<S>> {
  return (await apiRequest(path, { method: 'POST', query, raw: { body: await file.text(), contentType }, schema })) as z.infer<S>;
}

export function useImportVersion(id: string, format: WatchlistFormat) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile(`/api/watchlists/${id}/versions`, file, FORMAT_TYPES[format], { fileName: file.name }, ImportResult),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vettingKeys.all }),
  });
}

export function useStartBatch() {
  return useMutation({
    mutationFn: ({ file, subjectType }: { file: File; subjectType: string }) => uploadFile('/api/screenings/batches', file, 'text/csv', { fileName: file.name, subjectType }, ScreeningBatch),
  });
}

/** A batch's progress, polled every second until it is done or failed. */
export function useBatch(id: string | null) {
  return useQuery({
    queryKey: vettingKeys.batch(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/screenings/batches/${id}`, { schema: ScreeningBatch, signal }),
    enabled: Boolean(id),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
}
