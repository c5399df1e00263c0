import { Anchor, Badge, Button, Card, FileInput, Group, Select, SimpleGrid, Stack, Switch, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CreateWatchlistBody, type ImportResult, type WatchlistDetail, type WatchlistEntryView, type WatchlistFormat } from '../../../common/contracts/vetting.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { can } from '../../lib/permissions.ts';
import { toUserMessage } from '../../lib/api.ts';
import { useCurrentUser } from '../auth/api.ts';
import { useCreateWatchlist, useImportVersion, useSetWatchlistActive, useWatchlist, useWatchlistDiff, useWatchlists } from './api.ts';

const FORMATS: WatchlistFormat[] = ['un-xml', 'ftm', 'csv'];
const ACCEPT: Record<WatchlistFormat, string> = { 'un-xml': '.xml,text/xml', ftm: '.jsonl,.ndjson,.json,.ftm', csv: '.csv,text/csv' };

export function WatchlistsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useCurrentUser();
  const query = useWatchlists();
  return (
    <>
      <PageHeader title={t('vetting.watchlists.title')} subtitle={t('vetting.watchlists.subtitle')} />
      <Stack>
        <QueryState query={query} isEmpty={(p) => p.items.length === 0} empty={<Empty title={t('vetting.watchlists.empty')} />}>
          {(page) => (
            <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="watchlists">
              {page.items.map((w) => (
                <Card key={w.id} withBorder>
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Anchor component={Link} to={`/vetting/watchlists/${w.id}`} fw={700} dir="auto">
                        {w.name}
                      </Anchor>
                      <Badge color={w.isActive ? 'teal' : 'gray'} variant="light">
                        {w.isActive ? t('vetting.watchlists.active') : t('vetting.watchlists.inactive')}
                      </Badge>
                    </Group>
                    {w.description && (
                      <Text size="sm" c="dimmed" dir="auto">
                        {w.description}
                      </Text>
                    )}
                    <Group gap="xs">
                      <Badge variant="outline">{t(`vetting.format.${w.format}`)}</Badge>
                      <Badge variant="light" color="gray">
                        {w.currentVersion ? t('vetting.hit.version', { version: w.currentVersion }) : t('vetting.watchlists.noVersion')}
                      </Badge>
                      <Badge variant="light" color="gray">
                        {t('vetting.watchlists.entries', { count: w.entryCount, value: fmt.number(w.entryCount) })}
                      </Badge>
                    </Group>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </QueryState>
        {can(me, 'watchlist:manage') && <CreateWatchlistForm />}
      </Stack>
    </>
  );
}

function CreateWatchlistForm() {
  const { t } = useTranslation();
  const create = useCreateWatchlist();
  const form = useFormErrors({ 'watchlist.name_taken': 'name' });
  const [name, setName] = useState('');
  const [format, setFormat] = useState<WatchlistFormat>('un-xml');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(CreateWatchlistBody, { name, format });
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        setName('');
        notifications.show({ color: 'teal', message: t('vetting.watchlists.created') });
      },
      onError: form.fromServer,
    });
  };
  return (
    <Card withBorder component="form" onSubmit={onSubmit} noValidate>
      <Title order={4} mb="sm">
        {t('vetting.watchlists.create')}
      </Title>
      <Stack>
        <FormAlert message={form.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('vetting.watchlists.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} withAsterisk dir="auto" />
          <Select label={t('vetting.watchlists.format')} value={format} onChange={(v) => v && setFormat(v as WatchlistFormat)} data={FORMATS.map((f) => ({ value: f, label: t(`vetting.format.${f}`) }))} allowDeselect={false} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('vetting.watchlists.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** One list: its versions, what each changed, activation, and the upload of a new version. */
export function WatchlistPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const me = useCurrentUser();
  const query = useWatchlist(id);
  return (
    <QueryState query={query}>
      {(w) => (
        <>
          <PageHeader back={{ to: '/vetting/watchlists', label: t('vetting.watchlists.back') }} title={<span dir="auto">{w.name}</span>} subtitle={t(`vetting.format.${w.format}`)} />
          <Stack>
            {can(me, 'watchlist:manage') && <ManageList list={w} />}
            <Versions list={w} />
          </Stack>
        </>
      )}
    </QueryState>
  );
}

function ManageList({ list }: { list: WatchlistDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const setActive = useSetWatchlistActive(list.id);
  const upload = useImportVersion(list.id, list.format);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Switch
          checked={list.isActive}
          onChange={(e) => setActive.mutate(e.currentTarget.checked)}
          disabled={setActive.isPending}
          label={list.isActive ? t('vetting.watchlists.active') : t('vetting.watchlists.inactive')}
          description={t('vetting.watchlists.activeHint')}
          data-testid="watchlist-active"
        />
        <Group align="flex-end" wrap="wrap">
          <FileInput
            label={t('vetting.watchlists.upload')}
            description={t(`vetting.watchlists.uploadHint.${list.format}`)}
            placeholder={t('vetting.watchlists.chooseFile')}
            accept={ACCEPT[list.format]}
            value={file}
            onChange={setFile}
            clearable
            style={{ flex: 1, minWidth: 220 }}
            data-testid="watchlist-file"
          />
          <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file, { onSuccess: (r) => { setResult(r); setFile(null); } })} data-testid="watchlist-upload">
            {t('vetting.watchlists.import')}
          </Button>
        </Group>
        {upload.isError && <FormAlert message={toUserMessage(upload.error, t)} />}
        {result && (
          <Text size="sm" data-testid="import-result">
            {t('vetting.watchlists.imported', { version: result.version.version, added: fmt.number(result.version.added), changed: fmt.number(result.version.changed), removed: fmt.number(result.version.removed) })}{' '}
            {result.rescreen &&
              t('vetting.watchlists.rescreened', { subjects: fmt.number(result.rescreen.subjects), entries: fmt.number(result.rescreen.entriesCompared), hits: fmt.number(result.rescreen.newHits) })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Versions({ list }: { list: WatchlistDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [selected, setSelected] = useState<number | null>(list.currentVersion);
  if (list.versions.length === 0) return <Empty title={t('vetting.watchlists.noVersion')} />;
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {t('vetting.watchlists.versions')}
      </Title>
      <Table.ScrollContainer minWidth={560}>
        <Table highlightOnHover verticalSpacing="xs" data-testid="versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('vetting.watchlists.version')}</Table.Th>
              <Table.Th>{t('vetting.watchlists.importedAt')}</Table.Th>
              <Table.Th>{t('vetting.diff.added')}</Table.Th>
              <Table.Th>{t('vetting.diff.changed')}</Table.Th>
              <Table.Th>{t('vetting.diff.removed')}</Table.Th>
              <Table.Th>{t('vetting.watchlists.entryCount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.versions.map((v) => (
              <Table.Tr key={v.id} onClick={() => setSelected(v.version)} style={{ cursor: 'pointer' }} bg={selected === v.version ? 'var(--mantine-color-teal-light)' : undefined}>
                <Table.Td>
                  <Anchor component="button" type="button" onClick={() => setSelected(v.version)}>
                    {t('vetting.hit.version', { version: v.version })}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  {fmt.dateTime(v.importedAt)}
                  <Text size="xs" c="dimmed">
                    {v.importedBy}
                    {v.fileName ? ` · ${v.fileName}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td c="teal">+{fmt.number(v.added)}</Table.Td>
                <Table.Td c="orange">~{fmt.number(v.changed)}</Table.Td>
                <Table.Td c="red">−{fmt.number(v.removed)}</Table.Td>
                <Table.Td>{fmt.number(v.entryCount)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {selected !== null && <Diff listId={list.id} version={selected} />}
    </Card>
  );
}

function EntryLine({ e }: { e: WatchlistEntryView }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        <span dir="ltr">{e.sourceRef}</span> · <span dir="auto">{e.names[0]?.full}</span>
      </Text>
      <Text size="xs" c="dimmed">
        {[...e.names.slice(1).map((n) => ({ text: n.full, dir: 'auto' as const })), ...e.birthDates.map((d) => ({ text: d, dir: 'ltr' as const }))].map((part, i) => (
          <span key={`${part.dir}:${part.text}`}>
            {i > 0 && ' · '}
            <span dir={part.dir}>{part.text}</span>
          </span>
        ))}
      </Text>
    </Stack>
  );
}

function Diff({ listId, version }: { listId: string; version: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useWatchlistDiff(listId, version);
  return (
    <Stack mt="md" data-testid="diff">
      <Title order={5}>{t('vetting.diff.title', { version })}</Title>
      <QueryState query={query}>
        {(d) => (
          <Tabs defaultValue={d.counts.changed > 0 ? 'changed' : d.counts.added > 0 ? 'added' : 'removed'} keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="added">{t('vetting.diff.addedCount', { value: fmt.number(d.counts.added) })}</Tabs.Tab>
              <Tabs.Tab value="changed">{t('vetting.diff.changedCount', { value: fmt.number(d.counts.changed) })}</Tabs.Tab>
              <Tabs.Tab value="removed">{t('vetting.diff.removedCount', { value: fmt.number(d.counts.removed) })}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="added" pt="sm">
              <Stack gap="xs">{d.added.length ? d.added.map((e) => <EntryLine key={e.sourceRef} e={e} />) : <Text c="dimmed">{t('vetting.diff.none')}</Text>}</Stack>
            </Tabs.Panel>
            <Tabs.Panel value="changed" pt="sm">
              <Stack gap="sm">
                {d.changed.length ? (
                  d.changed.map((c) => (
                    <SimpleGrid key={c.after.sourceRef} cols={{ base: 1, sm: 2 }}>
                      <Stack gap={2}>
                        <Text size="xs" c="dimmed">
                          {t('vetting.diff.before')}
                        </Text>
                        <EntryLine e={c.before} />
                      </Stack>
                      <Stack gap={2}>
                        <Text size="xs" c="dimmed">
                          {t('vetting.diff.after')} · {c.fields.map((f) => t(`vetting.diff.field.${f}`, { defaultValue: f })).join(', ')}
                        </Text>
                        <EntryLine e={c.after} />
                      </Stack>
                    </SimpleGrid>
                  ))
                ) : (
                  <Text c="dimmed">{t('vetting.diff.none')}</Text>
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="removed" pt="sm">
              <Stack gap="xs">{d.removed.length ? d.removed.map((e) => <EntryLine key={e.sourceRef} e={e} />) : <Text c="dimmed">{t('vetting.diff.none')}</Text>}</Stack>
            </Tabs.Panel>
          </Tabs>
        )}
      </QueryState>
      {query.data?.truncated && <Text size="xs" c="dimmed">{t('vetting.diff.truncated')}</Text>}
    </Stack>
  );
}
