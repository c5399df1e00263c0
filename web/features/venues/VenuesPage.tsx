import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { localName, useFormat, venueTexts } from '../../lib/format.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { useVenues } from './api.ts';

const FILTERS = ['q'] as const;

export function VenuesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const query = useVenues({ q: orUndefined(filters.q) });
  return (
    <>
      <PageHeader title={t('venues.title')} subtitle={t('venues.subtitle')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <SearchInput
          label={t('common.search')}
          placeholder={t('venues.searchPlaceholder')}
          value={filters.q}
          onSearch={(q) => setFilters({ q })}
        />
      </SimpleGrid>
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title={filters.q ? t('common.noMatches') : t('venues.empty')} description={filters.q ? t('common.noMatchesHint') : undefined} />}
      >
        {(page) => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="venue-list">
            {page.items.map((venue) => {
              const texts = venueTexts(fmt.locale, venue);
              return (
                <Card key={venue.id} withBorder padding="md" data-testid="venue-card">
                  <Stack gap={6}>
                    <Anchor component={Link} to={`/venues/${venue.id}`} fw={700} size="lg">
                      {localName(fmt.locale, venue)}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {texts.city}
                    </Text>
                    <Group gap="xs">
                      <Badge variant="light" color="teal">
                        {t('venues.capacityValue', { count: venue.capacity, value: fmt.number(venue.capacity) })}
                      </Badge>
                      <Badge variant="light" color="gray">
                        {t('venues.matchesValue', { count: venue.matchesHosted, value: fmt.number(venue.matchesHosted) })}
                      </Badge>
                    </Group>
                    {venue.metroStation && (
                      <Group gap={6}>
                        <Text size="sm">{t('venues.metroShort', { station: texts.metroStation })}</Text>
                        {!venue.metroVerified && <UnverifiedBadge />}
                      </Group>
                    )}
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}

export function UnverifiedBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color="yellow" variant="outline" title={t('venues.unverifiedHint')}>
      {t('venues.unverified')}
    </Badge>
  );
}
