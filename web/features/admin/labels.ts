import type { TFunction } from 'i18next';
import { PERMISSIONS, type Permission, ROLES, type Role } from '../../../common/permissions.ts';

export function roleLabel(role: string, t: TFunction): string {
  return t(`roles.${role}.name`, { defaultValue: role });
}

export function roleNeedsVenue(role: string): boolean {
  return role in ROLES && ROLES[role as Role].needsVenue;
}

export function permissionLabel(permission: string, t: TFunction): string {
  return t(`permissions.${permission.replace(':', '_')}.name`, { defaultValue: permission });
}

export function permissionDescription(permission: string, t: TFunction): string {
  const key = `permissions.${permission.replace(':', '_')}.description`;
  const text = t(key, { defaultValue: key });
  if (text !== key) return text;
  // A permission added by a module before its catalog entry: its English description beats nothing.
  return permission in PERMISSIONS ? PERMISSIONS[permission as Permission].description : '';
}
