import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScreenPersonBody, type ScreenResult } from '../../../common/contracts/vetting.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useScreenPerson } from './api.ts';
import { HitStatusBadge, percent, scoreColor, StateBadge } from './labels.tsx';

const EMPTY = { subjectId: '', givenNames: '', familyName: '', nameArabic: '', dateOfBirth: '', gender: '', nationality: '' };

/** Screens one person against the active watchlists and shows the outcome and hits. */
export function ScreenPersonPage() {
  const { t } = useTranslation();
  const screen = useScreenPerson();
  const form = useFormErrors();
  const [values, setValues] = useState(EMPTY);
  const [result, setResult] = useState<ScreenResult | null>(null);
  const set = (k: keyof typeof EMPTY) => (v: string) => {
    setValues((s) => ({ ...s, [k]: v }));
    form.clear(k);
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(ScreenPersonBody, {
      subjectType: 'person',
      subjectId: values.subjectId.trim(),
      givenNames: values.givenNames.trim(),
      familyName: values.familyName.trim(),
      nameArabic: values.nameArabic.trim() || null,
      dateOfBirth: values.dateOfBirth.trim() || null,
      gender: values.gender || null,
      nationality: values.nationality.trim().toUpperCase() || null,
    });
    if (!body) return;
    screen.mutate(body, { onSuccess: setResult, onError: form.fromServer });
  };
  return (
    <>
      <PageHeader title={t('vetting.screen.title')} subtitle={t('vetting.screen.subtitle')} />
      <Stack>
        <Card withBorder component="form" onSubmit={onSubmit} noValidate data-testid="screen-form">
          <Stack>
            <FormAlert message={form.formError} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('vetting.person.subjectId')} description={t('vetting.screen.subjectIdHint')} value={values.subjectId} onChange={(e) => set('subjectId')(e.currentTarget.value)} error={form.errors.subjectId} withAsterisk dir="ltr" />
              <TextInput label={t('vetting.person.nationality')} description={t('vetting.screen.nationalityHint')} value={values.nationality} onChange={(e) => set('nationality')(e.currentTarget.value)} error={form.errors.nationality} maxLength={2} dir="ltr" />
              <TextInput label={t('vetting.person.givenNames')} value={values.givenNames} onChange={(e) => set('givenNames')(e.currentTarget.value)} error={form.errors.givenNames} withAsterisk dir="auto" />
              <TextInput label={t('vetting.person.familyName')} value={values.familyName} onChange={(e) => set('familyName')(e.currentTarget.value)} error={form.errors.familyName} withAsterisk dir="auto" />
              <TextInput label={t('vetting.person.nameArabic')} value={values.nameArabic} onChange={(e) => set('nameArabic')(e.currentTarget.value)} error={form.errors.nameArabic} dir="rtl" />
              <Select
                label={t('vetting.person.gender')}
                value={values.gender || null}
                onChange={(v) => set('gender')(v ?? '')}
                data={[
                  { value: 'female', label: t('vetting.gender.female') },
                  { value: 'male', label: t('vetting.gender.male') },
                ]}
                clearable
                error={form.errors.gender}
              />
              <TextInput label={t('vetting.person.dateOfBirth')} description={t('vetting.screen.dateHint')} value={values.dateOfBirth} onChange={(e) => set('dateOfBirth')(e.currentTarget.value)} error={form.errors.dateOfBirth} dir="ltr" />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('vetting.screen.privacy')}
            </Text>
            <Group justify="flex-end">
              <Button type="submit" loading={screen.isPending} data-testid="screen-submit">
                {t('vetting.screen.submit')}
              </Button>
            </Group>
          </Stack>
        </Card>
        {result && <ScreenOutcome result={result} />}
      </Stack>
    </>
  );
}

function ScreenOutcome({ result }: { result: ScreenResult }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder data-testid="screen-result">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('vetting.screen.outcome')}</Title>
        <StateBadge state={result.outcome.state} />
      </Group>
      {result.screening && result.screening.hits.length === 0 && <Text>{t('vetting.screen.noHits', { count: result.screening.screenedAgainst.length })}</Text>}
      {result.screening && result.screening.hits.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <Table.Tbody>
              {result.screening.hits.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/vetting/hits/${h.id}`} dir="auto">
                      {h.matchedName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td dir="ltr">{h.sourceRef}</Table.Td>
                  <Table.Td>
                    <Badge color={scoreColor(h.score)} variant="light">
                      {percent(fmt, h.score)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <HitStatusBadge status={h.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
