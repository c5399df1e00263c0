import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '../../../common/contracts/platform.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { Pager } from '../../components/Pager.tsx';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { toUserMessage } from '../../lib/api.ts';
import { localName, useFormat } from '../../lib/format.ts';
import { useCursorPager } from '../../lib/pagination.ts';
import { useAllOrganisations } from '../organisations/api.ts';
import { useApiTokens, useRevokeApiToken } from './api.ts';
import { CreateTokenModal } from './CreateTokenModal.tsx';
import { permissionLabel } from './labels.ts';

export function tokenStatus(token: ApiToken, now = Date.now()): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}

const STATUS_COLOR = { active: 'teal', expired: 'orange', revoked: 'gray' } as const;

export function ApiTokensPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(reset, [organisationId, includeRevoked]);
  const organisations = useAllOrganisations();
  const query = useApiTokens({ organisationId: organisationId ?? undefined, includeRevoked, cursor: pager.cursor });
  const [createOpened, createModal] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        subtitle={t('tokens.subtitle')}
        actions={<Button onClick={createModal.open}>{t('tokens.create')}</Button>}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mb="md">
        <Select
          label={t('tokens.organisation')}
          placeholder={t('common.all')}
          clearable
          searchable
          value={organisationId}
          onChange={setOrganisationId}
          data={(organisations.data ?? []).map((o) => ({ value: o.id, label: localName(fmt.locale, o) }))}
        />
        <Switch
          mt={{ base: 0, sm: 30 }}
          label={t('tokens.includeRevoked')}
          checked={includeRevoked}
          onChange={(e) => setIncludeRevoked(e.currentTarget.checked)}
        />
      </SimpleGrid>
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={<Empty title={t('tokens.empty')} description={t('tokens.emptyHint')} />}>
        {(page) => (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table striped aria-busy={query.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('tokens.name')}</Table.Th>
                    <Table.Th>{t('tokens.organisation')}</Table.Th>
                    <Table.Th>{t('tokens.prefix')}</Table.Th>
                    <Table.Th>{t('tokens.permissions')}</Table.Th>
                    <Table.Th>{t('tokens.dates')}</Table.Th>
                    <Table.Th>{t('tokens.status')}</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.items.map((token) => {
                    const status = tokenStatus(token);
                    return (
                      <Table.Tr key={token.id}>
                        <Table.Td fw={600}>{token.name}</Table.Td>
                        <Table.Td>
                          {(() => {
                            const org = organisations.data?.find((o) => o.id === token.organisationId);
                            return org ? localName(fmt.locale, org) : token.organisationName;
                          })()}
                        </Table.Td>
                        <Table.Td>
                          <Text component="code" size="sm" dir="ltr">
                            {token.prefix}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4}>
                            {token.permissions.map((p) => (
                              <Badge key={p} size="xs" variant="outline">
                                {permissionLabel(p, t)}
                              </Badge>
                            ))}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Text size="xs">{t('tokens.createdOn', { date: fmt.date(token.createdAt) })}</Text>
                          <Text size="xs" c="dimmed">
                            {token.expiresAt ? t('tokens.expiresOn', { date: fmt.dateTime(token.expiresAt) }) : t('tokens.noExpiry')}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {token.lastUsedAt ? t('tokens.lastUsed', { date: fmt.dateTime(token.lastUsedAt) }) : t('tokens.neverUsed')}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLOR[status]} variant="light" miw="max-content">
                            {t(`tokens.statuses.${status}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {status !== 'revoked' && (
                            <Button size="xs" color="red" variant="subtle" onClick={() => setRevoking(token)}>
                              {t('tokens.revoke')}
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager pager={pager} nextCursor={page.nextCursor} busy={query.isFetching} />
          </>
        )}
      </QueryState>
      <CreateTokenModal opened={createOpened} onClose={createModal.close} organisations={organisations.data ?? []} />
      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function RevokeModal({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  const { reset } = revoke;
  useEffect(() => reset(), [token, reset]);
  return (
    <Modal opened={token !== null} onClose={onClose} title={t('tokens.revokeTitle')} centered>
      {token && (
        <Stack>
          <Text size="sm">{t('tokens.revokeConfirm', { name: token.name })}</Text>
          {revoke.isError && <FormAlert message={toUserMessage(revoke.error, t)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: t('tokens.revoked') });
                    onClose();
                  },
                })
              }
            >
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
