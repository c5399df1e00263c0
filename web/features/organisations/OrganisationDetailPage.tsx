import { Badge, Button, Card, Group, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Field } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { useOrganisation } from './api.ts';
import { KIND_COLOR, kindLabel } from './labels.ts';

export function OrganisationDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const query = useOrganisation(id);
  return (
    <QueryState query={query}>
      {(org) => (
        <>
          <PageHeader
            back={{ to: '/organisations', label: t('organisations.back') }}
            title={localName(fmt.locale, org)}
            subtitle={org.shortName}
            actions={
              can(me.data, 'organisation:manage') && (
                <Button component={Link} to={`/organisations/${org.id}/edit`} variant="light">
                  {t('common.edit')}
                </Button>
              )
            }
          />
          <Card withBorder>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Field label={t('organisations.kind')}>
                <Badge variant="light" color={KIND_COLOR[org.kind] ?? 'gray'}>
                  {kindLabel(org.kind, t)}
                </Badge>
              </Field>
              <Field label={t('organisations.country')}>{fmt.country(org.country)}</Field>
              <Field label={t('organisations.nameEn')}>
                <span lang="en">{org.name}</span>
              </Field>
              <Field label={t('organisations.nameFr')}>
                <span lang="fr">{org.nameFr ?? '—'}</span>
              </Field>
              <Field label={t('organisations.nameAr')}>
                <span lang="ar" dir="rtl">
                  {org.nameAr ?? '—'}
                </span>
              </Field>
              <Field label={t('common.createdAt')}>{fmt.dateTime(org.createdAt)}</Field>
            </SimpleGrid>
          </Card>
          <Group mt="md">
            {can(me.data, 'user:read') && (
              <Button component={Link} to={`/admin/users?organisationId=${org.id}`} variant="default">
                {t('organisations.viewUsers')}
              </Button>
            )}
          </Group>
        </>
      )}
    </QueryState>
  );
}
