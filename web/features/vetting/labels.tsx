import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HitStatus, ScreenedPerson, VettingState } from '../../../common/contracts/vetting.ts';
import type { Formatters } from '../../lib/format.ts';

const STATE_COLOR: Record<VettingState, string> = { pending: 'gray', cleared: 'teal', hit_under_review: 'orange', refused: 'red' };
const STATUS_COLOR: Record<HitStatus, string> = {
  open: 'orange',
  escalated: 'grape',
  pending_confirmation: 'yellow',
  false_positive: 'teal',
  confirmed: 'red',
  withdrawn: 'gray',
};

export function StateBadge({ state }: { state: VettingState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid="subject-state">
      {t(`vetting.state.${state}`)}
    </Badge>
  );
}

export function HitStatusBadge({ status }: { status: HitStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'confirmed' ? 'filled' : 'light'} data-testid="hit-status">
      {t(`vetting.status.${status}`)}
    </Badge>
  );
}

/** The applicant's name as written: Latin parts (or the one full name), and the Arabic-script name when there is one. */
export function personName(p: ScreenedPerson, locale: string): string {
  const latin = [p.givenNames, p.familyName].filter(Boolean).join(' ') || p.fullName || '';
  if (locale === 'ar' && p.nameArabic) return p.nameArabic;
  return latin || p.nameArabic || '';
}

/** A score as a percentage in the user's language. */
export function percent(fmt: Formatters, value: number): string {
  return new Intl.NumberFormat(fmt.locale === 'ar' ? 'ar-u-nu-latn' : fmt.locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function scoreColor(score: number, threshold = 0.7): string {
  if (score >= 0.9) return 'red';
  if (score >= threshold) return 'orange';
  return 'gray';
}
