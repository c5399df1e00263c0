/** Shared pieces of route schemas for the OpenAPI description. */
import { z } from 'zod';
import { Problem } from '../../../common/contracts/common.ts';

// Shared schemas become named components (`#/components/schemas/…`) instead of being repeated per route.
if (!z.globalRegistry.has(Problem)) z.globalRegistry.add(Problem, { id: 'Problem' });

/** The problem+json answers any route may give (documented once, used by every route). */
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  429: Problem,
} as const;
