import { z } from 'zod';

/** RFC 9457 problem details, as every error of the API answers (`application/problem+json`). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('Stable, namespaced error code, e.g. `auth.invalid_credentials`'),
  detail: z.string(),
  requestId: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('Field-level problems for `request.invalid`'),
});
export type Problem = z.infer<typeof Problem>;

export const Id = z.uuid();

/** Every list endpoint answers `{ items, nextCursor }`; pass `nextCursor` back as `cursor` for the next page. */
export function Page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const PageQuery = z.strictObject({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const IdParams = z.strictObject({ id: Id });

export const Locale = z.enum(['ar', 'fr', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Country as ISO 3166-1 alpha-2. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code, e.g. QA');
