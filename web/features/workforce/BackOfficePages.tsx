import { Anchor, Badge, Button, Card, Checkbox, Group, Image, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '../../../common/contracts/common.ts';
import { Venue } from '../../../common/contracts/platform.ts';
import { CreateOpeningBody, type Opening } from '../../../common/contracts/workforce.ts';
import { Field } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { apiRequest } from '../../lib/api.ts';
import { useFormat, useLocale } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { applicationFileUrl, localText, useApplication, useApplications, useDecide, useManagedOpenings, useSaveOpening, wfMessage } from './api.ts';

const LANGS = ['en', 'fr', 'ar'] as const;

function useVenueOptions() {
  const q = useQuery({ queryKey: ['venues', 'options'], queryFn: () => apiRequest('/api/venues', { query: { limit: 50 }, schema: Page(Venue) }) });
  return (q.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }));
}

export function ManageOpeningsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const openings = useManagedOpenings({});
  const save = useSaveOpening();
  const [editing, setEditing] = useState<Opening | null | undefined>(undefined);
  return (
    <>
      <PageHeader title={t('workforce.backoffice.openings')} actions={<Button onClick={() => setEditing(null)}>{t('workforce.backoffice.newOpening')}</Button>} />
      <QueryState query={openings} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('workforce.openings.empty')} />}>
        {(d) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('workforce.backoffice.opening')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.places')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.startsOn')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.filterStatus')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workforce/applications?openingId=${o.id}`}>
                        {localText(o.title, locale)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{fmt.number(o.places)}</Table.Td>
                    <Table.Td>{fmt.date(o.startsOn)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={o.status === 'published' ? 'teal' : 'gray'}>
                        {t(`workforce.backoffice.status.${o.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Button size="compact-xs" variant="light" onClick={() => setEditing(o)}>
                          {t('common.edit')}
                        </Button>
                        {o.status !== 'closed' && (
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => save.mutate({ id: o.id, body: { status: 'closed' } })}>
                            {t('workforce.backoffice.close')}
                          </Button>
                        )}
                        {o.status !== 'published' && (
                          <Button size="compact-xs" variant="subtle" onClick={() => save.mutate({ id: o.id, body: { status: 'published' } })}>
                            {t('workforce.backoffice.publish')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('workforce.backoffice.editOpening') : t('workforce.backoffice.newOpening')} size="lg">
        {editing !== undefined && <OpeningForm opening={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </>
  );
}

function OpeningForm({ opening, onDone }: { opening: Opening | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const save = useSaveOpening();
  const venues = useVenueOptions();
  const [v, setV] = useState({
    kind: opening?.kind ?? 'job',
    title: { ...opening?.title },
    description: { ...opening?.description },
    requirements: { ...opening?.requirements },
    venueId: opening?.venueId ?? null,
    location: opening?.location ?? '',
    places: opening?.places ?? 10,
    startsOn: opening?.startsOn ?? '',
    endsOn: opening?.endsOn ?? '',
    sponsorsVisa: opening?.sponsorsVisa ?? false,
  });
  const clean = (x: Record<string, string | undefined>) => Object.fromEntries(Object.entries(x).filter(([, s]) => s && s.trim()));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = { ...v, title: clean(v.title), description: clean(v.description), requirements: clean(v.requirements), location: v.location.trim() || null };
    const checked = form.check(CreateOpeningBody, body);
    if (!checked) return;
    const { kind: _k, status: _s, ...patch } = checked;
    save.mutate({ id: opening?.id, body: opening ? patch : checked }, { onSuccess: onDone, onError: (err) => { form.fromServer(err); form.setFormError(wfMessage(err, t)); } });
  };
  const text = (group: 'title' | 'description' | 'requirements', lang: (typeof LANGS)[number], long = false) => {
    const props = {
      key: `${group}-${lang}`,
      label: t(`workforce.backoffice.${group}In`, { lang: lang.toUpperCase() }),
      dir: lang === 'ar' ? 'rtl' : 'ltr',
      value: v[group][lang] ?? '',
      onChange: (e: { currentTarget: { value: string } }) => setV((p) => ({ ...p, [group]: { ...p[group], [lang]: e.currentTarget.value } })),
      error: form.errors[`${group}.${lang}`] ?? (lang === 'en' ? form.errors[group] : undefined),
    };
    return long ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
  };
  return (
    <Stack component="form" onSubmit={onSubmit} {...{ noValidate: true }}>
      <FormAlert message={form.formError} />
      <Select label={t('workforce.backoffice.kind')} disabled={Boolean(opening)} data={(['job', 'volunteer'] as const).map((k) => ({ value: k, label: t(`workforce.openings.kindLabel.${k}`) }))} value={v.kind} onChange={(x) => setV((p) => ({ ...p, kind: (x ?? 'job') as 'job' }))} allowDeselect={false} />
      {LANGS.map((l) => text('title', l))}
      {LANGS.map((l) => text('description', l, true))}
      {LANGS.map((l) => text('requirements', l, true))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select label={t('workforce.backoffice.venue')} placeholder={t('workforce.backoffice.noVenue')} clearable data={venues} value={v.venueId} onChange={(x) => setV((p) => ({ ...p, venueId: x }))} />
        <TextInput label={t('workforce.backoffice.location')} value={v.location} onChange={(e) => setV((p) => ({ ...p, location: e.currentTarget.value }))} />
        <NumberInput label={t('workforce.backoffice.places')} min={1} value={v.places} onChange={(x) => setV((p) => ({ ...p, places: Number(x) || 0 }))} error={form.errors.places} />
        <div />
        <TextInput type="date" label={t('workforce.backoffice.startsOn')} value={v.startsOn} onChange={(e) => setV((p) => ({ ...p, startsOn: e.currentTarget.value }))} error={form.errors.startsOn} />
        <TextInput type="date" label={t('workforce.backoffice.endsOn')} value={v.endsOn} onChange={(e) => setV((p) => ({ ...p, endsOn: e.currentTarget.value }))} error={form.errors.endsOn} />
      </SimpleGrid>
      <Checkbox label={t('workforce.backoffice.sponsorsVisa')} checked={v.sponsorsVisa} onChange={(e) => setV((p) => ({ ...p, sponsorsVisa: e.currentTarget.checked }))} />
      <Group justify="flex-end">
        <Button type="submit" loading={save.isPending}>
          {t('workforce.backoffice.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function VettingBadge({ a }: { a: { vetting: string | null; vettingState: string | null } }) {
  const { t } = useTranslation();
  if (a.vettingState) {
    const color = a.vettingState === 'cleared' ? 'green' : a.vettingState === 'refused' ? 'red' : a.vettingState === 'hit_under_review' ? 'orange' : 'gray';
    return <Badge color={color} variant="light">{t(`workforce.backoffice.vettingState.${a.vettingState}`)}</Badge>;
  }
  if (a.vetting) return <Badge color={a.vetting === 'cleared' ? 'green' : 'gray'} variant="light">{t(`workforce.backoffice.vettingNeutral.${a.vetting}`)}</Badge>;
  return null;
}

export function ApplicationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const params = new URLSearchParams(window.location.search);
  const [status, setStatus] = useState<string | null>(null);
  const apps = useApplications({ status: status ?? undefined, openingId: params.get('openingId') ?? undefined });
  return (
    <>
      <PageHeader title={t('workforce.backoffice.applications')} />
      <Select
        mb="md"
        maw={240}
        label={t('workforce.backoffice.filterStatus')}
        clearable
        placeholder={t('common.all')}
        data={['submitted', 'shortlisted', 'accepted', 'declined', 'withdrawn'].map((s) => ({ value: s, label: t(`workforce.backoffice.appStatus.${s}`) }))}
        value={status}
        onChange={setStatus}
      />
      <QueryState query={apps} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('workforce.backoffice.empty')} />}>
        {(d) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('workforce.backoffice.applicant')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.opening')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.submittedAt')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.filterStatus')}</Table.Th>
                  <Table.Th>{t('workforce.backoffice.vetting')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/workforce/applications/${a.id}`}>
                        {[a.givenNames, a.familyName].filter(Boolean).join(' ')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{localText(a.opening.title, locale)}</Table.Td>
                    <Table.Td>{a.submittedAt ? fmt.date(a.submittedAt) : '—'}</Table.Td>
                    <Table.Td>{t(`workforce.backoffice.appStatus.${a.status}`)}</Table.Td>
                    <Table.Td>
                      <VettingBadge a={a} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </>
  );
}

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const app = useApplication(id);
  const decide = useDecide(id);
  const [photoOpen, { open, close }] = useDisclosure(false);
  return (
    <QueryState query={app}>
      {(a) => (
        <>
          <PageHeader
            back={{ to: '/workforce/applications', label: t('workforce.backoffice.applications') }}
            title={[a.givenNames, a.familyName].filter(Boolean).join(' ')}
            subtitle={`${localText(a.opening.title, locale)} · ${a.opening.organisationName}`}
            actions={
              (a.status === 'submitted' || a.status === 'shortlisted') && (
                <>
                  {a.status === 'submitted' && <Button variant="light" onClick={() => decide.mutate('shortlist')}>{t('workforce.backoffice.shortlist')}</Button>}
                  <Button onClick={() => decide.mutate('accept')} disabled={(a.vettingState ?? a.vetting) !== 'cleared'}>
                    {t('workforce.backoffice.accept')}
                  </Button>
                  <Button variant="subtle" color="red" onClick={() => decide.mutate('decline')}>
                    {t('workforce.backoffice.decline')}
                  </Button>
                </>
              )
            }
          />
          <FormAlert message={decide.error ? wfMessage(decide.error, t) : null} />
          <Card withBorder>
            <Group align="flex-start" gap="lg">
              {a.hasPhoto && (
                <Image src={applicationFileUrl(a.id, 'photo')} alt={t('workforce.backoffice.photo')} w={120} h={160} fit="cover" radius="sm" onClick={open} style={{ cursor: 'zoom-in' }} />
              )}
              <SimpleGrid cols={{ base: 1, sm: 3 }} style={{ flex: 1 }}>
                <Field label={t('workforce.backoffice.filterStatus')}>{t(`workforce.backoffice.appStatus.${a.status}`)}</Field>
                <Field label={t('workforce.backoffice.vetting')}><VettingBadge a={a} /></Field>
                <Field label={t('workforce.form.givenNamesAr')}>{[a.givenNamesAr, a.familyNameAr].filter(Boolean).join(' ') || '—'}</Field>
                <Field label={t('workforce.form.birthDate')}>{a.birthDate ? fmt.date(a.birthDate) : '—'}</Field>
                <Field label={t('workforce.form.nationality')}>{a.nationality ? fmt.country(a.nationality) : '—'}</Field>
                <Field label={t('workforce.form.gender')}>{a.gender ? t(`workforce.form.genders.${a.gender}`) : '—'}</Field>
                <Field label={t('workforce.form.passportNumber')}>{a.passportNumber ?? '—'}</Field>
                <Field label={t('workforce.form.passportExpiry')}>{a.passportExpiry ? fmt.date(a.passportExpiry) : '—'}</Field>
                <Field label={t('workforce.form.phone')}><span dir="ltr">{a.phone ?? '—'}</span></Field>
                <Field label={t('workforce.form.visa')}>{a.visa ? t(`workforce.form.visaStatus.${a.visa.status}`) : '—'}</Field>
                <Field label={t('workforce.form.badge')}>{a.accreditation ? `${a.accreditation.number} · ${a.accreditation.status}` : '—'}</Field>
                {a.hasPassportScan && (
                  <Field label={t('workforce.backoffice.passportScan')}>
                    <Anchor href={applicationFileUrl(a.id, 'passport_scan')} target="_blank" rel="noopener">
                      {t('workforce.backoffice.openScan')}
                    </Anchor>
                  </Field>
                )}
              </SimpleGrid>
            </Group>
          </Card>
          {(a.status === 'submitted' || a.status === 'shortlisted') && (a.vettingState ?? a.vetting) !== 'cleared' && (
            <Text size="sm" c="dimmed" mt="sm">
              {t('workforce.backoffice.waitsForVetting')}
            </Text>
          )}
          <Modal opened={photoOpen} onClose={close} title={t('workforce.backoffice.photo')}>
            <Image src={applicationFileUrl(a.id, 'photo')} alt={t('workforce.backoffice.photo')} />
          </Modal>
        </>
      )}
    </QueryState>
  );
}
