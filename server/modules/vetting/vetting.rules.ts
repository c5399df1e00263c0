/**
 * The vetting workflow's rules, pure: how an officer's decision moves a hit (with the four-eyes rule for
 * confirmed matches), what state a subject is in given its hits, and what a re-screening does with a
 * hit it finds again. No I/O: the service loads, applies these, and writes.
 */
import type { HitDecisionKind, HitStatus, VettingState } from '../../../common/contracts/vetting.ts';

/** Statuses that wait for an officer: they make up the queue. */
export const WAITING_STATUSES: readonly HitStatus[] = ['open', 'escalated', 'pending_confirmation'];

export const isWaiting = (s: HitStatus): boolean => WAITING_STATUSES.includes(s);

/** Statuses after which a hit takes no decision. */
export const isClosed = (s: HitStatus): boolean => s === 'false_positive' || s === 'confirmed' || s === 'withdrawn';

export interface HitState {
  status: HitStatus;
  /** The officer who proposed a confirmed match, while it waits for a second officer. */
  proposedBy: string | null;
}

export type DecisionVerdict =
  | { ok: true; next: HitState }
  | { ok: false; reason: 'hit_closed' | 'invalid_decision' | 'same_officer' };

/**
 * Applies an officer's decision to a hit.
 * - `false_positive` clears the hit; `possible_match` escalates it for further review.
 * - `confirmed_match` needs four eyes: the first officer's proposal puts the hit in
 *   `pending_confirmation`; only a different officer's `confirmed_match` makes it `confirmed`.
 * - While a confirmation is pending, any other decision (by either officer) sends the hit back to
 *   `escalated`: a disagreement on a possible terrorist match is resolved by more review, never by the
 *   dissenting officer alone.
 */
export function decide(hit: HitState, decision: HitDecisionKind, officerId: string): DecisionVerdict {
  if (isClosed(hit.status)) return { ok: false, reason: 'hit_closed' };
  if (hit.status === 'pending_confirmation') {
    if (decision === 'confirmed_match') {
      if (hit.proposedBy === officerId) return { ok: false, reason: 'same_officer' };
      return { ok: true, next: { status: 'confirmed', proposedBy: hit.proposedBy } };
    }
    return { ok: true, next: { status: 'escalated', proposedBy: null } };
  }
  switch (decision) {
    case 'false_positive':
      return { ok: true, next: { status: 'false_positive', proposedBy: null } };
    case 'possible_match':
      if (hit.status === 'escalated') return { ok: false, reason: 'invalid_decision' };
      return { ok: true, next: { status: 'escalated', proposedBy: null } };
    case 'confirmed_match':
      return { ok: true, next: { status: 'pending_confirmation', proposedBy: officerId } };
  }
}

/**
 * A subject's vetting state from its current screening: `refused` once any hit is confirmed;
 * `hit_under_review` while any hit waits for an officer; `cleared` when it was compared with at least
 * one list and nothing waits; `pending` when no list was active to compare it with.
 */
export function subjectState(hitStatuses: readonly HitStatus[], listsScreened: number): VettingState {
  if (hitStatuses.includes('confirmed')) return 'refused';
  if (hitStatuses.some(isWaiting)) return 'hit_under_review';
  return listsScreened > 0 ? 'cleared' : 'pending';
}

export interface KnownHit {
  id: string;
  /** The list entry row (one content of one reference) the hit was found on. */
  entryId: string;
  status: HitStatus;
}

export type RescreenAction = { kind: 'insert' } | { kind: 'update'; hitId: string } | { kind: 'skip' };

/**
 * What to do when screening finds a subject again on a list reference it already has hits for:
 * the same entry content found again creates nothing (no duplicate); a waiting hit is updated to the new
 * content of the entry; a confirmed match stays as it is; otherwise (never hit, or cleared as a false
 * positive on the earlier content) a new hit goes to the queue.
 */
export function onFoundAgain(known: readonly KnownHit[], entryId: string): RescreenAction {
  if (known.some((h) => h.entryId === entryId)) return { kind: 'skip' };
  if (known.some((h) => h.status === 'confirmed')) return { kind: 'skip' };
  const waiting = known.find((h) => isWaiting(h.status));
  if (waiting) return { kind: 'update', hitId: waiting.id };
  return { kind: 'insert' };
}

/**
 * Waiting hits to withdraw after a list change: those on references removed from the list, and those on
 * references whose changed entry no longer matches the subject.
 */
export function hitsToWithdraw(known: readonly (KnownHit & { sourceRef: string })[], removedRefs: ReadonlySet<string>, rescreenedRefs: ReadonlySet<string>, stillHitRefs: ReadonlySet<string>): string[] {
  return known
    .filter((h) => isWaiting(h.status) && (removedRefs.has(h.sourceRef) || (rescreenedRefs.has(h.sourceRef) && !stillHitRefs.has(h.sourceRef))))
    .map((h) => h.id);
}
