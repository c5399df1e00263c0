import { Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IncidentCategory, Severity } from '../../../common/contracts/operations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useVenues } from '../venues/api.ts';
import { exportUrl, type IncidentFilters, useIncidents, useLiveEvents } from './api.ts';
import { LiveBadge, SeverityBadge, StatusBadge } from './components.tsx';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from './labels.ts';

export function IncidentsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const venues = useVenues();
  const [filters, setFilters] = useState<IncidentFilters>({ status: 'open' });
  const query = useIncidents(filters);
  const live = useLiveEvents(['incident.created', 'incident.updated']);
  const set = (patch: IncidentFilters) => setFilters((f) => ({ ...f, ...patch, cursor: undefined }));
  const venueName = (id: string) => {
    const v = venues.data?.items.find((x) => x.id === id);
    return v ? localName(fmt.locale, v) : '';
  };
  return (
    <>
      <PageHeader
        title={t('operations.incidents.title')}
        actions={
          <>
            <LiveBadge state={live} />
            <Button component="a" href={exportUrl(filters)} variant="default" size="xs">
              {t('operations.incidents.export')}
            </Button>
            <Button component={Link} to="/operations/report" color="red" size="xs">
              {t('operations.nav.report')}
            </Button>
          </>
        }
      />
      <Card withBorder mb="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <SearchInput label={t('operations.incidents.search')} value={filters.q ?? ''} onSearch={(q) => set({ q: q || undefined })} />
          <Select label={t('operations.fields.venue')} clearable data={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: localName(fmt.locale, v) }))} value={filters.venueId ?? null} onChange={(v) => set({ venueId: v ?? undefined })} />
          <Select
            label={t('operations.fields.status')}
            clearable
            data={[{ value: 'open', label: t('operations.status.open') }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: t(`operations.status.${s}`) }))]}
            value={filters.status ?? null}
            onChange={(v) => set({ status: (v as IncidentFilters['status']) ?? undefined })}
          />
          <Select label={t('operations.fields.severity')} clearable data={SEVERITIES.map((s) => ({ value: s, label: t(`operations.severity.${s}`) }))} value={filters.severity ?? null} onChange={(v) => set({ severity: (v as Severity) ?? undefined })} />
          <Select label={t('operations.fields.category')} clearable data={INCIDENT_CATEGORIES.map((c) => ({ value: c, label: t(`operations.category.${c}`) }))} value={filters.category ?? null} onChange={(v) => set({ category: (v as IncidentCategory) ?? undefined })} />
        </SimpleGrid>
      </Card>
      <QueryState query={query} isEmpty={(p) => p.items.length === 0} empty={<Empty title={t('operations.incidents.none')} />}>
        {(page) => (
          <Stack>
            <Table.ScrollContainer minWidth={640}>
              <Table striped highlightOnHover data-testid="incident-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('operations.fields.category')}</Table.Th>
                    <Table.Th>{t('operations.fields.severity')}</Table.Th>
                    <Table.Th>{t('operations.fields.status')}</Table.Th>
                    <Table.Th>{t('operations.fields.venue')}</Table.Th>
                    <Table.Th>{t('operations.fields.where')}</Table.Th>
                    <Table.Th>{t('operations.fields.reportedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((i) => (
                    <Table.Tr key={i.id} data-testid="incident-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/operations/incidents/${i.id}`}>
                          {i.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {t(`operations.category.${i.category}`)}
                        {i.restricted && (
                          <Text span size="xs" c="red" ms={6}>
                            {t('operations.incidents.restricted')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <SeverityBadge severity={i.severity} />
                      </Table.Td>
                      <Table.Td>
                        <StatusBadge status={i.status} />
                      </Table.Td>
                      <Table.Td>{venueName(i.venueId) || i.venueName}</Table.Td>
                      <Table.Td>
                        <span dir="auto">{[i.zoneId, i.gateId].filter(Boolean).join(' · ')}</span>
                      </Table.Td>
                      <Table.Td>{fmt.dateTime(i.reportedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {page.nextCursor && (
              <Group justify="center">
                <Button variant="default" onClick={() => setFilters((f) => ({ ...f, cursor: page.nextCursor ?? undefined }))}>
                  {t('pager.next')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
    </>
  );
}
