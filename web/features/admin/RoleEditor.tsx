import { ActionIcon, Button, Group, Input, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES } from '../../../common/permissions.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { localName, useFormat } from '../../lib/format.ts';
import { useVenues } from '../venues/api.ts';
import { roleLabel, roleNeedsVenue } from './labels.ts';

export interface RoleRow {
  role: string;
  venueId: string | null;
}

/** The roles of one user; roles that need a venue (venue managers) ask for it. */
export function RoleEditor({
  value,
  onChange,
  errors,
}: {
  value: RoleRow[];
  onChange: (rows: RoleRow[]) => void;
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const venues = useVenues();
  const venueOptions = (venues.data?.items ?? []).map((v) => ({ value: v.id, label: localName(fmt.locale, v) }));

  const setRow = (index: number, row: RoleRow) => onChange(value.map((r, i) => (i === index ? row : r)));

  return (
    <Input.Wrapper label={t('users.roles')} error={errors.roles} description={t('users.rolesHint')}>
      <Stack gap="xs" mt={4}>
        {value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('users.noRoles')}
          </Text>
        )}
        {value.map((row, index) => (
          <Group key={index} align="flex-start" gap="xs" wrap="wrap" data-testid="role-row">
            <Select
              aria-label={t('users.role')}
              placeholder={t('users.chooseRole')}
              value={row.role || null}
              onChange={(role) =>
                setRow(index, { role: role ?? '', venueId: role && roleNeedsVenue(role) ? row.venueId : null })
              }
              data={ROLE_NAMES.map((r) => ({ value: r, label: roleLabel(r, t) }))}
              error={errors[`roles.${index}.role`]}
              style={{ flex: '1 1 12rem' }}
            />
            {roleNeedsVenue(row.role) && (
              <Select
                aria-label={t('users.venue')}
                placeholder={t('users.chooseVenue')}
                value={row.venueId}
                onChange={(venueId) => setRow(index, { ...row, venueId })}
                data={venueOptions}
                error={errors[`roles.${index}.venueId`] ?? (row.venueId ? undefined : errors[`roles.${index}`])}
                style={{ flex: '1 1 12rem' }}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={t('users.removeRole')}
              onClick={() => onChange(value.filter((_, i) => i !== index))}
            >
              <span aria-hidden>×</span>
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button variant="light" size="xs" onClick={() => onChange([...value, { role: '', venueId: null }])}>
            {t('users.addRole')}
          </Button>
        </Group>
      </Stack>
    </Input.Wrapper>
  );
}

/** Client-side check the contract cannot express: a venue for the roles that need one, none for the others. */
export function roleVenueErrors(rows: RoleRow[], message: string): FieldErrors {
  const out: FieldErrors = {};
  rows.forEach((row, index) => {
    if (roleNeedsVenue(row.role) && !row.venueId) out[`roles.${index}.venueId`] = message;
  });
  return out;
}
