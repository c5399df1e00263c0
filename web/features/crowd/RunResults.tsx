/** Results of a run: figures, SVG charts (queues, waits, seated, egress, transit), recommendation, comparison. */
import { Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Run } from '../../../common/contracts/crowd-plan.ts';
import type { LaneRecommendation, SimulationResult } from '../../../common/contracts/crowd-scenario.ts';
import type { Match } from '../../../common/contracts/platform.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useMe } from '../auth/api.ts';
import { crowdErrorMessage, useCompare, useCreateRun, useReproduce } from './api.ts';
import { BarChart, LineChart } from './charts.tsx';

const COLORS = ['#1c7ed6', '#e8590c', '#2f9e44', '#ae3ec9', '#f08c00', '#0c8599'];

function useMinutes() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (v: number | null | undefined) => (v === null || v === undefined ? '—' : t('crowd.minutes', { value: fmt.number(Math.round(v * 10) / 10) }));
}

function Figure({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={warn ? 'red' : undefined}>
        {value}
      </Text>
    </Stack>
  );
}

export function RunResults({ run, match, onStarted }: { run: Run; match: Match; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const reproduce = useReproduce(match.id);
  const result = run.result!;
  return (
    <Stack>
      <Card withBorder>
        <Group justify="space-between" wrap="wrap">
          <Stack gap={0}>
            <Title order={4}>{run.label ?? t(`crowd.run.kind.${run.kind}`)}</Title>
            <Text size="xs" c="dimmed">
              {t('crowd.result.inputs', { version: run.planVersion, attendance: fmt.number(run.attendance), seed: run.seed, engine: run.inputs.engineVersion })}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" dir="ltr">
              {t('crowd.result.hash', { hash: run.resultHash?.slice(0, 16) ?? '—' })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button size="xs" variant="default" component={Link} to={`/venues/${run.venueId}/plan?version=${run.planVersion}&run=${run.id}`}>
              {t('crowd.result.onSchematic')}
            </Button>
            {can(me.data, 'crowd_run:create', run.venueId) && (
              <Button size="xs" variant="light" loading={reproduce.isPending} onClick={() => reproduce.mutate(run.id, { onSuccess: (r) => onStarted(r.id) })}>
                {t('crowd.result.reproduce')}
              </Button>
            )}
          </Group>
        </Group>
        {run.reproducedFrom && (
          <Text size="sm" mt="xs">
            {t('crowd.result.reproducedNote')}
          </Text>
        )}
      </Card>
      {result.simulation && <SimulationView sim={result.simulation} target={run.inputs.recommendation.targetP95WaitMinutes} attendance={run.attendance} />}
      {result.recommendation && <RecommendationView rec={result.recommendation} run={run} onStarted={onStarted} />}
      <Card withBorder>
        <Text size="sm">
          {t('crowd.capacity.venue', { final: fmt.number(result.capacity.venue.final), seats: fmt.number(result.capacity.venue.seats) })}{' '}
          <Badge variant="light">{t('crowd.capacity.limitedBy', { factor: t(`crowd.factor.${result.capacity.venue.limitingFactor}`) })}</Badge>
        </Text>
        {run.attendance > result.capacity.venue.final && (
          <Text c="red" size="sm" mt={4}>
            {t('crowd.capacity.over', { attendance: fmt.number(run.attendance) })}
          </Text>
        )}
      </Card>
    </Stack>
  );
}

function SimulationView({ sim, target, attendance }: { sim: SimulationResult; target: number; attendance: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const minutes = useMinutes();
  const ing = sim.ingress;
  const [gate, setGate] = useState<string>(ing.busiestGates[0]?.id ?? ing.gates[0]?.id ?? '');
  const gateResult = ing.gates.find((g) => g.id === gate);
  const xLabel = t('crowd.chart.minutesFromKickoff');
  const kickoff = [{ x: 0, label: t('crowd.chart.kickoff') }];
  const pct = (v: number) => `${fmt.number(Math.round(v * 1000) / 10)} %`;
  return (
    <>
      <Card withBorder>
        <Title order={4} mb="sm">
          {t('crowd.result.ingress')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          <Figure label={t('crowd.result.mean')} value={minutes(ing.meanWaitMinutes)} />
          <Figure label={t('crowd.result.p95')} value={minutes(ing.p95WaitMinutes)} warn={ing.p95WaitMinutes > target} />
          <Figure label={t('crowd.result.max')} value={minutes(ing.maxWaitMinutes)} />
          <Figure label={t('crowd.result.lastEntry')} value={minutes(ing.lastEntryMinute)} warn={ing.lastEntryMinute > 0} />
          <Figure label={t('crowd.result.inByKickoff')} value={pct(ing.inByKickoffShare)} warn={ing.inByKickoffShare < 1} />
          <Figure label={t('crowd.result.maxQueue')} value={fmt.number(ing.maxQueue)} />
        </SimpleGrid>
        {sim.warnings.length > 0 && (
          <Text size="xs" c="orange" mt="xs" dir="ltr">
            {sim.warnings.join(' · ')}
          </Text>
        )}
      </Card>
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <Card withBorder>
          <Title order={5}>{t('crowd.chart.queueTitle')}</Title>
          <LineChart
            title={t('crowd.chart.queueTitle')}
            startX={ing.series.startMinute}
            xLabel={xLabel}
            yLabel={t('crowd.chart.fans')}
            vLines={kickoff}
            series={[
              { label: t('crowd.chart.queueTotal'), color: COLORS[0]!, values: ing.series.queue },
              { label: t('crowd.chart.queueScreening'), color: COLORS[1]!, values: ing.series.screeningQueue, dashed: true },
              { label: t('crowd.chart.queueTurnstile'), color: COLORS[2]!, values: ing.series.turnstileQueue, dashed: true },
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={5}>{t('crowd.chart.waitTitle')}</Title>
          <LineChart
            title={t('crowd.chart.waitTitle')}
            startX={ing.series.startMinute}
            xLabel={t('crowd.chart.arrivalMinute')}
            yLabel={t('crowd.chart.minutesAxis')}
            vLines={kickoff}
            hLines={[{ y: target, label: t('crowd.chart.target', { value: fmt.number(target) }), color: '#c92a2a' }]}
            series={[
              { label: t('crowd.chart.waitMean'), color: COLORS[0]!, values: ing.series.meanWaitMinutes },
              { label: t('crowd.chart.waitMax'), color: COLORS[1]!, values: ing.series.maxWaitMinutes },
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={5}>{t('crowd.chart.insideTitle')}</Title>
          <LineChart
            title={t('crowd.chart.insideTitle')}
            startX={ing.series.startMinute}
            xLabel={xLabel}
            yLabel={t('crowd.chart.fans')}
            vLines={kickoff}
            hLines={[{ y: attendance, label: t('crowd.chart.attendance'), color: '#495057' }]}
            series={[
              { label: t('crowd.chart.inside'), color: COLORS[2]!, values: ing.series.inside },
              { label: t('crowd.chart.arrived'), color: COLORS[3]!, values: cumulative(ing.series.arrivals), dashed: true },
            ]}
          />
        </Card>
        <Card withBorder>
          <Group justify="space-between" wrap="wrap">
            <Title order={5}>{t('crowd.chart.gateTitle')}</Title>
            <NativeSelect size="xs" aria-label={t('crowd.chart.gate')} value={gate} onChange={(e) => setGate(e.currentTarget.value)} data={ing.gates.map((g) => g.id)} />
          </Group>
          {gateResult && (
            <>
              <LineChart
                title={t('crowd.chart.gateTitle')}
                startX={gateResult.queue.startMinute}
                xLabel={xLabel}
                yLabel={t('crowd.chart.fans')}
                vLines={kickoff}
                series={[{ label: t('crowd.chart.gateQueue', { gate: gateResult.id }), color: COLORS[4]!, values: gateResult.queue.values }]}
              />
              <Text size="xs" c="dimmed">
                {t('crowd.chart.gateFigures', { assigned: fmt.number(gateResult.assigned), p95: minutes(gateResult.p95WaitMinutes), last: minutes(gateResult.lastEntryMinute) })}
              </Text>
            </>
          )}
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('crowd.chart.percentiles')}
          </Title>
          <BarChart
            title={t('crowd.chart.percentiles')}
            unit={t('crowd.chart.minUnit')}
            target={{ value: target, label: t('crowd.chart.target', { value: fmt.number(target) }) }}
            rows={[
              { label: t('crowd.result.mean'), value: ing.meanWaitMinutes },
              { label: t('crowd.result.p50'), value: ing.p50WaitMinutes },
              { label: t('crowd.result.p95'), value: ing.p95WaitMinutes, color: ing.p95WaitMinutes > target ? '#e03131' : undefined },
              { label: t('crowd.result.max'), value: ing.maxWaitMinutes, color: '#868e96' },
            ]}
          />
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('crowd.chart.busiest')}
          </Title>
          <BarChart
            title={t('crowd.chart.busiest')}
            unit={t('crowd.chart.fansUnit')}
            rows={ing.busiestGates.map((g) => ({ label: g.id, value: g.maxQueue, color: g.p95WaitMinutes > target ? '#e03131' : '#f08c00' }))}
          />
        </Card>
      </SimpleGrid>
      {sim.egress && (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('crowd.result.egressTitle')}
          </Title>
          <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
            <Figure label={t('crowd.result.egress')} value={minutes(sim.egress.normalEgressMinutes)} warn={!sim.egress.meetsTarget} />
            <Figure label={t('crowd.result.egressTarget')} value={minutes(sim.egress.targetMinutes)} />
            <Figure label={t('crowd.result.realistic')} value={minutes(sim.egress.realisticEgressMinutes)} warn={sim.egress.realisticEgressMinutes > sim.egress.targetMinutes} />
            {sim.egress.emergency && (
              <Figure
                label={t('crowd.result.emergency', { value: fmt.number(sim.egress.emergency.evacuationMinutes) })}
                value={minutes(sim.egress.emergency.worstRouteMinutes)}
                warn={!sim.egress.emergency.meets}
              />
            )}
          </SimpleGrid>
          <BarChart
            title={t('crowd.result.egressTitle')}
            unit={t('crowd.chart.minUnit')}
            target={{ value: sim.egress.targetMinutes, label: t('crowd.chart.target', { value: fmt.number(sim.egress.targetMinutes) }) }}
            rows={sim.egress.routes.map((r) => ({ label: `${r.id} · ${t(`crowd.exitKind.${r.kind}`)}`, value: r.minutes, secondary: r.realisticMinutes, color: r.meetsTarget ? '#7048e8' : '#e03131' }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('crowd.result.egressLegend')}
          </Text>
        </Card>
      )}
      {sim.transit && (
        <Card withBorder>
          <Title order={4} mb="xs">
            {t('crowd.result.transitTitle')}
          </Title>
          <Group gap="lg" mb="xs" wrap="wrap">
            {sim.transit.modes.map((m) => (
              <Text key={m.mode} size="sm">
                {t('crowd.result.mode', { mode: t(`crowd.mode.${m.mode}`), people: fmt.number(Math.round(m.people)), last: minutes(m.lastDepartureMinute) })}
              </Text>
            ))}
          </Group>
          <LineChart
            title={t('crowd.result.transitTitle')}
            startX={0}
            xLabel={t('crowd.chart.minutesAfterWhistle')}
            yLabel={t('crowd.chart.fans')}
            hLines={[{ y: attendance, label: t('crowd.chart.attendance'), color: '#495057' }]}
            series={[{ label: t('crowd.chart.departed'), color: COLORS[5]!, values: sim.transit.departedByMinute }]}
          />
        </Card>
      )}
    </>
  );
}

function cumulative(values: number[]): number[] {
  let s = 0;
  return values.map((v) => (s += v));
}

function RecommendationView({ rec, run, onStarted }: { rec: LaneRecommendation; run: Run; onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useMe();
  const minutes = useMinutes();
  const create = useCreateRun(run.matchId);
  const slots = rec.slots.map((s) => s.fromMinute);
  const lanesAt = (schedule: { fromMinute: number; lanes: number }[], minute: number) => {
    let lanes = schedule[0]?.lanes ?? 0;
    for (const s of schedule) if (s.fromMinute <= minute) lanes = s.lanes;
    return lanes;
  };
  const simulateWith = () =>
    create.mutate(
      {
        kind: 'simulation',
        label: t('crowd.rec.simLabel'),
        planVersion: run.planVersion,
        attendance: run.attendance,
        arrivals: run.inputs.arrivals,
        seed: run.seed,
        options: { ...run.inputs.options, laneSchedules: rec.gates.filter((g) => g.schedule.length > 0).map((g) => ({ gateId: g.id, schedule: g.schedule })) },
      },
      { onSuccess: (r) => onStarted(r.id), onError: (e) => notifications.show({ color: 'red', message: crowdErrorMessage(e, t) }) },
    );
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Title order={4}>{t('crowd.rec.title', { target: fmt.number(rec.targetP95WaitMinutes), slot: fmt.number(rec.slotMinutes) })}</Title>
        {can(me.data, 'crowd_run:create', run.venueId) && (
          <Button size="xs" variant="light" loading={create.isPending} onClick={simulateWith}>
            {t('crowd.rec.simulate')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="sm">
        <Figure label={t('crowd.rec.peakStewards')} value={fmt.number(rec.peakStewards)} />
        <Figure label={t('crowd.rec.mobile')} value={fmt.number(rec.mobileStewards)} />
        <Figure label={t('crowd.rec.infeasible')} value={fmt.number(rec.gates.filter((g) => !g.feasible).length)} warn={rec.gates.some((g) => !g.feasible)} />
        <Figure label={t('crowd.rec.laneSlots')} value={fmt.number(rec.gates.reduce((s, g) => s + g.laneSlots, 0))} />
      </SimpleGrid>
      <LineChart
        title={t('crowd.rec.stewardsChart')}
        startX={slots[0] ?? 0}
        xStep={rec.slotMinutes}
        xLabel={t('crowd.rec.slotStart')}
        yLabel={t('crowd.rec.stewards')}
        series={[
          { label: t('crowd.rec.stewards'), color: COLORS[0]!, values: rec.slots.map((s) => s.stewards) },
          { label: t('crowd.rec.lanes'), color: COLORS[1]!, values: rec.slots.map((s) => s.lanes) },
        ]}
        height={200}
      />
      <Table.ScrollContainer minWidth={Math.max(600, 160 + slots.length * 46)} mt="sm">
        <Table fz="xs" striped withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crowd.rec.gate')}</Table.Th>
              {slots.map((m) => (
                <Table.Th key={m} dir="ltr">
                  {fmt.number(m)}
                </Table.Th>
              ))}
              <Table.Th>{t('crowd.result.p95')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rec.gates.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  {g.id}
                  {!g.feasible && (
                    <Badge color="red" size="xs" ms={4} title={g.reason ?? ''}>
                      {t('crowd.rec.notFeasible')}
                    </Badge>
                  )}
                </Table.Td>
                {slots.map((m) => (
                  <Table.Td key={m}>{g.schedule.length ? lanesAt(g.schedule, m) : '—'}</Table.Td>
                ))}
                <Table.Td>{minutes(g.p95WaitMinutes)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={700}>
              <Table.Td>{t('crowd.rec.stewards')}</Table.Td>
              {rec.slots.map((s) => (
                <Table.Td key={s.fromMinute}>{fmt.number(s.stewards)}</Table.Td>
              ))}
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        {t('crowd.rec.legend')}
      </Text>
    </Card>
  );
}

export function ComparePanel({ a, b }: { a: string; b: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useCompare(a, b);
  const show = (v: unknown) => (typeof v === 'number' ? fmt.number(Math.round(v * 100) / 100) : v === null || v === undefined ? '—' : JSON.stringify(v));
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('crowd.compare.title')}
      </Title>
      <QueryState query={query}>
        {(c) => (
          <Stack gap="sm">
            <Text size="sm">{t('crowd.compare.ab', { a: c.a.label ?? t(`crowd.run.kind.${c.a.kind}`), b: c.b.label ?? t(`crowd.run.kind.${c.b.kind}`) })}</Text>
            <Title order={6}>{t('crowd.compare.inputs')}</Title>
            {c.inputChanges.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('crowd.compare.sameInputs')}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table fz="xs" withTableBorder>
                  <Table.Tbody>
                    {c.inputChanges.map((ch) => (
                      <Table.Tr key={ch.path}>
                        <Table.Td ff="monospace" dir="ltr">
                          {ch.path}
                        </Table.Td>
                        <Table.Td dir="ltr">{show(ch.a)}</Table.Td>
                        <Table.Td dir="ltr">{show(ch.b)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Title order={6}>{t('crowd.compare.figures')}</Title>
            <Table.ScrollContainer minWidth={520}>
              <Table fz="sm" striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('crowd.compare.figure')}</Table.Th>
                    <Table.Th>{t('crowd.compare.a')}</Table.Th>
                    <Table.Th>{t('crowd.compare.b')}</Table.Th>
                    <Table.Th>{t('crowd.compare.delta')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.figures
                    .filter((f) => f.a !== null || f.b !== null)
                    .map((f) => (
                      <Table.Tr key={f.key}>
                        <Table.Td>{t(`crowd.compare.keys.${f.key}`)}</Table.Td>
                        <Table.Td>{show(f.a)}</Table.Td>
                        <Table.Td>{show(f.b)}</Table.Td>
                        <Table.Td fw={f.delta ? 600 : undefined}>{f.delta === null ? '—' : `${f.delta > 0 ? '+' : ''}${show(f.delta)}`}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {c.gates.some((g) => g.aP95 !== g.bP95 || g.aMaxQueue !== g.bMaxQueue) && (
              <>
                <Title order={6}>{t('crowd.compare.gates')}</Title>
                <Table.ScrollContainer minWidth={520}>
                  <Table fz="xs" striped withTableBorder>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('crowd.rec.gate')}</Table.Th>
                        <Table.Th>{t('crowd.compare.p95', { run: t('crowd.compare.a') })}</Table.Th>
                        <Table.Th>{t('crowd.compare.p95', { run: t('crowd.compare.b') })}</Table.Th>
                        <Table.Th>{t('crowd.compare.queue', { run: t('crowd.compare.a') })}</Table.Th>
                        <Table.Th>{t('crowd.compare.queue', { run: t('crowd.compare.b') })}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {[...c.gates]
                        .sort((x, y) => Math.abs((y.bP95 ?? 0) - (y.aP95 ?? 0)) - Math.abs((x.bP95 ?? 0) - (x.aP95 ?? 0)))
                        .slice(0, 12)
                        .map((g) => (
                          <Table.Tr key={g.id}>
                            <Table.Td>{g.id}</Table.Td>
                            <Table.Td>{show(g.aP95)}</Table.Td>
                            <Table.Td>{show(g.bP95)}</Table.Td>
                            <Table.Td>{show(g.aMaxQueue)}</Table.Td>
                            <Table.Td>{show(g.bMaxQueue)}</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
}
