import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Page } from '../../../common/contracts/common.ts';
import { AuditEntry, AuditHead, AuditQuery } from '../../../common/contracts/platform.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { AuditService } from './audit.service.ts';

export function auditRoutes(service: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/audit', {
      config: { access: 'audit:read' },
      schema: { tags: ['audit'], summary: 'Read the audit trail, newest first', querystring: AuditQuery, response: { 200: Page(AuditEntry), ...problemResponses } },
    }, async (req) => service.list(req.ctx(), req.query));
    app.get('/api/audit/head', {
      config: { access: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The last entry of the hash chain, as an anchor to keep outside Tansiq (checked by `tansiq audit verify --anchor`)',
        response: { 200: AuditHead, ...problemResponses },
      },
    }, async (req) => service.head(req.ctx()));
  };
}
