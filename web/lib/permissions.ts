/** What the signed-in user may see and do, from `Me.permissions` (the server enforces it anyway). */
import type { Me } from '../../common/contracts/platform.ts';
import type { Permission } from '../../common/permissions.ts';

export function can(me: Me | null | undefined, permission: Permission, venueId?: string): boolean {
  if (!me) return false;
  return me.permissions.some(
    (p) =>
      p.permission === permission &&
      (venueId === undefined || p.scope !== 'venue' || p.venueIds.includes(venueId)),
  );
}
