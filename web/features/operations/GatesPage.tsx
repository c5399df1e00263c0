import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TelemetryAccepted } from '../../../common/contracts/operations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { apiRequest, toUserMessage } from '../../lib/api.ts';
import { localName, useFormat } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useVenues } from '../venues/api.ts';
import { useGateSeries, useGates, useLiveEvents } from './api.ts';
import { LiveBadge } from './components.tsx';
import { GATE_COLOR } from './labels.ts';

/** Gate telemetry per venue: each gate's admitted fans against the plan, its queue, and a CSV replay. */
export function GatesPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const venues = useVenues();
  const [venueId, setVenueId] = useState<string | null>(me.roles.find((r) => r.venueId)?.venueId ?? null);
  const [gateId, setGateId] = useState<string | null>(null);
  const gates = useGates(venueId ?? undefined, Boolean(venueId));
  // Command has no venue of its own: open on the first venue that sends counts, else the first venue.
  const everyGate = useGates(undefined, !venueId);
  useEffect(() => {
    if (venueId || !venues.data || !everyGate.data) return;
    setVenueId(everyGate.data.items[0]?.venueId ?? venues.data.items[0]?.id ?? null);
  }, [venueId, venues.data, everyGate.data]);
  const live = useLiveEvents(['gate.updated', 'gate.alert']);
  return (
    <>
      <PageHeader title={t('operations.gates.title')} actions={<LiveBadge state={live} />} />
      <Stack>
        <Select
          label={t('operations.fields.venue')}
          maw={360}
          data={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: localName(fmt.locale, v) }))}
          value={venueId}
          onChange={(v) => {
            setVenueId(v);
            setGateId(null);
          }}
        />
        {venueId && (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              {(gates.data?.items.length ?? 0) === 0 ? (
                <Text c="dimmed">{t('operations.gates.noData')}</Text>
              ) : (
                <Table highlightOnHover>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('operations.gates.gate')}</Table.Th>
                      <Table.Th>{t('operations.gates.admitted')}</Table.Th>
                      <Table.Th>{t('operations.gates.expected')}</Table.Th>
                      <Table.Th>{t('operations.gates.queue')}</Table.Th>
                      <Table.Th>{t('operations.fields.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {gates.data?.items.map((g) => (
                      <Table.Tr key={g.gateId} onClick={() => setGateId(g.gateId)} style={{ cursor: 'pointer' }} bg={g.gateId === gateId ? 'var(--mantine-color-teal-0)' : undefined}>
                        <Table.Td fw={600}>{g.gateId}</Table.Td>
                        <Table.Td>{fmt.number(g.admitted)}</Table.Td>
                        <Table.Td>{g.expected === null ? t('operations.gates.noPlanShort') : fmt.number(g.expected)}</Table.Td>
                        <Table.Td>{fmt.number(g.queueEstimate)}</Table.Td>
                        <Table.Td>
                          <Badge color={GATE_COLOR[g.state]}>{t(`operations.gateState.${g.state}`)}</Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
            <Stack>
              {gateId && <SeriesCard venueId={venueId} gateId={gateId} />}
              {can(me, 'telemetry:write', venueId) && <CsvReplay venueId={venueId} />}
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}

function SeriesCard({ venueId, gateId }: { venueId: string; gateId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const series = useGateSeries(venueId, gateId);
  const points = series.data?.points ?? [];
  const expected = series.data?.expected ?? null;
  const all = [...points.map((p) => ({ at: Date.parse(p.at), v: p.admitted })), ...(expected ?? []).map((p) => ({ at: Date.parse(p.at), v: p.admitted }))];
  const minT = Math.min(...all.map((p) => p.at));
  const maxT = Math.max(...all.map((p) => p.at), minT + 1);
  const maxV = Math.max(...all.map((p) => p.v), 1);
  const path = (ps: { at: number; v: number }[]) => ps.map((p, i) => `${i ? 'L' : 'M'}${(20 + ((p.at - minT) / (maxT - minT)) * 360).toFixed(1)},${(180 - (p.v / maxV) * 160).toFixed(1)}`).join(' ');
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('operations.gates.series', { gate: gateId })}
      </Title>
      {points.length > 0 && (
        <svg viewBox="0 0 400 200" width="100%" role="img" aria-label={t('operations.gates.series', { gate: gateId })}>
          <line x1="20" y1="180" x2="380" y2="180" stroke="var(--mantine-color-gray-4)" />
          {expected && <path d={path(expected.map((p) => ({ at: Date.parse(p.at), v: p.admitted })))} fill="none" stroke="var(--mantine-color-gray-6)" strokeDasharray="4 3" />}
          <path d={path(points.map((p) => ({ at: Date.parse(p.at), v: p.admitted })))} fill="none" stroke="var(--mantine-color-teal-7)" strokeWidth="2" />
          <text x="22" y="14" fontSize="10">
            {fmt.number(maxV)}
          </text>
        </svg>
      )}
      <Text size="xs" c="dimmed">
        {expected ? t('operations.gates.legend') : t('operations.gates.noPlan')}
      </Text>
    </Card>
  );
}

function CsvReplay({ venueId }: { venueId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [csv, setCsv] = useState('gateId,at,admitted,queueEstimate\n');
  const replay = useMutation({
    mutationFn: () => apiRequest('/api/telemetry/gates/csv', { method: 'POST', body: { venueId, csv }, schema: TelemetryAccepted }),
    onSuccess: (r) => {
      notifications.show({ color: 'teal', message: t('operations.gates.replayed', { n: r.accepted }) });
      void qc.invalidateQueries({ queryKey: ['gates'] });
    },
    onError: (e) => notifications.show({ color: 'red', message: toUserMessage(e, t) }),
  });
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        {t('operations.gates.replay')}
      </Title>
      <Textarea autosize minRows={4} maxRows={12} value={csv} onChange={(e) => setCsv(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }} dir="ltr" aria-label={t('operations.gates.replay')} />
      <Group justify="flex-end" mt="xs">
        <Button onClick={() => replay.mutate()} loading={replay.isPending}>
          {t('operations.gates.replayButton')}
        </Button>
      </Group>
    </Card>
  );
}
