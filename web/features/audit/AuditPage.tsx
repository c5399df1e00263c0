import { ActionIcon, Badge, Button, Code, Collapse, CopyButton, Group, Paper, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../common/contracts/platform.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { SearchInput } from '../../components/SearchInput.tsx';
import { useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { orUndefined, useUrlFilters } from '../../lib/url-filters.ts';
import { localInputToIso, useAuditHead, useAuditTrail } from './api.ts';

const FILTERS = ['actor', 'action', 'subjectType', 'subjectId', 'from', 'to'] as const;
const OUTCOME_COLOR = { success: 'teal', failure: 'orange', denied: 'red' } as const;

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useUrlFilters(FILTERS);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(reset, [filters.actor, filters.action, filters.subjectType, filters.subjectId, filters.from, filters.to]);
  const query = useAuditTrail({
    actor: orUndefined(filters.actor),
    action: orUndefined(filters.action),
    subjectType: orUndefined(filters.subjectType),
    subjectId: orUndefined(filters.subjectId),
    from: localInputToIso(filters.from),
    to: localInputToIso(filters.to),
    cursor: pager.cursor,
  });
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <ChainAnchor />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} mb="md">
        <SearchInput label={t('audit.actor')} placeholder={t('audit.actorPlaceholder')} value={filters.actor} onSearch={(actor) => setFilters({ actor })} />
        <SearchInput label={t('audit.action')} placeholder={t('audit.actionPlaceholder')} value={filters.action} onSearch={(action) => setFilters({ action })} />
        <SearchInput label={t('audit.subjectType')} placeholder={t('audit.subjectTypePlaceholder')} value={filters.subjectType} onSearch={(subjectType) => setFilters({ subjectType })} />
        <SearchInput label={t('audit.subjectId')} value={filters.subjectId} onSearch={(subjectId) => setFilters({ subjectId })} />
        <TextInput type="datetime-local" label={t('audit.from')} value={filters.from} onChange={(e) => setFilters({ from: e.currentTarget.value })} />
        <TextInput type="datetime-local" label={t('audit.to')} value={filters.to} onChange={(e) => setFilters({ to: e.currentTarget.value })} />
      </SimpleGrid>
      <QueryState
        query={query}
        isEmpty={(page) => page.items.length === 0}
        empty={<Empty title={filtered ? t('common.noMatches') : t('audit.empty')} description={filtered ? t('common.noMatchesHint') : undefined} />}
      >
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={40}>
                      <span className="visually-hidden">{t('audit.details')}</span>
                    </Table.Th>
                    <Table.Th>{t('audit.time')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.action')}</Table.Th>
                    <Table.Th>{t('audit.subject')}</Table.Th>
                    <Table.Th>{t('audit.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((entry) => (
                    <AuditRow key={entry.id} entry={entry} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager pager={pager} nextCursor={page.nextCursor} busy={query.isFetching} />
          </>
        )}
      </QueryState>
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${entry.id}`;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={open ? t('audit.hideDetails') : t('audit.showDetails')}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden className={open ? 'chevron chevron-open' : 'chevron'}>
              ›
            </span>
          </ActionIcon>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{fmt.dateTime(entry.at)}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm" dir="auto">
            {entry.actorLabel ?? entry.actorId ?? t(`audit.actorTypes.${entry.actorType}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`audit.actorTypes.${entry.actorType}`)}
          </Text>
        </Table.Td>
        <Table.Td>
          <Code dir="ltr">{entry.action}</Code>
        </Table.Td>
        <Table.Td>
          {entry.subjectType ? (
            <Text size="sm" dir="ltr" component="span">
              {entry.subjectType}
              {entry.subjectId && (
                <Text span size="xs" c="dimmed" ms={4}>
                  {entry.subjectId}
                </Text>
              )}
            </Text>
          ) : (
            '—'
          )}
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={OUTCOME_COLOR[entry.outcome]} miw="max-content">
            {t(`audit.outcomes.${entry.outcome}`)}
          </Badge>
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={detailsId} hidden={!open}>
        <Table.Td colSpan={6} p={0}>
          <Collapse expanded={open}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} p="sm">
              <div>
                <Text size="xs" c="dimmed" fw={600}>
                  {t('audit.details')}
                </Text>
                <Code block dir="ltr">
                  {JSON.stringify(entry.details, null, 2)}
                </Code>
              </div>
              <div>
                <Text size="xs" c="dimmed" fw={600}>
                  {t('audit.requestId')}
                </Text>
                <Code dir="ltr">{entry.requestId ?? '—'}</Code>
                <Text size="xs" c="dimmed" fw={600} mt="xs">
                  {t('audit.sequence')}
                </Text>
                <Code dir="ltr">{fmt.number(entry.seq)}</Code>
                <Text size="xs" c="dimmed" fw={600} mt="xs">
                  {t('audit.hash')}
                </Text>
                <Code dir="ltr" style={{ wordBreak: 'break-all' }}>
                  {entry.hash ?? '—'}
                </Code>
              </div>
            </SimpleGrid>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}

/** The command that checks the trail against an anchor (a command, so the same in every language). */
const VERIFY_COMMAND = 'tansiq audit verify --anchor';

/**
 * The chain head as an anchor to copy and keep outside Tansiq: `tansiq audit verify --anchor` later shows
 * whether entries were cut off the end of the trail or it was rewritten after that point.
 */
function ChainAnchor() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const query = useAuditHead();
  const head = query.data?.head;
  if (!head) return null;
  return (
    <Paper withBorder p="md" mb="md" aria-labelledby="audit-anchor-title">
      <Title order={2} size="h5" id="audit-anchor-title">
        {t('audit.anchorTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('audit.anchorHelp')}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Code dir="ltr" data-testid="audit-anchor" style={{ wordBreak: 'break-all', flex: 1 }}>
          {head.anchor}
        </Code>
        <CopyButton value={head.anchor}>
          {({ copied, copy }) => (
            <Button size="xs" variant={copied ? 'filled' : 'light'} onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t('audit.anchorAsOf', { position: head.chainPos, time: dateTime(head.at) })}
      </Text>
      <Text size="xs" mt="xs">
        {t('audit.anchorCheck')}{' '}
        <Code dir="ltr" style={{ wordBreak: 'break-all' }}>
          {`${VERIFY_COMMAND} ${head.anchor}`}
        </Code>
      </Text>
    </Paper>
  );
}
