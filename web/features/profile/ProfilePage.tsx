import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField.tsx';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordBody, UpdateMeBody } from '../../../common/contracts/platform.ts';
import { Field } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormErrors } from '../../lib/forms.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useOrganisationName } from '../organisations/api.ts';
import { roleLabel } from '../admin/labels.ts';
import { useChangePassword, useUpdateMe } from './api.ts';

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const orgName = useOrganisationName(me.organisation);
  return (
    <>
      <PageHeader title={t('profile.title')} subtitle={<span dir="ltr">{me.email}</span>} />
      <Stack maw={720}>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Field label={t('users.organisation')}>{orgName}</Field>
            <Field label={t('users.roles')}>{me.roles.map((r) => roleLabel(r.role, t)).join(t('common.listSeparator')) || '—'}</Field>
          </SimpleGrid>
        </Card>
        <NameForm initial={me.name} />
        <Card withBorder>
          <Stack gap="xs">
            <Title order={4}>{t('profile.language')}</Title>
            <Text size="sm" c="dimmed">
              {t('profile.languageHint')}
            </Text>
            <Group>
              <LanguageSwitcher size="sm" />
            </Group>
          </Stack>
        </Card>
        <PasswordForm />
      </Stack>
    </>
  );
}

function NameForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const form = useFormErrors();
  const [name, setName] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(UpdateMeBody, { name });
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('common.saved') }),
      onError: form.fromServer,
    });
  };
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={4}>{t('profile.name')}</Title>
        <FormAlert message={form.formError} />
        <TextInput
          label={t('users.name')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            form.clear('name');
          }}
          error={form.errors.name}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const form = useFormErrors({ 'auth.wrong_password': 'currentPassword' });
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const mismatch: Record<string, string> = confirm !== newPassword ? { confirm: t('profile.passwordMismatch') } : {};
    const body = form.check(ChangePasswordBody, { currentPassword, newPassword }, mismatch);
    if (!body) return;
    change.mutate(body, {
      onSuccess: () => {
        setCurrent('');
        setNew('');
        setConfirm('');
        notifications.show({ color: 'teal', message: t('profile.passwordChanged') });
      },
      onError: form.fromServer,
    });
  };
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={4}>{t('profile.changePassword')}</Title>
        <FormAlert message={form.formError} />
        <PasswordField
          label={t('profile.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => {
            setCurrent(e.currentTarget.value);
            form.clear('currentPassword');
          }}
          error={form.errors.currentPassword}
        />
        <PasswordField
          label={t('profile.newPassword')}
          description={t('profile.passwordRule')}
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => {
            setNew(e.currentTarget.value);
            form.clear('newPassword');
          }}
          error={form.errors.newPassword}
        />
        <PasswordField
          label={t('profile.confirmPassword')}
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => {
            setConfirm(e.currentTarget.value);
            form.clear('confirm');
          }}
          error={form.errors.confirm}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('profile.changePassword')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
