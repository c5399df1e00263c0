import { Anchor, Badge, Group, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { type QueueFilters, useQueue } from './api.ts';
import { HitStatusBadge, percent, personName, scoreColor } from './labels.tsx';

const FILTERS = ['status', 'q'] as const;
const STATUSES = ['waiting', 'open', 'escalated', 'pending_confirmation'] as const;

/** Hits waiting for an officer, oldest first. */
export function QueuePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const pager = useCursorPager();
  const status = (STATUSES as readonly string[]).includes(filters.status) ? (filters.status as QueueFilters['status']) : 'waiting';
  const query = useQueue({ status, q: orUndefined(filters.q), cursor: pager.cursor });
  const { reset } = pager;
  useEffect(reset, [filters.status, filters.q]);
  return (
    <>
      <PageHeader title={t('vetting.queue.title')} subtitle={t('vetting.queue.subtitle')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <SegmentedControl
          fullWidth
          size="xs"
          style={{ alignSelf: 'end' }}
          value={status ?? 'waiting'}
          onChange={(v) => setFilters({ status: v === 'waiting' ? '' : v })}
          data={STATUSES.map((s) => ({ value: s, label: t(`vetting.queue.filter.${s}`) }))}
          aria-label={t('vetting.queue.statusFilter')}
        />
        <SearchInput label={t('common.search')} placeholder={t('vetting.queue.searchPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} />
      </SimpleGrid>
      <QueryState query={query} isEmpty={(p) => p.items.length === 0} empty={<Empty title={t('vetting.queue.empty')} description={t('vetting.queue.emptyHint')} />}>
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover verticalSpacing="sm" data-testid="vetting-queue">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vetting.queue.applicant')}</Table.Th>
                    <Table.Th>{t('vetting.queue.listEntry')}</Table.Th>
                    <Table.Th>{t('vetting.score')}</Table.Th>
                    <Table.Th>{t('vetting.queue.status')}</Table.Th>
                    <Table.Th>{t('vetting.queue.found')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((item) => (
                    <Table.Tr key={item.id} data-testid="queue-row">
                      <Table.Td>
                        <Stack gap={0}>
                          <Anchor component={Link} to={`/vetting/hits/${item.id}`} fw={600} dir="auto">
                            {personName(item.person, fmt.locale)}
                          </Anchor>
                          <Text size="xs" c="dimmed" dir="ltr" ta="start">
                            {item.subjectType} · {item.subjectId}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Stack gap={0}>
                          <Text size="sm" dir="auto">
                            {item.matchedName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            <span dir="ltr">{item.sourceRef}</span> · <span dir="auto">{item.watchlistName}</span>
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <Text fw={700} c={scoreColor(item.score)} style={{ whiteSpace: 'nowrap' }}>
                          {percent(fmt, item.score)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <HitStatusBadge status={item.status} />
                          {item.foundBy === 'rescreen' && (
                            <Badge size="xs" variant="outline" color="blue">
                              {t('vetting.foundBy.rescreen')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{fmt.dateTime(item.createdAt)}</Text>
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
