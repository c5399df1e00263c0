/**
 * A schematic drawing of a venue plan (not to scale): the outer perimeter (screening) and inner perimeter
 * (turnstiles) as rings, gates on the outer ring coloured by load, stands as sectors, exits as ticks.
 */
import { useTranslation } from 'react-i18next';
import type { VenuePlan } from '../../../common/contracts/crowd-plan.ts';
import { Legend } from './charts.tsx';

export type Load = 'low' | 'medium' | 'high' | 'unknown';
export const LOAD_COLOR: Record<Load, string> = { low: '#2f9e44', medium: '#f59f00', high: '#e03131', unknown: '#868e96' };

const C = 200;
const point = (angle: number, r: number) => {
  const a = (angle * Math.PI) / 180;
  return { x: C + r * Math.sin(a), y: C - r * Math.cos(a) };
};

function sector(from: number, to: number, r1: number, r2: number): string {
  const a = point(from, r2);
  const b = point(to, r2);
  const c = point(to, r1);
  const d = point(from, r1);
  const large = to - from > 180 ? 1 : 0;
  return `M${a.x},${a.y} A${r2},${r2} 0 ${large} 1 ${b.x},${b.y} L${c.x},${c.y} A${r1},${r1} 0 ${large} 0 ${d.x},${d.y} Z`;
}

/** Planned load of each gate: its fans (shared out by seats) ÷ what it can pass in the entry window. */
export function plannedLoads(plan: VenuePlan, attendance?: number): Map<string, Load> {
  const seats = plan.sections.reduce((s, x) => s + x.seats, 0);
  const fans = new Map<string, number>();
  for (const s of plan.sections) {
    const share = ((attendance ?? seats) * s.seats) / seats / s.gateIds.length;
    for (const g of s.gateIds) fans.set(g, (fans.get(g) ?? 0) + share);
  }
  const hours = plan.parameters.entryWindowMinutes / 60;
  const out = new Map<string, Load>();
  for (const g of plan.gates) {
    const laneRate = (g.screening.lanes * 3600) / g.screening.serviceSeconds;
    const turnRate = g.turnstiles.count * (g.turnstiles.ratePerHour ?? plan.parameters.turnstileRatePerHour);
    const ratio = (fans.get(g.id) ?? 0) / (Math.min(laneRate, turnRate) * hours);
    out.set(g.id, ratio > 1 ? 'high' : ratio > 0.8 ? 'medium' : 'low');
  }
  return out;
}

/** Load of each gate in a simulation: its 95th-percentile wait against the target. */
export function runLoads(gates: { id: string; p95WaitMinutes: number }[], targetMinutes: number): Map<string, Load> {
  return new Map(gates.map((g) => [g.id, g.p95WaitMinutes > targetMinutes ? 'high' : g.p95WaitMinutes > targetMinutes / 2 ? 'medium' : 'low']));
}

export function Schematic({ plan, loads, title }: { plan: VenuePlan; loads: Map<string, Load>; title: string }) {
  const { t } = useTranslation();
  const sectionWidth = 360 / plan.sections.length;
  const maxExit = Math.max(...plan.exits.map((e) => e.widthMetres));
  return (
    <figure style={{ margin: 0, maxWidth: 460 }}>
      <svg viewBox="0 0 400 400" width="100%" role="img" aria-label={title} style={{ display: 'block', direction: 'ltr' }}>
        <circle cx={C} cy={C} r={186} fill="#f8f9fa" stroke="#495057" strokeWidth={2} strokeDasharray="8 5" />
        <circle cx={C} cy={C} r={150} fill="#fff" stroke="#1971c2" strokeWidth={2} />
        {plan.sections.map((s) => (
          <g key={s.id}>
            <path d={sector(s.angle - sectionWidth / 2 + 1, s.angle + sectionWidth / 2 - 1, 72, 128)} fill="#e6fcf5" stroke="#20c997" />
            <text {...point(s.angle, 100)} fontSize="11" textAnchor="middle" dominantBaseline="middle" fill="#087f5b">
              {s.id}
            </text>
          </g>
        ))}
        <rect x={C - 42} y={C - 62} width={84} height={124} fill="#b2f2bb" stroke="#2f9e44" rx={3} />
        {plan.exits.map((e) => {
          const a = point(e.angle, 132);
          const b = point(e.angle, 146);
          return (
            <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={e.use === 'emergency-only' ? '#e8590c' : '#5f3dc4'} strokeWidth={2 + (6 * e.widthMetres) / maxExit}>
              <title>{`${e.id} · ${e.widthMetres} m · ${t(`crowd.exitKind.${e.kind}`)}`}</title>
            </line>
          );
        })}
        {plan.gates.map((g) => {
          const p = point(g.angle, 186);
          const load = loads.get(g.id) ?? 'unknown';
          return (
            <g key={g.id}>
              <circle cx={p.x} cy={p.y} r={7} fill={LOAD_COLOR[load]} stroke="#fff" strokeWidth={1.5}>
                <title>{`${g.id} · ${g.name} · ${t(`crowd.load.${load}`)}`}</title>
              </circle>
            </g>
          );
        })}
        <text x={8} y={16} fontSize="11" fill="#495057">
          ↑ N
        </text>
      </svg>
      <Legend
        items={[
          { label: t('crowd.schematic.outer'), color: '#495057' },
          { label: t('crowd.schematic.inner'), color: '#1971c2' },
          { label: t('crowd.schematic.exit'), color: '#5f3dc4' },
          { label: t('crowd.load.low'), color: LOAD_COLOR.low },
          { label: t('crowd.load.medium'), color: LOAD_COLOR.medium },
          { label: t('crowd.load.high'), color: LOAD_COLOR.high },
        ]}
      />
    </figure>
  );
}
