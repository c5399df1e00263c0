import { Anchor, Button, Card, FileInput, Group, Progress, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { toUserMessage } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useBatch, useStartBatch } from './api.ts';

/** Upload a people file; it is screened in the background and its progress shown here. */
export function BatchPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const start = useStartBatch();
  const [file, setFile] = useState<File | null>(null);
  const [subjectType, setSubjectType] = useState('person');
  const [batchId, setBatchId] = useState<string | null>(null);
  const batch = useBatch(batchId);
  const b = batch.data ?? start.data;
  return (
    <>
      <PageHeader title={t('vetting.batch.title')} subtitle={t('vetting.batch.subtitle')} />
      <Stack>
        <Card withBorder>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <FileInput label={t('vetting.batch.file')} description={t('vetting.batch.fileHint')} placeholder={t('vetting.watchlists.chooseFile')} accept=".csv,text/csv" value={file} onChange={setFile} clearable data-testid="batch-file" />
              <TextInput label={t('vetting.batch.subjectType')} description={t('vetting.batch.subjectTypeHint')} value={subjectType} onChange={(e) => setSubjectType(e.currentTarget.value)} dir="ltr" />
            </SimpleGrid>
            {start.isError && <FormAlert message={toUserMessage(start.error, t)} />}
            <Group justify="flex-end">
              <Button disabled={!file || !subjectType.trim()} loading={start.isPending} onClick={() => file && start.mutate({ file, subjectType: subjectType.trim() }, { onSuccess: (r) => setBatchId(r.id) })} data-testid="batch-start">
                {t('vetting.batch.start')}
              </Button>
            </Group>
          </Stack>
        </Card>
        {b && (
          <Card withBorder data-testid="batch-progress">
            <Group justify="space-between" mb="xs">
              <Title order={4}>{b.fileName ?? t('vetting.batch.title')}</Title>
              <Text fw={600}>{t(`vetting.batch.status.${b.status}`)}</Text>
            </Group>
            <Progress value={b.total ? (b.done / b.total) * 100 : 0} animated={b.status === 'running' || b.status === 'queued'} size="lg" aria-label={t('vetting.batch.progress')} />
            <Text size="sm" mt="xs">
              {t('vetting.batch.done', { done: fmt.number(b.done), total: fmt.number(b.total) })}
            </Text>
            {b.status === 'done' && (
              <Text size="sm" mt="xs">
                {t('vetting.batch.result', { subjects: fmt.number(b.subjectsWithHits), hits: fmt.number(b.hits) })}{' '}
                <Anchor component={Link} to={`/vetting/screenings?batchId=${b.id}`}>
                  {t('vetting.batch.see')}
                </Anchor>
              </Text>
            )}
            {b.error && <FormAlert message={b.error} />}
          </Card>
        )}
      </Stack>
    </>
  );
}
