import { Anchor, Badge, Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type Match, UpdateMatchBody } from '../../../common/contracts/platform.ts';
import { Field } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { useVenueNamer } from '../venues/api.ts';
import { useMatch, useUpdateMatch } from './api.ts';
import { RISK_CATEGORIES, RISK_COLOR, fixtureLabel, riskLabel, stageLabel, teamName } from './labels.ts';
import { MatchCrowdLink } from '../crowd/MatchCrowdPage.tsx';

export function MatchDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const venueName = useVenueNamer();
  const query = useMatch(id);
  return (
    <QueryState query={query}>
      {(m) => (
        <>
          <PageHeader
            back={{ to: '/matches', label: t('matches.back') }}
            title={fixtureLabel(m, t)}
            subtitle={t('matches.numberAndStage', { number: fmt.number(m.number), stage: stageLabel(m.stage, t) })}
          />
          <Stack>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
                <Field label={t('matches.kickoff')}>{fmt.dateTime(m.kickoffAt)}</Field>
                <Field label={t('matches.venue')}>
                  <Anchor component={Link} to={`/venues/${m.venueId}`}>
                    {venueName(m.venueId, m.venueName)}
                  </Anchor>
                </Field>
                <Field label={t('matches.teams')}>
                  {t('matches.teamsWithCodes', {
                    home: teamName(m.homeCode, m.home, t),
                    homeCode: m.homeCode,
                    away: teamName(m.awayCode, m.away, t),
                    awayCode: m.awayCode,
                  })}
                </Field>
                <Field label={t('matches.score')}>
                  <span dir="ltr">{m.score ?? '—'}</span>
                </Field>
                <Field label={t('matches.attendance2022')}>{fmt.number(m.attendance)}</Field>
                <Field label={t('matches.expectedAttendance')}>{fmt.number(m.expectedAttendance)}</Field>
                <Field label={t('matches.riskCategory')}>
                  <Badge variant="light" color={RISK_COLOR[m.riskCategory] ?? 'gray'}>
                    {riskLabel(m.riskCategory, t)}
                  </Badge>
                </Field>
              </SimpleGrid>
            </Card>
            <MatchCrowdLink match={m} />
            {can(me.data, 'match:update', m.venueId) && <MatchEditForm match={m} />}
          </Stack>
        </>
      )}
    </QueryState>
  );
}

export function MatchEditForm({ match }: { match: Match }) {
  const { t } = useTranslation();
  const update = useUpdateMatch(match.id);
  const form = useFormErrors();
  const [expected, setExpected] = useState<number | string>(match.expectedAttendance ?? '');
  const [risk, setRisk] = useState<string>(match.riskCategory);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(UpdateMatchBody, {
      expectedAttendance: expected === '' ? null : Number(expected),
      riskCategory: risk,
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
        <Title order={4}>{t('matches.editTitle')}</Title>
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput
            label={t('matches.expectedAttendance')}
            min={0}
            max={250_000}
            allowDecimal={false}
            thousandSeparator=" "
            value={expected}
            onChange={(value) => {
              setExpected(value);
              form.clear('expectedAttendance');
            }}
            error={form.errors.expectedAttendance}
          />
          <Select
            label={t('matches.riskCategory')}
            value={risk}
            allowDeselect={false}
            onChange={(value) => {
              setRisk(value ?? 'standard');
              form.clear('riskCategory');
            }}
            data={RISK_CATEGORIES.map((r) => ({ value: r, label: riskLabel(r, t) }))}
            error={form.errors.riskCategory}
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
