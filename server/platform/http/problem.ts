/** Turns any error into an RFC 9457 problem: AppErrors as they are, framework errors by kind, the rest as a bare 500. */
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem } from '../../../common/contracts/common.ts';
import { AppError, ERROR_STATUS, type ErrorCode, type FieldError } from '../errors.ts';

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemReply {
  problem: Problem;
  headers: Record<string, string>;
}

export function toProblem(err: unknown, requestId: string): ProblemReply {
  const app = toAppError(err);
  const status = ERROR_STATUS[app.code];
  return {
    problem: {
      type: `https://tansiq.org/problems/${app.code.replace(/\./g, '/')}`,
      title: TITLES[status] ?? 'Error',
      status,
      code: app.code,
      detail: app.detail,
      requestId,
      ...(app.options.errors ? { errors: app.options.errors } : {}),
    },
    headers: app.options.headers ?? {},
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? 'body';
    const errors: FieldError[] = err.validation.map((v) => ({
      path: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'Invalid value',
    }));
    return new AppError('request.invalid', `The request ${where} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, { errors });
  }
  const fe = err as Partial<FastifyError>;
  const byCode: Record<string, [ErrorCode, string]> = {
    FST_ERR_CTP_INVALID_JSON_BODY: ['request.malformed_json', 'The body is not valid JSON'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['request.malformed_json', 'The body is empty but the Content-Type says JSON'],
    FST_ERR_CTP_BODY_TOO_LARGE: ['request.too_large', 'The body is larger than this server accepts'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['request.unsupported_media_type', 'This Content-Type is not supported; send application/json'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['request.invalid', 'The Content-Length does not match the body'],
  };
  const known = fe.code ? byCode[fe.code] : undefined;
  if (known) return new AppError(known[0], known[1]);
  // JSON.parse failures raised by the body parser carry statusCode 400 without a code.
  if (err instanceof SyntaxError && fe.statusCode === 400) return new AppError('request.malformed_json', 'The body is not valid JSON');
  if (fe.statusCode === 413) return new AppError('request.too_large', 'The body is larger than this server accepts');
  if (fe.statusCode === 415) return new AppError('request.unsupported_media_type', 'This Content-Type is not supported');
  if (fe.statusCode === 429) return new AppError('request.rate_limited', 'Too many requests; try again later');
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('request.invalid', 'The request is invalid');
  }
  return new AppError('internal.error', 'Something went wrong on our side. The request id identifies it in our logs.', { cause: err });
}
