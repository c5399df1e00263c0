import { Anchor, AppShell, Button, Container, Group, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { usePortalMe, usePortalSignOut } from './api.ts';

/** The public portal's frame: the applicant's navigation, no staff shell. Mobile first. */
export function PortalLayout() {
  const { t } = useTranslation();
  const me = usePortalMe();
  const signOut = usePortalSignOut();
  const navigate = useNavigate();
  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <UnstyledButton component={Link} to="/portal" aria-label={t('workforce.portal.openings')}>
            <Text fw={800} size="lg" c="teal.8">
              {t('app.name')}
            </Text>
          </UnstyledButton>
          <LanguageSwitcher />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="md" px={0}>
          <Group component="nav" aria-label={t('workforce.portal.openings')} gap="md" mb="md" wrap="wrap">
            <Anchor component={Link} to="/portal" size="sm">
              {t('workforce.portal.openings')}
            </Anchor>
            {me.data ? (
              <>
                <Anchor component={Link} to="/portal/applications" size="sm" data-testid="my-applications">
                  {t('workforce.portal.myApplications')}
                </Anchor>
                <Button size="compact-sm" variant="subtle" color="gray" onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/portal') })}>
                  {t('workforce.portal.signOut')}
                </Button>
              </>
            ) : (
              <>
                <Anchor component={Link} to="/portal/sign-in" size="sm">
                  {t('workforce.portal.signIn')}
                </Anchor>
                <Anchor component={Link} to="/portal/register" size="sm">
                  {t('workforce.portal.register')}
                </Anchor>
              </>
            )}
          </Group>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
