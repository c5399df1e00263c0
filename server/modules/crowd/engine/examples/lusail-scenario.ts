/**
 * An illustrative Lusail Stadium match-day scenario (capacity 88,966; Qatar 2022 final venue). Gate
 * count, lanes and times are planning assumptions for tests and benchmarks, not the real operation.
 */
import type { CrowdScenario } from '../../../../../common/contracts/crowd-scenario.ts';

/** Lusail Stadium's capacity at the 2022 World Cup final. */
export const LUSAIL_ATTENDANCE = 88_966;

/** Builds the illustrative scenario for `attendance` fans over `gates` gates (default 44), lanes scaled to the crowd. */
export function lusailScenario(attendance = LUSAIL_ATTENDANCE, gates = 44): CrowdScenario {
  const perGate = attendance / gates;
  // Peak of the late-surge profile: 50 % of fans in 30 minutes; a lane screens about 600 fans an hour (6 s).
  const peakPerHour = (perGate * 0.5) / 0.5;
  const lanes = Math.max(2, Math.ceil(peakPerHour / 600));
  const turnstiles = Math.max(2, Math.ceil(peakPerHour / 660));
  return {
    name: 'Lusail Stadium (illustrative)',
    attendance,
    arrivals: { kind: 'profile', name: 'late-surge' },
    gates: Array.from({ length: gates }, (_, i) => ({
      id: `G${String(i + 1).padStart(2, '0')}`,
      share: 1 / gates,
      screening: {
        lanes,
        service: { kind: 'lognormal', meanSeconds: 6, sdSeconds: 2 },
        secondary: { rate: 0.1, seconds: 45 },
      },
      walkSeconds: 90,
      turnstiles: { count: turnstiles, ratePerHour: 660 },
    })),
    egress: {
      routes: Array.from({ length: 16 }, (_, i) => ({
        id: `E${i + 1}`,
        widthMetres: 5,
        kind: i % 4 === 3 ? ('stair' as const) : ('level' as const),
        share: 1 / 16,
      })),
      emergencyEvacuationMinutes: 8,
    },
    transit: {
      metro: { trainsPerHour: 3600 / 165, peoplePerTrain: 1200, share: 0.6, walkMinutes: 15 },
      buses: { count: 120, capacity: 60, roundTripMinutes: 40, share: 0.25, walkMinutes: 15 },
    },
  };
}
