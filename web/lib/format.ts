/** Dates, numbers and names formatted with Intl in the user's language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../common/contracts/common.ts';
import type { Venue } from '../../common/contracts/platform.ts';
import { isLocale } from '../i18n/index.ts';

/** The operation runs in Qatar: times are shown in the operation's time zone, with its name. */
export const OPERATION_TIME_ZONE = 'Asia/Qatar';

/** Arabic is shown with Latin digits everywhere (as Moroccan and Gulf operation rooms read them on screens). */
export function intlLocale(locale: Locale): string {
  return locale === 'ar' ? 'ar-u-nu-latn' : locale;
}

export interface Formatters {
  locale: Locale;
  number(value: number | null | undefined): string;
  date(iso: string): string;
  dateTime(iso: string): string;
  time(iso: string): string;
  country(code: string): string;
  coordinate(value: number): string;
}

export function createFormatters(locale: Locale): Formatters {
  const tag = intlLocale(locale);
  const numberFmt = new Intl.NumberFormat(tag);
  const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: OPERATION_TIME_ZONE });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: OPERATION_TIME_ZONE,
  });
  const coordFmt = new Intl.NumberFormat(tag, { minimumFractionDigits: 4, maximumFractionDigits: 4 });
  const timeFmt = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', timeZone: OPERATION_TIME_ZONE });
  let regions: Intl.DisplayNames | null = null;
  try {
    regions = new Intl.DisplayNames([tag], { type: 'region' });
  } catch {
    regions = null;
  }
  return {
    locale,
    number: (value) => (value === null || value === undefined ? '—' : numberFmt.format(value)),
    date: (iso) => dateFmt.format(new Date(iso)),
    dateTime: (iso) => dateTimeFmt.format(new Date(iso)),
    time: (iso) => timeFmt.format(new Date(iso)),
    coordinate: (value) => coordFmt.format(value),
    country: (code) => {
      try {
        return regions?.of(code) ?? code;
      } catch {
        return code;
      }
    },
  };
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(lng) ? lng : 'en';
}

export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo(() => createFormatters(locale), [locale]);
}

/** A name in the user's language when the record has one (`nameAr`/`nameFr`, or a venue's translations). */
export function localName(
  locale: Locale,
  record: { name: string; nameAr?: string | null; nameFr?: string | null; translations?: Partial<Record<'ar' | 'fr', { name?: string | undefined }>> },
): string {
  if (locale === 'ar' && record.nameAr) return record.nameAr;
  if (locale === 'fr' && record.nameFr) return record.nameFr;
  if (locale !== 'en' && record.translations?.[locale]?.name) return record.translations[locale].name;
  return record.name;
}

/** A venue's city and metro texts in the user's language where the venue has them, else as recorded (English). */
export function venueTexts(
  locale: Locale,
  venue: Pick<Venue, 'city' | 'metroStation' | 'metroLine' | 'metroAccess' | 'translations'>,
): Pick<Venue, 'city' | 'metroStation' | 'metroLine' | 'metroAccess'> {
  const local = locale === 'en' ? undefined : venue.translations[locale];
  return {
    city: local?.city ?? venue.city,
    metroStation: venue.metroStation === null ? null : (local?.metroStation ?? venue.metroStation),
    metroLine: venue.metroLine === null ? null : (local?.metroLine ?? venue.metroLine),
    metroAccess: venue.metroAccess === null ? null : (local?.metroAccess ?? venue.metroAccess),
  };
}
