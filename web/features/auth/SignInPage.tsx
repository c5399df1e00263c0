import { Button, Card, Center, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField.tsx';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginBody } from '../../../common/contracts/platform.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { LoadingState } from '../../components/QueryState.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useSwitchLocale } from '../profile/api.ts';
import { useMe, useSignIn } from './api.ts';

/** Only same-site paths are followed after sign-in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const switchLocale = useSwitchLocale();
  const form = useFormErrors();
  const signIn = useSignIn((user) => {
    // The profile's language wins on sign-in.
    if (user.locale) switchLocale(user.locale, { save: false });
  });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  if (me.isPending) return <LoadingState />;
  if (me.data && !signIn.isPending) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(LoginBody, { email: email.trim(), password });
    if (!body) return;
    signIn.mutate(body, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: form.fromServer,
    });
  };

  return (
    <Center mih="100dvh" p="md" className="sign-in-backdrop">
      <Stack w="100%" maw={420} gap="md">
        <Group justify="space-between" align="center">
          <Stack gap={0}>
            <Title order={1} c="teal.8">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('app.nameOther')}
            </Text>
          </Stack>
          <LanguageSwitcher />
        </Group>
        <Text size="sm">{t('app.tagline')}</Text>
        <Card withBorder shadow="sm" padding="lg" component="form" onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
          <Stack>
            <Title order={2} size="h3" id="sign-in-title">
              {t('auth.signInTitle')}
            </Title>
            <FormAlert message={form.formError} />
            <TextInput
              label={t('auth.email')}
              type="email"
              name="email"
              dir="ltr"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                form.clear('email');
              }}
              error={form.errors.email}
            />
            <PasswordField
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                form.clear('password');
              }}
              error={form.errors.password}
            />
            <Button type="submit" loading={signIn.isPending} fullWidth>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </Card>
        <Text size="xs" c="dimmed" ta="center">
          {t('auth.notice')}
        </Text>
      </Stack>
    </Center>
  );
}
