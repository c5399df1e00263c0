import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import type { ApplicantStage } from '../../../common/contracts/workforce.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { Empty, LoadingState, QueryState } from '../../components/QueryState.tsx';
import { useFormat, useLocale } from '../../lib/format.ts';
import { exportUrl, localText, useEraseMyData, useMyApplications, usePortalMe, wfMessage } from './api.ts';

export const STAGE_COLOR: Record<ApplicantStage, string> = {
  draft: 'gray',
  under_review: 'blue',
  shortlisted: 'cyan',
  accepted: 'teal',
  not_selected: 'gray',
  withdrawn: 'gray',
  accredited: 'green',
  accreditation_suspended: 'orange',
  accreditation_revoked: 'red',
};

/** Sends signed-out visitors to the portal sign-in, and back here afterwards. */
export function RequireApplicant({ children }: { children: React.ReactNode }) {
  const me = usePortalMe();
  if (me.isPending) return <LoadingState />;
  if (!me.data) return <Navigate to={`/portal/sign-in?next=${encodeURIComponent(window.location.pathname)}`} replace />;
  return <>{children}</>;
}

export function MyApplicationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const locale = useLocale();
  const mine = useMyApplications();
  const erase = useEraseMyData();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('workforce.mine.title')}
      </Title>
      <QueryState
        query={mine}
        isEmpty={(d) => d.length === 0}
        empty={<Empty title={t('workforce.mine.empty')} description={t('workforce.mine.emptyHint')} action={<Button component={Link} to="/portal">{t('workforce.mine.browse')}</Button>} />}
      >
        {(apps) => (
          <Stack gap="sm">
            {apps.map((a) => (
              <Card key={a.id} withBorder component="article">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2}>
                    <Anchor component={Link} to={`/portal/applications/${a.id}`} fw={700}>
                      {localText(a.opening.title, locale)}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {a.opening.organisationName} · {fmt.date(a.updatedAt)}
                    </Text>
                  </Stack>
                  <Badge color={STAGE_COLOR[a.stage]} data-testid="stage">
                    {t(`workforce.stage.${a.stage}`)}
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('workforce.mine.myData')}
          </Title>
          <Group>
            <Button component="a" href={exportUrl} variant="light" download>
              {t('workforce.mine.download')}
            </Button>
            <Button color="red" variant="subtle" onClick={open}>
              {t('workforce.mine.erase')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Modal opened={opened} onClose={close} title={t('workforce.mine.eraseConfirmTitle')}>
        <Stack>
          <Text size="sm">{t('workforce.mine.eraseConfirmText')}</Text>
          <FormAlert message={erase.error ? wfMessage(erase.error, t) : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={erase.isPending} onClick={() => erase.mutate(undefined, { onSuccess: () => { close(); notifications.show({ message: t('workforce.mine.erased') }); void navigate('/portal'); } })}>
              {t('workforce.mine.eraseConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
