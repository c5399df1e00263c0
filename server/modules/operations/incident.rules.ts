/**
 * The rules of an incident, in one place: its lifecycle (which moves exist and who may make them) and who
 * may see it. Pure: no I/O, no framework; `incident.rules.test.ts` checks every move for every kind of actor.
 */
import type { IncidentCategory, IncidentStatus } from '../../../common/contracts/operations.ts';
import { type Actor, can } from '../../platform/access.ts';

/** What an actor is to one incident: someone who triages its venue, and/or a person dispatched to it. */
export type Capacity = 'triage' | 'assignee';

export interface Move {
  from: IncidentStatus;
  to: IncidentStatus;
  by: readonly Capacity[];
  /** A reopen: a finished incident goes back to work. */
  reopen?: boolean;
  /** The move needs someone dispatched first. */
  needsAssignment?: boolean;
}

/**
 * reported → acknowledged → dispatched → on scene → resolved → closed, with reopen. Command and the venue's
 * manager (triage) make every move; the people dispatched report their own arrival and the resolution.
 * An incident handled without dispatch (e.g. a false alarm) may go from acknowledged straight to resolved.
 */
export const MOVES: readonly Move[] = [
  { from: 'reported', to: 'acknowledged', by: ['triage'] },
  { from: 'acknowledged', to: 'dispatched', by: ['triage'], needsAssignment: true },
  { from: 'acknowledged', to: 'resolved', by: ['triage'] },
  { from: 'dispatched', to: 'on_scene', by: ['triage', 'assignee'] },
  { from: 'dispatched', to: 'resolved', by: ['triage'] },
  { from: 'on_scene', to: 'resolved', by: ['triage', 'assignee'] },
  { from: 'resolved', to: 'closed', by: ['triage'] },
  { from: 'resolved', to: 'acknowledged', by: ['triage'], reopen: true },
  { from: 'closed', to: 'acknowledged', by: ['triage'], reopen: true },
];

export const OPEN_STATUSES: readonly IncidentStatus[] = ['reported', 'acknowledged', 'dispatched', 'on_scene'];

export type MoveVerdict = { ok: true; move: Move } | { ok: false; reason: 'no_such_move' | 'not_yours' | 'needs_assignment' };

/** Whether `capacities` may move an incident from `from` to `to`. */
export function checkMove(from: IncidentStatus, to: IncidentStatus, capacities: ReadonlySet<Capacity>, hasAssignment: boolean): MoveVerdict {
  const move = MOVES.find((m) => m.from === from && m.to === to);
  if (!move) return { ok: false, reason: 'no_such_move' };
  if (!move.by.some((c) => capacities.has(c))) return { ok: false, reason: 'not_yours' };
  if (move.needsAssignment && !hasAssignment) return { ok: false, reason: 'needs_assignment' };
  return { ok: true, move };
}

/** The moves these capacities may make from a status (for the buttons the app shows). */
export function movesFrom(from: IncidentStatus, capacities: ReadonlySet<Capacity>, hasAssignment: boolean): IncidentStatus[] {
  return MOVES.filter((m) => m.from === from && checkMove(from, m.to, capacities, hasAssignment).ok).map((m) => m.to);
}

/** Terrorist threats are always restricted; command may restrict any other incident. */
export function isRestricted(category: IncidentCategory, markedRestricted: boolean): boolean {
  return category === 'terrorist_threat' || markedRestricted;
}

/**
 * Who may restrict an incident after it was reported, or lift the restriction: those who would still see it
 * restricted (command and intelligence), and never on a terrorist threat, which stays restricted.
 */
export function canRestrict(actor: Actor, category: IncidentCategory, venueId: string): boolean {
  return category !== 'terrorist_threat' && can(actor, 'incident:read_restricted', { venueId });
}

/** What decides who sees an incident; carried by its live events too, so the stream filters without reading tables. */
export interface IncidentAudience {
  venueId: string;
  /** The reporting organisation and the organisations of the people dispatched. */
  organisationIds: string[];
  restricted: boolean;
  /** Accounts of the people dispatched to it. */
  assigneeUserIds: string[];
}

/**
 * Who sees an incident: those who read incidents of its venue (operation-wide for command and analysts,
 * their venue for venue managers and officers) or of an organisation involved (a partner commander's
 * contingent). A restricted incident also needs `incident:read_restricted` (command and intelligence).
 * A person dispatched to an incident always sees it: command chose to tell them.
 */
export function canSeeIncident(actor: Actor, a: IncidentAudience): boolean {
  if (actor.kind === 'user' && a.assigneeUserIds.includes(actor.id)) return true;
  const readable = can(actor, 'incident:read', { venueId: a.venueId }) || a.organisationIds.some((o) => can(actor, 'incident:read', { organisationId: o }));
  if (!readable) return false;
  return !a.restricted || can(actor, 'incident:read_restricted', { venueId: a.venueId });
}

/** The capacities an actor has on one incident. */
export function capacitiesOf(actor: Actor, venueId: string, assigneeUserIds: readonly string[]): Set<Capacity> {
  const out = new Set<Capacity>();
  if (can(actor, 'incident:triage', { venueId })) out.add('triage');
  if (actor.kind === 'user' && assigneeUserIds.includes(actor.id)) out.add('assignee');
  return out;
}
