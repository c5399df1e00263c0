import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { PasswordField } from '../../components/PasswordField.tsx';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CreateUserBody } from '../../../common/contracts/platform.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useAllOrganisations } from '../organisations/api.ts';
import { useCreateUser } from './api.ts';
import { RoleEditor, type RoleRow, roleVenueErrors } from './RoleEditor.tsx';

export function UserCreatePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const organisations = useAllOrganisations();
  const create = useCreateUser();
  const form = useFormErrors({ 'user.email_taken': 'email', 'user.invalid_role': 'roles', 'organisation.not_found': 'organisationId' });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<RoleRow[]>([]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(
      CreateUserBody,
      { email, name, organisationId: organisationId ?? '', password, roles },
      roleVenueErrors(roles, t('users.venueRequired')),
    );
    if (!body) return;
    create.mutate(body, {
      onSuccess: (user) => {
        notifications.show({ color: 'teal', message: t('users.created') });
        void navigate(`/admin/users/${user.id}`);
      },
      onError: form.fromServer,
    });
  };

  return (
    <>
      <PageHeader back={{ to: '/admin/users', label: t('users.back') }} title={t('users.create')} />
      <Card withBorder component="form" onSubmit={onSubmit} noValidate maw={760}>
        <Stack>
          <FormAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('users.email')}
              type="email"
              dir="ltr"
              required
              autoComplete="off"
              value={email}
              onChange={(e) => {
                setEmail(e.currentTarget.value);
                form.clear('email');
              }}
              error={form.errors.email}
            />
            <TextInput
              label={t('users.name')}
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                form.clear('name');
              }}
              error={form.errors.name}
            />
            <Select
              label={t('users.organisation')}
              required
              searchable
              value={organisationId}
              onChange={(value) => {
                setOrganisationId(value);
                form.clear('organisationId');
              }}
              data={(organisations.data ?? []).map((o) => ({ value: o.id, label: localName(fmt.locale, o) }))}
              error={form.errors.organisationId}
            />
            <PasswordField
              label={t('users.initialPassword')}
              description={t('profile.passwordRule')}
              required
              autoComplete="new-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                form.clear('password');
              }}
              error={form.errors.password}
            />
          </SimpleGrid>
          <RoleEditor value={roles} onChange={setRoles} errors={form.errors} />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('users.submitCreate')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
