import type { Me } from '../../common/contracts/platform.ts';

export const ORG_ID = '0b8f6a52-3f0e-4c39-9a57-2b1d1c7d4a11';

export function makeMe(overrides: Partial<Me> = {}): Me {
  return {
    id: '5a1c3c0e-8d7f-4b1e-9a51-0e6f2b7c9d10',
    email: 'admin@demo.tansiq.org',
    name: 'Administrator (demo)',
    locale: null,
    organisation: { id: ORG_ID, name: 'Ministry of Interior', kind: 'host_agency' },
    roles: [{ role: 'admin', venueId: null }],
    permissions: [
      { permission: 'organisation:read', scope: 'operation', venueIds: [] },
      { permission: 'venue:read', scope: 'operation', venueIds: [] },
      { permission: 'user:read', scope: 'operation', venueIds: [] },
      { permission: 'user:manage', scope: 'operation', venueIds: [] },
    ],
    ...overrides,
  };
}
