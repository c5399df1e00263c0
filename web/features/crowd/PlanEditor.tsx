/** Forms and tables of a venue plan: gates, sections, exits, transit, parameters and assumptions. */
import { ActionIcon, Alert, Badge, Button, Group, List, NativeSelect, NumberInput, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAssumed, type PlanAssumption, VenuePlan } from '../../../common/contracts/crowd-plan.ts';
import { useFormat } from '../../lib/format.ts';

type Path = (string | number)[];
type Errors = Record<string, string>;

const key = (path: Path) => path.join('.');

function setIn<T>(obj: T, path: Path, value: unknown): T {
  const copy = structuredClone(obj) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) node = node[path[i]!] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy as T;
}

export function AssumptionBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="light" size="sm">
      {t('crowd.assumption')}
    </Badge>
  );
}

/** The assumption notes that apply to a block of the plan. */
function Notes({ assumptions, block }: { assumptions: PlanAssumption[]; block: string }) {
  const notes = assumptions.filter((a) => a.field === block || a.field.startsWith(`${block}.`) || a.field.startsWith(`${block}[`));
  if (notes.length === 0) return null;
  return (
    <Alert color="orange" variant="light" p="xs" title={<AssumptionBadge />}>
      <List size="sm" spacing={2}>
        {notes.map((n) => (
          <List.Item key={n.field}>
            <Text span size="sm" ff="monospace" dir="ltr">
              {n.field}
            </Text>
            {' — '}
            <span dir="auto">{n.note}</span>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function PlanEditor({
  plan,
  editable,
  saving,
  serverErrors,
  onSave,
}: {
  plan: VenuePlan;
  editable: boolean;
  saving: boolean;
  serverErrors: Errors;
  onSave: (plan: VenuePlan) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [draft, setDraft] = useState<VenuePlan>(plan);
  const [errors, setErrors] = useState<Errors>({});
  const allErrors = { ...serverErrors, ...errors };
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(plan), [draft, plan]);
  const set = (path: Path, value: unknown) => {
    setDraft((d) => setIn(d, path, value));
    setErrors((e) => {
      const { [key(path)]: _removed, ...rest } = e;
      return rest;
    });
  };
  const save = () => {
    const parsed = VenuePlan.safeParse(draft);
    if (!parsed.success) {
      const out: Errors = {};
      for (const issue of parsed.error.issues) out[issue.path.map(String).join('.')] ??= issue.message;
      setErrors(out);
      return;
    }
    setErrors({});
    onSave(parsed.data);
  };

  const num = (path: Path, value: number | undefined, o: { min?: number; step?: number; decimals?: boolean; w?: number; label?: string; fallback?: number } = {}) =>
    editable ? (
      <NumberInput
        size="xs"
        w={o.w ?? 84}
        min={o.min ?? 0}
        step={o.step ?? 1}
        allowDecimal={o.decimals ?? true}
        value={value ?? ''}
        placeholder={o.fallback === undefined ? undefined : String(o.fallback)}
        aria-label={o.label ?? key(path)}
        error={allErrors[key(path)] ? true : undefined}
        onChange={(v) => set(path, v === '' ? undefined : Number(v))}
      />
    ) : (
      <span style={value === undefined ? { color: 'var(--mantine-color-dimmed)' } : undefined}>{value === undefined ? (o.fallback === undefined ? '—' : fmt.number(o.fallback)) : fmt.number(value)}</span>
    );
  const text = (path: Path, value: string, w = 120, label?: string) =>
    editable ? (
      <TextInput size="xs" w={w} value={value} aria-label={label ?? key(path)} error={allErrors[key(path)] ? true : undefined} onChange={(e) => set(path, e.currentTarget.value)} />
    ) : (
      <span dir="auto">{value}</span>
    );
  const ids = (path: Path, value: string[], label?: string) =>
    editable ? (
      <TextInput
        size="xs"
        w={160}
        dir="ltr"
        value={value.join(', ')}
        aria-label={label ?? key(path)}
        error={Object.keys(allErrors).some((k) => k.startsWith(key(path))) ? true : undefined}
        onChange={(e) => set(path, e.currentTarget.value.split(/[,\s]+/).filter(Boolean))}
      />
    ) : (
      <span dir="ltr">{value.join(', ')}</span>
    );
  const remove = (block: 'gates' | 'sections' | 'exits', i: number) =>
    editable && (
      <ActionIcon variant="subtle" color="red" aria-label={t('crowd.editor.remove')} onClick={() => setDraft((d) => ({ ...d, [block]: d[block].filter((_, j) => j !== i) }))}>
        ×
      </ActionIcon>
    );
  const add = (block: 'gates' | 'sections' | 'exits', prefix: string) =>
    editable && (
      <Button
        size="xs"
        variant="light"
        onClick={() =>
          setDraft((d) => {
            const items = d[block] as { id: string }[];
            const last = structuredClone(items[items.length - 1]!);
            let n = items.length + 1;
            while (items.some((x) => x.id === `${prefix}${n}`)) n++;
            return { ...d, [block]: [...items, { ...last, id: `${prefix}${n}` }] };
          })
        }
      >
        {t('crowd.editor.add')}
      </Button>
    );
  const tabLabel = (block: string, label: string): ReactNode => (
    <Group gap={6} wrap="nowrap">
      {label}
      {(isAssumed(draft.assumptions, block) || draft.assumptions.some((a) => a.field.startsWith(`${block}.`) || a.field.startsWith(`${block}[`))) && <Badge color="orange" variant="dot" size="xs">{t('crowd.assumptionShort')}</Badge>}
    </Group>
  );
  const errorList = Object.entries(allErrors);

  return (
    <Stack>
      {errorList.length > 0 && (
        <Alert color="red" title={t('crowd.editor.invalid')}>
          <List size="sm">
            {errorList.slice(0, 12).map(([path, message]) => (
              <List.Item key={path}>
                <Text span ff="monospace" size="sm" dir="ltr">
                  {path}
                </Text>
                {' — '}
                {message}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Tabs defaultValue="gates" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="gates">{tabLabel('gates', t('crowd.editor.gates', { count: draft.gates.length }))}</Tabs.Tab>
          <Tabs.Tab value="sections">{tabLabel('sections', t('crowd.editor.sections', { count: draft.sections.length }))}</Tabs.Tab>
          <Tabs.Tab value="exits">{tabLabel('exits', t('crowd.editor.exits', { count: draft.exits.length }))}</Tabs.Tab>
          <Tabs.Tab value="transit">{tabLabel('transit', t('crowd.editor.transit'))}</Tabs.Tab>
          <Tabs.Tab value="parameters">{tabLabel('parameters', t('crowd.editor.parameters'))}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="gates" pt="sm">
          <Stack gap="xs">
            <Notes assumptions={draft.assumptions} block="gates" />
            <Table.ScrollContainer minWidth={1000}>
              <Table striped withTableBorder fz="sm" verticalSpacing={4} styles={{ td: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('crowd.gate.id')}</Table.Th>
                    <Table.Th>{t('crowd.gate.name')}</Table.Th>
                    <Table.Th>{t('crowd.gate.angle')}</Table.Th>
                    <Table.Th>{t('crowd.gate.lanes')}</Table.Th>
                    <Table.Th>{t('crowd.gate.service')}</Table.Th>
                    <Table.Th>{t('crowd.gate.serviceSd')}</Table.Th>
                    <Table.Th>{t('crowd.gate.secondaryShare')}</Table.Th>
                    <Table.Th>{t('crowd.gate.secondarySeconds')}</Table.Th>
                    <Table.Th>{t('crowd.gate.walk')}</Table.Th>
                    <Table.Th>{t('crowd.gate.turnstiles')}</Table.Th>
                    <Table.Th>{t('crowd.gate.rate')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {draft.gates.map((g, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{text(['gates', i, 'id'], g.id, 64, t('crowd.gate.id'))}</Table.Td>
                      <Table.Td>{text(['gates', i, 'name'], g.name, 110, t('crowd.gate.name'))}</Table.Td>
                      <Table.Td>{num(['gates', i, 'angle'], g.angle, { w: 70 })}</Table.Td>
                      <Table.Td>{num(['gates', i, 'screening', 'lanes'], g.screening.lanes, { min: 1, decimals: false, label: t('crowd.gate.lanes') })}</Table.Td>
                      <Table.Td>{num(['gates', i, 'screening', 'serviceSeconds'], g.screening.serviceSeconds, { step: 0.5 })}</Table.Td>
                      <Table.Td>{num(['gates', i, 'screening', 'serviceSdSeconds'], g.screening.serviceSdSeconds, { step: 0.5 })}</Table.Td>
                      <Table.Td>{num(['gates', i, 'screening', 'secondaryShare'], g.screening.secondaryShare, { step: 0.01 })}</Table.Td>
                      <Table.Td>{num(['gates', i, 'screening', 'secondarySeconds'], g.screening.secondarySeconds)}</Table.Td>
                      <Table.Td>{num(['gates', i, 'walkSeconds'], g.walkSeconds)}</Table.Td>
                      <Table.Td>{num(['gates', i, 'turnstiles', 'count'], g.turnstiles.count, { min: 1, decimals: false })}</Table.Td>
                      <Table.Td>{num(['gates', i, 'turnstiles', 'ratePerHour'], g.turnstiles.ratePerHour, { w: 80, fallback: draft.parameters.turnstileRatePerHour })}</Table.Td>
                      <Table.Td>{remove('gates', i)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>{add('gates', 'G')}</Group>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="sections" pt="sm">
          <Stack gap="xs">
            <Notes assumptions={draft.assumptions} block="sections" />
            <Table.ScrollContainer minWidth={820}>
              <Table striped withTableBorder fz="sm" verticalSpacing={4} styles={{ td: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('crowd.section.id')}</Table.Th>
                    <Table.Th>{t('crowd.section.name')}</Table.Th>
                    <Table.Th>{t('crowd.gate.angle')}</Table.Th>
                    <Table.Th>{t('crowd.section.seats')}</Table.Th>
                    <Table.Th>{t('crowd.section.p')}</Table.Th>
                    <Table.Th>{t('crowd.section.s')}</Table.Th>
                    <Table.Th>{t('crowd.section.gates')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {draft.sections.map((s, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{text(['sections', i, 'id'], s.id, 64)}</Table.Td>
                      <Table.Td>{text(['sections', i, 'name'], s.name, 130)}</Table.Td>
                      <Table.Td>{num(['sections', i, 'angle'], s.angle, { w: 70 })}</Table.Td>
                      <Table.Td>{num(['sections', i, 'seats'], s.seats, { min: 1, decimals: false, w: 100, label: t('crowd.section.seats') })}</Table.Td>
                      <Table.Td>{num(['sections', i, 'physicalFactor'], s.physicalFactor, { step: 0.01, w: 70 })}</Table.Td>
                      <Table.Td>{num(['sections', i, 'safetyFactor'], s.safetyFactor, { step: 0.01, w: 70 })}</Table.Td>
                      <Table.Td>{ids(['sections', i, 'gateIds'], s.gateIds)}</Table.Td>
                      <Table.Td>{remove('sections', i)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>{add('sections', 'S')}</Group>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="exits" pt="sm">
          <Stack gap="xs">
            <Notes assumptions={draft.assumptions} block="exits" />
            <Table.ScrollContainer minWidth={820}>
              <Table striped withTableBorder fz="sm" verticalSpacing={4} styles={{ td: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('crowd.exit.id')}</Table.Th>
                    <Table.Th>{t('crowd.exit.name')}</Table.Th>
                    <Table.Th>{t('crowd.gate.angle')}</Table.Th>
                    <Table.Th>{t('crowd.exit.width')}</Table.Th>
                    <Table.Th>{t('crowd.exit.kind')}</Table.Th>
                    <Table.Th>{t('crowd.exit.use')}</Table.Th>
                    <Table.Th>{t('crowd.exit.sections')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {draft.exits.map((e, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{text(['exits', i, 'id'], e.id, 64)}</Table.Td>
                      <Table.Td>{text(['exits', i, 'name'], e.name, 130)}</Table.Td>
                      <Table.Td>{num(['exits', i, 'angle'], e.angle, { w: 70 })}</Table.Td>
                      <Table.Td>{num(['exits', i, 'widthMetres'], e.widthMetres, { step: 0.5, w: 80 })}</Table.Td>
                      <Table.Td>
                        {editable ? (
                          <NativeSelect size="xs" value={e.kind} aria-label={t('crowd.exit.kind')} onChange={(ev) => set(['exits', i, 'kind'], ev.currentTarget.value)} data={(['level', 'ramp', 'stair'] as const).map((k) => ({ value: k, label: t(`crowd.exitKind.${k}`) }))} />
                        ) : (
                          t(`crowd.exitKind.${e.kind}`)
                        )}
                      </Table.Td>
                      <Table.Td>
                        {editable ? (
                          <NativeSelect size="xs" value={e.use} aria-label={t('crowd.exit.use')} onChange={(ev) => set(['exits', i, 'use'], ev.currentTarget.value)} data={(['normal-and-emergency', 'emergency-only'] as const).map((k) => ({ value: k, label: t(`crowd.exitUse.${k}`) }))} />
                        ) : (
                          t(`crowd.exitUse.${e.use}`)
                        )}
                      </Table.Td>
                      <Table.Td>{ids(['exits', i, 'sectionIds'], e.sectionIds)}</Table.Td>
                      <Table.Td>{remove('exits', i)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Group>{add('exits', 'E')}</Group>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="transit" pt="sm">
          <Stack gap="xs">
            <Notes assumptions={draft.assumptions} block="transit" />
            <Text fw={600}>{t('crowd.transit.metro')}</Text>
            {draft.transit.metro ? (
              <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
                <Labelled label={t('crowd.transit.station')}>{text(['transit', 'metro', 'station'], draft.transit.metro.station, 140)}</Labelled>
                <Labelled label={t('crowd.transit.trainsPerHour')}>{num(['transit', 'metro', 'trainsPerHour'], draft.transit.metro.trainsPerHour, { step: 0.1 })}</Labelled>
                <Labelled label={t('crowd.transit.peoplePerTrain')}>{num(['transit', 'metro', 'peoplePerTrain'], draft.transit.metro.peoplePerTrain, { decimals: false })}</Labelled>
                <Labelled label={t('crowd.transit.walkMinutes')}>{num(['transit', 'metro', 'walkMinutes'], draft.transit.metro.walkMinutes)}</Labelled>
                <Labelled label={t('crowd.transit.share')}>{num(['transit', 'metro', 'share'], draft.transit.metro.share, { step: 0.05 })}</Labelled>
              </SimpleGrid>
            ) : (
              <Text c="dimmed" size="sm">
                {t('crowd.transit.none')}
              </Text>
            )}
            <Text fw={600}>{t('crowd.transit.shuttles')}</Text>
            {draft.transit.shuttles ? (
              <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
                <Labelled label={t('crowd.transit.buses')}>{num(['transit', 'shuttles', 'count'], draft.transit.shuttles.count, { decimals: false })}</Labelled>
                <Labelled label={t('crowd.transit.capacity')}>{num(['transit', 'shuttles', 'capacity'], draft.transit.shuttles.capacity, { decimals: false })}</Labelled>
                <Labelled label={t('crowd.transit.roundTrip')}>{num(['transit', 'shuttles', 'roundTripMinutes'], draft.transit.shuttles.roundTripMinutes)}</Labelled>
                <Labelled label={t('crowd.transit.walkMinutes')}>{num(['transit', 'shuttles', 'walkMinutes'], draft.transit.shuttles.walkMinutes)}</Labelled>
                <Labelled label={t('crowd.transit.share')}>{num(['transit', 'shuttles', 'share'], draft.transit.shuttles.share, { step: 0.05 })}</Labelled>
              </SimpleGrid>
            ) : (
              <Text c="dimmed" size="sm">
                {t('crowd.transit.none')}
              </Text>
            )}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="parameters" pt="sm">
          <Stack gap="xs">
            <Notes assumptions={draft.assumptions} block="parameters" />
            <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }}>
              <Labelled label={t('crowd.param.turnstileRate')}>{num(['parameters', 'turnstileRatePerHour'], draft.parameters.turnstileRatePerHour)}</Labelled>
              <Labelled label={t('crowd.param.entryWindow')}>{num(['parameters', 'entryWindowMinutes'], draft.parameters.entryWindowMinutes)}</Labelled>
              <Labelled label={t('crowd.param.rateLevel')}>{num(['parameters', 'egressRatePerMetreMinute', 'level'], draft.parameters.egressRatePerMetreMinute.level)}</Labelled>
              <Labelled label={t('crowd.param.rateRamp')}>{num(['parameters', 'egressRatePerMetreMinute', 'ramp'], draft.parameters.egressRatePerMetreMinute.ramp)}</Labelled>
              <Labelled label={t('crowd.param.rateStair')}>{num(['parameters', 'egressRatePerMetreMinute', 'stair'], draft.parameters.egressRatePerMetreMinute.stair)}</Labelled>
              <Labelled label={t('crowd.param.normalEgress')}>{num(['parameters', 'normalEgressMinutes'], draft.parameters.normalEgressMinutes, { step: 0.5 })}</Labelled>
              <Labelled label={t('crowd.param.emergency')}>{num(['parameters', 'emergencyEvacuationMinutes'], draft.parameters.emergencyEvacuationMinutes, { step: 0.5, min: 2.5 })}</Labelled>
              <Labelled label={t('crowd.param.targetP95')}>{num(['parameters', 'targetP95WaitMinutes'], draft.parameters.targetP95WaitMinutes)}</Labelled>
              <Labelled label={t('crowd.param.mobileSteward')}>{num(['parameters', 'spectatorsPerMobileSteward'], draft.parameters.spectatorsPerMobileSteward, { decimals: false })}</Labelled>
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('crowd.param.sources')}
            </Text>
            {editable ? (
              <Textarea label={t('crowd.notes')} autosize minRows={2} value={draft.notes} onChange={(e) => set(['notes'], e.currentTarget.value)} />
            ) : (
              draft.notes && (
                <Text size="sm" dir="auto">
                  {draft.notes}
                </Text>
              )
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {editable && (
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty} onClick={() => { setDraft(plan); setErrors({}); }}>
            {t('crowd.editor.reset')}
          </Button>
          <Button onClick={save} loading={saving} disabled={!dirty}>
            {t('crowd.editor.save')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Labelled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}
