import { Alert, Badge, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DecideBody, type HitDecisionKind, type HitDetail } from '../../../common/contracts/vetting.ts';
import { Field } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useDecide, useHit } from './api.ts';
import { ExplanationView } from './Explanation.tsx';
import { HitStatusBadge, personName, StateBadge } from './labels.tsx';

/** One hit: the applicant's data side by side with the list entry, the explanation, the decisions, and the decision form. */
export function HitPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const query = useHit(id);
  return (
    <QueryState query={query}>
      {(hit) => (
        <>
          <PageHeader
            back={{ to: '/vetting/queue', label: t('vetting.hit.back') }}
            title={<span dir="auto">{personName(hit.person, fmt.locale)}</span>}
            subtitle={t('vetting.hit.subtitle', { ref: hit.sourceRef, list: hit.watchlistName })}
            actions={
              <>
                <HitStatusBadge status={hit.status} />
                <StateBadge state={hit.subjectState} />
              </>
            }
          />
          <Stack>
            <FourEyesNotice hit={hit} meId={me.id} />
            <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="side-by-side">
              <Card withBorder>
                <Title order={4} mb="sm">
                  {t('vetting.hit.applicant')}
                </Title>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <Field label={t('vetting.person.givenNames')}>
                    <span dir="auto">{hit.person.givenNames ?? hit.person.fullName ?? '—'}</span>
                  </Field>
                  <Field label={t('vetting.person.familyName')}>
                    <span dir="auto">{hit.person.familyName ?? '—'}</span>
                  </Field>
                  <Field label={t('vetting.person.nameArabic')}>
                    <span dir="rtl">{hit.person.nameArabic ?? '—'}</span>
                  </Field>
                  <Field label={t('vetting.person.dateOfBirth')}>
                    <span dir="ltr">{hit.person.dateOfBirth ?? '—'}</span>
                  </Field>
                  <Field label={t('vetting.person.gender')}>{hit.person.gender ? t(`vetting.gender.${hit.person.gender}`) : '—'}</Field>
                  <Field label={t('vetting.person.nationality')}>{hit.person.nationality ? fmt.country(hit.person.nationality) : '—'}</Field>
                  <Field label={t('vetting.person.subject')}>
                    <span dir="ltr">
                      {hit.subjectType} · {hit.subjectId}
                    </span>
                  </Field>
                </SimpleGrid>
              </Card>
              <Card withBorder>
                <Group justify="space-between" mb="sm">
                  <Title order={4}>{t('vetting.hit.listEntry')}</Title>
                  <Badge variant="outline" dir="ltr">
                    {hit.sourceRef}
                  </Badge>
                </Group>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                  <Field label={t('vetting.hit.names')}>
                    <Stack gap={2}>
                      {hit.entry.names.map((n) => (
                        <Text key={n.full} size="sm" fw={n.full === hit.matchedName ? 700 : 400}>
                          <span dir="auto">{n.full}</span>{' '}
                          <Text span size="xs" c="dimmed">
                            ({t(`vetting.nameKind.${n.kind}`, { defaultValue: n.kind })})
                          </Text>
                        </Text>
                      ))}
                    </Stack>
                  </Field>
                  <Field label={t('vetting.person.dateOfBirth')}>
                    <span dir="ltr">{hit.entry.birthDates.join(' · ') || '—'}</span>
                  </Field>
                  <Field label={t('vetting.person.gender')}>{hit.entry.gender ? t(`vetting.gender.${hit.entry.gender}`) : '—'}</Field>
                  <Field label={t('vetting.person.nationality')}>{hit.entry.nationalities.map((c) => fmt.country(c)).join(', ') || '—'}</Field>
                  <Field label={t('vetting.hit.list')}>
                    <span dir="auto">{hit.watchlistName}</span> · {t('vetting.hit.version', { version: hit.listVersion })}
                  </Field>
                  <Field label={t('vetting.hit.found')}>
                    {fmt.dateTime(hit.createdAt)} · {t(`vetting.foundBy.${hit.foundBy}`)}
                  </Field>
                </SimpleGrid>
              </Card>
            </SimpleGrid>
            <ExplanationView e={hit.explanation} person={hit.person} entryGender={hit.entry.gender} />
            <Decisions hit={hit} />
            {can(me, 'vetting:adjudicate') && <DecisionForm hit={hit} meId={me.id} />}
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function proposerOf(hit: HitDetail): string | null {
  const last = [...hit.decisions].reverse().find((d) => d.statusAfter === 'pending_confirmation');
  return last?.officerLabel ?? null;
}

function FourEyesNotice({ hit, meId }: { hit: HitDetail; meId: string }) {
  const { t } = useTranslation();
  if (hit.status === 'pending_confirmation') {
    const mine = hit.proposedBy === meId;
    return (
      <Alert color="yellow" title={t('vetting.fourEyes.awaiting')} data-testid="four-eyes">
        {mine ? t('vetting.fourEyes.youProposed') : t('vetting.fourEyes.proposedBy', { officer: proposerOf(hit) ?? '—' })}
      </Alert>
    );
  }
  if (hit.status === 'confirmed') {
    return (
      <Alert color="red" title={t('vetting.fourEyes.confirmedTitle')} data-testid="four-eyes">
        {t('vetting.fourEyes.confirmed')}
      </Alert>
    );
  }
  return null;
}

function Decisions({ hit }: { hit: HitDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (hit.decisions.length === 0) return null;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('vetting.decisions.title')}
      </Title>
      <Timeline bulletSize={16} lineWidth={2} data-testid="decisions">
        {hit.decisions.map((d) => (
          <Timeline.Item key={d.id} title={t(`vetting.decision.${d.decision}`)}>
            <Text size="sm" dir="auto">
              {d.reason}
            </Text>
            <Text size="xs" c="dimmed">
              <span dir="ltr">{d.officerLabel}</span> · <span>{fmt.dateTime(d.decidedAt)}</span> · {t('vetting.decisions.transition', { before: t(`vetting.status.${d.statusBefore}`), after: t(`vetting.status.${d.statusAfter}`) })}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
}

function DecisionForm({ hit, meId }: { hit: HitDetail; meId: string }) {
  const { t } = useTranslation();
  const decide = useDecide(hit.id);
  const form = useFormErrors();
  const [decision, setDecision] = useState<HitDecisionKind | ''>('');
  const [reason, setReason] = useState('');
  if (hit.status === 'false_positive' || hit.status === 'confirmed' || hit.status === 'withdrawn') return null;
  const pending = hit.status === 'pending_confirmation';
  const mineToConfirm = pending && hit.proposedBy === meId;
  const options: { value: HitDecisionKind; label: string; disabled?: boolean }[] = [
    { value: 'false_positive', label: t('vetting.decision.false_positive') },
    ...(hit.status === 'open' ? [{ value: 'possible_match' as const, label: t('vetting.decision.possible_match') }] : []),
    { value: 'confirmed_match', label: pending ? t('vetting.decision.confirm_second') : t('vetting.decision.propose_confirmed'), disabled: mineToConfirm },
  ];
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(DecideBody, { decision, reason });
    if (!body) return;
    decide.mutate(body, {
      onSuccess: (next) => {
        setDecision('');
        setReason('');
        notifications.show({ color: 'teal', message: t(`vetting.decisions.saved.${next.status}`, { defaultValue: t('vetting.decisions.savedGeneric') }) });
      },
      onError: form.fromServer,
    });
  };
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate data-testid="decision-form">
      <Title order={4} mb="sm">
        {t('vetting.decisions.formTitle')}
      </Title>
      <Stack>
        <FormAlert message={form.formError} />
        <Radio.Group value={decision} onChange={(v) => setDecision(v as HitDecisionKind)} label={t('vetting.decisions.decision')} error={form.errors.decision} withAsterisk>
          <Stack gap="xs" mt="xs">
            {options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} disabled={o.disabled} data-testid={`decision-${o.value}`} />
            ))}
          </Stack>
        </Radio.Group>
        {mineToConfirm && (
          <Text size="sm" c="dimmed">
            {t('vetting.fourEyes.cannotConfirmOwn')}
          </Text>
        )}
        <Textarea
          label={t('vetting.decisions.reason')}
          description={t('vetting.decisions.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={form.errors.reason}
          rows={3}
          withAsterisk
          data-testid="decision-reason"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={decide.isPending} data-testid="decision-submit">
            {t('vetting.decisions.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
