import { Anchor, Badge, Button, Card, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../../common/contracts/common.ts';
import { Venue } from '../../../common/contracts/platform.ts';
import { type ApplicationView, IssueAccreditationBody, type VisaCase } from '../../../common/contracts/workforce.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { apiRequest } from '../../lib/api.ts';
import { useFormat, useLocale } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { localText, useApplications, wfMessage } from '../workforce/api.ts';
import { badgePdfUrl, useAccreditations, useChangeAccreditation, useIssueAccreditation, useVisaCases, useVisaStep } from './api.ts';

const today = () => new Date().toISOString().slice(0, 10);
const plusDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);

export function VisaCasesPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string | null>('open');
  const cases = useVisaCases({ status: status ?? undefined });
  const [issuing, setIssuing] = useState<VisaCase | null>(null);
  return (
    <>
      <PageHeader title={t('accreditation.visa.title')} subtitle={t('accreditation.visa.subtitle')} />
      <Select mb="md" maw={220} label={t('accreditation.visa.status')} clearable placeholder={t('common.all')} data={['open', 'issued', 'refused'].map((s) => ({ value: s, label: t(`workforce.form.visaStatus.${s}`) }))} value={status} onChange={setStatus} />
      <QueryState query={cases} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('accreditation.visa.empty')} />}>
        {(d) => (
          <Stack gap="sm">
            {d.items.map((c) => (
              <VisaCaseCard key={c.id} c={c} onIssue={() => setIssuing(c)} />
            ))}
          </Stack>
        )}
      </QueryState>
      <Modal opened={issuing !== null} onClose={() => setIssuing(null)} title={t('accreditation.visa.issueTitle')}>
        {issuing && <IssueVisaForm c={issuing} onDone={() => setIssuing(null)} />}
      </Modal>
    </>
  );
}

function VisaCaseCard({ c, onIssue }: { c: VisaCase; onIssue: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const step = useVisaStep(c.id);
  return (
    <Card withBorder component="article" data-testid="visa-case">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Text fw={700}>{c.applicantName}</Text>
          <Text size="sm" c="dimmed">
            {localText(c.openingTitle, locale)} · {c.organisationName} · {c.nationality ? fmt.country(c.nationality) : ''}
          </Text>
          {c.currentStep && (
            <Text size="sm">
              {t('accreditation.visa.current', { step: t(`workforce.visaSteps.${c.currentStep}`), date: c.stepDueOn ? fmt.date(c.stepDueOn) : '—' })}
            </Text>
          )}
          {c.visaNumber && <Text size="sm">{t('workforce.form.visaNumber', { number: c.visaNumber, from: fmt.date(c.validFrom!), to: fmt.date(c.validTo!) })}</Text>}
          <Group gap={4}>
            {c.history.map((h, i) => (
              <Badge key={i} size="xs" variant="light" color={h.outcome === 'done' ? 'teal' : 'red'}>
                {t(`workforce.visaSteps.${h.step}`)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Badge color={c.status === 'issued' ? 'green' : c.status === 'refused' ? 'red' : 'blue'}>{t(`workforce.form.visaStatus.${c.status}`)}</Badge>
      </Group>
      <FormAlert message={step.error ? wfMessage(step.error, t) : null} />
      {c.status === 'open' && c.currentStep && (
        <Group mt="sm" gap="xs">
          {c.currentStep === 'issuance' ? (
            <Button size="xs" onClick={onIssue}>
              {t('accreditation.visa.issue')}
            </Button>
          ) : (
            <Button size="xs" loading={step.isPending} onClick={() => step.mutate({ step: c.currentStep!, outcome: 'done' })} disabled={c.currentStep === 'security' && c.vettingState !== 'cleared'}>
              {t('accreditation.visa.done', { step: t(`workforce.visaSteps.${c.currentStep}`) })}
            </Button>
          )}
          <Button size="xs" variant="subtle" color="red" onClick={() => window.confirm(t('accreditation.visa.refuseConfirm')) && step.mutate({ step: c.currentStep!, outcome: 'refused' })}>
            {t('accreditation.visa.refuse')}
          </Button>
          {c.currentStep === 'security' && c.vettingState !== 'cleared' && (
            <Text size="xs" c="dimmed">
              {t('accreditation.visa.waitsForVetting')}
            </Text>
          )}
        </Group>
      )}
    </Card>
  );
}

function IssueVisaForm({ c, onDone }: { c: VisaCase; onDone: () => void }) {
  const { t } = useTranslation();
  const step = useVisaStep(c.id);
  const [visaNumber, setVisaNumber] = useState('');
  const [validFrom, setFrom] = useState(today());
  const [validTo, setTo] = useState(plusDays(180));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    step.mutate({ step: 'issuance', outcome: 'done', visaNumber: visaNumber.trim().toUpperCase(), validFrom, validTo }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <FormAlert message={step.error ? wfMessage(step.error, t) : null} />
        <TextInput label={t('accreditation.visa.number')} dir="ltr" required value={visaNumber} onChange={(e) => setVisaNumber(e.currentTarget.value)} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('accreditation.validFrom')} value={validFrom} onChange={(e) => setFrom(e.currentTarget.value)} />
          <TextInput type="date" label={t('accreditation.validTo')} value={validTo} onChange={(e) => setTo(e.currentTarget.value)} />
        </SimpleGrid>
        <Button type="submit" loading={step.isPending}>
          {t('accreditation.visa.issue')}
        </Button>
      </Stack>
    </form>
  );
}

const ROLE_CATEGORIES = ['workforce', 'volunteer', 'hospitality', 'security', 'medical', 'transport', 'media'];

export function AccreditationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [status, setStatus] = useState<string | null>(null);
  const list = useAccreditations({ status: status ?? undefined });
  const ready = useApplications({ ready: true });
  const change = useChangeAccreditation();
  const [issuing, setIssuing] = useState<ApplicationView | null>(null);
  return (
    <>
      <PageHeader title={t('accreditation.title')} actions={<Button component={Link} to="/checkpoint" variant="light">{t('accreditation.openCheckpoint')}</Button>} />
      <Card withBorder mb="lg">
        <Text fw={700} mb="xs">
          {t('accreditation.ready')}
        </Text>
        <QueryState query={ready} isEmpty={(d) => d.items.length === 0} empty={<Text size="sm" c="dimmed">{t('accreditation.noneReady')}</Text>}>
          {(d) => (
            <Stack gap={6}>
              {d.items.map((a) => (
                <Group key={a.id} justify="space-between">
                  <Anchor component={Link} to={`/workforce/applications/${a.id}`}>
                    {[a.givenNames, a.familyName].join(' ')}
                  </Anchor>
                  <Button size="xs" onClick={() => setIssuing(a)} data-testid="issue">
                    {t('accreditation.issue')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )}
        </QueryState>
      </Card>
      <Select mb="md" maw={220} label={t('accreditation.status')} clearable placeholder={t('common.all')} data={['issued', 'suspended', 'revoked'].map((s) => ({ value: s, label: t(`accreditation.statuses.${s}`) }))} value={status} onChange={setStatus} />
      <FormAlert message={change.error ? wfMessage(change.error, t) : null} />
      <QueryState query={list} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('accreditation.empty')} />}>
        {(d) => (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('accreditation.number')}</Table.Th>
                  <Table.Th>{t('accreditation.holder')}</Table.Th>
                  <Table.Th>{t('accreditation.role')}</Table.Th>
                  <Table.Th>{t('accreditation.zones')}</Table.Th>
                  <Table.Th>{t('accreditation.validity')}</Table.Th>
                  <Table.Th>{t('accreditation.status')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.number}</Table.Td>
                    <Table.Td>
                      {a.holderName}
                      {a.holderNameAr && (
                        <Text size="xs" c="dimmed" dir="rtl">
                          {a.holderNameAr}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`accreditation.roles.${a.roleCategory}`)}</Table.Td>
                    <Table.Td>{a.zones.join(t('common.listSeparator'))}</Table.Td>
                    <Table.Td>
                      {fmt.date(a.validFrom)} – {fmt.date(a.validTo)}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={a.status === 'issued' ? 'green' : a.status === 'suspended' ? 'orange' : 'red'}>{t(`accreditation.statuses.${a.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {a.status !== 'revoked' && (
                          <Button size="compact-xs" variant="light" component="a" href={badgePdfUrl(a.id)} target="_blank">
                            {t('accreditation.badgePdf')}
                          </Button>
                        )}
                        {a.status === 'issued' && <Button size="compact-xs" variant="subtle" color="orange" onClick={() => change.mutate({ id: a.id, action: 'suspend' })}>{t('accreditation.suspend')}</Button>}
                        {a.status === 'suspended' && <Button size="compact-xs" variant="subtle" onClick={() => change.mutate({ id: a.id, action: 'reinstate' })}>{t('accreditation.reinstate')}</Button>}
                        {a.status !== 'revoked' && <Button size="compact-xs" variant="subtle" color="red" onClick={() => window.confirm(t('accreditation.revokeConfirm')) && change.mutate({ id: a.id, action: 'revoke' })}>{t('accreditation.revoke')}</Button>}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Modal opened={issuing !== null} onClose={() => setIssuing(null)} title={t('accreditation.issueTitle')} size="lg">
        {issuing && <IssueForm app={issuing} onDone={() => setIssuing(null)} />}
      </Modal>
    </>
  );
}

function IssueForm({ app, onDone }: { app: ApplicationView; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors();
  const issue = useIssueAccreditation();
  const venues = useQuery({ queryKey: ['venues', 'options'], queryFn: () => apiRequest('/api/venues', { query: { limit: 50 }, schema: Page(Venue) }) });
  const [roleCategory, setRole] = useState<string>(app.opening.kind === 'volunteer' ? 'volunteer' : 'workforce');
  const [venueIds, setVenues] = useState<string[]>([]);
  const [zones, setZones] = useState<string[]>(['1']);
  const [validFrom, setFrom] = useState(app.visa?.validFrom && app.visa.validFrom > today() ? app.visa.validFrom : today());
  const [validTo, setTo] = useState(app.opening.endsOn);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(IssueAccreditationBody, { applicationId: app.id, roleCategory, venueIds, zones: zones.map(Number), validFrom, validTo });
    if (!body) return;
    issue.mutate(body, { onSuccess: onDone, onError: (err) => { form.fromServer(err); form.setFormError(wfMessage(err, t)); } });
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text fw={600}>{[app.givenNames, app.familyName].join(' ')}</Text>
        <FormAlert message={form.formError} />
        <Select label={t('accreditation.role')} data={ROLE_CATEGORIES.map((r) => ({ value: r, label: t(`accreditation.roles.${r}`) }))} value={roleCategory} onChange={(v) => setRole(v ?? 'workforce')} allowDeselect={false} />
        <MultiSelect label={t('accreditation.venues')} data={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))} value={venueIds} onChange={setVenues} error={form.errors.venueIds} data-testid="venues" />
        <MultiSelect label={t('accreditation.zones')} data={Array.from({ length: 8 }, (_, i) => String(i + 1))} value={zones} onChange={setZones} error={form.errors.zones} />
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('accreditation.validFrom')} value={validFrom} onChange={(e) => setFrom(e.currentTarget.value)} error={form.errors.validFrom} />
          <TextInput type="date" label={t('accreditation.validTo')} value={validTo} onChange={(e) => setTo(e.currentTarget.value)} error={form.errors.validTo} />
        </SimpleGrid>
        <Button type="submit" loading={issue.isPending}>
          {t('accreditation.issue')}
        </Button>
      </Stack>
    </form>
  );
}
