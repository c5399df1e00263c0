/** Typed calls of the crowd-flow planner API (server/modules/crowd). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Page } from '../../../common/contracts/common.ts';
import {
  type CreateRunBody,
  CrowdPlanFile,
  PlanVersion,
  PlanVersionSummary,
  Run,
  RunComparison,
  RunSummary,
  type VenuePlan,
} from '../../../common/contracts/crowd-plan.ts';
import type { z } from 'zod';
import { CapacityResult } from '../../../common/contracts/crowd-scenario.ts';
import { ApiError, apiRequest, toUserMessage } from '../../lib/api.ts';

const VersionPage = Page(PlanVersionSummary);
const RunPage = Page(RunSummary);

export const crowdKeys = {
  versions: (venueId: string) => ['crowd', 'versions', venueId] as const,
  version: (venueId: string, version: number) => ['crowd', 'version', venueId, version] as const,
  capacity: (venueId: string, version: number) => ['crowd', 'capacity', venueId, version] as const,
  runs: (matchId: string) => ['crowd', 'runs', matchId] as const,
  run: (id: string) => ['crowd', 'run', id] as const,
  compare: (a: string, b: string) => ['crowd', 'compare', a, b] as const,
};

export function usePlanVersions(venueId: string) {
  return useQuery({
    queryKey: crowdKeys.versions(venueId),
    queryFn: ({ signal }) => apiRequest(`/api/venues/${venueId}/plans`, { query: { limit: 200 }, schema: VersionPage, signal }),
  });
}

export function usePlanVersion(venueId: string, version: number | null) {
  return useQuery({
    queryKey: crowdKeys.version(venueId, version ?? 0),
    queryFn: ({ signal }) => apiRequest(`/api/venues/${venueId}/plans/${version}`, { schema: PlanVersion, signal }),
    enabled: version !== null,
  });
}

export function useCapacity(venueId: string, version: number | null) {
  return useQuery({
    queryKey: crowdKeys.capacity(venueId, version ?? 0),
    queryFn: ({ signal }) => apiRequest(`/api/venues/${venueId}/plans/${version}/capacity`, { schema: CapacityResult, signal }),
    enabled: version !== null,
  });
}

function usePlanMutation<V>(venueId: string, call: (v: V) => Promise<PlanVersion>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      queryClient.setQueryData(crowdKeys.version(venueId, saved.version), saved);
      void queryClient.invalidateQueries({ queryKey: crowdKeys.versions(venueId) });
      void queryClient.invalidateQueries({ queryKey: crowdKeys.capacity(venueId, saved.version) });
    },
  });
}

export const useCreateVersion = (venueId: string) =>
  usePlanMutation(venueId, (fromVersion: number) => apiRequest(`/api/venues/${venueId}/plans`, { method: 'POST', body: { fromVersion }, schema: PlanVersion }));

export const useSavePlan = (venueId: string, version: number) =>
  usePlanMutation(venueId, (plan: VenuePlan) => apiRequest(`/api/venues/${venueId}/plans/${version}`, { method: 'PUT', body: { plan }, schema: PlanVersion }));

export const useSign = (venueId: string, version: number) =>
  usePlanMutation(venueId, (step: 'venue' | 'command') =>
    apiRequest(`/api/venues/${venueId}/plans/${version}/${step === 'venue' ? 'sign-venue' : 'sign-command'}`, { method: 'POST', schema: PlanVersion }),
  );

export const useImportPlan = (venueId: string) =>
  usePlanMutation(venueId, (file: unknown) => apiRequest(`/api/venues/${venueId}/plans/import`, { method: 'POST', body: file, schema: PlanVersion }));

export const exportPlan = (venueId: string, version: number) => apiRequest(`/api/venues/${venueId}/plans/${version}/export`, { schema: CrowdPlanFile });

export function useRuns(matchId: string) {
  return useQuery({
    queryKey: crowdKeys.runs(matchId),
    queryFn: ({ signal }) => apiRequest(`/api/matches/${matchId}/crowd-runs`, { query: { limit: 50 }, schema: RunPage, signal }),
    // Runs in progress are polled until they finish.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'queued' || r.status === 'running') ? 1000 : false),
  });
}

/** The newest run of a venue's matches (the plan page colours its gates by it). */
export function useLatestVenueRun(venueId: string) {
  return useQuery({
    queryKey: ['crowd', 'venue-runs', venueId] as const,
    queryFn: ({ signal }) => apiRequest(`/api/venues/${venueId}/crowd-runs`, { query: { limit: 20 }, schema: RunPage, signal }),
    select: (page) => page.items.find((r) => r.status === 'done' && r.kind === 'simulation') ?? null,
  });
}

export function useRun(id: string | null) {
  return useQuery({
    queryKey: crowdKeys.run(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/crowd-runs/${id}`, { schema: Run, signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 700 : false),
  });
}

export function useCompare(a: string | null, b: string | null) {
  return useQuery({
    queryKey: crowdKeys.compare(a ?? '', b ?? ''),
    queryFn: ({ signal }) => apiRequest('/api/crowd-runs/compare', { query: { a, b }, schema: RunComparison, signal }),
    enabled: a !== null && b !== null && a !== b,
  });
}

export function useCreateRun(matchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateRunBody>) =>
      apiRequest(`/api/matches/${matchId}/crowd-runs`, { method: 'POST', body, schema: Run }),
    onSuccess: (run) => {
      queryClient.setQueryData(crowdKeys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: crowdKeys.runs(matchId) });
    },
  });
}

export function useReproduce(matchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/crowd-runs/${id}/reproduce`, { method: 'POST', schema: Run }),
    onSuccess: (run) => {
      queryClient.setQueryData(crowdKeys.run(run.id), run);
      void queryClient.invalidateQueries({ queryKey: crowdKeys.runs(matchId) });
    },
  });
}

/** A planner error in the user's language (the planner's own codes are in its catalog). */
export function crowdErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.code.startsWith('crowd_plan.')) return t(`crowd.errors.${error.code.slice('crowd_plan.'.length)}`);
  return toUserMessage(error, t);
}
