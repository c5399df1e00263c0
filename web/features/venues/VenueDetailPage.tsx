import { Badge, Button, Card, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { UpdateVenueBody, type Venue } from '../../../common/contracts/platform.ts';
import { Field } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { localName, useFormat, venueTexts } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { useMatches } from '../matches/api.ts';
import { MatchesTable } from '../matches/MatchesTable.tsx';
import { useUpdateVenue, useVenue } from './api.ts';
import { UnverifiedBadge } from './VenuesPage.tsx';
import { VenuePlanLink } from '../crowd/VenuePlanPage.tsx';

export function VenueDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const query = useVenue(id);
  return (
    <QueryState query={query}>
      {(venue) => (
        <>
          <PageHeader
            back={{ to: '/venues', label: t('venues.back') }}
            title={localName(fmt.locale, venue)}
            subtitle={fmt.locale === 'ar' && venue.nameAr ? venue.name : venueTexts(fmt.locale, venue).city}
          />
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
                <Field label={t('venues.city')}>
                  <span dir="auto">{venueTexts(fmt.locale, venue).city}</span>
                </Field>
                <Field label={t('venues.capacity')}>{fmt.number(venue.capacity)}</Field>
                <Field label={t('venues.matchesHosted')}>{fmt.number(venue.matchesHosted)}</Field>
                <Field label={t('venues.totalAttendance')}>{fmt.number(venue.totalAttendance)}</Field>
                <Field label={t('venues.coordinates')}>
                  <span dir="ltr">
                    {fmt.coordinate(venue.lat)}, {fmt.coordinate(venue.lon)}
                  </span>
                </Field>
              </SimpleGrid>
            </Card>
            <VenuePlanLink venueId={venue.id} />
            <MetroCard venue={venue} />
            {can(me.data, 'venue:update', venue.id) && <VenueEditForm venue={venue} />}
            <VenueMatches venueId={venue.id} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function MetroCard({ venue }: { venue: Venue }) {
  const { t } = useTranslation();
  const texts = venueTexts(useFormat().locale, venue);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('venues.metro')}</Title>
        {venue.metroStation && !venue.metroVerified && <UnverifiedBadge />}
      </Group>
      {venue.metroStation ? (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Field label={t('venues.metroStation')}>
              <span dir="auto">{texts.metroStation}</span>
            </Field>
            <Field label={t('venues.metroLine')}>
              <span dir="auto">{texts.metroLine ?? '—'}</span>
            </Field>
          </SimpleGrid>
          <Field label={t('venues.metroAccess')}>
            <span dir="auto">{texts.metroAccess ?? '—'}</span>
          </Field>
          {!venue.metroVerified && (
            <Text size="sm" c="dimmed">
              {t('venues.unverifiedHint')}
            </Text>
          )}
        </Stack>
      ) : (
        <Text c="dimmed">{t('venues.noMetro')}</Text>
      )}
    </Card>
  );
}

function VenueMatches({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const query = useMatches({ venueId, limit: 100 });
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('venues.matches')}
      </Title>
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={<Empty title={t('venues.noMatches')} />}>
        {(page) => <MatchesTable matches={page.items} showVenue={false} />}
      </QueryState>
    </Card>
  );
}

function VenueEditForm({ venue }: { venue: Venue }) {
  const { t } = useTranslation();
  const update = useUpdateVenue(venue.id);
  const form = useFormErrors();
  const [nameAr, setNameAr] = useState(venue.nameAr ?? '');
  const [capacity, setCapacity] = useState<number | string>(venue.capacity);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(UpdateVenueBody, {
      nameAr: nameAr.trim() === '' ? null : nameAr,
      capacity: capacity === '' ? undefined : Number(capacity),
    });
    if (!body) return;
    update.mutate(body, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('common.saved') }),
      onError: form.fromServer,
    });
  };

  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate>
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('venues.editTitle')}</Title>
          <Badge variant="light">{t('venues.editScope')}</Badge>
        </Group>
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('venues.nameAr')}
            lang="ar"
            dir="rtl"
            value={nameAr}
            onChange={(e) => {
              setNameAr(e.currentTarget.value);
              form.clear('nameAr');
            }}
            error={form.errors.nameAr}
          />
          <NumberInput
            label={t('venues.capacity')}
            min={0}
            max={250_000}
            allowDecimal={false}
            value={capacity}
            onChange={(value) => {
              setCapacity(value);
              form.clear('capacity');
            }}
            error={form.errors.capacity}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
