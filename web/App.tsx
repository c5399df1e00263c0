import { DirectionProvider, MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout.tsx';
import { NotFound } from './components/NotPermitted.tsx';
import { RequireAuth, RequirePermission } from './components/RequireAuth.tsx';
import { ApiTokensPage } from './features/admin/ApiTokensPage.tsx';
import { UserCreatePage } from './features/admin/UserCreatePage.tsx';
import { UserDetailPage } from './features/admin/UserDetailPage.tsx';
import { UsersPage } from './features/admin/UsersPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { meKey } from './features/auth/api.ts';
import { SignInPage } from './features/auth/SignInPage.tsx';
import { MatchDetailPage } from './features/matches/MatchDetailPage.tsx';
import { MatchCrowdPage } from './features/crowd/MatchCrowdPage.tsx';
import { VenuePlanPage } from './features/crowd/VenuePlanPage.tsx';
import { MatchesPage } from './features/matches/MatchesPage.tsx';
import { OrganisationDetailPage } from './features/organisations/OrganisationDetailPage.tsx';
import { OrganisationCreatePage, OrganisationEditPage } from './features/organisations/OrganisationFormPage.tsx';
import { OrganisationsPage } from './features/organisations/OrganisationsPage.tsx';
import { ProfilePage } from './features/profile/ProfilePage.tsx';
import { AlertDraftPage, AlertsPage } from './features/operations/AlertsPage.tsx';
import { AssignmentsPage } from './features/operations/AssignmentsPage.tsx';
import { BoardPage } from './features/operations/BoardPage.tsx';
import { GatesPage } from './features/operations/GatesPage.tsx';
import { IncidentDetailPage } from './features/operations/IncidentDetailPage.tsx';
import { IncidentsPage } from './features/operations/IncidentsPage.tsx';
import { ReportPage } from './features/operations/ReportPage.tsx';
import { VenueDetailPage } from './features/venues/VenueDetailPage.tsx';
import { VenuesPage } from './features/venues/VenuesPage.tsx';
import { BatchPage } from './features/vetting/BatchPage.tsx';
import { HitPage } from './features/vetting/HitPage.tsx';
import { QueuePage } from './features/vetting/QueuePage.tsx';
import { ScreeningPage, ScreeningsPage } from './features/vetting/ScreeningsPage.tsx';
import { ScreenPersonPage } from './features/vetting/ScreenPersonPage.tsx';
import { WatchlistPage, WatchlistsPage } from './features/vetting/WatchlistsPage.tsx';
import { HomeRedirect } from './components/HomeRedirect.tsx';
import { CheckpointPage } from './features/accreditation/CheckpointPage.tsx';
import { AccreditationsPage, VisaCasesPage } from './features/accreditation/OfficerPages.tsx';
import { ConfirmEmailPage, PortalSignInPage, RegisterPage } from './features/workforce/AccountPages.tsx';
import { ApplicationPage } from './features/workforce/ApplicationPage.tsx';
import { ApplicationDetailPage, ApplicationsPage, ManageOpeningsPage } from './features/workforce/BackOfficePages.tsx';
import { MailboxPage } from './features/workforce/MailboxPage.tsx';
import { MyApplicationsPage, RequireApplicant } from './features/workforce/MyApplicationsPage.tsx';
import { OpeningDetailPage, OpeningsPage } from './features/workforce/OpeningsPage.tsx';
import { PortalLayout } from './features/workforce/PortalLayout.tsx';
import { directionOf, isLocale } from './i18n/index.ts';
import { setUnauthenticatedHandler } from './lib/api.ts';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Tahoma, "DejaVu Sans", sans-serif',
  defaultRadius: 'md',
});

/** A 401 on any request means the session is gone: forget the user, and `RequireAuth` sends them to sign in. */
function SessionWatch() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      if (queryClient.getQueryData(meKey)) {
        queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
        queryClient.setQueryData(meKey, null);
      }
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient]);
  return null;
}

export function AppRoutes() {
  const guarded = (permission: Parameters<typeof RequirePermission>[0]['permission'], element: React.ReactNode) => (
    <RequirePermission permission={permission}>{element}</RequirePermission>
  );
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* The public portal of workers and volunteers, and the checkpoint (works offline): outside the staff shell. */}
      <Route path="/portal" element={<PortalLayout />}>
        <Route index element={<OpeningsPage />} />
        <Route path="openings/:id" element={<OpeningDetailPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="confirm" element={<ConfirmEmailPage />} />
        <Route path="sign-in" element={<PortalSignInPage />} />
        <Route path="applications" element={<RequireApplicant><MyApplicationsPage /></RequireApplicant>} />
        <Route path="applications/:id" element={<RequireApplicant><ApplicationPage /></RequireApplicant>} />
      </Route>
      <Route path="/dev/mailbox" element={<PortalLayout />}>
        <Route index element={<MailboxPage />} />
      </Route>
      <Route path="/checkpoint" element={<CheckpointPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="organisations" element={guarded('organisation:read', <OrganisationsPage />)} />
        <Route path="organisations/new" element={guarded('organisation:manage', <OrganisationCreatePage />)} />
        <Route path="organisations/:id" element={guarded('organisation:read', <OrganisationDetailPage />)} />
        <Route path="organisations/:id/edit" element={guarded('organisation:manage', <OrganisationEditPage />)} />
        <Route path="venues" element={guarded('venue:read', <VenuesPage />)} />
        <Route path="venues/:id" element={guarded('venue:read', <VenueDetailPage />)} />
        <Route path="venues/:id/plan" element={guarded('crowd_plan:read', <VenuePlanPage />)} />
        <Route path="matches" element={guarded('match:read', <MatchesPage />)} />
        <Route path="matches/:id" element={guarded('match:read', <MatchDetailPage />)} />
        <Route path="matches/:id/crowd" element={guarded('crowd_run:read', <MatchCrowdPage />)} />
        <Route path="admin/users" element={guarded('user:read', <UsersPage />)} />
        <Route path="admin/users/new" element={guarded('user:manage', <UserCreatePage />)} />
        <Route path="admin/users/:id" element={guarded('user:read', <UserDetailPage />)} />
        <Route path="admin/api-tokens" element={guarded('api_token:manage', <ApiTokensPage />)} />
        <Route path="audit" element={guarded('audit:read', <AuditPage />)} />
        <Route path="workforce/openings" element={guarded('opening:manage', <ManageOpeningsPage />)} />
        <Route path="workforce/applications" element={guarded('application:review', <ApplicationsPage />)} />
        <Route path="workforce/applications/:id" element={guarded('application:review', <ApplicationDetailPage />)} />
        <Route path="visa-cases" element={guarded('visa:manage', <VisaCasesPage />)} />
        <Route path="accreditations" element={guarded('accreditation:read', <AccreditationsPage />)} />
        <Route path="vetting/queue" element={guarded('vetting:read', <QueuePage />)} />
        <Route path="vetting/hits/:id" element={guarded('vetting:read', <HitPage />)} />
        <Route path="vetting/screenings" element={guarded('vetting:read', <ScreeningsPage />)} />
        <Route path="vetting/screenings/:id" element={guarded('vetting:read', <ScreeningPage />)} />
        <Route path="vetting/screen" element={guarded('vetting:screen', <ScreenPersonPage />)} />
        <Route path="vetting/batches" element={guarded('vetting:screen', <BatchPage />)} />
        <Route path="vetting/watchlists" element={guarded('watchlist:read', <WatchlistsPage />)} />
        <Route path="vetting/watchlists/:id" element={guarded('watchlist:read', <WatchlistPage />)} />
        <Route path="operations/board" element={guarded('incident:read', <BoardPage />)} />
        <Route path="operations/board/:venueId" element={guarded('incident:read', <BoardPage />)} />
        <Route path="operations/report" element={guarded('incident:report', <ReportPage />)} />
        <Route path="operations/incidents" element={guarded('incident:read', <IncidentsPage />)} />
        <Route path="operations/incidents/:id" element={guarded('incident:read', <IncidentDetailPage />)} />
        <Route path="operations/assignments" element={<AssignmentsPage />} />
        <Route path="operations/gates" element={guarded('telemetry:read', <GatesPage />)} />
        <Route path="operations/alerts" element={guarded('alert:read', <AlertsPage />)} />
        <Route path="operations/alerts/new" element={guarded('alert:draft', <AlertDraftPage />)} />
        <Route path="profile" element={<ProfilePage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function AppProviders({ queryClient, i18n, children }: { queryClient: QueryClient; i18n: I18n; children: React.ReactNode }) {
  const lng = isLocale(i18n.language) ? i18n.language : 'en';
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={directionOf(lng)}>
          <MantineProvider theme={theme}>
            <Notifications position="top-center" />
            <SessionWatch />
            {children}
          </MantineProvider>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function App({ queryClient, i18n }: { queryClient: QueryClient; i18n: I18n }) {
  return (
    <AppProviders queryClient={queryClient} i18n={i18n}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
