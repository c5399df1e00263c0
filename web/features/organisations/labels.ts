import type { TFunction } from 'i18next';

export const ORGANISATION_KINDS = ['host_agency', 'partner_agency', 'organiser', 'employer'] as const;

export function kindLabel(kind: string, t: TFunction): string {
  return t(`organisations.kinds.${kind}`, { defaultValue: kind });
}

export const KIND_COLOR: Record<string, string> = {
  host_agency: 'grape',
  partner_agency: 'blue',
  organiser: 'teal',
  employer: 'orange',
};
