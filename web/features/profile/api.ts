/** The signed-in user's own profile: name, language, password. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Locale } from '../../../common/contracts/common.ts';
import { type ChangePasswordBody, type Me, MeResponse, type UpdateMeBody } from '../../../common/contracts/platform.ts';
import { apiRequest, setCsrfToken } from '../../lib/api.ts';
import { applyDocumentLocale, rememberLocale } from '../../i18n/index.ts';
import { meKey } from '../auth/api.ts';

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof UpdateMeBody>) =>
      apiRequest('/api/me', { method: 'PATCH', body, schema: MeResponse }),
    onSuccess: (res) => {
      if (res.csrfToken) setCsrfToken(res.csrfToken);
      queryClient.setQueryData(meKey, res.user);
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.infer<typeof ChangePasswordBody>) =>
      apiRequest('/api/me/password', { method: 'POST', body }),
  });
}

/** Switches the language now (page direction included), remembers it, and saves it to the profile when signed in. */
export function useSwitchLocale() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const updateMe = useUpdateMe();
  const { mutate } = updateMe;
  return useCallback(
    (locale: Locale, options: { save?: boolean } = {}) => {
      applyDocumentLocale(locale);
      rememberLocale(locale);
      void i18n.changeLanguage(locale);
      const me = queryClient.getQueryData<Me | null>(meKey);
      if ((options.save ?? true) && me && me.locale !== locale) mutate({ locale });
    },
    [i18n, queryClient, mutate],
  );
}
