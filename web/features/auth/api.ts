/** The session: who is signed in (`GET /api/me`), sign-in and sign-out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type LoginBody, LoginResponse, type Me, MeResponse } from '../../../common/contracts/platform.ts';
import { ApiError, apiRequest, setCsrfToken } from '../../lib/api.ts';

export const meKey = ['me'] as const;

/** The signed-in user, or null when signed out (a 401 here is an answer, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const res = await apiRequest('/api/me', { schema: MeResponse });
    setCsrfToken(res.csrfToken);
    return res.user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY, retry: false });
}

/** The signed-in user; only for components rendered behind `RequireAuth`. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a signed-in area');
  return data;
}

export function useSignIn(onSignedIn?: (user: Me) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof LoginBody>) =>
      apiRequest('/api/auth/login', { method: 'POST', body, schema: LoginResponse }),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      queryClient.setQueryData(meKey, res.user);
      onSignedIn?.(res.user);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, null);
    },
  });
}
