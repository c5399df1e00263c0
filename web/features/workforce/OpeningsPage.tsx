import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Opening } from '../../../common/contracts/workforce.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { useFormat, useLocale } from '../../lib/format.ts';
import { localText, useMyApplications, useOpening, useOpenings, usePortalMe, useStartApplication, wfMessage } from './api.ts';

function orgName(o: Opening, locale: 'ar' | 'fr' | 'en') {
  return (locale === 'ar' ? o.organisationNameAr : locale === 'fr' ? o.organisationNameFr : null) ?? o.organisationName;
}
function venueName(o: Opening, locale: 'ar' | 'fr' | 'en') {
  return (locale === 'ar' ? o.venueNameAr : null) ?? o.venueName;
}

function OpeningFacts({ o }: { o: Opening }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  return (
    <Group gap={6}>
      <Badge variant="light" color={o.kind === 'volunteer' ? 'grape' : 'teal'}>
        {t(`workforce.openings.kindLabel.${o.kind}`)}
      </Badge>
      <Badge variant="outline" color="gray">
        {t('workforce.openings.places', { count: o.places })}
      </Badge>
      <Badge variant="outline" color={o.sponsorsVisa ? 'blue' : 'gray'}>
        {o.sponsorsVisa ? t('workforce.openings.sponsorsVisa') : t('workforce.openings.noVisa')}
      </Badge>
      <Text size="xs" c="dimmed">
        {t('workforce.openings.dates', { from: fmt.date(o.startsOn), to: fmt.date(o.endsOn) })}
        {venueName(o, locale) || o.location ? ` · ${[venueName(o, locale), o.location].filter(Boolean).join(', ')}` : ''}
      </Text>
    </Group>
  );
}

export function OpeningsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [kind, setKind] = useState<'all' | 'job' | 'volunteer'>('all');
  const [q, setQ] = useState('');
  const openings = useOpenings({ kind: kind === 'all' ? undefined : kind, q: q.trim() || undefined });
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('workforce.portal.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('workforce.portal.tagline')}
        </Text>
      </Stack>
      <SegmentedControl
        value={kind}
        onChange={(v) => setKind(v as typeof kind)}
        data={(['all', 'job', 'volunteer'] as const).map((k) => ({ value: k, label: t(`workforce.openings.kind.${k}`) }))}
        fullWidth
      />
      <TextInput type="search" aria-label={t('workforce.openings.search')} placeholder={t('workforce.openings.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      <QueryState query={openings} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('workforce.openings.empty')} />}>
        {(data) => (
          <Stack gap="sm">
            {data.items.map((o) => (
              <Card key={o.id} withBorder padding="md" component="article" aria-label={localText(o.title, locale)}>
                <Stack gap={6}>
                  <Anchor component={Link} to={`/portal/openings/${o.id}`} fw={700} size="lg" c="dark">
                    {localText(o.title, locale)}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {orgName(o, locale)}
                  </Text>
                  <OpeningFacts o={o} />
                  <Text size="sm" lineClamp={2}>
                    {localText(o.description, locale)}
                  </Text>
                </Stack>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

export function OpeningDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const opening = useOpening(id);
  const me = usePortalMe();
  const mine = useMyApplications(Boolean(me.data));
  const start = useStartApplication();
  const navigate = useNavigate();
  const existing = mine.data?.find((a) => a.opening.id === id);
  return (
    <QueryState query={opening}>
      {(o) => (
        <Stack gap="md">
          <Anchor component={Link} to="/portal" size="sm">
            {t('workforce.openings.back')}
          </Anchor>
          <Title order={1} size="h2">
            {localText(o.title, locale)}
          </Title>
          <Text c="dimmed">{orgName(o, locale)}</Text>
          <OpeningFacts o={o} />
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t('workforce.openings.description')}
            </Title>
            <Text style={{ whiteSpace: 'pre-line' }}>{localText(o.description, locale)}</Text>
          </Stack>
          {localText(o.requirements, locale) && (
            <Stack gap={4}>
              <Title order={2} size="h4">
                {t('workforce.openings.requirements')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{localText(o.requirements, locale)}</Text>
            </Stack>
          )}
          <FormAlert message={start.error ? wfMessage(start.error, t) : null} />
          {me.data ? (
            existing ? (
              <Button component={Link} to={`/portal/applications/${existing.id}`} size="md">
                {t('workforce.openings.continue')}
              </Button>
            ) : (
              <Button size="md" loading={start.isPending} onClick={() => start.mutate(o.id, { onSuccess: (a) => void navigate(`/portal/applications/${a.id}`) })}>
                {t('workforce.openings.apply')}
              </Button>
            )
          ) : (
            <Button component={Link} to={`/portal/sign-in?next=${encodeURIComponent(`/portal/openings/${o.id}`)}`} size="md" variant="light">
              {t('workforce.openings.signInToApply')}
            </Button>
          )}
        </Stack>
      )}
    </QueryState>
  );
}
