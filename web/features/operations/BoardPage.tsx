import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { GateStatus, Incident } from '../../../common/contracts/operations.ts';
import type { Match } from '../../../common/contracts/platform.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useMatches } from '../matches/api.ts';
import { useVenues } from '../venues/api.ts';
import { useGates, useIncidents, useLiveEvents } from './api.ts';
import { LiveBadge, SeverityBadge, StatusBadge } from './components.tsx';
import { GATE_COLOR, SEVERITIES, SEVERITY_COLOR, SEVERITY_RANK, ageMinutes } from './labels.ts';

function useNow(ms = 15_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

const bySeverityThenAge = (a: Incident, b: Incident) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.reportedAt.localeCompare(b.reportedAt);

/** The live board: operation-wide (every venue) or one venue's, refreshed by the event stream. */
export function BoardPage() {
  const { venueId } = useParams();
  const { t } = useTranslation();
  const fmt = useFormat();
  const venues = useVenues();
  const incidents = useIncidents({ status: 'open', limit: 200, ...(venueId ? { venueId } : {}) });
  const me = useCurrentUser();
  const mayReadGates = can(me, 'telemetry:read', venueId);
  const gates = useGates(venueId, mayReadGates);
  const now = useNow();
  const live = useLiveEvents(['incident.created', 'incident.updated', 'gate.updated', 'gate.alert'], (type, data) => {
    if (type === 'gate.alert') {
      const g = data as GateStatus;
      notifications.show({ color: 'red', title: t('operations.board.gateAlert'), message: `${t(`operations.gateState.${g.state}`)} — ${g.gateId}` });
    }
  });
  const venue = venues.data?.items.find((v) => v.id === venueId);
  const open = [...(incidents.data?.items ?? [])].sort(bySeverityThenAge);
  return (
    <>
      <PageHeader
        back={venueId ? { to: '/operations/board', label: t('operations.board.allVenues') } : undefined}
        title={venue ? t('operations.board.venueTitle', { venue: localName(fmt.locale, venue) }) : t('operations.board.title')}
        actions={<LiveBadge state={live} />}
      />
      <Stack>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {SEVERITIES.slice()
            .reverse()
            .map((s) => (
              <Card key={s} withBorder p="sm" style={{ borderInlineStart: `6px solid var(--mantine-color-${SEVERITY_COLOR[s]}-6)` }}>
                <Text size="xs" c="dimmed" fw={600}>
                  {t(`operations.severity.${s}`)}
                </Text>
                <Text fz={28} fw={800} data-testid={`count-${s}`}>
                  {fmt.number(open.filter((i) => i.severity === s).length)}
                </Text>
              </Card>
            ))}
        </SimpleGrid>
        {venueId ? (
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={4} mb="sm">
                {t('operations.board.schematic')}
              </Title>
              <VenueSchematic incidents={open} gates={gates.data?.items ?? []} />
            </Card>
            <Stack>
              <MatchClock venueId={venueId} now={now} />
              {mayReadGates && <GatesCard gates={gates.data?.items ?? []} />}
            </Stack>
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            {(venues.data?.items ?? []).map((v) => {
              const here = open.filter((i) => i.venueId === v.id);
              const alerts = (gates.data?.items ?? []).filter((g) => g.venueId === v.id && (g.state === 'queue' || g.state === 'behind_plan')).length;
              return (
                <Card key={v.id} withBorder component={Link} to={`/operations/board/${v.id}`} data-testid="venue-board-card">
                  <Text fw={700}>{localName(fmt.locale, v)}</Text>
                  <Group gap={4} mt={6}>
                    {SEVERITIES.slice()
                      .reverse()
                      .map((s) => {
                        const n = here.filter((i) => i.severity === s).length;
                        return n ? (
                          <Badge key={s} color={SEVERITY_COLOR[s]}>
                            {fmt.number(n)} {t(`operations.severity.${s}`)}
                          </Badge>
                        ) : null;
                      })}
                    {here.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('operations.board.calm')}
                      </Text>
                    )}
                    {alerts > 0 && <Badge color="red" variant="outline">{t('operations.board.gateAlerts', { n: fmt.number(alerts) })}</Badge>}
                  </Group>
                </Card>
              );
            })}
          </SimpleGrid>
        )}
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('operations.board.open')}
          </Title>
          {open.length === 0 ? (
            <Text c="dimmed">{t('operations.incidents.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="board-incidents">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>#</Table.Th>
                    <Table.Th>{t('operations.fields.severity')}</Table.Th>
                    <Table.Th>{t('operations.fields.category')}</Table.Th>
                    <Table.Th>{t('operations.fields.status')}</Table.Th>
                    {!venueId && <Table.Th>{t('operations.fields.venue')}</Table.Th>}
                    <Table.Th>{t('operations.fields.where')}</Table.Th>
                    <Table.Th>{t('operations.board.age')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {open.map((i) => (
                    <Table.Tr key={i.id} data-testid="board-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/operations/incidents/${i.id}`}>
                          {i.number}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <SeverityBadge severity={i.severity} />
                      </Table.Td>
                      <Table.Td>{t(`operations.category.${i.category}`)}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={i.status} />
                      </Table.Td>
                      {!venueId && <Table.Td>{localName(fmt.locale, venues.data?.items.find((v) => v.id === i.venueId) ?? { name: i.venueName })}</Table.Td>}
                      <Table.Td>
                        <span dir="auto">{[i.zoneId, i.gateId].filter(Boolean).join(' · ')}</span>
                      </Table.Td>
                      <Table.Td>{t('operations.board.minutes', { n: fmt.number(ageMinutes(i.reportedAt, now)) })}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      </Stack>
    </>
  );
}

/**
 * A simple stadium drawing: the pitch, the stands as a ring, each zone named in reports placed on the ring
 * with its open incidents, and the gates on the outer ring coloured by state. Zones and gates are placed
 * evenly in name order until venue plans give them real positions.
 */
function VenueSchematic({ incidents, gates }: { incidents: Incident[]; gates: GateStatus[] }) {
  const { t } = useTranslation();
  const zones = [...new Set(incidents.map((i) => i.zoneId ?? i.gateId ?? '—'))].sort();
  const place = (k: number, n: number, rx: number, ry: number) => {
    const a = (2 * Math.PI * k) / Math.max(n, 1) - Math.PI / 2;
    return { x: 200 + rx * Math.cos(a), y: 150 + ry * Math.sin(a) };
  };
  return (
    <svg viewBox="0 0 400 300" width="100%" role="img" aria-label={t('operations.board.schematic')} data-testid="schematic" style={{ maxHeight: 340 }}>
      <ellipse cx="200" cy="150" rx="185" ry="135" fill="var(--mantine-color-gray-1)" stroke="var(--mantine-color-gray-5)" />
      <ellipse cx="200" cy="150" rx="130" ry="90" fill="var(--mantine-color-gray-2)" stroke="var(--mantine-color-gray-4)" />
      <rect x="140" y="110" width="120" height="80" rx="4" fill="var(--mantine-color-green-2)" stroke="var(--mantine-color-green-6)" />
      <line x1="200" y1="110" x2="200" y2="190" stroke="var(--mantine-color-green-6)" />
      {gates.map((g, k) => {
        const p = place(k, gates.length, 178, 128);
        return (
          <g key={g.gateId} data-testid="schematic-gate" data-state={g.state}>
            <rect x={p.x - 7} y={p.y - 7} width="14" height="14" rx="2" fill={`var(--mantine-color-${GATE_COLOR[g.state]}-6)`}>
              <title>{`${g.gateId}: ${t(`operations.gateState.${g.state}`)}`}</title>
            </rect>
            <text x={p.x} y={p.y + 20} fontSize="9" textAnchor="middle" fill="var(--mantine-color-dark-6)">
              {g.gateId}
            </text>
          </g>
        );
      })}
      {zones.map((z, k) => {
        const here = incidents.filter((i) => (i.zoneId ?? i.gateId ?? '—') === z);
        const worst = here.reduce((w, i) => (SEVERITY_RANK[i.severity] < SEVERITY_RANK[w] ? i.severity : w), 'low' as Incident['severity']);
        const p = place(k, zones.length, 158, 112);
        return (
          <g key={z} data-testid="schematic-zone">
            <circle cx={p.x} cy={p.y} r={11 + Math.min(here.length, 5) * 2} fill={`var(--mantine-color-${SEVERITY_COLOR[worst]}-6)`} opacity="0.9">
              <title>{`${z}: ${here.length}`}</title>
            </circle>
            <text x={p.x} y={p.y + 4} fontSize="11" fontWeight="700" textAnchor="middle" fill="white">
              {here.length}
            </text>
            <text x={p.x} y={p.y - 16 - Math.min(here.length, 5) * 2} fontSize="10" textAnchor="middle" fill="var(--mantine-color-dark-7)">
              {z}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

const MATCH_LENGTH_MS = 135 * 60_000;

/** The match at the venue now (minute of play), or the next one (countdown), or the last one played. */
function MatchClock({ venueId, now }: { venueId: string; now: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const matches = useMatches({ venueId, limit: 100 });
  const list: Match[] = matches.data?.items ?? [];
  const current = list.find((m) => Date.parse(m.kickoffAt) <= now && now < Date.parse(m.kickoffAt) + MATCH_LENGTH_MS);
  const next = list.find((m) => Date.parse(m.kickoffAt) > now);
  const last = [...list].reverse().find((m) => Date.parse(m.kickoffAt) <= now);
  const m = current ?? next ?? last;
  let clock = '';
  if (current) clock = t('operations.clock.playing', { minute: fmt.number(Math.floor((now - Date.parse(current.kickoffAt)) / 60_000)) });
  else if (next) {
    const mins = Math.floor((Date.parse(next.kickoffAt) - now) / 60_000);
    clock = t('operations.clock.countdown', { hours: fmt.number(Math.floor(mins / 60)), minutes: String(mins % 60).padStart(2, '0') });
  } else if (last) clock = t('operations.clock.none');
  return (
    <Card withBorder data-testid="match-clock">
      <Text size="xs" c="dimmed" fw={600}>
        {current ? t('operations.clock.now') : next ? t('operations.clock.next') : t('operations.clock.last')}
      </Text>
      {m ? (
        <>
          <Text fw={700} fz="lg">
            {m.home} – {m.away}
          </Text>
          <Text size="sm" c="dimmed">
            {fmt.dateTime(m.kickoffAt)}
            {m.score ? ` · ${m.score}` : ''}
          </Text>
          <Text fw={800} fz={22} mt={4} c={current ? 'red' : undefined}>
            {clock}
          </Text>
        </>
      ) : (
        <Text c="dimmed">{t('operations.clock.noMatches')}</Text>
      )}
    </Card>
  );
}

function GatesCard({ gates }: { gates: GateStatus[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('operations.gates.title')}</Title>
        <Anchor component={Link} to="/operations/gates" size="sm">
          {t('operations.gates.details')}
        </Anchor>
      </Group>
      {gates.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('operations.gates.noData')}
        </Text>
      ) : (
        <Stack gap={4}>
          {gates.map((g) => (
            <Group key={g.gateId} justify="space-between" wrap="nowrap" data-testid="gate-row">
              <Text size="sm" fw={600}>
                {g.gateId}
              </Text>
              <Text size="sm">
                {fmt.number(g.admitted)} {g.expected !== null ? `/ ${fmt.number(g.expected)}` : ''}
              </Text>
              <Badge color={GATE_COLOR[g.state]}>{t(`operations.gateState.${g.state}`)}</Badge>
            </Group>
          ))}
          {gates.every((g) => g.expected === null) && (
            <Text size="xs" c="dimmed">
              {t('operations.gates.noPlan')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
}
