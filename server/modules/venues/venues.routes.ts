import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, Page } from '../../../common/contracts/common.ts';
import { Match, MatchQuery, UpdateMatchBody, UpdateVenueBody, Venue, VenueQuery } from '../../../common/contracts/platform.ts';
import { problemResponses } from '../../platform/http/openapi.ts';
import type { VenuesService } from './venues.service.ts';

export function venuesRoutes(service: VenuesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/venues', {
      config: { access: 'venue:read' },
      schema: { tags: ['operation'], summary: 'List venues', querystring: VenueQuery, response: { 200: Page(Venue), ...problemResponses } },
    }, async (req) => service.listVenues(req.ctx(), req.query));

    app.get('/api/venues/:id', {
      config: { access: 'venue:read' },
      schema: { tags: ['operation'], summary: 'Read a venue', params: IdParams, response: { 200: Venue, ...problemResponses } },
    }, async (req) => service.getVenue(req.ctx(), req.params.id));

    app.patch('/api/venues/:id', {
      config: { access: 'venue:update' },
      schema: { tags: ['operation'], summary: "Edit a venue (venue managers: their venue only)", params: IdParams, body: UpdateVenueBody, response: { 200: Venue, ...problemResponses } },
    }, async (req) => service.updateVenue(req.ctx(), req.params.id, req.body));

    app.get('/api/matches', {
      config: { access: 'match:read' },
      schema: { tags: ['operation'], summary: 'List matches (filters venueId, from, to, stage, q)', querystring: MatchQuery, response: { 200: Page(Match), ...problemResponses } },
    }, async (req) => service.listMatches(req.ctx(), req.query));

    app.get('/api/matches/:id', {
      config: { access: 'match:read' },
      schema: { tags: ['operation'], summary: 'Read a match', params: IdParams, response: { 200: Match, ...problemResponses } },
    }, async (req) => service.getMatch(req.ctx(), req.params.id));

    app.patch('/api/matches/:id', {
      config: { access: 'match:update' },
      schema: { tags: ['operation'], summary: "Set a match's expected attendance and risk category", params: IdParams, body: UpdateMatchBody, response: { 200: Match, ...problemResponses } },
    }, async (req) => service.updateMatch(req.ctx(), req.params.id, req.body));
  };
}
