/** Users and API tokens, for administrators. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Page } from '../../../common/contracts/common.ts';
import {
  ApiToken,
  type CreateApiTokenBody,
  CreatedApiToken,
  type CreateUserBody,
  type UpdateUserBody,
  User,
} from '../../../common/contracts/platform.ts';
import { apiRequest } from '../../lib/api.ts';
import { PAGE_SIZE } from '../../lib/pagination.ts';

const UserPage = Page(User);
const ApiTokenPage = Page(ApiToken);

export interface UserFilters {
  q?: string;
  organisationId?: string;
  role?: string;
  cursor?: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (f: UserFilters) => ['users', 'list', f] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export function useUsers(filters: UserFilters) {
  return useQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ signal }) => apiRequest('/api/users', { query: { limit: PAGE_SIZE, ...filters }, schema: UserPage, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? ''),
    queryFn: ({ signal }) => apiRequest(`/api/users/${id}`, { schema: User, signal }),
    enabled: Boolean(id),
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof CreateUserBody>) => apiRequest('/api/users', { method: 'POST', body, schema: User }),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof UpdateUserBody>) =>
      apiRequest(`/api/users/${id}`, { method: 'PATCH', body, schema: User }),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });
}

export interface TokenFilters {
  organisationId?: string;
  includeRevoked?: boolean;
  cursor?: string;
}

export const tokenKeys = {
  all: ['api-tokens'] as const,
  list: (f: TokenFilters) => ['api-tokens', 'list', f] as const,
};

export function useApiTokens(filters: TokenFilters) {
  return useQuery({
    queryKey: tokenKeys.list(filters),
    queryFn: ({ signal }) =>
      apiRequest('/api/api-tokens', {
        query: {
          limit: PAGE_SIZE,
          organisationId: filters.organisationId,
          cursor: filters.cursor,
          includeRevoked: filters.includeRevoked ? 'true' : undefined,
        },
        schema: ApiTokenPage,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof CreateApiTokenBody>) =>
      apiRequest('/api/api-tokens', { method: 'POST', body, schema: CreatedApiToken }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/api-tokens/${id}/revoke`, { method: 'POST', schema: ApiToken }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
