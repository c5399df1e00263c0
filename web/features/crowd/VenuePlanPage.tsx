/** A venue's security plan: versions and sign-offs, schematic, capacity check, editor, import and export. */
import { Alert, Badge, Button, Card, FileButton, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanVersion, PlanVersionSummary } from '../../../common/contracts/crowd-plan.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { fieldErrorsOf } from '../../lib/api.ts';
import { localName, useFormat } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { useVenue } from '../venues/api.ts';
import { crowdErrorMessage, exportPlan, useCapacity, useCreateVersion, useImportPlan, useLatestVenueRun, usePlanVersion, usePlanVersions, useRun, useSavePlan, useSign } from './api.ts';
import { AssumptionBadge, PlanEditor } from './PlanEditor.tsx';
import { plannedLoads, runLoads, Schematic } from './Schematic.tsx';

export const STATUS_COLOR: Record<string, string> = { draft: 'gray', venue_signed: 'blue', approved: 'teal' };

export function VenuePlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const venue = useVenue(id);
  const versions = usePlanVersions(id);
  const [params, setParams] = useSearchParams();
  const chosen = params.get('version');
  const latest = versions.data?.items[0]?.version ?? null;
  const version = chosen ? Number(chosen) : latest;
  return (
    <>
      <PageHeader
        back={{ to: `/venues/${id}`, label: t('crowd.backToVenue') }}
        title={t('crowd.planTitle', { venue: venue.data ? localName(fmt.locale, venue.data) : '…' })}
        subtitle={t('crowd.planSubtitle')}
      />
      <QueryState query={versions}>
        {(page) => (
          <Stack>
            <VersionsCard venueId={id} versions={page.items} current={version} onPick={(v) => setParams({ version: String(v) })} />
            {version !== null && <VersionView key={version} venueId={id} version={version} onVersion={(v) => setParams({ version: String(v) })} runId={params.get('run')} />}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function VersionsCard({ venueId, versions, current, onPick }: { venueId: string; versions: PlanVersionSummary[]; current: number | null; onPick: (v: number) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const importPlan = useImportPlan(venueId);
  const onFile = async (file: File | null) => {
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      notifications.show({ color: 'red', message: t('crowd.import.notJson') });
      return;
    }
    importPlan.mutate(json, {
      onSuccess: (v) => {
        notifications.show({ color: 'teal', message: t('crowd.import.done', { version: v.version }) });
        onPick(v.version);
      },
      onError: (e) => {
        const fields = Object.entries(fieldErrorsOf(e)).slice(0, 5).map(([p, m]) => `${p}: ${m}`);
        notifications.show({ color: 'red', autoClose: 15000, title: crowdErrorMessage(e, t), message: fields.join(' · ') || undefined });
      },
    });
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('crowd.versions')}</Title>
        {can(me.data, 'crowd_plan:edit', venueId) && (
          <FileButton onChange={(f) => void onFile(f)} accept="application/json,.json">
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={importPlan.isPending}>
                {t('crowd.import.button')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Table.ScrollContainer minWidth={620}>
        <Table highlightOnHover fz="sm" styles={{ td: { whiteSpace: 'nowrap' } }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crowd.version')}</Table.Th>
              <Table.Th>{t('crowd.status.label')}</Table.Th>
              <Table.Th>{t('crowd.signedVenue')}</Table.Th>
              <Table.Th>{t('crowd.signedCommand')}</Table.Th>
              <Table.Th>{t('crowd.updated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id} onClick={() => onPick(v.version)} style={{ cursor: 'pointer' }} bg={v.version === current ? 'var(--mantine-color-teal-light)' : undefined}>
                <Table.Td>
                  {t('crowd.versionN', { version: v.version })}
                  {v.basedOnVersion !== null && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      {t('crowd.basedOn', { version: v.basedOnVersion })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[v.status]} variant="light">
                    {t(`crowd.status.${v.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <SignatureCell signature={v.venueSignature} />
                </Table.Td>
                <Table.Td>
                  <SignatureCell signature={v.commandSignature} />
                </Table.Td>
                <Table.Td>{fmt.dateTime(v.updatedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function SignatureCell({ signature }: { signature: PlanVersionSummary['venueSignature'] }) {
  const fmt = useFormat();
  if (!signature) return <>—</>;
  return (
    <Stack gap={0}>
      <Text size="sm" dir="auto">
        {signature.label}
      </Text>
      <Text size="xs" c="dimmed">
        {fmt.dateTime(signature.at)}
      </Text>
    </Stack>
  );
}

function VersionView({ venueId, version, onVersion, runId }: { venueId: string; version: number; onVersion: (v: number) => void; runId: string | null }) {
  const query = usePlanVersion(venueId, version);
  return <QueryState query={query}>{(v) => <VersionDetail v={v} onVersion={onVersion} runId={runId} />}</QueryState>;
}

function VersionDetail({ v, onVersion, runId }: { v: PlanVersion; onVersion: (v: number) => void; runId: string | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const save = useSavePlan(v.venueId, v.version);
  const sign = useSign(v.venueId, v.version);
  const createVersion = useCreateVersion(v.venueId);
  const latest = useLatestVenueRun(v.venueId);
  const run = useRun(runId ?? latest.data?.id ?? null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const canEdit = can(me.data, 'crowd_plan:edit', v.venueId);
  const gateIds = new Set(v.plan.gates.map((g) => g.id));
  const fromRun = run.data?.result?.simulation ?? null;
  const simulation = fromRun && fromRun.ingress.gates.every((g) => gateIds.has(g.id)) ? fromRun : null;
  const loads = simulation ? runLoads(simulation.ingress.gates, run.data!.inputs.recommendation.targetP95WaitMinutes) : plannedLoads(v.plan);
  const download = async () => {
    const file = await exportPlan(v.venueId, v.version);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `crowd-plan-${v.plan.venueName.replace(/\W+/g, '-').toLowerCase()}-v${v.version}.json`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const onError = (e: unknown) => notifications.show({ color: 'red', message: crowdErrorMessage(e, t) });
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={4}>{t('crowd.versionN', { version: v.version })}</Title>
            <Badge color={STATUS_COLOR[v.status]}>{t(`crowd.status.${v.status}`)}</Badge>
            {v.frozen && (
              <Badge color="dark" variant="outline">
                {t('crowd.frozen')}
              </Badge>
            )}
          </Group>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => void download()}>
              {t('crowd.export')}
            </Button>
            {v.frozen && canEdit && (
              <Button size="xs" variant="light" loading={createVersion.isPending} onClick={() => createVersion.mutate(v.version, { onSuccess: (n) => onVersion(n.version), onError })}>
                {t('crowd.newVersion')}
              </Button>
            )}
            {v.status === 'draft' && can(me.data, 'crowd_plan:sign_venue', v.venueId) && (
              <Button size="xs" color="blue" loading={sign.isPending} onClick={() => sign.mutate('venue', { onError })}>
                {t('crowd.signVenue')}
              </Button>
            )}
            {v.status === 'venue_signed' && can(me.data, 'crowd_plan:sign_command') && (
              <Button size="xs" color="teal" loading={sign.isPending} onClick={() => sign.mutate('command', { onError })}>
                {t('crowd.signCommand')}
              </Button>
            )}
          </Group>
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t(`crowd.statusHint.${v.status}`)}
        </Text>
      </Card>
      {v.plan.assumptions.length > 0 && (
        <Alert color="orange" variant="light" title={<Group gap="xs"><AssumptionBadge /><span>{t('crowd.assumptionsTitle')}</span></Group>}>
          <Text size="sm">{t('crowd.assumptionsHint', { count: v.plan.assumptions.length })}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Title order={5} mb="xs">
            {simulation ? t('crowd.schematic.byRun', { version: run.data!.planVersion, date: fmt.dateTime(run.data!.createdAt) }) : t('crowd.schematic.byPlan')}
          </Title>
          <Schematic plan={v.plan} loads={loads} title={t('crowd.schematic.title')} />
        </Card>
        <CapacityCard venueId={v.venueId} version={v.version} />
      </SimpleGrid>
      <Card withBorder>
        <Title order={4} mb="sm">
          {v.frozen || !canEdit ? t('crowd.editor.viewTitle') : t('crowd.editor.editTitle')}
        </Title>
        <PlanEditor
          key={v.updatedAt}
          plan={v.plan}
          editable={!v.frozen && canEdit}
          saving={save.isPending}
          serverErrors={serverErrors}
          onSave={(plan) =>
            save.mutate(plan, {
              onSuccess: () => {
                setServerErrors({});
                notifications.show({ color: 'teal', message: t('crowd.editor.saved') });
              },
              onError: (e) => {
                const fields = Object.fromEntries(Object.entries(fieldErrorsOf(e)).map(([p, m]) => [p.replace(/^plan\./, ''), m]));
                setServerErrors(fields);
                onError(e);
              },
            })
          }
        />
      </Card>
    </Stack>
  );
}

export function CapacityCard({ venueId, version }: { venueId: string; version: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useCapacity(venueId, version);
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('crowd.capacity.title')}
      </Title>
      <QueryState query={query}>
        {(c) => (
          <Stack gap="xs">
            <Text size="sm">
              {t('crowd.capacity.venue', { final: fmt.number(c.venue.final), seats: fmt.number(c.venue.seats) })}{' '}
              <Badge variant="light" color={c.venue.final < c.venue.seats ? 'orange' : 'teal'}>
                {t('crowd.capacity.limitedBy', { factor: t(`crowd.factor.${c.venue.limitingFactor}`) })}
              </Badge>
            </Text>
            <Table.ScrollContainer minWidth={560}>
              <Table fz="xs" striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('crowd.section.id')}</Table.Th>
                    <Table.Th>{t('crowd.section.seats')}</Table.Th>
                    <Table.Th>{t('crowd.factor.entry')}</Table.Th>
                    <Table.Th>{t('crowd.factor.holding')}</Table.Th>
                    <Table.Th>{t('crowd.factor.exit')}</Table.Th>
                    <Table.Th>{t('crowd.factor.emergency-evacuation')}</Table.Th>
                    <Table.Th>{t('crowd.capacity.final')}</Table.Th>
                    <Table.Th>{t('crowd.capacity.limiting')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.sections.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>{s.id}</Table.Td>
                      <Table.Td>{fmt.number(s.seats)}</Table.Td>
                      <Table.Td>{fmt.number(s.entry)}</Table.Td>
                      <Table.Td>{fmt.number(s.holding)}</Table.Td>
                      <Table.Td>{fmt.number(s.exit)}</Table.Td>
                      <Table.Td>{fmt.number(s.emergencyEvacuation)}</Table.Td>
                      <Table.Td fw={600}>{fmt.number(s.final)}</Table.Td>
                      <Table.Td>{t(`crowd.factor.${s.limitingFactor}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed">
              {t('crowd.capacity.method', {
                rate: fmt.number(c.parameters.turnstileRatePerHour),
                window: fmt.number(c.parameters.entryWindowMinutes),
                level: fmt.number(c.parameters.ratePerMetreMinute.level),
                stair: fmt.number(c.parameters.ratePerMetreMinute.stair),
                egress: fmt.number(c.parameters.normalEgressMinutes),
                emergency: fmt.number(c.parameters.emergencyEvacuationMinutes),
              })}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

/** The "Security plan" link shown on a venue's page. */
export function VenuePlanLink({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  if (!can(me.data, 'crowd_plan:read')) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={4}>{t('crowd.securityPlan')}</Title>
          <Text size="sm" c="dimmed">
            {t('crowd.securityPlanHint')}
          </Text>
        </Stack>
        <Button component={Link} to={`/venues/${venueId}/plan`} variant="light">
          {t('crowd.openPlan')}
        </Button>
      </Group>
    </Card>
  );
}
