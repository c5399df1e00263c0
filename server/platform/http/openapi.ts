/** Shared pieces of route schemas for the OpenAPI description. */
import { Problem } from '../../../common/contracts/common.ts';

/** The problem+json answers any route may give (documented once, used by every route). */
export const problemResponses = {
  400: Problem,
  401: Problem,
  403: Problem,
  404: Problem,
  409: Problem,
  429: Problem,
} as const;
