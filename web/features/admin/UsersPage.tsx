import { Anchor, Badge, Button, Group, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ROLE_NAMES } from '../../../common/permissions.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { can } from '../../lib/permissions.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { useMe } from '../auth/api.ts';
import { useAllOrganisations } from '../organisations/api.ts';
import { useUsers } from './api.ts';
import { roleLabel } from './labels.ts';

const FILTERS = ['q', 'organisationId', 'role'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(reset, [filters.q, filters.organisationId, filters.role]);
  const organisations = useAllOrganisations(can(me.data, 'organisation:read'));
  const query = useUsers({
    q: orUndefined(filters.q),
    organisationId: orUndefined(filters.organisationId),
    role: orUndefined(filters.role),
    cursor: pager.cursor,
  });
  const filtered = Object.values(filters).some(Boolean);
  const orgName = (id: string, fallback: string) => {
    const org = organisations.data?.find((o) => o.id === id);
    return org ? localName(fmt.locale, org) : fallback;
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          can(me.data, 'user:manage') && (
            <Button component={Link} to="/admin/users/new">
              {t('users.create')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
        <SearchInput label={t('common.search')} placeholder={t('users.searchPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t('users.organisation')}
          placeholder={t('common.all')}
          clearable
          searchable
          value={filters.organisationId || null}
          onChange={(value) => setFilters({ organisationId: value ?? '' })}
          data={(organisations.data ?? []).map((o) => ({ value: o.id, label: localName(fmt.locale, o) }))}
        />
        <Select
          label={t('users.role')}
          placeholder={t('common.all')}
          clearable
          value={filters.role || null}
          onChange={(value) => setFilters({ role: value ?? '' })}
          data={ROLE_NAMES.map((r) => ({ value: r, label: roleLabel(r, t) }))}
        />
      </SimpleGrid>
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title={filtered ? t('common.noMatches') : t('users.empty')} description={filtered ? t('common.noMatchesHint') : undefined} />}
      >
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('users.name')}</Table.Th>
                    <Table.Th>{t('users.email')}</Table.Th>
                    <Table.Th>{t('users.organisation')}</Table.Th>
                    <Table.Th>{t('users.roles')}</Table.Th>
                    <Table.Th>{t('users.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/users/${user.id}`}>
                          {user.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" dir="ltr" component="span">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{orgName(user.organisationId, user.organisationName)}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {user.roles.map((r, i) => (
                            <Badge key={i} variant="light" size="sm" miw="max-content">
                              {roleLabel(r.role, t)}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={user.isActive ? 'teal' : 'gray'} variant="dot" miw="max-content">
                          {user.isActive ? t('users.active') : t('users.disabled')}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager pager={pager} nextCursor={page.nextCursor} busy={query.isFetching} />
          </>
        )}
      </QueryState>
    </>
  );
}
