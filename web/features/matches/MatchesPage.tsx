import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { useVenues } from '../venues/api.ts';
import { dayAfter, dayStart, useMatches } from './api.ts';
import { STAGES, stageLabel } from './labels.ts';
import { MatchesTable } from './MatchesTable.tsx';

const FILTERS = ['venueId', 'from', 'to', 'stage', 'q'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function MatchesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(reset, [filters.venueId, filters.from, filters.to, filters.stage, filters.q]);
  const venues = useVenues();

  const query = useMatches({
    venueId: orUndefined(filters.venueId),
    from: DATE.test(filters.from) ? dayStart(filters.from) : undefined,
    to: DATE.test(filters.to) ? dayAfter(filters.to) : undefined,
    stage: orUndefined(filters.stage),
    q: orUndefined(filters.q),
    cursor: pager.cursor,
  });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title={t('matches.title')} subtitle={t('matches.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mb="md">
        <SearchInput label={t('matches.teamSearch')} placeholder={t('matches.teamPlaceholder')} value={filters.q} onSearch={(q) => setFilters({ q })} />
        <Select
          label={t('matches.venue')}
          placeholder={t('common.all')}
          clearable
          searchable
          value={filters.venueId || null}
          onChange={(value) => setFilters({ venueId: value ?? '' })}
          data={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: localName(fmt.locale, v) }))}
        />
        <Select
          label={t('matches.stage')}
          placeholder={t('common.all')}
          clearable
          value={filters.stage || null}
          onChange={(value) => setFilters({ stage: value ?? '' })}
          data={STAGES.map((s) => ({ value: s, label: stageLabel(s, t) }))}
        />
        <SimpleGrid cols={2} spacing="xs">
          <TextInput type="date" label={t('matches.from')} value={filters.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
          <TextInput type="date" label={t('matches.to')} value={filters.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} />
        </SimpleGrid>
      </SimpleGrid>
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title={filtered ? t('common.noMatches') : t('matches.empty')} description={filtered ? t('common.noMatchesHint') : undefined} />}
      >
        {(page) => (
          <>
            <MatchesTable matches={page.items} busy={query.isFetching} />
            <Pager pager={pager} nextCursor={page.nextCursor} busy={query.isFetching} />
          </>
        )}
      </QueryState>
    </>
  );
}
