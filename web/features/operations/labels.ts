/** Display order and colours of incident categories, severities and statuses, and of gate states. */
import type { GateStatus, IncidentStatus, Severity } from '../../../common/contracts/operations.ts';

export { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../../../common/contracts/operations.ts';

export const SEVERITY_COLOR: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3 };
export const STATUS_COLOR: Record<IncidentStatus, string> = { reported: 'red', acknowledged: 'orange', dispatched: 'blue', on_scene: 'indigo', resolved: 'teal', closed: 'gray' };
export const GATE_COLOR: Record<GateStatus['state'], string> = { ok: 'teal', behind_plan: 'orange', queue: 'red', no_data: 'gray' };

/** Minutes since an instant, for "age" columns. */
export const ageMinutes = (iso: string, now: number = Date.now()) => Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
