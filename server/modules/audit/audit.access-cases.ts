import type { AccessCase } from '../../../test/access-cases.ts';

export const accessCases: AccessCase[] = [
  { method: 'GET', route: '/api/audit', url: () => '/api/audit', forbiddenFor: ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'admin'] },
  { method: 'GET', route: '/api/audit/head', url: () => '/api/audit/head', forbiddenFor: ['commander', 'partner', 'venue', 'officer', 'analyst', 'accreditation', 'visa', 'employer', 'admin'] },
];
