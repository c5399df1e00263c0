import type { AccessCase } from '../../../test/access-cases.ts';

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/audit', url: () => '/api/audit', forbiddenFor: ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'admin'] },
];
