/** Live operations in the web app: incidents, dispatch, personnel, gates and alerts, and the live event stream. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import {
  GateSeries,
  GateStatus,
  Incident,
  IncidentDetail,
  type IncidentQuery,
  type IncidentStatus,
  MyAssignment,
  Personnel,
  PublicAlert,
  Timeline,
  type DraftAlertBody,
} from '../../../common/contracts/operations.ts';
import { apiRequest, buildUrl } from '../../lib/api.ts';

const IncidentPage = Page(Incident);
export type IncidentFilters = Partial<Omit<IncidentQuery, 'limit'>> & { limit?: number };

export const opsKeys = {
  incidents: ['incidents'] as const,
  list: (f: IncidentFilters) => ['incidents', 'list', f] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  timeline: (id: string) => ['incidents', 'timeline', id] as const,
  mine: ['assignments', 'mine'] as const,
  personnel: ['personnel'] as const,
  gates: (venueId?: string) => ['gates', venueId ?? 'all'] as const,
  series: (venueId: string, gateId: string) => ['gates', 'series', venueId, gateId] as const,
  alerts: ['alerts'] as const,
};

export function useIncidents(filters: IncidentFilters) {
  return useQuery({
    queryKey: opsKeys.list(filters),
    queryFn: ({ signal }) => apiRequest('/api/incidents', { query: { limit: 50, ...filters }, schema: IncidentPage, signal }),
    placeholderData: keepPreviousData,
  });
}

export const exportUrl = (filters: IncidentFilters) => buildUrl('/api/incidents/export.csv', { ...filters, cursor: undefined, limit: undefined });

export function useIncident(id: string | undefined) {
  return useQuery({ queryKey: opsKeys.detail(id ?? ''), queryFn: ({ signal }) => apiRequest(`/api/incidents/${id}`, { schema: IncidentDetail, signal }), enabled: Boolean(id) });
}

export function useTimeline(id: string) {
  return useQuery({ queryKey: opsKeys.timeline(id), queryFn: ({ signal }) => apiRequest(`/api/incidents/${id}/timeline`, { schema: Timeline, signal }) });
}

/** One mutation on an incident; the answer replaces the cached detail and lists and the timeline refresh. */
function useIncidentAction<V>(id: string, request: (v: V) => Promise<IncidentDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (incident) => {
      qc.setQueryData(opsKeys.detail(id), incident);
      void qc.invalidateQueries({ queryKey: opsKeys.timeline(id) });
      void qc.invalidateQueries({ queryKey: ['incidents', 'list'] });
      void qc.invalidateQueries({ queryKey: opsKeys.mine });
    },
  });
}

export const useTransition = (id: string) => useIncidentAction(id, (v: { to: IncidentStatus; note?: string }) => apiRequest(`/api/incidents/${id}/transitions`, { method: 'POST', body: v, schema: IncidentDetail }));
export const useAddNote = (id: string) => useIncidentAction(id, (text: string) => apiRequest(`/api/incidents/${id}/notes`, { method: 'POST', body: { text }, schema: IncidentDetail }));
export const useDispatch = (id: string) => useIncidentAction(id, (personnelId: string) => apiRequest(`/api/incidents/${id}/assignments`, { method: 'POST', body: { personnelId }, schema: IncidentDetail }));
export const useRestrict = (id: string) => useIncidentAction(id, (restricted: boolean) => apiRequest(`/api/incidents/${id}/restriction`, { method: 'POST', body: { restricted }, schema: IncidentDetail }));
export const useLink = (id: string) => useIncidentAction(id, (incidentId: string) => apiRequest(`/api/incidents/${id}/links`, { method: 'POST', body: { incidentId }, schema: IncidentDetail }));
export const useAcknowledge = (id: string) => useIncidentAction(id, (assignmentId: string) => apiRequest(`/api/incidents/${id}/assignments/${assignmentId}/acknowledge`, { method: 'POST', schema: IncidentDetail }));

export function useMyAssignments() {
  return useQuery({ queryKey: opsKeys.mine, queryFn: ({ signal }) => apiRequest('/api/assignments/mine', { schema: z.object({ items: z.array(MyAssignment) }), signal }) });
}

export function usePersonnel(enabled: boolean) {
  return useQuery({ queryKey: opsKeys.personnel, queryFn: ({ signal }) => apiRequest('/api/personnel', { query: { limit: 200 }, schema: Page(Personnel), signal }), enabled, staleTime: 60_000 });
}

export function useGates(venueId: string | undefined, enabled = true) {
  return useQuery({ queryKey: opsKeys.gates(venueId), queryFn: ({ signal }) => apiRequest('/api/telemetry/gates', { query: { venueId }, schema: z.object({ items: z.array(GateStatus) }), signal }), enabled });
}

export function useGateSeries(venueId: string, gateId: string | null) {
  return useQuery({ queryKey: opsKeys.series(venueId, gateId ?? ''), queryFn: ({ signal }) => apiRequest('/api/telemetry/gates/series', { query: { venueId, gateId }, schema: GateSeries, signal }), enabled: Boolean(gateId) });
}

export function useAlerts() {
  return useQuery({ queryKey: opsKeys.alerts, queryFn: ({ signal }) => apiRequest('/api/alerts', { query: { limit: 100 }, schema: Page(PublicAlert), signal }) });
}

export function useDraftAlert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DraftAlertBody) => apiRequest('/api/alerts', { method: 'POST', body, schema: PublicAlert }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: opsKeys.alerts }),
  });
}

export function useAlertDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      apiRequest(`/api/alerts/${v.id}/${v.decision}`, { method: 'POST', body: v.decision === 'reject' ? { reason: v.reason } : undefined, schema: PublicAlert }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: opsKeys.alerts }),
  });
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

/** Least time between two refreshes of a list by live events (the board updates within a second of a change). */
const REFRESH_MS = 250;

/**
 * Subscribes to `/api/events/stream` and refreshes what changed: the browser's EventSource reconnects by
 * itself and sends Last-Event-ID, so the server replays what was missed. Returns the connection state.
 */
export function useLiveEvents(types: string[], onEvent?: (type: string, data: unknown) => void): LiveState {
  const qc = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = types.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events/stream');
    // During a busy match events come many times a second: refetching a list on each would cancel the fetch
    // in flight and start again. Lists are refreshed at most every REFRESH_MS, after the first event.
    const due = new Map<string, readonly unknown[]>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = (...queryKeys: (readonly unknown[])[]) => {
      for (const queryKey of queryKeys) due.set(JSON.stringify(queryKey), queryKey);
      timer ??= setTimeout(() => {
        timer = null;
        for (const queryKey of due.values()) void qc.invalidateQueries({ queryKey });
        due.clear();
      }, REFRESH_MS);
    };
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    const listeners = key.split(',').map((type) => {
      const listener = (e: MessageEvent<string>) => {
        let data: unknown = null;
        try {
          data = (JSON.parse(e.data) as { data: unknown }).data;
        } catch {
          // a frame we cannot read: refresh anyway
        }
        if (type.startsWith('incident.')) refresh(opsKeys.incidents, opsKeys.mine);
        if (type.startsWith('gate.')) refresh(['gates']);
        if (type.startsWith('alert.')) refresh(opsKeys.alerts);
        handler.current?.(type, data);
      };
      source.addEventListener(type, listener as EventListener);
      return [type, listener] as const;
    });
    return () => {
      if (timer) clearTimeout(timer);
      for (const [type, listener] of listeners) source.removeEventListener(type, listener as EventListener);
      source.close();
    };
  }, [key, qc]);
  return state;
}
