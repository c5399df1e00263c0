import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../common/permissions.ts';
import { useMe } from '../features/auth/api.ts';
import { can } from '../lib/permissions.ts';
import { ErrorState, LoadingState } from './QueryState.tsx';
import { NotPermitted } from './NotPermitted.tsx';

/** Signed-out visitors go to the sign-in page, and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <LoadingState />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (!can(me.data, permission)) return <NotPermitted />;
  return <>{children}</>;
}
