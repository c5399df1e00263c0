/** Work-visa cases, accreditations and badges for officers, and the checkpoint's cache. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import { Accreditation, BadgeKeys, Revocations, VisaCase, type VisaStep } from '../../../common/contracts/workforce.ts';
import { apiRequest } from '../../lib/api.ts';

export const accKeys = {
  visas: (f: object) => ['accreditation', 'visas', f] as const,
  list: (f: object) => ['accreditation', 'list', f] as const,
};

export function useVisaCases(f: { status?: string; cursor?: string }) {
  return useQuery({ queryKey: accKeys.visas(f), queryFn: () => apiRequest('/api/visa-cases', { query: { ...f, limit: 50 }, schema: Page(VisaCase) }), placeholderData: keepPreviousData });
}

export function useVisaStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { step: VisaStep; outcome: 'done' | 'refused'; visaNumber?: string; validFrom?: string; validTo?: string }) => apiRequest(`/api/visa-cases/${id}/steps`, { method: 'POST', body, schema: VisaCase }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['accreditation', 'visas'] }),
  });
}

export function useAccreditations(f: { status?: string; cursor?: string }) {
  return useQuery({ queryKey: accKeys.list(f), queryFn: () => apiRequest('/api/accreditations', { query: { ...f, limit: 50 }, schema: Page(Accreditation) }), placeholderData: keepPreviousData });
}

export function useIssueAccreditation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { applicationId: string; roleCategory: string; venueIds: string[]; zones: number[]; validFrom: string; validTo: string }) => apiRequest('/api/accreditations', { method: 'POST', body, schema: Accreditation }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['accreditation'] });
      void qc.invalidateQueries({ queryKey: ['workforce', 'applications'] });
    },
  });
}

export function useChangeAccreditation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'suspend' | 'reinstate' | 'revoke' }) => apiRequest(`/api/accreditations/${id}/${action}`, { method: 'POST', schema: Accreditation }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['accreditation'] }),
  });
}

export const badgePdfUrl = (id: string) => `/api/accreditations/${id}/badge`;

export const fetchKeys = () => apiRequest('/api/badges/keys', { schema: BadgeKeys });
export const fetchRevocations = () => apiRequest('/api/badges/revocations', { schema: Revocations });
export const uploadScans = (scans: unknown[]) => apiRequest('/api/badges/scans', { method: 'POST', body: { scans }, schema: z.object({ stored: z.number(), duplicates: z.number() }) });
export const fetchBadgeCode = (id: string) => apiRequest(`/api/accreditations/${id}/badge-code`, { schema: z.object({ code: z.string() }) });
