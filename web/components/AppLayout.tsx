import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import type { Permission } from '../../common/permissions.ts';
import { useCurrentUser, useSignOut } from '../features/auth/api.ts';
import { useOrganisationName } from '../features/organisations/api.ts';
import { can } from '../lib/permissions.ts';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';

interface NavItem {
  to: string;
  labelKey: string;
  permission?: Permission;
}

const OPERATION_NAV: NavItem[] = [
  { to: '/operations/board', labelKey: 'operations.nav.board', permission: 'incident:read' },
  { to: '/operations/report', labelKey: 'operations.nav.report', permission: 'incident:report' },
  { to: '/operations/incidents', labelKey: 'operations.nav.incidents', permission: 'incident:read' },
  { to: '/operations/assignments', labelKey: 'operations.nav.assignments', permission: 'incident:report' },
  { to: '/operations/gates', labelKey: 'operations.nav.gates', permission: 'telemetry:read' },
  { to: '/operations/alerts', labelKey: 'operations.nav.alerts', permission: 'alert:read' },
  { to: '/venues', labelKey: 'nav.venues', permission: 'venue:read' },
  { to: '/matches', labelKey: 'nav.matches', permission: 'match:read' },
  { to: '/organisations', labelKey: 'nav.organisations', permission: 'organisation:read' },
  { to: '/vetting/queue', labelKey: 'vetting.nav.queue', permission: 'vetting:read' },
  { to: '/vetting/screenings', labelKey: 'vetting.nav.screenings', permission: 'vetting:read' },
  { to: '/vetting/screen', labelKey: 'vetting.nav.screen', permission: 'vetting:screen' },
  { to: '/vetting/batches', labelKey: 'vetting.nav.batch', permission: 'vetting:screen' },
  { to: '/vetting/watchlists', labelKey: 'vetting.nav.watchlists', permission: 'watchlist:read' },
];

const WORKFORCE_NAV: NavItem[] = [
  { to: '/workforce/openings', labelKey: 'workforce.backoffice.openings', permission: 'opening:manage' },
  { to: '/workforce/applications', labelKey: 'workforce.backoffice.applications', permission: 'application:review' },
  { to: '/visa-cases', labelKey: 'accreditation.visa.nav', permission: 'visa:manage' },
  { to: '/accreditations', labelKey: 'accreditation.title', permission: 'accreditation:read' },
  { to: '/checkpoint', labelKey: 'accreditation.checkpoint.nav', permission: 'badge:verify' },
];

const ADMIN_NAV: NavItem[] = [
  { to: '/admin/users', labelKey: 'nav.users', permission: 'user:read' },
  { to: '/admin/api-tokens', labelKey: 'nav.apiTokens', permission: 'api_token:manage' },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit:read' },
];

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .slice(0, 2)
    .map((part) => part[0])
    .join('')
    .toUpperCase();
}

export function AppLayout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const me = useCurrentUser();
  const orgName = useOrganisationName(me.organisation);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  const visible = (items: NavItem[]) => items.filter((item) => !item.permission || can(me, item.permission));
  const operation = visible(OPERATION_NAV);
  const admin = visible(ADMIN_NAV);
  const workforce = visible(WORKFORCE_NAV);

  const renderItem = (item: NavItem) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={t(item.labelKey)}
      active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
      onClick={close}
    />
  );

  const onSignOut = () => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) });

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <UnstyledButton component={Link} to="/" aria-label={t('app.home')}>
              <Group gap={6} wrap="nowrap">
                <Text fw={800} size="lg" c="teal.8">
                  {t('app.name')}
                </Text>
                <Text size="sm" c="dimmed" visibleFrom="xs">
                  {t('app.nameOther')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <Menu position="bottom-end" width={240}>
              <Menu.Target>
                <UnstyledButton aria-label={t('nav.account')} data-testid="user-menu">
                  <Group gap="xs" wrap="nowrap">
                    <Avatar size="sm" color="teal" radius="xl">
                      {initials(me.name)}
                    </Avatar>
                    <Stack gap={0} visibleFrom="md">
                      <Text size="sm" fw={600} lh={1.2}>
                        {me.name}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {orgName}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  <Text size="sm" fw={600} c="dark">
                    {me.name}
                  </Text>
                  <Text size="xs">{orgName}</Text>
                </Menu.Label>
                <Menu.Divider />
                <Menu.Item component={Link} to="/profile">
                  {t('nav.profile')}
                </Menu.Item>
                <Menu.Item color="red" onClick={onSignOut} data-testid="sign-out">
                  {t('auth.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {operation.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" py={6}>
              {t('nav.operation')}
            </Text>
          )}
          {operation.map(renderItem)}
          {workforce.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6}>
              {t('workforce.backoffice.nav')}
            </Text>
          )}
          {workforce.map(renderItem)}
          {admin.length > 0 && (
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={6}>
              {t('nav.administration')}
            </Text>
          )}
          {admin.map(renderItem)}
        </AppShell.Section>
        <AppShell.Section>
          {renderItem({ to: '/profile', labelKey: 'nav.profile' })}
          <NavLink component="button" label={t('auth.signOut')} onClick={onSignOut} c="red" />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
