/**
 * Small SVG charts drawn by hand (no chart library): line charts over minutes and horizontal bars.
 * Drawn left to right whatever the page direction (time runs that way on every axis).
 */
import { Group, Text } from '@mantine/core';
import { useLayoutEffect, useRef, useState } from 'react';
import { useFormat } from '../../lib/format.ts';

export interface LineSeries {
  label: string;
  color: string;
  values: number[];
  dashed?: boolean;
}

/** About five round tick values covering [0, max]. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/** The width the chart is drawn at, so that its text keeps its size whatever the screen. */
function useMeasuredWidth(fallback = 640) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
const PAD = { left: 64, right: 12, top: 12, bottom: 34 };

export function LineChart({
  series,
  startX,
  xStep = 1,
  height = 240,
  xLabel,
  yLabel,
  vLines = [],
  hLines = [],
  title,
}: {
  series: LineSeries[];
  startX: number;
  /** X units between two values (e.g. 15 for 15-minute slots). */
  xStep?: number;
  height?: number;
  xLabel: string;
  yLabel: string;
  vLines?: { x: number; label: string }[];
  hLines?: { y: number; label: string; color: string }[];
  title: string;
}) {
  const fmt = useFormat();
  const [ref, W] = useMeasuredWidth();
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const maxY = Math.max(1e-9, ...series.flatMap((s) => s.values), ...hLines.map((h) => h.y));
  const yTicks = niceTicks(maxY);
  const top = yTicks[yTicks.length - 1]!;
  const xTicks = niceTicks(n - 1, 6).filter((v) => v <= n - 1);
  const px = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * i) / Math.max(1, n - 1);
  const py = (v: number) => PAD.top + (height - PAD.top - PAD.bottom) * (1 - v / top);
  const path = (values: number[]) => values.map((v, i) => `${i === 0 ? 'M' : 'L'}${px(i).toFixed(1)},${py(v).toFixed(1)}`).join('');
  return (
    <figure style={{ margin: 0 }} ref={ref}>
      <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={title} style={{ display: 'block', direction: 'ltr' }}>
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={py(v)} y2={py(v)} stroke="#e9ecef" />
            <text x={PAD.left - 6} y={py(v) + 4} fontSize="11" textAnchor="end" fill="#495057">
              {fmt.number(v)}
            </text>
          </g>
        ))}
        {xTicks.map((i) => (
          <text key={`x${i}`} x={px(i)} y={height - PAD.bottom + 16} fontSize="11" textAnchor="middle" fill="#495057">
            {fmt.number(startX + i * xStep)}
          </text>
        ))}
        <text x={(PAD.left + W - PAD.right) / 2} y={height - 4} fontSize="11" textAnchor="middle" fill="#495057">
          {xLabel}
        </text>
        <text x={12} y={PAD.top + (height - PAD.top - PAD.bottom) / 2} fontSize="11" textAnchor="middle" fill="#495057" transform={`rotate(-90 12 ${PAD.top + (height - PAD.top - PAD.bottom) / 2})`}>
          {yLabel}
        </text>
        {hLines.map((h) => (
          <g key={`h${h.label}`}>
            <line x1={PAD.left} x2={W - PAD.right} y1={py(h.y)} y2={py(h.y)} stroke={h.color} strokeDasharray="6 4" />
            <text x={W - PAD.right - 4} y={py(h.y) - 4} fontSize="11" textAnchor="end" fill={h.color}>
              {h.label}
            </text>
          </g>
        ))}
        {vLines
          .filter((v) => v.x - startX >= 0 && v.x - startX <= n - 1)
          .map((v) => (
            <g key={`v${v.label}`}>
              <line x1={px(v.x - startX)} x2={px(v.x - startX)} y1={PAD.top} y2={height - PAD.bottom} stroke="#868e96" strokeDasharray="3 3" />
              <text x={px(v.x - startX) + (v.x - startX > (n - 1) / 2 ? -4 : 4)} y={PAD.top + 10} fontSize="11" fill="#495057" textAnchor={v.x - startX > (n - 1) / 2 ? 'end' : 'start'}>
                {v.label}
              </text>
            </g>
          ))}
        {series.map((s) => (
          <path key={s.label} d={path(s.values)} fill="none" stroke={s.color} strokeWidth={1.8} strokeDasharray={s.dashed ? '5 3' : undefined} />
        ))}
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={height - PAD.bottom} stroke="#adb5bd" />
        <line x1={PAD.left} x2={W - PAD.right} y1={height - PAD.bottom} y2={height - PAD.bottom} stroke="#adb5bd" />
      </svg>
      <Legend items={series.map((s) => ({ label: s.label, color: s.color }))} />
    </figure>
  );
}

export function Legend({ items }: { items: { label: string; color: string }[] }) {
  return (
    <Group gap="md" mt={4} wrap="wrap">
      {items.map((i) => (
        <Group key={i.label} gap={6} wrap="nowrap">
          <span aria-hidden style={{ display: 'inline-block', width: 14, height: 4, background: i.color, borderRadius: 2 }} />
          <Text size="xs">{i.label}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** Horizontal bars, one per row, with an optional target line. */
export function BarChart({
  rows,
  title,
  unit,
  target,
}: {
  rows: { label: string; value: number; color?: string; secondary?: number }[];
  title: string;
  unit: string;
  target?: { value: number; label: string };
}) {
  const fmt = useFormat();
  const [ref, W] = useMeasuredWidth();
  const rowH = 22;
  const labelW = Math.min(170, Math.round(W * 0.42));
  const height = rows.length * rowH + 24;
  const max = Math.max(1e-9, ...rows.map((r) => Math.max(r.value, r.secondary ?? 0)), target?.value ?? 0);
  const top = niceTicks(max).at(-1)!;
  const x = (v: number) => labelW + ((W - labelW - 60) * v) / top;
  return (
    <div ref={ref}>
    <svg viewBox={`0 0 ${W} ${height}`} width="100%" role="img" aria-label={title} style={{ display: 'block', direction: 'ltr' }}>
      {rows.map((r, i) => (
        <g key={r.label}>
          <text x={labelW - 6} y={i * rowH + 15} fontSize="11" textAnchor="end" fill="#495057">
            {r.label}
          </text>
          <rect x={labelW} y={i * rowH + 4} width={Math.max(0, x(r.value) - labelW)} height={rowH - 8} fill={r.color ?? '#0ca678'} rx={2} />
          {r.secondary !== undefined && <line x1={x(r.secondary)} x2={x(r.secondary)} y1={i * rowH + 2} y2={i * rowH + rowH - 2} stroke="#e8590c" strokeWidth={2} />}
          <text x={x(r.value) + 4} y={i * rowH + 15} fontSize="11" fill="#212529">
            {fmt.number(Math.round(r.value * 10) / 10)} {unit}
          </text>
        </g>
      ))}
      {target && (
        <g>
          <line x1={x(target.value)} x2={x(target.value)} y1={0} y2={rows.length * rowH} stroke="#c92a2a" strokeDasharray="5 3" />
          <text x={x(target.value)} y={rows.length * rowH + 16} fontSize="11" textAnchor="middle" fill="#c92a2a">
            {target.label}
          </text>
        </g>
      )}
    </svg>
    </div>
  );
}
