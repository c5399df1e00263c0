import type { TFunction } from 'i18next';
import type { Match } from '../../../common/contracts/platform.ts';

export const STAGES = [
  'group A',
  'group B',
  'group C',
  'group D',
  'group E',
  'group F',
  'group G',
  'group H',
  'round of 16',
  'quarter-final',
  'semi-final',
  'third place',
  'final',
] as const;

export const RISK_CATEGORIES = ['low', 'standard', 'elevated', 'high'] as const;

export const RISK_COLOR: Record<string, string> = { low: 'green', standard: 'blue', elevated: 'orange', high: 'red' };

/** "group A" → "Groupe A" / "المجموعة A"; knockout stages by their own key; unknown stages as the server says. */
export function stageLabel(stage: string, t: TFunction): string {
  const group = /^group ([A-Z])$/i.exec(stage);
  if (group) return t('matches.stages.group', { group: group[1]?.toUpperCase() });
  const key = stage.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return t(`matches.stages.${key}`, { defaultValue: stage });
}

export function teamName(code: string, fallback: string, t: TFunction): string {
  return t(`teams.${code}`, { defaultValue: fallback });
}

export function fixtureLabel(match: Pick<Match, 'home' | 'away' | 'homeCode' | 'awayCode'>, t: TFunction): string {
  return t('matches.fixture', {
    home: teamName(match.homeCode, match.home, t),
    away: teamName(match.awayCode, match.away, t),
  });
}

export function riskLabel(risk: string, t: TFunction): string {
  return t(`matches.risk.${risk}`, { defaultValue: risk });
}
