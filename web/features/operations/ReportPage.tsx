import { Alert, Badge, Button, Card, FileButton, Group, Image, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, UnstyledButton } from '@mantine/core';
import { type FormEvent, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type IncidentCategory, ReportIncidentBody, type Severity } from '../../../common/contracts/operations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useVenues } from '../venues/api.ts';
import { INCIDENT_CATEGORIES, SEVERITIES, SEVERITY_COLOR } from './labels.ts';
import { downscalePhoto, enqueueReport, flushQueue, queuedReports, subscribeQueue } from './report-queue.ts';

const RETRY_MS = 10_000;

function useOnline(): boolean {
  return useSyncExternalStore(
    (cb) => {
      window.addEventListener('online', cb);
      window.addEventListener('offline', cb);
      return () => {
        window.removeEventListener('online', cb);
        window.removeEventListener('offline', cb);
      };
    },
    () => navigator.onLine,
  );
}

/** Sends queued reports when the page opens, when the network returns and every few seconds. */
export function useReportQueue() {
  const snapshot = useSyncExternalStore(subscribeQueue, () => localStorage.getItem('tansiq.reportQueue') ?? '[]');
  useEffect(() => {
    void flushQueue();
    const onOnline = () => void flushQueue({ restart: true });
    window.addEventListener('online', onOnline);
    const timer = setInterval(() => void flushQueue(), RETRY_MS);
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, []);
  return { items: snapshot ? queuedReports() : [] };
}

export function ReportPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const venues = useVenues();
  const online = useOnline();
  const { items } = useReportQueue();
  const form = useFormErrors();
  const myVenue = me.roles.find((r) => r.venueId)?.venueId ?? null;
  const [venueId, setVenueId] = useState<string | null>(myVenue);
  const [category, setCategory] = useState<IncidentCategory | null>(null);
  const [severity, setSeverity] = useState<Severity>('medium');
  const [zoneId, setZoneId] = useState('');
  const [gateId, setGateId] = useState('');
  const [description, setDescription] = useState('');
  const [photo, setPhoto] = useState<string | null>(null);
  const [position, setPosition] = useState<{ lat: number; lon: number; accuracyMetres?: number } | null>(null);
  const [locating, setLocating] = useState(false);

  useEffect(() => {
    if (!venueId && myVenue) setVenueId(myVenue);
  }, [myVenue, venueId]);

  const locate = () => {
    if (!navigator.geolocation) return;
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setPosition({ lat: p.coords.latitude, lon: p.coords.longitude, accuracyMetres: Math.round(p.coords.accuracy) });
        setLocating(false);
      },
      () => setLocating(false),
      { enableHighAccuracy: true, timeout: 10_000 },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(ReportIncidentBody, {
      venueId: venueId ?? '',
      category: category ?? undefined,
      severity,
      description,
      ...(zoneId.trim() ? { zoneId } : {}),
      ...(gateId.trim() ? { gateId } : {}),
      ...(position ? { position } : {}),
    });
    if (!body) return;
    enqueueReport(body, photo);
    setCategory(null);
    setDescription('');
    setZoneId('');
    setGateId('');
    setPhoto(null);
    setPosition(null);
    void flushQueue();
  };

  const pending = items.filter((i) => i.state !== 'sent');
  const sent = items.filter((i) => i.state === 'sent').slice(-5).reverse();

  return (
    <Stack maw={560} mx="auto" gap="md">
      <PageHeader title={t('operations.report.title')} subtitle={t('operations.report.subtitle')} />
      {!online && (
        <Alert color="orange" data-testid="offline-banner">
          {t('operations.report.offline')}
        </Alert>
      )}
      <Card withBorder component="form" onSubmit={onSubmit} noValidate p="md">
        <Stack gap="md">
          <FormAlert message={form.formError} />
          <Select
            label={t('operations.fields.venue')}
            data={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: localName(fmt.locale, v) }))}
            value={venueId}
            onChange={setVenueId}
            error={form.errors.venueId}
            allowDeselect={false}
            data-testid="report-venue"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('operations.fields.category')}
            </Text>
            <SimpleGrid cols={2} spacing={8} role="radiogroup" aria-label={t('operations.fields.category')}>
              {INCIDENT_CATEGORIES.map((c) => (
                <UnstyledButton
                  key={c}
                  role="radio"
                  aria-checked={category === c}
                  onClick={() => {
                    setCategory(c);
                    form.clear('category');
                  }}
                  data-testid={`category-${c}`}
                  style={{
                    padding: '12px 10px',
                    minHeight: 48,
                    borderRadius: 8,
                    border: `2px solid ${category === c ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-3)'}`,
                    background: category === c ? 'var(--mantine-color-teal-0)' : 'var(--mantine-color-body)',
                    fontWeight: 600,
                    fontSize: 14,
                    textAlign: 'start',
                  }}
                >
                  {t(`operations.category.${c}`)}
                </UnstyledButton>
              ))}
            </SimpleGrid>
            {form.errors.category && (
              <Text size="xs" c="red">
                {form.errors.category}
              </Text>
            )}
            {category === 'terrorist_threat' && (
              <Text size="xs" c="dimmed">
                {t('operations.report.restrictedHint')}
              </Text>
            )}
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('operations.fields.severity')}
            </Text>
            <SegmentedControl
              fullWidth
              value={severity}
              onChange={(v) => setSeverity(v as Severity)}
              color={SEVERITY_COLOR[severity]}
              data={SEVERITIES.map((s) => ({ value: s, label: t(`operations.severity.${s}`) }))}
              data-testid="report-severity"
            />
          </Stack>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('operations.fields.zone')} value={zoneId} onChange={(e) => setZoneId(e.currentTarget.value)} maxLength={60} error={form.errors.zoneId} />
            <TextInput label={t('operations.fields.gate')} value={gateId} onChange={(e) => setGateId(e.currentTarget.value)} maxLength={60} error={form.errors.gateId} data-testid="report-gate" />
          </SimpleGrid>
          <Textarea
            label={t('operations.fields.description')}
            autosize
            minRows={3}
            value={description}
            onChange={(e) => {
              setDescription(e.currentTarget.value);
              form.clear('description');
            }}
            error={form.errors.description}
            data-testid="report-description"
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <FileButton accept="image/jpeg,image/png" capture="environment" onChange={(file) => file && void downscalePhoto(file).then(setPhoto)}>
              {(props) => (
                <Button variant="default" {...props}>
                  {photo ? t('operations.report.photoChange') : t('operations.report.photoAdd')}
                </Button>
              )}
            </FileButton>
            <Button variant="default" onClick={locate} loading={locating}>
              {position ? t('operations.report.positionSet', { accuracy: fmt.number(position.accuracyMetres ?? 0) }) : t('operations.report.positionAdd')}
            </Button>
          </SimpleGrid>
          {photo && <Image src={photo} alt={t('operations.report.photoPreview')} radius="sm" mah={160} fit="contain" />}
          <Button type="submit" size="lg" color="red" data-testid="report-submit">
            {t('operations.report.send')}
          </Button>
        </Stack>
      </Card>

      {(pending.length > 0 || sent.length > 0) && (
        <Card withBorder p="md" data-testid="report-outbox">
          <Text fw={600} mb="xs">
            {t('operations.report.outbox')}
          </Text>
          <Stack gap={6}>
            {[...pending, ...sent].map((i) => (
              <Group key={i.key} justify="space-between" wrap="nowrap" data-testid="outbox-item" data-state={i.state}>
                <Text size="sm" truncate>
                  {t(`operations.category.${i.body.category}`)} · {fmt.time(i.queuedAt)}
                </Text>
                {i.state === 'sent' ? (
                  <Badge color="teal" component={Link} to={`/operations/incidents/${i.incidentId}`} style={{ cursor: 'pointer' }}>
                    {t('operations.report.sent', { number: i.number })}
                  </Badge>
                ) : i.state === 'failed' ? (
                  <Badge color="red">{t('operations.report.failed')}</Badge>
                ) : (
                  <Badge color="yellow">{t('operations.report.queued')}</Badge>
                )}
              </Group>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
