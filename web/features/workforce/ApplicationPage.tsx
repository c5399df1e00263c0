import { Alert, Anchor, Badge, Button, Card, Checkbox, FileButton, Group, Image, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApplicationFields, type MyApplication } from '../../../common/contracts/workforce.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fieldErrorsOf } from '../../lib/api.ts';
import { useFormat, useLocale } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { localText, myBadgeUrl, myFileUrl, useMyApplication, useSaveDraft, useSubmitApplication, useUploadDocument, useWithdrawApplication, wfMessage } from './api.ts';
import { countryOptions, languageOptions } from './labels.ts';
import { STAGE_COLOR } from './MyApplicationsPage.tsx';

type Values = { givenNames: string; familyName: string; givenNamesAr: string; familyNameAr: string; birthDate: string; gender: string; nationality: string; passportNumber: string; passportExpiry: string; phone: string; languages: string[]; consent: boolean };

const fromApp = (a: MyApplication): Values => ({
  givenNames: a.fields.givenNames ?? '',
  familyName: a.fields.familyName ?? '',
  givenNamesAr: a.fields.givenNamesAr ?? '',
  familyNameAr: a.fields.familyNameAr ?? '',
  birthDate: a.fields.birthDate ?? '',
  gender: a.fields.gender ?? '',
  nationality: a.fields.nationality ?? '',
  passportNumber: a.fields.passportNumber ?? '',
  passportExpiry: a.fields.passportExpiry ?? '',
  phone: a.fields.phone ?? '',
  languages: a.fields.languages,
  consent: a.fields.consent,
});

/** Empty inputs are sent as null, so a draft can be saved half-filled. */
const toBody = (v: Values) => ({
  givenNames: v.givenNames.trim() || null,
  familyName: v.familyName.trim() || null,
  givenNamesAr: v.givenNamesAr.trim() || null,
  familyNameAr: v.familyNameAr.trim() || null,
  birthDate: v.birthDate || null,
  gender: (v.gender || null) as 'male' | 'female' | null,
  nationality: v.nationality || null,
  passportNumber: v.passportNumber.trim() || null,
  passportExpiry: v.passportExpiry || null,
  phone: v.phone.trim() || null,
  languages: v.languages,
  consent: v.consent,
});

export function ApplicationPage() {
  const { id = '' } = useParams();
  const query = useMyApplication(id);
  return <QueryState query={query}>{(a) => (a.stage === 'draft' ? <DraftForm app={a} /> : <StatusView app={a} />)}</QueryState>;
}

function DraftForm({ app }: { app: MyApplication }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useFormErrors();
  const save = useSaveDraft(app.id);
  const submit = useSubmitApplication(app.id);
  const upload = useUploadDocument(app.id);
  const withdraw = useWithdrawApplication(app.id);
  const [v, setV] = useState<Values>(() => fromApp(app));
  const [photoVersion, setPhotoVersion] = useState(0);
  useEffect(() => setV(fromApp(app)), [app.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((prev) => ({ ...prev, [k]: value }));
    form.clear(k);
  };
  const fieldMessage = (msg: string | undefined) => (msg ? t(`workforce.field.${msg}`, { defaultValue: msg }) : undefined);
  const err = (k: string) => fieldMessage(form.errors[k]);
  const showServer = (error: unknown) => {
    form.fromServer(error);
    form.setFormError(wfMessage(error, t));
  };

  const onSave = (andSubmit: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    const body = form.check(ApplicationFields, toBody(v));
    if (!body) return;
    save.mutate(body, {
      onError: showServer,
      onSuccess: () => {
        if (!andSubmit) {
          notifications.show({ message: t('workforce.form.saved') });
          return;
        }
        submit.mutate(undefined, { onError: showServer, onSuccess: () => notifications.show({ message: t('workforce.form.submitted') }) });
      },
    });
  };

  const onFile = (kind: 'photo' | 'passport_scan') => (file: File | null) => {
    if (!file) return;
    form.clear(kind === 'photo' ? 'photo' : 'passportScan');
    upload.mutate({ kind, file }, {
      onSuccess: () => setPhotoVersion((n) => n + 1),
      onError: (error) => {
        const fields = fieldErrorsOf(error);
        form.fromServer(error);
        form.setFormError(Object.values(fields)[0] ?? wfMessage(error, t));
      },
    });
  };

  const docRow = (kind: 'photo' | 'passport_scan', field: 'photo' | 'passportScan', accept: string) => {
    const info = kind === 'photo' ? app.files.photo : app.files.passportScan;
    return (
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {t(`workforce.form.${field}`)}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`workforce.form.${field}Hint`)}
        </Text>
        <Group gap="sm" align="center">
          {kind === 'photo' && info && <Image src={`${myFileUrl(app.id, 'photo')}?v=${photoVersion}`} alt={t('workforce.form.photo')} w={60} h={80} fit="cover" radius="sm" />}
          <FileButton onChange={onFile(kind)} accept={accept}>
            {(props) => (
              <Button {...props} variant="light" size="sm" loading={upload.isPending && upload.variables?.kind === kind} data-testid={`upload-${kind}`}>
                {t('workforce.form.choose')}
              </Button>
            )}
          </FileButton>
          <Text size="sm" c={info ? 'teal' : 'dimmed'}>
            {info ? t('workforce.form.uploaded') : t('workforce.form.notUploaded')}
          </Text>
        </Group>
        {err(field) && (
          <Text size="sm" c="red" role="alert">
            {err(field)}
          </Text>
        )}
      </Stack>
    );
  };

  return (
    <Stack component="form" onSubmit={onSave(false)} {...{ noValidate: true }} gap="md">
      <Anchor component={Link} to="/portal/applications" size="sm">
        {t('workforce.mine.title')}
      </Anchor>
      <Title order={1} size="h2">
        {localText(app.opening.title, locale)}
      </Title>
      <Text c="dimmed" size="sm">
        {app.opening.organisationName}
      </Text>
      <FormAlert message={form.formError} />
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('workforce.form.identity')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('workforce.form.givenNames')} required dir="ltr" autoComplete="given-name" value={v.givenNames} onChange={(e) => set('givenNames', e.currentTarget.value)} error={err('givenNames')} />
            <TextInput label={t('workforce.form.familyName')} required dir="ltr" autoComplete="family-name" value={v.familyName} onChange={(e) => set('familyName', e.currentTarget.value)} error={err('familyName')} />
            <TextInput label={t('workforce.form.givenNamesAr')} dir="rtl" lang="ar" value={v.givenNamesAr} onChange={(e) => set('givenNamesAr', e.currentTarget.value)} error={err('givenNamesAr')} />
            <TextInput label={t('workforce.form.familyNameAr')} dir="rtl" lang="ar" value={v.familyNameAr} onChange={(e) => set('familyNameAr', e.currentTarget.value)} error={err('familyNameAr')} />
            <TextInput type="date" label={t('workforce.form.birthDate')} required value={v.birthDate} onChange={(e) => set('birthDate', e.currentTarget.value)} error={err('birthDate')} />
            <Select label={t('workforce.form.gender')} required data={['male', 'female'].map((g) => ({ value: g, label: t(`workforce.form.genders.${g}`) }))} value={v.gender || null} onChange={(x) => set('gender', x ?? '')} error={err('gender')} />
            <Select label={t('workforce.form.nationality')} required searchable data={countryOptions(locale)} value={v.nationality || null} onChange={(x) => set('nationality', x ?? '')} error={err('nationality')} />
          </SimpleGrid>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('workforce.form.passport')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('workforce.form.passportNumber')} required dir="ltr" value={v.passportNumber} onChange={(e) => set('passportNumber', e.currentTarget.value.toUpperCase())} error={err('passportNumber')} />
            <TextInput type="date" label={t('workforce.form.passportExpiry')} required value={v.passportExpiry} onChange={(e) => set('passportExpiry', e.currentTarget.value)} error={err('passportExpiry')} />
          </SimpleGrid>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('workforce.form.contact')}
          </Title>
          <TextInput label={t('workforce.form.phone')} required type="tel" dir="ltr" autoComplete="tel" placeholder="+212 612 345 678" value={v.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={err('phone')} />
          <MultiSelect label={t('workforce.form.languages')} required searchable data={languageOptions(locale)} value={v.languages} onChange={(x) => set('languages', x)} error={err('languages')} />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="md">
          <Title order={2} size="h4">
            {t('workforce.form.documents')}
          </Title>
          {docRow('photo', 'photo', 'image/jpeg,image/png')}
          {docRow('passport_scan', 'passportScan', 'application/pdf,image/jpeg')}
        </Stack>
      </Card>
      <Checkbox label={t('workforce.form.consent')} checked={v.consent} onChange={(e) => set('consent', e.currentTarget.checked)} error={err('consent')} />
      <Group>
        <Button type="submit" variant="light" loading={save.isPending && !submit.isPending}>
          {t('workforce.form.save')}
        </Button>
        <Button onClick={() => onSave(true)()} loading={submit.isPending}>
          {t('workforce.form.submit')}
        </Button>
        <Button variant="subtle" color="red" onClick={() => window.confirm(t('workforce.form.withdrawConfirm')) && withdraw.mutate()}>
          {t('workforce.form.withdraw')}
        </Button>
      </Group>
    </Stack>
  );
}

function StatusView({ app }: { app: MyApplication }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const withdraw = useWithdrawApplication(app.id);
  const canWithdraw = ['under_review', 'shortlisted', 'accepted'].includes(app.stage);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/portal/applications" size="sm">
        {t('workforce.mine.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {localText(app.opening.title, locale)}
          </Title>
          <Text c="dimmed" size="sm">
            {app.opening.organisationName}
          </Text>
        </Stack>
        <Badge size="lg" color={STAGE_COLOR[app.stage]} data-testid="stage">
          {t(`workforce.stage.${app.stage}`)}
        </Badge>
      </Group>
      {app.accreditation?.status === 'issued' && (
        <Alert color="green" title={t('workforce.form.badge')}>
          <Stack gap="xs">
            <Text size="sm">{t('workforce.form.badgeText', { number: app.accreditation.number, from: fmt.date(app.accreditation.validFrom), to: fmt.date(app.accreditation.validTo) })}</Text>
            <Button component="a" href={myBadgeUrl(app.id)} download data-testid="download-badge" w="fit-content">
              {t('workforce.form.downloadBadge')}
            </Button>
          </Stack>
        </Alert>
      )}
      {app.needsVisa && app.stage !== 'not_selected' && app.stage !== 'withdrawn' && (
        <Card withBorder>
          <Stack gap={4}>
            <Title order={2} size="h4">
              {t('workforce.form.visa')}
            </Title>
            {!app.visa && <Text size="sm">{t('workforce.form.visaNeeded')}</Text>}
            {app.visa && (
              <>
                <Text size="sm" fw={600}>
                  {t(`workforce.form.visaStatus.${app.visa.status}`)}
                </Text>
                {app.visa.currentStep && app.visa.stepDueOn && <Text size="sm">{t('workforce.form.visaStep', { step: t(`workforce.visaSteps.${app.visa.currentStep}`), date: fmt.date(app.visa.stepDueOn) })}</Text>}
                {app.visa.visaNumber && app.visa.validFrom && app.visa.validTo && (
                  <Text size="sm">{t('workforce.form.visaNumber', { number: app.visa.visaNumber, from: fmt.date(app.visa.validFrom), to: fmt.date(app.visa.validTo) })}</Text>
                )}
              </>
            )}
          </Stack>
        </Card>
      )}
      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('workforce.timeline.title')}
        </Title>
        <Timeline active={app.timeline.length - 1} bulletSize={14} lineWidth={2}>
          {app.timeline.map((e, i) => (
            <Timeline.Item key={`${e.type}-${i}`} title={t(`workforce.timeline.${e.type}`, { defaultValue: e.type })}>
              <Text size="xs" c="dimmed">
                {fmt.dateTime(e.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>
      {canWithdraw && (
        <Button variant="subtle" color="red" w="fit-content" onClick={() => window.confirm(t('workforce.form.withdrawConfirm')) && withdraw.mutate()}>
          {t('workforce.form.withdraw')}
        </Button>
      )}
    </Stack>
  );
}
