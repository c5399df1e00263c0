import { Badge, Button, Card, Group, Image, Select, SimpleGrid, Stack, Text, Textarea, Timeline as MantineTimeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { IncidentDetail, TimelineEntry } from '../../../common/contracts/operations.ts';
import { Field } from '../../components/Field.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { toUserMessage } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useVenueNamer } from '../venues/api.ts';
import { useAcknowledge, useAddNote, useDispatch, useIncident, useIncidents, useLink, useLiveEvents, usePersonnel, useRestrict, useTimeline, useTransition } from './api.ts';
import { LiveBadge, SeverityBadge, StatusBadge } from './components.tsx';

export function IncidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useIncident(id);
  const live = useLiveEvents(['incident.updated']);
  return (
    <QueryState query={query}>
      {(incident) => (
        <>
          <PageHeader
            back={{ to: '/operations/incidents', label: t('operations.incidents.back') }}
            title={t('operations.incident.title', { number: incident.number, category: t(`operations.category.${incident.category}`) })}
            actions={<LiveBadge state={live} />}
          />
          <Stack>
            <Overview incident={incident} />
            <Actions incident={incident} />
            <TimelineCard id={incident.id} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function Overview({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const venueName = useVenueNamer();
  return (
    <Card withBorder>
      <Group gap="xs" mb="sm">
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        {incident.restricted && <Badge color="red">{t('operations.incidents.restricted')}</Badge>}
      </Group>
      <Text mb="md" dir="auto" style={{ whiteSpace: 'pre-wrap' }} data-testid="incident-description">
        {incident.description}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Field label={t('operations.fields.venue')}>{venueName(incident.venueId, incident.venueName)}</Field>
        <Field label={t('operations.fields.where')}>
          <span dir="auto">{[incident.zoneId, incident.gateId].filter(Boolean).join(' · ') || '—'}</span>
        </Field>
        <Field label={t('operations.fields.reportedAt')}>{fmt.dateTime(incident.reportedAt)}</Field>
        <Field label={t('operations.fields.reportedBy')}>
          <span dir="ltr">{incident.reportedBy}</span>
        </Field>
        {incident.position && (
          <Field label={t('operations.fields.position')}>
            <span dir="ltr">
              {fmt.coordinate(incident.position.lat)}, {fmt.coordinate(incident.position.lon)}
            </span>
          </Field>
        )}
      </SimpleGrid>
      {incident.attachmentIds.length > 0 && (
        <Group mt="md">
          {incident.attachmentIds.map((a) => (
            <a key={a} href={`/api/incidents/${incident.id}/attachments/${a}`} target="_blank" rel="noreferrer">
              <Image src={`/api/incidents/${incident.id}/attachments/${a}`} alt={t('operations.report.photoPreview')} h={120} w="auto" radius="sm" />
            </a>
          ))}
        </Group>
      )}
      {incident.assignments.length > 0 && (
        <Stack gap={4} mt="md">
          <Text size="xs" c="dimmed" fw={600}>
            {t('operations.incident.assigned')}
          </Text>
          {incident.assignments.map((a) => (
            <Group key={a.id} gap="xs">
              <Text size="sm">
                {a.personnelName}
                {a.unit ? ` — ${a.unit}` : ''}
              </Text>
              <Badge size="sm" color={a.acknowledgedAt ? 'teal' : 'yellow'}>
                {a.acknowledgedAt ? t('operations.assignments.acknowledged') : t('operations.assignments.waiting')}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      {incident.linkedIncidentIds.length > 0 && (
        <Group gap="xs" mt="md">
          <Text size="xs" c="dimmed" fw={600}>
            {t('operations.incident.linked')}
          </Text>
          {incident.linkedIncidentIds.map((l) => (
            <Button key={l} component={Link} to={`/operations/incidents/${l}`} size="compact-xs" variant="light">
              {l.slice(0, 8)}
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}

function Actions({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const transition = useTransition(incident.id);
  const note = useAddNote(incident.id);
  const dispatch = useDispatch(incident.id);
  const link = useLink(incident.id);
  const ack = useAcknowledge(incident.id);
  const restrict = useRestrict(incident.id);
  const personnel = usePersonnel(incident.canTriage);
  const others = useIncidents({ status: 'open', limit: 50 });
  const [text, setText] = useState('');
  const [person, setPerson] = useState<string | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const fail = (e: unknown) => notifications.show({ color: 'red', message: toUserMessage(e, t) });
  const mine = incident.assignments.find((a) => a.userId === me.id && !a.acknowledgedAt);
  return (
    <Card withBorder>
      <Stack>
        {mine && (
          <Button color="teal" size="md" onClick={() => ack.mutate(mine.id, { onError: fail })} loading={ack.isPending} data-testid="acknowledge">
            {t('operations.assignments.acknowledge')}
          </Button>
        )}
        {incident.allowedMoves.length > 0 && (
          <Group gap="xs" data-testid="moves">
            {incident.allowedMoves.map((to) => (
              <Button key={to} variant={to === 'closed' ? 'default' : 'filled'} onClick={() => transition.mutate({ to }, { onError: fail })} loading={transition.isPending && transition.variables?.to === to} data-testid={`move-${to}`}>
                {t(`operations.move.${to}`)}
              </Button>
            ))}
          </Group>
        )}
        {incident.canTriage && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select
                style={{ flex: 1 }}
                label={t('operations.incident.dispatch')}
                searchable
                data={(personnel.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.unit ? ` — ${p.unit}` : ''}` }))}
                value={person}
                onChange={setPerson}
                data-testid="dispatch-person"
              />
              <Button disabled={!person} loading={dispatch.isPending} onClick={() => person && dispatch.mutate(person, { onSuccess: () => setPerson(null), onError: fail })} data-testid="dispatch">
                {t('operations.incident.dispatchButton')}
              </Button>
            </Group>
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <Select
                style={{ flex: 1 }}
                label={t('operations.incident.link')}
                searchable
                data={(others.data?.items ?? []).filter((o) => o.id !== incident.id && !incident.linkedIncidentIds.includes(o.id)).map((o) => ({ value: o.id, label: `#${o.number} ${t(`operations.category.${o.category}`)}` }))}
                value={other}
                onChange={setOther}
              />
              <Button variant="default" disabled={!other} loading={link.isPending} onClick={() => other && link.mutate(other, { onSuccess: () => setOther(null), onError: fail })}>
                {t('operations.incident.linkButton')}
              </Button>
            </Group>
          </SimpleGrid>
        )}
        {incident.canRestrict && (
          <Group gap="xs">
            <Button
              variant="light"
              color={incident.restricted ? 'gray' : 'red'}
              loading={restrict.isPending}
              onClick={() => restrict.mutate(!incident.restricted, { onError: fail })}
              data-testid="restrict"
            >
              {t(incident.restricted ? 'operations.incident.unrestrict' : 'operations.incident.restrict')}
            </Button>
            <Text size="xs" c="dimmed">
              {t(incident.restricted ? 'operations.incident.unrestrictHint' : 'operations.incident.restrictHint')}
            </Text>
          </Group>
        )}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <Textarea style={{ flex: 1 }} label={t('operations.incident.note')} autosize minRows={1} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="note-text" />
          <Button variant="default" disabled={!text.trim()} loading={note.isPending} onClick={() => note.mutate(text, { onSuccess: () => setText(''), onError: fail })}>
            {t('operations.incident.addNote')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function describeEntry(e: TimelineEntry, t: (k: string, o?: Record<string, unknown>) => string): string {
  const d = e.data as Record<string, string | boolean | undefined>;
  switch (e.kind) {
    case 'report':
      return t('operations.timeline.report');
    case 'status':
      return t(d.reopen ? 'operations.timeline.reopen' : 'operations.timeline.status', { to: t(`operations.status.${String(d.to)}`) }) + (d.note ? ` — ${d.note}` : '');
    case 'note':
      return String(d.text ?? '');
    case 'assignment':
      return t('operations.timeline.assignment', { name: String(d.name ?? '') });
    case 'assignment_ack':
      return t('operations.timeline.assignmentAck', { name: String(d.name ?? '') });
    case 'attachment':
      return t('operations.timeline.attachment');
    case 'link':
      return t('operations.timeline.link');
    case 'restriction':
      return t(d.restricted ? 'operations.timeline.restricted' : 'operations.timeline.unrestricted') + (d.note ? ` — ${d.note}` : '');
  }
}

function TimelineCard({ id }: { id: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useTimeline(id);
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('operations.timeline.title')}
      </Title>
      <QueryState query={query}>
        {(tl) => (
          <MantineTimeline bulletSize={14} lineWidth={2} active={tl.items.length} data-testid="timeline">
            {tl.items.map((e) => (
              <MantineTimeline.Item key={e.id} title={describeEntry(e, t)}>
                <Text size="xs" c="dimmed">
                  {fmt.dateTime(e.at)} · <span dir="ltr">{e.actor}</span>
                </Text>
              </MantineTimeline.Item>
            ))}
          </MantineTimeline>
        )}
      </QueryState>
    </Card>
  );
}
