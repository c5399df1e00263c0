import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSwitchLocale } from '../features/profile/api.ts';
import { LOCALES, isLocale } from '../i18n/index.ts';
import { useLocale } from '../lib/format.ts';

/** Arabic, French, English: available on every page, signed in or not. */
export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const switchLocale = useSwitchLocale();
  return (
    <SegmentedControl
      size={size}
      aria-label={t('language.label')}
      value={locale}
      onChange={(value) => isLocale(value) && switchLocale(value)}
      data={LOCALES.map((l) => ({ value: l, label: <span lang={l}>{t(`language.short.${l}`)}</span> }))}
    />
  );
}
