import { Alert, Anchor, Button, Card, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApplicantLoginBody, RegisterBody } from '../../../common/contracts/workforce.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useLocale } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { safeNext } from '../auth/SignInPage.tsx';
import { useConfirmEmail, usePortalSignIn, useRegister, wfMessage } from './api.ts';

const LANGUAGES = [
  { value: 'ar', label: 'العربية' },
  { value: 'fr', label: 'Français' },
  { value: 'en', label: 'English' },
];

export function RegisterPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormErrors();
  const register = useRegister();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<string>(locale);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(RegisterBody, { email: email.trim(), password, locale: language });
    if (!body) return;
    register.mutate(body, { onError: (err) => { form.fromServer(err); form.setFormError(wfMessage(err, t)); } });
  };

  if (register.isSuccess) {
    return (
      <Alert color="teal" title={t('workforce.account.registerTitle')} role="status">
        <Stack gap="xs">
          <Text>{t('workforce.account.registered', { email: register.data.email })}</Text>
          <Text size="sm" c="dimmed">
            {t('workforce.account.mailboxHint')}{' '}
            <Anchor component={Link} to="/dev/mailbox">
              {t('workforce.account.openMailbox')}
            </Anchor>
          </Text>
        </Stack>
      </Alert>
    );
  }
  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate maw={460} mx="auto">
      <Stack>
        <Title order={1} size="h3">
          {t('workforce.account.registerTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('workforce.account.registerIntro')}
        </Text>
        <FormAlert message={form.formError} />
        <TextInput label={t('workforce.account.email')} type="email" dir="ltr" autoComplete="email" required value={email} onChange={(e) => { setEmail(e.currentTarget.value); form.clear('email'); }} error={form.errors.email} />
        <PasswordField label={t('workforce.account.password')} description={t('workforce.account.passwordHint')} autoComplete="new-password" required value={password} onChange={(e) => { setPassword(e.currentTarget.value); form.clear('password'); }} error={form.errors.password} />
        <Select label={t('workforce.account.language')} data={LANGUAGES} value={language} onChange={(v) => setLanguage(v ?? locale)} allowDeselect={false} />
        <Button type="submit" loading={register.isPending}>
          {t('workforce.account.create')}
        </Button>
        <Anchor component={Link} to="/portal/sign-in" size="sm">
          {t('workforce.account.haveAccount')}
        </Anchor>
      </Stack>
    </Card>
  );
}

export function PortalSignInPage() {
  const { t } = useTranslation();
  const form = useFormErrors();
  const signIn = usePortalSignIn();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next') ?? '/portal/applications');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(ApplicantLoginBody, { email: email.trim(), password });
    if (!body) return;
    signIn.mutate(body, { onSuccess: () => void navigate(next, { replace: true }), onError: (err) => { form.fromServer(err); form.setFormError(wfMessage(err, t)); } });
  };
  return (
    <Card withBorder padding="lg" component="form" onSubmit={onSubmit} noValidate maw={460} mx="auto">
      <Stack>
        <Title order={1} size="h3">
          {t('workforce.account.signInTitle')}
        </Title>
        <FormAlert message={form.formError} />
        <TextInput label={t('workforce.account.email')} type="email" dir="ltr" autoComplete="username" required value={email} onChange={(e) => { setEmail(e.currentTarget.value); form.clear('email'); }} error={form.errors.email} />
        <PasswordField label={t('workforce.account.password')} autoComplete="current-password" required value={password} onChange={(e) => { setPassword(e.currentTarget.value); form.clear('password'); }} error={form.errors.password} />
        <Button type="submit" loading={signIn.isPending}>
          {t('workforce.account.signInButton')}
        </Button>
        <Anchor component={Link} to="/portal/register" size="sm">
          {t('workforce.account.noAccount')}
        </Anchor>
        <Anchor component={Link} to="/sign-in" size="xs" c="dimmed">
          {t('workforce.portal.staffSignIn')}
        </Anchor>
      </Stack>
    </Card>
  );
}

export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const confirm = useConfirmEmail();
  const sent = useRef(false);
  const token = params.get('token') ?? '';
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);
  return (
    <Card withBorder padding="lg" maw={460} mx="auto">
      <Stack>
        <Title order={1} size="h3">
          {t('workforce.account.confirmTitle')}
        </Title>
        {confirm.isPending && (
          <Text>
            <Loader size="xs" /> {t('workforce.account.confirming')}
          </Text>
        )}
        {confirm.isSuccess && (
          <Alert color="teal" role="status">
            {t('workforce.account.confirmed')}
          </Alert>
        )}
        {(confirm.isError || !token) && (
          <Alert color="red" role="alert">
            {t('workforce.account.confirmFailed')}
          </Alert>
        )}
        <Button component={Link} to="/portal/sign-in" variant={confirm.isSuccess ? 'filled' : 'light'}>
          {t('workforce.account.signInButton')}
        </Button>
      </Stack>
    </Card>
  );
}
