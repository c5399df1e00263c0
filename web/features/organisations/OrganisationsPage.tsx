import { Anchor, Badge, Button, Group, Select, SimpleGrid, Table } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { can } from '../../lib/permissions.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { useMe } from '../auth/api.ts';
import { useOrganisations } from './api.ts';
import { KIND_COLOR, ORGANISATION_KINDS, kindLabel } from './labels.ts';

const FILTERS = ['q', 'kind'] as const;

export function OrganisationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(reset, [filters.q, filters.kind]);

  const kind = ORGANISATION_KINDS.find((k) => k === filters.kind);
  const query = useOrganisations({ q: orUndefined(filters.q), kind, cursor: pager.cursor });
  const filtered = Boolean(filters.q || filters.kind);

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        subtitle={t('organisations.subtitle')}
        actions={
          can(me.data, 'organisation:manage') && (
            <Button component={Link} to="/organisations/new">
              {t('organisations.create')}
            </Button>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('organisations.searchPlaceholder')}
          value={filters.q}
          onSearch={(q) => setFilters({ q })}
        />
        <Select
          label={t('organisations.kind')}
          placeholder={t('common.all')}
          clearable
          value={kind ?? null}
          onChange={(value) => setFilters({ kind: value ?? '' })}
          data={ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) }))}
        />
      </SimpleGrid>
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <Empty
            title={filtered ? t('common.noMatches') : t('organisations.empty')}
            description={filtered ? t('common.noMatchesHint') : undefined}
          />
        }
      >
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={560}>
              <Table striped highlightOnHover aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organisations.name')}</Table.Th>
                    <Table.Th>{t('organisations.shortName')}</Table.Th>
                    <Table.Th>{t('organisations.kind')}</Table.Th>
                    <Table.Th>{t('organisations.country')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((org) => (
                    <Table.Tr key={org.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/organisations/${org.id}`}>
                          {localName(fmt.locale, org)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{org.shortName}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={KIND_COLOR[org.kind] ?? 'gray'}>
                          {kindLabel(org.kind, t)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{fmt.country(org.country)}</Table.Td>
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
