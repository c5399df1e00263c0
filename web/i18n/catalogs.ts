/**
 * The message catalogs: the app's own (`web/i18n/{ar,fr,en}.json`) merged with each feature's
 * (`web/features/<name>/i18n/{ar,fr,en}.json`), so modules add their strings without touching a shared file.
 */
import type { Locale } from '../../common/contracts/common.ts';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

export type Catalog = { [key: string]: string | Catalog };

const featureFiles = import.meta.glob<Catalog>('../features/*/i18n/*.json', { eager: true, import: 'default' });

function merge(target: Catalog, source: Catalog, where: string): Catalog {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === 'object' && typeof existing === 'object') merge(existing, value, `${where}.${key}`);
    else if (existing === undefined) target[key] = typeof value === 'object' ? merge({}, value, `${where}.${key}`) : value;
    else throw new Error(`i18n: ${where}.${key} is defined twice`);
  }
  return target;
}

function build(locale: Locale, base: Catalog): Catalog {
  const out = merge({}, base, locale);
  for (const [path, catalog] of Object.entries(featureFiles)) {
    if (path.endsWith(`/${locale}.json`)) merge(out, catalog, locale);
  }
  return out;
}

export const catalogs: Record<Locale, Catalog> = { ar: build('ar', ar), fr: build('fr', fr), en: build('en', en) };
