/** The workforce portal (applicants) and the employers' back office, over the typed API client. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import {
  ApplicantMe,
  ApplicantSession,
  type ApplicationFields,
  ApplicationView,
  ErasureResult,
  Mailbox,
  MyApplication,
  Opening,
  RegisterResponse,
} from '../../../common/contracts/workforce.ts';
import { ApiError, apiRequest, buildUrl, setCsrfToken, toUserMessage } from '../../lib/api.ts';

export const wfKeys = {
  openings: (f: object) => ['workforce', 'openings', f] as const,
  opening: (id: string) => ['workforce', 'opening', id] as const,
  portalMe: ['workforce', 'portal-me'] as const,
  mine: ['workforce', 'mine'] as const,
  myApplication: (id: string) => ['workforce', 'mine', id] as const,
  managed: (f: object) => ['workforce', 'managed', f] as const,
  applications: (f: object) => ['workforce', 'applications', f] as const,
  application: (id: string) => ['workforce', 'application', id] as const,
  mailbox: ['workforce', 'mailbox'] as const,
};

/** A message for a problem: the portal's own codes first, then the app's. */
export function wfMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const key = `workforce.errors.${error.code}`;
    const own = t(key, { defaultValue: '' });
    if (own) return own;
  }
  return toUserMessage(error, t);
}

// ---- public openings

export function useOpenings(f: { kind?: 'job' | 'volunteer'; q?: string; cursor?: string }) {
  return useQuery({ queryKey: wfKeys.openings(f), queryFn: () => apiRequest('/api/openings', { query: { ...f, limit: 50 }, schema: Page(Opening) }), placeholderData: keepPreviousData });
}

export function useOpening(id: string) {
  return useQuery({ queryKey: wfKeys.opening(id), queryFn: () => apiRequest(`/api/openings/${id}`, { schema: Opening }) });
}

// ---- applicant account

/** The signed-in applicant, or null (a 401 is an answer here). */
export async function fetchPortalMe(): Promise<ApplicantMe | null> {
  try {
    const res = await apiRequest('/api/portal/me', { schema: z.object({ applicant: ApplicantMe, csrfToken: z.string().nullable() }) });
    setCsrfToken(res.csrfToken);
    return res.applicant;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export function usePortalMe() {
  return useQuery({ queryKey: wfKeys.portalMe, queryFn: fetchPortalMe, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

export function useRegister() {
  return useMutation({ mutationFn: (body: { email: string; password: string; locale: 'ar' | 'fr' | 'en' }) => apiRequest('/api/portal/register', { method: 'POST', body, schema: RegisterResponse }) });
}

export function useConfirmEmail() {
  return useMutation({ mutationFn: (token: string) => apiRequest('/api/portal/confirm', { method: 'POST', body: { token } }) });
}

export function usePortalSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => apiRequest('/api/portal/login', { method: 'POST', body, schema: ApplicantSession }),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      qc.setQueryData(wfKeys.portalMe, res.applicant);
    },
  });
}

export function usePortalSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/portal/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ queryKey: ['workforce', 'mine'] });
      qc.setQueryData(wfKeys.portalMe, null);
    },
  });
}

// ---- the applicant's applications

export function useMyApplications(enabled = true) {
  return useQuery({ queryKey: wfKeys.mine, enabled, queryFn: async () => (await apiRequest('/api/portal/applications', { schema: z.object({ items: z.array(MyApplication) }) })).items });
}

export function useMyApplication(id: string) {
  return useQuery({ queryKey: wfKeys.myApplication(id), queryFn: () => apiRequest(`/api/portal/applications/${id}`, { schema: MyApplication }) });
}

function useMineMutation<A>(fn: (a: A) => Promise<z.infer<typeof MyApplication>>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (app) => {
      qc.setQueryData(wfKeys.myApplication(app.id), app);
      void qc.invalidateQueries({ queryKey: wfKeys.mine, exact: true });
    },
  });
}

export const useStartApplication = () => useMineMutation((openingId: string) => apiRequest('/api/portal/applications', { method: 'POST', body: { openingId }, schema: MyApplication }));
export const useSaveDraft = (id: string) => useMineMutation((f: ApplicationFields) => apiRequest(`/api/portal/applications/${id}`, { method: 'PATCH', body: f, schema: MyApplication }));
export const useSubmitApplication = (id: string) => useMineMutation(() => apiRequest(`/api/portal/applications/${id}/submit`, { method: 'POST', schema: MyApplication }));
export const useWithdrawApplication = (id: string) => useMineMutation(() => apiRequest(`/api/portal/applications/${id}/withdraw`, { method: 'POST', schema: MyApplication }));

/** Uploads a document as multipart/form-data. */
export async function uploadDocument(id: string, kind: 'photo' | 'passport_scan', file: File): Promise<z.infer<typeof MyApplication>> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest(`/api/portal/applications/${id}/files/${kind}`, { method: 'PUT', raw: { body: form }, schema: MyApplication });
}

export const useUploadDocument = (id: string) => useMineMutation((a: { kind: 'photo' | 'passport_scan'; file: File }) => uploadDocument(id, a.kind, a.file));

export function useEraseMyData() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/portal/erase', { method: 'POST', schema: ErasureResult }),
    onSuccess: () => {
      setCsrfToken(null);
      qc.removeQueries({ queryKey: ['workforce', 'mine'] });
      qc.setQueryData(wfKeys.portalMe, null);
    },
  });
}

export const exportUrl = '/api/portal/export';
export const myFileUrl = (id: string, kind: 'photo' | 'passport_scan') => `/api/portal/applications/${id}/files/${kind}`;
export const myBadgeUrl = (id: string) => `/api/portal/applications/${id}/badge`;

export function useMailbox() {
  return useQuery({ queryKey: wfKeys.mailbox, queryFn: () => apiRequest('/api/dev/mailbox', { schema: Mailbox }), refetchInterval: 3000 });
}

// ---- back office

export function useManagedOpenings(f: { status?: string; cursor?: string }) {
  return useQuery({ queryKey: wfKeys.managed(f), queryFn: () => apiRequest('/api/manage/openings', { query: { ...f, limit: 50 }, schema: Page(Opening) }), placeholderData: keepPreviousData });
}

export function useSaveOpening() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Record<string, unknown> }) =>
      id ? apiRequest(`/api/manage/openings/${id}`, { method: 'PATCH', body, schema: Opening }) : apiRequest('/api/manage/openings', { method: 'POST', body, schema: Opening }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['workforce'] }),
  });
}

export function useApplications(f: { status?: string; openingId?: string; ready?: boolean; cursor?: string }) {
  return useQuery({ queryKey: wfKeys.applications(f), queryFn: () => apiRequest('/api/applications', { query: { ...f, limit: 25 }, schema: Page(ApplicationView) }), placeholderData: keepPreviousData });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: wfKeys.application(id), queryFn: () => apiRequest(`/api/applications/${id}`, { schema: ApplicationView }) });
}

export function useDecide(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (decision: 'shortlist' | 'accept' | 'decline') => apiRequest(`/api/applications/${id}/decision`, { method: 'POST', body: { decision }, schema: ApplicationView }),
    onSuccess: (a) => {
      qc.setQueryData(wfKeys.application(id), a);
      void qc.invalidateQueries({ queryKey: ['workforce', 'applications'] });
    },
  });
}

export const applicationFileUrl = (id: string, kind: 'photo' | 'passport_scan') => buildUrl(`/api/applications/${id}/files/${kind}`);

/** The text of a three-language field in the reader's language, else another one. */
export function localText(text: { en?: string; fr?: string; ar?: string }, locale: 'ar' | 'fr' | 'en'): string {
  return text[locale] || text.en || text.fr || text.ar || '';
}
