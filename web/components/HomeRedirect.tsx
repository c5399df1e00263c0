import { Navigate } from 'react-router';
import { useCurrentUser } from '../features/auth/api.ts';
import { can } from '../lib/permissions.ts';

/** The first page a user may see: the operation if they may read it, else their own profile. */
export function HomeRedirect() {
  const me = useCurrentUser();
  if (can(me, 'venue:read')) return <Navigate to="/venues" replace />;
  if (can(me, 'user:read')) return <Navigate to="/admin/users" replace />;
  if (can(me, 'audit:read')) return <Navigate to="/audit" replace />;
  return <Navigate to="/profile" replace />;
}
