/** A match's crowd plan: run form, runs in progress, results with charts, recommendation and what-if comparison. */
import { Anchor, Badge, Button, Card, Checkbox, Group, NativeSelect, NumberInput, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ARRIVAL_PROFILE_NAMES, type ArrivalSpec } from '../../../common/contracts/crowd-scenario.ts';
import { CreateRunBody, type Run, type RunSummary } from '../../../common/contracts/crowd-plan.ts';
import type { Match } from '../../../common/contracts/platform.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { useMatch } from '../matches/api.ts';
import { fixtureLabel, RISK_COLOR, riskLabel } from '../matches/labels.ts';
import { crowdErrorMessage, crowdKeys, useCreateRun, usePlanVersions, useRun, useRuns } from './api.ts';
import { ComparePanel, RunResults } from './RunResults.tsx';

export function MatchCrowdPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useMatch(id);
  return (
    <QueryState query={query}>
      {(m) => (
        <>
          <PageHeader back={{ to: `/matches/${m.id}`, label: t('crowd.backToMatch') }} title={t('crowd.matchTitle', { fixture: fixtureLabel(m, t) })} subtitle={t('crowd.matchSubtitle')} />
          <MatchCrowd match={m} />
        </>
      )}
    </QueryState>
  );
}

function MatchCrowd({ match }: { match: Match }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const selected = params.get('run');
  const [compare, setCompare] = useState<string[]>([]);
  const select = (id: string) => setParams({ run: id }, { replace: true });
  return (
    <Stack>
      {can(me.data, 'crowd_run:create', match.venueId) && <RunForm match={match} onStarted={select} />}
      <RunsCard matchId={match.id} selected={selected} onSelect={select} compare={compare} onCompare={setCompare} />
      {compare.length === 2 && <ComparePanel a={compare[0]!} b={compare[1]!} />}
      {selected && <SelectedRun id={selected} match={match} onStarted={select} />}
    </Stack>
  );
}

/** "-240:0, -60:0.4, 0:1" → profile points. */
function parsePoints(text: string): [number, number][] {
  return text
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [m, s] = p.split(':').map((x) => Number(x.replace('−', '-').trim()));
      return [m ?? Number.NaN, s ?? Number.NaN] as [number, number];
    });
}

function RunForm({ match, onStarted }: { match: Match; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const create = useCreateRun(match.id);
  const narrow = useMediaQuery('(max-width: 36em)');
  const versions = usePlanVersions(match.venueId);
  const [kind, setKind] = useState<'simulation' | 'recommendation'>('simulation');
  const [attendance, setAttendance] = useState<number | string>(match.expectedAttendance ?? match.attendance ?? '');
  const [profile, setProfile] = useState<string>('late-surge');
  const [points, setPoints] = useState('-240:0, -120:0.2, -45:0.4, -15:0.85, 0:1');
  const [seed, setSeed] = useState<number | string>(20221120);
  const [assignment, setAssignment] = useState<'split' | 'shortest-queue'>('split');
  const [lanes, setLanes] = useState<number | string>('');
  const [emergency, setEmergency] = useState<number | string>('');
  const [planVersion, setPlanVersion] = useState<string>('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const arrivals: ArrivalSpec = profile === 'custom' ? { kind: 'profile', points: parsePoints(points) } : { kind: 'profile', name: profile as (typeof ARRIVAL_PROFILE_NAMES)[number] };
    const body = {
      kind,
      label: label.trim() || undefined,
      planVersion: planVersion ? Number(planVersion) : undefined,
      attendance: attendance === '' ? undefined : Number(attendance),
      arrivals,
      seed: seed === '' ? undefined : Number(seed),
      options: {
        assignment,
        lanesPerGate: lanes === '' ? undefined : Number(lanes),
        emergencyEvacuationMinutes: emergency === '' ? undefined : Number(emergency),
      },
    };
    const parsed = CreateRunBody.safeParse(body);
    if (!parsed.success) {
      setError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' · '));
      return;
    }
    setError(null);
    create.mutate(body, { onSuccess: (run) => onStarted(run.id), onError: (err) => setError(crowdErrorMessage(err, t)) });
  };
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={4}>{t('crowd.run.title')}</Title>
          <Group gap="xs">
            <Text size="sm">{t('crowd.run.risk')}</Text>
            <Badge color={RISK_COLOR[match.riskCategory] ?? 'gray'} variant="light">
              {riskLabel(match.riskCategory, t)}
            </Badge>
          </Group>
        </Group>
        <SegmentedControl
          fullWidth
          styles={{ label: { whiteSpace: 'normal' } }}
          orientation={narrow ? 'vertical' : 'horizontal'}
          value={kind}
          onChange={(v) => setKind(v as typeof kind)}
          data={[
            { value: 'simulation', label: t('crowd.run.kind.simulation') },
            { value: 'recommendation', label: t('crowd.run.kind.recommendation') },
          ]}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <NumberInput label={t('crowd.run.attendance')} description={t('crowd.run.attendanceHint', { value: fmt.number(match.expectedAttendance) })} min={1} max={250000} allowDecimal={false} value={attendance} onChange={setAttendance} />
          <NativeSelect
            label={t('crowd.run.arrivals')}
            description={t('crowd.run.arrivalsHint')}
            value={profile}
            onChange={(e) => setProfile(e.currentTarget.value)}
            data={[...ARRIVAL_PROFILE_NAMES.map((p) => ({ value: p, label: t(`crowd.profile.${p}`) })), { value: 'custom', label: t('crowd.profile.custom') }]}
          />
          <NumberInput label={t('crowd.run.seed')} description={t('crowd.run.seedHint')} min={0} allowDecimal={false} value={seed} onChange={setSeed} />
          <NativeSelect
            label={t('crowd.run.planVersion')}
            description={t('crowd.run.planVersionHint')}
            value={planVersion}
            onChange={(e) => setPlanVersion(e.currentTarget.value)}
            data={[{ value: '', label: t('crowd.run.latestApproved') }, ...(versions.data?.items ?? []).map((v) => ({ value: String(v.version), label: `${t('crowd.versionN', { version: v.version })} · ${t(`crowd.status.${v.status}`)}` }))]}
          />
        </SimpleGrid>
        {profile === 'custom' && <TextInput label={t('crowd.run.points')} description={t('crowd.run.pointsHint')} dir="ltr" value={points} onChange={(e) => setPoints(e.currentTarget.value)} />}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <NativeSelect
            label={t('crowd.run.assignment')}
            value={assignment}
            onChange={(e) => setAssignment(e.currentTarget.value as typeof assignment)}
            data={[
              { value: 'split', label: t('crowd.assignment.split') },
              { value: 'shortest-queue', label: t('crowd.assignment.shortest-queue') },
            ]}
          />
          <NumberInput label={t('crowd.run.lanesPerGate')} description={t('crowd.run.lanesPerGateHint')} min={1} max={200} allowDecimal={false} value={lanes} onChange={setLanes} />
          <NumberInput label={t('crowd.run.emergency')} description={t('crowd.run.emergencyHint')} min={2.5} max={8} step={0.5} value={emergency} onChange={setEmergency} />
          <TextInput label={t('crowd.run.label')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
        </SimpleGrid>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {kind === 'simulation' ? t('crowd.run.startSimulation') : t('crowd.run.startRecommendation')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function RunStatusBadge({ run }: { run: Pick<RunSummary, 'status' | 'progress'> }) {
  const { t } = useTranslation();
  const color = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red' }[run.status];
  return (
    <Badge color={color} variant="light" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`crowd.runStatus.${run.status}`)}
      {run.status === 'running' ? ` ${Math.round(run.progress * 100)} %` : ''}
    </Badge>
  );
}

function RunsCard({ matchId, selected, onSelect, compare, onCompare }: { matchId: string; selected: string | null; onSelect: (id: string) => void; compare: string[]; onCompare: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const runs = useRuns(matchId);
  const minutes = (v: number | null | undefined) => (v === null || v === undefined ? '—' : t('crowd.minutes', { value: fmt.number(Math.round(v * 10) / 10) }));
  const toggle = (id: string) => onCompare(compare.includes(id) ? compare.filter((x) => x !== id) : [...compare.slice(-1), id]);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('crowd.runs.title')}
      </Title>
      <QueryState query={runs} isEmpty={(p) => p.items.length === 0} empty={<Empty title={t('crowd.runs.empty')} />}>
        {(page) => (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t('crowd.runs.compareHint')}
            </Text>
            <Table.ScrollContainer minWidth={1000}>
              <Table highlightOnHover fz="sm" styles={{ td: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('crowd.runs.compare')}</Table.Th>
                    <Table.Th>{t('crowd.runs.run')}</Table.Th>
                    <Table.Th>{t('crowd.runs.status')}</Table.Th>
                    <Table.Th>{t('crowd.run.attendance')}</Table.Th>
                    <Table.Th>{t('crowd.result.p95')}</Table.Th>
                    <Table.Th>{t('crowd.result.lastEntry')}</Table.Th>
                    <Table.Th>{t('crowd.result.inByKickoff')}</Table.Th>
                    <Table.Th>{t('crowd.result.egress')}</Table.Th>
                    <Table.Th>{t('crowd.result.peakStewards')}</Table.Th>
                    <Table.Th>{t('crowd.runs.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((r) => (
                    <Table.Tr key={r.id} bg={r.id === selected ? 'var(--mantine-color-teal-light)' : undefined}>
                      <Table.Td>
                        <Checkbox aria-label={t('crowd.runs.compare')} checked={compare.includes(r.id)} onChange={() => toggle(r.id)} disabled={r.status !== 'done'} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor component="button" type="button" onClick={() => onSelect(r.id)}>
                          {r.label ?? t(`crowd.run.kind.${r.kind}`)}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t('crowd.runs.meta', { version: r.planVersion, seed: r.seed })}
                          {r.reproducedFrom ? ` · ${t('crowd.runs.reproduced')}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RunStatusBadge run={r} />
                      </Table.Td>
                      <Table.Td>{fmt.number(r.attendance)}</Table.Td>
                      <Table.Td>{minutes(r.headline?.p95WaitMinutes)}</Table.Td>
                      <Table.Td>{minutes(r.headline?.lastEntryMinute)}</Table.Td>
                      <Table.Td>{r.headline?.inByKickoffShare == null ? '—' : `${fmt.number(Math.round(r.headline.inByKickoffShare * 1000) / 10)} %`}</Table.Td>
                      <Table.Td>{minutes(r.headline?.normalEgressMinutes)}</Table.Td>
                      <Table.Td>{fmt.number(r.headline?.peakStewards)}</Table.Td>
                      <Table.Td>{fmt.dateTime(r.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}

function SelectedRun({ id, match, onStarted }: { id: string; match: Match; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const query = useRun(id);
  const queryClient = useQueryClient();
  const status = query.data?.status;
  // When the followed run finishes, the runs table shows it at once (not at its next poll).
  useEffect(() => {
    if (status === 'done' || status === 'failed') void queryClient.invalidateQueries({ queryKey: crowdKeys.runs(match.id) });
  }, [status, match.id, queryClient]);
  return (
    <QueryState query={query}>
      {(run: Run) =>
        run.status === 'queued' || run.status === 'running' ? (
          <Card withBorder>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={4}>{t('crowd.result.running')}</Title>
                <RunStatusBadge run={run} />
              </Group>
              <Progress value={Math.max(3, run.progress * 100)} animated aria-label={t('crowd.result.running')} />
              <Text size="sm" c="dimmed">
                {t('crowd.result.runningHint')}
              </Text>
            </Stack>
          </Card>
        ) : run.status === 'failed' ? (
          <Card withBorder>
            <Title order={4} c="red">
              {t('crowd.runStatus.failed')}
            </Title>
            <Text size="sm" dir="ltr">
              {run.error}
            </Text>
          </Card>
        ) : (
          <RunResults run={run} match={match} onStarted={onStarted} />
        )
      }
    </QueryState>
  );
}

/** The "Crowd plan" section shown on a match's page. */
export function MatchCrowdLink({ match }: { match: Match }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  if (!can(me.data, 'crowd_run:read')) return null;
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Title order={4}>{t('crowd.crowdPlan')}</Title>
          <Text size="sm" c="dimmed">
            {t('crowd.crowdPlanHint', { attendance: fmt.number(match.expectedAttendance) })}
          </Text>
        </Stack>
        <Button component={Link} to={`/matches/${match.id}/crowd`} variant="light">
          {t('crowd.openCrowdPlan')}
        </Button>
      </Group>
    </Card>
  );
}

