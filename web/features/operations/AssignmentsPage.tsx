import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyAssignment } from '../../../common/contracts/operations.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { toUserMessage } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useVenueNamer } from '../venues/api.ts';
import { useAcknowledge, useLiveEvents, useMyAssignments, useTransition } from './api.ts';
import { LiveBadge, SeverityBadge, StatusBadge } from './components.tsx';

/** The assignee's phone view: what I was sent to, acknowledge it, report arrival and resolution. */
export function AssignmentsPage() {
  const { t } = useTranslation();
  const query = useMyAssignments();
  const live = useLiveEvents(['incident.created', 'incident.updated']);
  return (
    <Stack maw={560} mx="auto">
      <PageHeader title={t('operations.assignments.title')} actions={<LiveBadge state={live} />} />
      <QueryState query={query} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('operations.assignments.none')} />}>
        {(d) => (
          <Stack>
            {d.items.map((a) => (
              <AssignmentCard key={a.id} a={a} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function AssignmentCard({ a }: { a: MyAssignment }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const venueName = useVenueNamer();
  const ack = useAcknowledge(a.incidentId);
  const move = useTransition(a.incidentId);
  const fail = (e: unknown) => notifications.show({ color: 'red', message: toUserMessage(e, t) });
  const next = a.incident.status === 'dispatched' ? 'on_scene' : a.incident.status === 'on_scene' ? 'resolved' : null;
  return (
    <Card withBorder data-testid="assignment-card">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Text fw={700} component={Link} to={`/operations/incidents/${a.incidentId}`}>
          #{a.incident.number} {t(`operations.category.${a.incident.category}`)}
        </Text>
        <SeverityBadge severity={a.incident.severity} />
      </Group>
      <Text size="sm" dir="auto" mb={6}>
        {a.incident.description}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {venueName(a.incident.venueId, a.incident.venueName)}
        {[a.incident.zoneId, a.incident.gateId].filter(Boolean).map((x) => ` · ${x}`)} · {fmt.time(a.assignedAt)}
      </Text>
      <Group gap="xs" mb="sm">
        <StatusBadge status={a.incident.status} />
        <Badge color={a.acknowledgedAt ? 'teal' : 'yellow'}>{a.acknowledgedAt ? t('operations.assignments.acknowledged') : t('operations.assignments.waiting')}</Badge>
      </Group>
      <Stack gap="xs">
        {!a.acknowledgedAt && (
          <Button size="md" color="teal" fullWidth onClick={() => ack.mutate(a.id, { onError: fail })} loading={ack.isPending} data-testid="acknowledge">
            {t('operations.assignments.acknowledge')}
          </Button>
        )}
        {a.acknowledgedAt && next && (
          <Button size="md" fullWidth onClick={() => move.mutate({ to: next }, { onError: fail })} loading={move.isPending}>
            {t(`operations.move.${next}`)}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
