import { Button, Card, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { CreateOrganisationBody, type Organisation, UpdateOrganisationBody } from '../../../common/contracts/platform.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCreateOrganisation, useOrganisation, useUpdateOrganisation } from './api.ts';
import { ORGANISATION_KINDS, kindLabel } from './labels.ts';

interface Values {
  name: string;
  nameFr: string;
  nameAr: string;
  shortName: string;
  kind: string;
  country: string;
}

const toValues = (org?: Organisation): Values => ({
  name: org?.name ?? '',
  nameFr: org?.nameFr ?? '',
  nameAr: org?.nameAr ?? '',
  shortName: org?.shortName ?? '',
  kind: org?.kind ?? '',
  country: org?.country ?? '',
});

const toBody = (v: Values) => ({
  name: v.name,
  nameFr: v.nameFr.trim() === '' ? null : v.nameFr,
  nameAr: v.nameAr.trim() === '' ? null : v.nameAr,
  shortName: v.shortName,
  kind: v.kind || undefined,
  country: v.country.trim().toUpperCase(),
});

export function OrganisationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  return (
    <>
      <PageHeader back={{ to: '/organisations', label: t('organisations.back') }} title={t('organisations.create')} />
      <OrganisationForm
        initial={toValues()}
        mode="create"
        pending={create.isPending}
        submit={(body, onError) =>
          create.mutate(CreateOrganisationBody.parse(body), {
            onSuccess: (org) => {
              notifications.show({ color: 'teal', message: t('organisations.created') });
              void navigate(`/organisations/${org.id}`);
            },
            onError,
          })
        }
      />
    </>
  );
}

export function OrganisationEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useOrganisation(id);
  const update = useUpdateOrganisation(id);
  return (
    <QueryState query={query}>
      {(org) => (
        <>
          <PageHeader back={{ to: `/organisations/${id}`, label: t('common.back') }} title={t('organisations.edit')} subtitle={org.name} />
          <OrganisationForm
            initial={toValues(org)}
            mode="edit"
            pending={update.isPending}
            submit={(body, onError) =>
              update.mutate(UpdateOrganisationBody.parse(body), {
                onSuccess: () => {
                  notifications.show({ color: 'teal', message: t('common.saved') });
                  void navigate(`/organisations/${id}`);
                },
                onError,
              })
            }
          />
        </>
      )}
    </QueryState>
  );
}

function OrganisationForm({
  initial,
  mode,
  pending,
  submit,
}: {
  initial: Values;
  mode: 'create' | 'edit';
  pending: boolean;
  submit: (body: unknown, onError: (error: unknown) => void) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [values, setValues] = useState<Values>(initial);
  const form = useFormErrors({ 'organisation.name_taken': 'name' });
  const set = (name: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    form.clear(name);
  };
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const body = form.check(mode === 'create' ? CreateOrganisationBody : UpdateOrganisationBody, toBody(values));
    if (body) submit(body, form.fromServer);
  };
  const country = values.country.trim().toUpperCase();
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate maw={720}>
      <Stack>
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('organisations.nameEn')} required value={values.name} onChange={(e) => set('name')(e.currentTarget.value)} error={form.errors.name} />
          <TextInput label={t('organisations.shortName')} required value={values.shortName} onChange={(e) => set('shortName')(e.currentTarget.value)} error={form.errors.shortName} />
          <TextInput label={t('organisations.nameFr')} lang="fr" value={values.nameFr} onChange={(e) => set('nameFr')(e.currentTarget.value)} error={form.errors.nameFr} />
          <TextInput label={t('organisations.nameAr')} lang="ar" dir="rtl" value={values.nameAr} onChange={(e) => set('nameAr')(e.currentTarget.value)} error={form.errors.nameAr} />
          <Select
            label={t('organisations.kind')}
            required
            value={values.kind || null}
            onChange={(value) => set('kind')(value ?? '')}
            data={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) }))}
            error={form.errors.kind}
          />
          <TextInput
            label={t('organisations.countryCode')}
            required
            maxLength={2}
            value={values.country}
            onChange={(e) => set('country')(e.currentTarget.value.toUpperCase())}
            description={/^[A-Z]{2}$/.test(country) ? fmt.country(country) : t('organisations.countryHint')}
            error={form.errors.country}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {mode === 'create' ? t('organisations.submitCreate') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
