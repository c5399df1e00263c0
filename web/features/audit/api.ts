import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Page } from '../../../common/contracts/common.ts';
import { AuditEntry, AuditHead } from '../../../common/contracts/platform.ts';
import { apiRequest } from '../../lib/api.ts';
import { PAGE_SIZE } from '../../lib/pagination.ts';

const AuditPage = Page(AuditEntry);

export interface AuditFilters {
  actor?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  cursor?: string;
}

export function useAuditTrail(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => apiRequest('/api/audit', { query: { limit: PAGE_SIZE, ...filters }, schema: AuditPage, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The head of the hash chain, as an anchor to keep outside Tansiq. */
export function useAuditHead() {
  return useQuery({
    queryKey: ['audit', 'head'],
    queryFn: ({ signal }) => apiRequest('/api/audit/head', { schema: AuditHead, signal }),
  });
}

/** A `datetime-local` value (the browser's local time) as an ISO date-time with offset, or undefined. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
