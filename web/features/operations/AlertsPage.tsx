import { Anchor, Badge, Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CAP_CATEGORIES, CAP_CERTAINTIES, CAP_MSG_TYPES, CAP_SEVERITIES, CAP_URGENCIES, DraftAlertBody, type PublicAlert } from '../../../common/contracts/operations.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { toUserMessage } from '../../lib/api.ts';
import { localName, useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { can } from '../../lib/permissions.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useVenues } from '../venues/api.ts';
import { useAlertDecision, useAlerts, useDraftAlert, useLiveEvents } from './api.ts';

const STATE_COLOR = { draft: 'yellow', published: 'teal', rejected: 'gray' } as const;
const LANGS = ['ar', 'fr', 'en'] as const;

export function AlertsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useAlerts();
  useLiveEvents(['alert.drafted', 'alert.published']);
  return (
    <>
      <PageHeader
        title={t('operations.alerts.title')}
        subtitle={
          <Anchor href="/cap/alerts.atom" target="_blank" size="sm">
            {t('operations.alerts.feed')}
          </Anchor>
        }
        actions={
          can(me, 'alert:draft') && (
            <Button component={Link} to="/operations/alerts/new" data-testid="new-alert">
              {t('operations.alerts.new')}
            </Button>
          )
        }
      />
      <QueryState query={query} isEmpty={(p) => p.items.length === 0} empty={<Empty title={t('operations.alerts.none')} />}>
        {(page) => (
          <Stack>
            {page.items.map((a) => (
              <AlertCard key={a.id} alert={a} />
            ))}
          </Stack>
        )}
      </QueryState>
    </>
  );
}

function AlertCard({ alert }: { alert: PublicAlert }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const decide = useAlertDecision();
  const text = alert.text[fmt.locale];
  const fail = (e: unknown) => notifications.show({ color: 'red', message: toUserMessage(e, t) });
  const mayDecide = alert.state === 'draft' && can(me, 'alert:approve');
  return (
    <Card withBorder data-testid="alert-card" data-state={alert.state}>
      <Group justify="space-between" wrap="nowrap" mb={4}>
        <Text fw={700} dir="auto">
          {text.headline}
        </Text>
        <Group gap={4} wrap="nowrap">
          {alert.msgType !== 'Alert' && <Badge variant="outline">{t(`operations.alerts.msgType.${alert.msgType}`)}</Badge>}
          <Badge color={STATE_COLOR[alert.state]}>{t(`operations.alerts.state.${alert.state}`)}</Badge>
        </Group>
      </Group>
      <Text size="sm" dir="auto" mb={6}>
        {text.description}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`operations.alerts.cap.severity.${alert.severity}`)} · {t(`operations.alerts.cap.urgency.${alert.urgency}`)} · <span dir="auto">{alert.areaDesc}</span> · {t('operations.alerts.draftedBy', { who: alert.draftedBy })}
        {alert.approvedBy ? ` · ${t('operations.alerts.approvedBy', { who: alert.approvedBy })}` : ''}
        {alert.sentAt ? ` · ${fmt.dateTime(alert.sentAt)}` : ''}
      </Text>
      <Group gap="xs" mt="sm">
        {alert.capUrl && (
          <Button component="a" href={alert.capUrl} target="_blank" size="xs" variant="light" data-testid="cap-link">
            {t('operations.alerts.capXml')}
          </Button>
        )}
        {mayDecide && alert.draftedByUserId !== me.id && (
          <>
            <Button size="xs" color="teal" loading={decide.isPending} onClick={() => decide.mutate({ id: alert.id, decision: 'approve' }, { onError: fail })} data-testid="approve-alert">
              {t('operations.alerts.approve')}
            </Button>
            <Button size="xs" variant="default" onClick={() => decide.mutate({ id: alert.id, decision: 'reject', reason: t('operations.alerts.rejectReason') }, { onError: fail })}>
              {t('operations.alerts.reject')}
            </Button>
          </>
        )}
        {mayDecide && alert.draftedByUserId === me.id && (
          <Text size="xs" c="dimmed">
            {t('operations.alerts.awaitingSecond')}
          </Text>
        )}
        {alert.state === 'published' && can(me, 'alert:draft') && (
          <>
            <Button component={Link} to={`/operations/alerts/new?ref=${alert.id}&type=Update`} size="xs" variant="default">
              {t('operations.alerts.update')}
            </Button>
            <Button component={Link} to={`/operations/alerts/new?ref=${alert.id}&type=Cancel`} size="xs" variant="default">
              {t('operations.alerts.cancel')}
            </Button>
          </>
        )}
      </Group>
    </Card>
  );
}

type TextFields = Record<(typeof LANGS)[number], { headline: string; description: string; instruction: string }>;

export function AlertDraftPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const params = new URLSearchParams(window.location.search);
  const venues = useVenues();
  const draft = useDraftAlert();
  const form = useFormErrors();
  const [msgType, setMsgType] = useState<(typeof CAP_MSG_TYPES)[number]>((params.get('type') as 'Update') ?? 'Alert');
  const referencesAlertId = params.get('ref') ?? undefined;
  const [category, setCategory] = useState<string>('Safety');
  const [event, setEvent] = useState('');
  const [urgency, setUrgency] = useState<string>('Immediate');
  const [severity, setSeverity] = useState<string>('Moderate');
  const [certainty, setCertainty] = useState<string>('Observed');
  const [venueIds, setVenueIds] = useState<string[]>([]);
  const [areaDesc, setAreaDesc] = useState('');
  const [text, setText] = useState<TextFields>({ ar: { headline: '', description: '', instruction: '' }, fr: { headline: '', description: '', instruction: '' }, en: { headline: '', description: '', instruction: '' } });
  const setField = (lang: (typeof LANGS)[number], field: keyof TextFields['en'], value: string) => setText((x) => ({ ...x, [lang]: { ...x[lang], [field]: value } }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const clean = (l: (typeof LANGS)[number]) => ({ headline: text[l].headline, description: text[l].description, ...(text[l].instruction.trim() ? { instruction: text[l].instruction } : {}) });
    const body = form.check(DraftAlertBody, { msgType, ...(msgType !== 'Alert' && referencesAlertId ? { referencesAlertId } : {}), category, event, urgency, severity, certainty, venueIds, areaDesc, text: { ar: clean('ar'), fr: clean('fr'), en: clean('en') } });
    if (!body) return;
    draft.mutate(body, { onSuccess: () => void navigate('/operations/alerts'), onError: form.fromServer });
  };
  const options = (values: readonly string[], group: string) => values.map((v) => ({ value: v, label: t(`operations.alerts.cap.${group}.${v}`) }));
  return (
    <>
      <PageHeader back={{ to: '/operations/alerts', label: t('operations.alerts.back') }} title={t('operations.alerts.new')} subtitle={t('operations.alerts.twoPerson')} />
      <Card withBorder component="form" onSubmit={onSubmit} noValidate maw={820}>
        <Stack>
          <FormAlert message={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('operations.alerts.fields.msgType')} data={CAP_MSG_TYPES.filter((m) => m === 'Alert' || referencesAlertId).map((m) => ({ value: m, label: t(`operations.alerts.msgType.${m}`) }))} value={msgType} onChange={(v) => v && setMsgType(v as 'Alert')} allowDeselect={false} />
            <Select label={t('operations.alerts.fields.category')} data={options(CAP_CATEGORIES, 'category')} value={category} onChange={(v) => v && setCategory(v)} allowDeselect={false} />
            <TextInput label={t('operations.alerts.fields.event')} value={event} onChange={(e) => setEvent(e.currentTarget.value)} error={form.errors.event} data-testid="alert-event" />
            <Select label={t('operations.alerts.fields.urgency')} data={options(CAP_URGENCIES, 'urgency')} value={urgency} onChange={(v) => v && setUrgency(v)} allowDeselect={false} />
            <Select label={t('operations.alerts.fields.severity')} data={options(CAP_SEVERITIES, 'severity')} value={severity} onChange={(v) => v && setSeverity(v)} allowDeselect={false} />
            <Select label={t('operations.alerts.fields.certainty')} data={options(CAP_CERTAINTIES, 'certainty')} value={certainty} onChange={(v) => v && setCertainty(v)} allowDeselect={false} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect label={t('operations.alerts.fields.venues')} data={(venues.data?.items ?? []).map((v) => ({ value: v.id, label: localName(fmt.locale, v) }))} value={venueIds} onChange={setVenueIds} />
            <TextInput label={t('operations.alerts.fields.area')} value={areaDesc} onChange={(e) => setAreaDesc(e.currentTarget.value)} error={form.errors.areaDesc} data-testid="alert-area" />
          </SimpleGrid>
          <Tabs defaultValue="ar" keepMounted>
            <Tabs.List>
              {LANGS.map((l) => (
                <Tabs.Tab key={l} value={l} c={form.errors[`text.${l}.headline`] || form.errors[`text.${l}.description`] ? 'red' : undefined}>
                  {t(`operations.alerts.lang.${l}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LANGS.map((l) => (
              <Tabs.Panel key={l} value={l} pt="sm">
                <Stack gap="sm" lang={l} dir={l === 'ar' ? 'rtl' : 'ltr'}>
                  <TextInput label={t('operations.alerts.fields.headline')} value={text[l].headline} onChange={(e) => setField(l, 'headline', e.currentTarget.value)} error={form.errors[`text.${l}.headline`]} data-testid={`alert-headline-${l}`} />
                  <Textarea label={t('operations.alerts.fields.description')} autosize minRows={2} value={text[l].description} onChange={(e) => setField(l, 'description', e.currentTarget.value)} error={form.errors[`text.${l}.description`]} data-testid={`alert-description-${l}`} />
                  <Textarea label={t('operations.alerts.fields.instruction')} autosize minRows={1} value={text[l].instruction} onChange={(e) => setField(l, 'instruction', e.currentTarget.value)} />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
          <Group justify="flex-end">
            <Button type="submit" loading={draft.isPending} data-testid="submit-alert">
              {t('operations.alerts.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </>
  );
}
