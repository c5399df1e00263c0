/**
 * Dispersal after the final whistle: fans leave the stadium at the egress rate, walk to the metro or the
 * shuttle buses (or walk away), and board trains and buses as capacity allows. At Qatar 2022 the metro ran
 * at a 165 s headway and at the Lusail test event egress took hours (REFERENCE.md §4, second-hand press).
 */
import type { TransitResult, TransitSpec } from '../../../../common/contracts/crowd-scenario.ts';

/** People boarding one departure. */
interface Boarding {
  readonly minute: number;
  readonly people: number;
}

/**
 * Minutes until the last fan has left, as a curve of cumulative departures per minute after the final
 * whistle. Fans leave the stadium uniformly over `egressMinutes` (the Green Guide flow-rate model) and
 * split by mode share. Trains run to a timetable and take whoever is waiting, up to their capacity;
 * buses queue at the stop and leave as soon as they are full (or with the last fans), then come back
 * after their round trip.
 */
export function simulateTransitDispersal(spec: TransitSpec, attendance: number, egressMinutes: number): TransitResult {
  const metroShare = spec.metro?.share ?? 0;
  const busShare = spec.buses?.share ?? 0;
  const walkPeople = attendance * Math.max(0, 1 - metroShare - busShare);
  const leaving = (people: number, walk: number) => ({
    arrivedBy: (minute: number): number =>
      egressMinutes <= 0 ? (minute >= walk ? people : 0) : people * Math.min(1, Math.max(0, (minute - walk) / egressMinutes)),
    minuteWhenArrived: (count: number): number => walk + (people > 0 ? (egressMinutes * Math.min(count, people)) / people : 0),
  });

  const modes: TransitResult['modes'] = [{ mode: 'walk', people: walkPeople, lastDepartureMinute: walkPeople > 0 ? egressMinutes : 0 }];
  const boardings: Boarding[] = [];
  if (spec.metro) {
    const m = spec.metro;
    const people = attendance * m.share;
    const flow = leaving(people, m.walkMinutes ?? 0);
    const headway = 60 / m.trainsPerHour;
    const first = m.firstDepartureMinute ?? 0;
    let gone = 0;
    let last = 0;
    for (let k = 0; gone < people - 1e-9; k++) {
      const minute = first + k * headway;
      const load = Math.min(m.peoplePerTrain, flow.arrivedBy(minute) - gone);
      if (load <= 1e-9) continue;
      gone += load;
      last = minute;
      boardings.push({ minute, people: load });
    }
    modes.push({ mode: 'metro', people, lastDepartureMinute: last });
  }
  if (spec.buses) {
    const b = spec.buses;
    const people = attendance * b.share;
    const flow = leaving(people, b.walkMinutes ?? 0);
    // Equal round trips: the bus back first is always the one that left first, so a ring of return times suffices.
    const back = new Float64Array(b.count).fill(b.firstDepartureMinute ?? 0);
    let gone = 0;
    let last = 0;
    for (let k = 0; gone < people - 1e-9; k++) {
      const bus = k % b.count;
      const load = Math.min(b.capacity, people - gone);
      const minute = Math.max(back[bus] as number, flow.minuteWhenArrived(gone + load));
      gone += load;
      last = minute;
      back[bus] = minute + b.roundTripMinutes;
      boardings.push({ minute, people: load });
    }
    modes.push({ mode: 'bus', people, lastDepartureMinute: last });
  }
  const last = Math.max(...modes.map((m) => m.lastDepartureMinute));
  const horizon = Math.ceil(last);
  const departed = new Float64Array(horizon + 1);
  for (const d of boardings) {
    const at = Math.ceil(d.minute);
    departed[at] = (departed[at] as number) + d.people;
  }
  const departedByMinute: number[] = [];
  let cumulative = 0;
  for (let minute = 0; minute <= horizon; minute++) {
    cumulative += departed[minute] as number;
    const walked = egressMinutes <= 0 ? walkPeople : walkPeople * Math.min(1, minute / egressMinutes);
    departedByMinute.push(Math.round(cumulative + walked));
  }
  return { lastDepartureMinute: last, modes, departedByMinute };
}
