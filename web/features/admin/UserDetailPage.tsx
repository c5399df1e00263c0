import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField.tsx';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { UpdateUserBody, type User } from '../../../common/contracts/platform.ts';
import { Field } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { toUserMessage } from '../../lib/api.ts';
import { localName, useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { useAllOrganisations } from '../organisations/api.ts';
import { useVenueNamer } from '../venues/api.ts';
import { useUpdateUser, useUser } from './api.ts';
import { roleLabel } from './labels.ts';
import { RoleEditor, type RoleRow, roleVenueErrors } from './RoleEditor.tsx';

export function UserDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const venueName = useVenueNamer();
  const query = useUser(id);
  const manage = can(me.data, 'user:manage');
  const organisations = useAllOrganisations(can(me.data, 'organisation:read'));
  const orgName = (id: string, fallback: string) => {
    const org = organisations.data?.find((o) => o.id === id);
    return org ? localName(fmt.locale, org) : fallback;
  };
  return (
    <QueryState query={query}>
      {(user) => (
        <>
          <PageHeader
            back={{ to: '/admin/users', label: t('users.back') }}
            title={user.name}
            subtitle={<span dir="ltr">{user.email}</span>}
            actions={
              <Badge color={user.isActive ? 'teal' : 'gray'} variant="dot" size="lg">
                {user.isActive ? t('users.active') : t('users.disabled')}
              </Badge>
            }
          />
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                <Field label={t('users.organisation')}>
                  <Link to={`/organisations/${user.organisationId}`}>{orgName(user.organisationId, user.organisationName)}</Link>
                </Field>
                <Field label={t('users.roles')}>
                  <Group gap={4}>
                    {user.roles.length === 0 && t('users.noRoles')}
                    {user.roles.map((r, i) => (
                      <Badge key={i} variant="light">
                        {r.venueId ? t('users.roleAtVenue', { role: roleLabel(r.role, t), venue: venueName(r.venueId, '…') }) : roleLabel(r.role, t)}
                      </Badge>
                    ))}
                  </Group>
                </Field>
                <Field label={t('common.createdAt')}>{fmt.dateTime(user.createdAt)}</Field>
              </SimpleGrid>
            </Card>
            {manage && (
              <>
                <UserEditForm key={`edit-${user.id}`} user={user} />
                <ActivationCard user={user} />
                <ResetPasswordForm user={user} />
              </>
            )}
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function UserEditForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useFormErrors({ 'user.invalid_role': 'roles', 'user.self_lockout': 'roles' });
  const [name, setName] = useState(user.name);
  const [roles, setRoles] = useState<RoleRow[]>(user.roles.map((r) => ({ role: r.role, venueId: r.venueId })));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(UpdateUserBody, { name, roles }, roleVenueErrors(roles, t('users.venueRequired')));
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('common.saved') }),
      onError: form.fromServer,
    });
  };

  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={4}>{t('users.editTitle')}</Title>
        <FormAlert message={form.formError} />
        <TextInput
          label={t('users.name')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            form.clear('name');
          }}
          error={form.errors.name}
          maw={480}
        />
        <RoleEditor value={roles} onChange={setRoles} errors={form.errors} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function ActivationCard({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const [opened, { open, close }] = useDisclosure(false);
  const disabling = user.isActive;
  const confirm = () =>
    update.mutate(
      { isActive: !user.isActive },
      {
        onSuccess: () => {
          close();
          notifications.show({ color: 'teal', message: disabling ? t('users.disabledDone') : t('users.enabledDone') });
        },
      },
    );
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={4}>{t('users.access')}</Title>
          <Text size="sm" c="dimmed">
            {disabling ? t('users.disableHint') : t('users.enableHint')}
          </Text>
        </Stack>
        <Button color={disabling ? 'red' : 'teal'} variant="light" onClick={open}>
          {disabling ? t('users.disable') : t('users.enable')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={disabling ? t('users.disableConfirmTitle') : t('users.enableConfirmTitle')} centered>
        <Stack>
          <Text size="sm">{t(disabling ? 'users.disableConfirm' : 'users.enableConfirm', { name: user.name })}</Text>
          {update.isError && <FormAlert message={toUserMessage(update.error, t)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color={disabling ? 'red' : 'teal'} loading={update.isPending} onClick={confirm}>
              {disabling ? t('users.disable') : t('users.enable')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useFormErrors();
  const [password, setPassword] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(UpdateUserBody, { password });
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => {
        setPassword('');
        notifications.show({ color: 'teal', message: t('users.passwordReset') });
      },
      onError: form.fromServer,
    });
  };
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Title order={4}>{t('users.resetPassword')}</Title>
        <FormAlert message={form.formError} />
        <PasswordField
          label={t('profile.newPassword')}
          description={t('profile.passwordRule')}
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            form.clear('password');
          }}
          error={form.errors.password}
          maw={480}
        />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={update.isPending}>
            {t('users.resetPassword')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
