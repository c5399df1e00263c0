/** Form validation with the contract's zod schemas, and the server's field errors shown next to fields. */
import type { TFunction } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, fieldErrorsOf, toUserMessage } from './api.ts';

export type FieldErrors = Record<string, string>;

interface IssueLike {
  code: string;
  path: PropertyKey[];
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
}

/** One zod issue in the user's language. */
export function issueMessage(issue: IssueLike, t: TFunction): string {
  const origin = issue.origin ?? '';
  switch (issue.code) {
    case 'too_small': {
      const count = Number(issue.minimum ?? 0);
      if (origin === 'string') return count <= 1 ? t('validation.required') : t('validation.minLength', { count });
      if (origin === 'array' || origin === 'set') return t('validation.minItems', { count });
      return t('validation.minValue', { value: count });
    }
    case 'too_big': {
      const count = Number(issue.maximum ?? 0);
      if (origin === 'string') return t('validation.maxLength', { count });
      if (origin === 'array' || origin === 'set') return t('validation.maxItems', { count });
      return t('validation.maxValue', { value: count });
    }
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.required');
      return t('validation.format');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('validation.required')
        : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

export function issuesToErrors(issues: readonly IssueLike[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_form';
    out[key] ??= issueMessage(issue, t);
  }
  return out;
}

/**
 * Field errors of one form: from the contract's schema before sending, from the server after. The form's
 * values stay in the form's own state, so nothing the user typed is lost when a submit fails.
 */
export function useFormErrors(codeToField: Record<string, string> = {}) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const check = useCallback(
    <S extends z.ZodType>(schema: S, body: unknown, extra: FieldErrors = {}): z.output<S> | null => {
      const result = schema.safeParse(body);
      if (result.success && Object.keys(extra).length === 0) {
        setErrors({});
        setFormError(null);
        return result.data;
      }
      setErrors({ ...extra, ...(result.success ? {} : issuesToErrors(result.error.issues as IssueLike[], t)) });
      setFormError(t('validation.fixFields'));
      return null;
    },
    [t],
  );

  const fromServer = useCallback(
    (error: unknown) => {
      const fields = fieldErrorsOf(error);
      if (error instanceof ApiError) {
        const field = codeToField[error.code];
        if (field) fields[field] = toUserMessage(error, t);
      }
      setErrors(fields);
      setFormError(toUserMessage(error, t));
    },
    // codeToField is a literal per form: its identity does not matter
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  const clear = useCallback((name: string) => {
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const { [name]: _removed, ...rest } = prev;
      return rest;
    });
  }, []);

  return { errors, formError, check, fromServer, clear, setFormError };
}
