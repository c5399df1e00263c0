import { Anchor, Badge, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { Field } from '../../components/Field.tsx';
import { useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { useScreening, useScreenings } from './api.ts';
import { HitStatusBadge, percent, personName, scoreColor, StateBadge } from './labels.tsx';

const FILTERS = ['state', 'q', 'batchId'] as const;
const STATES = ['pending', 'cleared', 'hit_under_review', 'refused'] as const;

/** Current screenings, newest first. */
export function ScreeningsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const pager = useCursorPager();
  const query = useScreenings({ state: orUndefined(filters.state), q: orUndefined(filters.q), batchId: orUndefined(filters.batchId), cursor: pager.cursor });
  const { reset } = pager;
  useEffect(reset, [filters.state, filters.q, filters.batchId]);
  return (
    <>
      <PageHeader title={t('vetting.screenings.title')} subtitle={filters.batchId ? t('vetting.screenings.ofBatch') : t('vetting.screenings.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <Select
          label={t('vetting.screenings.state')}
          value={filters.state || null}
          onChange={(v) => setFilters({ state: v ?? '' })}
          data={STATES.map((s) => ({ value: s, label: t(`vetting.state.${s}`) }))}
          clearable
        />
        <SearchInput label={t('common.search')} placeholder={t('vetting.queue.searchPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} />
      </SimpleGrid>
      <QueryState query={query} isEmpty={(p) => p.items.length === 0} empty={<Empty title={t('vetting.screenings.empty')} />}>
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={620}>
              <Table striped verticalSpacing="sm" data-testid="screenings">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('vetting.queue.applicant')}</Table.Th>
                    <Table.Th>{t('vetting.screenings.state')}</Table.Th>
                    <Table.Th>{t('vetting.screenings.openHits')}</Table.Th>
                    <Table.Th>{t('vetting.screenings.screenedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/vetting/screenings/${s.id}`} dir="auto" fw={600}>
                          {personName(s.person, fmt.locale)}
                        </Anchor>
                        <Text size="xs" c="dimmed" dir="ltr" ta="start">
                          {s.subjectType} · {s.subjectId}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <StateBadge state={s.state} />
                      </Table.Td>
                      <Table.Td>{fmt.number(s.openHits)}</Table.Td>
                      <Table.Td>{fmt.dateTime(s.screenedAt)}</Table.Td>
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

/** One screening: the person, the lists compared, the hits. */
export function ScreeningPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useScreening(id);
  return (
    <QueryState query={query}>
      {(s) => (
        <>
          <PageHeader back={{ to: '/vetting/screenings', label: t('vetting.screenings.back') }} title={<span dir="auto">{personName(s.person, fmt.locale)}</span>} actions={<StateBadge state={s.state} />} />
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
                <Field label={t('vetting.person.subject')}>
                  <span dir="ltr">
                    {s.subjectType} · {s.subjectId}
                  </span>
                </Field>
                <Field label={t('vetting.person.dateOfBirth')}>
                  <span dir="ltr">{s.person.dateOfBirth ?? '—'}</span>
                </Field>
                <Field label={t('vetting.person.nationality')}>{s.person.nationality ? fmt.country(s.person.nationality) : '—'}</Field>
                <Field label={t('vetting.screenings.screenedAt')}>{fmt.dateTime(s.screenedAt)}</Field>
                <Field label={t('vetting.screenings.against')}>
                  {s.screenedAgainst.length === 0 ? t('vetting.screenings.noList') : s.screenedAgainst.map((a) => `${a.watchlistName} (v${a.version})`).join(', ')}
                </Field>
                <Field label={t('vetting.screenings.requestedBy')}>{s.requestedBy}</Field>
              </SimpleGrid>
            </Card>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('vetting.screenings.hits')}
              </Title>
              {s.hits.length === 0 ? (
                <Text c="dimmed">{t('vetting.screenings.noHits')}</Text>
              ) : (
                <Stack gap="xs">
                  {s.hits.map((h) => (
                    <Group key={h.id} justify="space-between" wrap="wrap">
                      <Anchor component={Link} to={`/vetting/hits/${h.id}`} dir="auto">
                        {h.matchedName} <span dir="ltr">({h.sourceRef})</span>
                      </Anchor>
                      <Group gap={4}>
                        <Badge color={scoreColor(h.score)} variant="light">
                          {percent(fmt, h.score)}
                        </Badge>
                        <HitStatusBadge status={h.status} />
                      </Group>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
          </Stack>
        </>
      )}
    </QueryState>
  );
}
