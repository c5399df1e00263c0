import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus, Severity } from '../../../common/contracts/operations.ts';
import type { LiveState } from './api.ts';
import { SEVERITY_COLOR, STATUS_COLOR } from './labels.ts';

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[severity]} variant={severity === 'critical' ? 'filled' : 'light'} style={{ minWidth: 'max-content' }}>
      {t(`operations.severity.${severity}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="outline" style={{ minWidth: 'max-content' }}>
      {t(`operations.status.${status}`)}
    </Badge>
  );
}

export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useTranslation();
  return (
    <Badge color={state === 'live' ? 'teal' : 'orange'} variant="dot" data-testid="live-state" data-state={state}>
      {t(`operations.live.${state}`)}
    </Badge>
  );
}
