/** Country and language lists in the reader's language, from Intl (no hard-coded names). */
import { intlLocale } from '../../lib/format.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const cache = new Map<string, { value: string; label: string }[]>();

/** ISO 3166-1 alpha-2 codes the browser can name, sorted by name. */
export function countryOptions(locale: 'ar' | 'fr' | 'en') {
  const key = `c:${locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const names = new Intl.DisplayNames([intlLocale(locale)], { type: 'region', fallback: 'none' });
  const out: { value: string; label: string }[] = [];
  for (const a of LETTERS) for (const b of LETTERS) {
    const code = a + b;
    // Exceptional, transitional and private-use codes are not nationalities.
    if (['AA', 'EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ'].includes(code) || code.startsWith('Q') && code > 'QA' || code.startsWith('X')) continue;
    const name = names.of(code);
    if (name && name !== code) out.push({ value: code, label: name });
  }
  out.sort((x, y) => x.label.localeCompare(y.label, locale));
  cache.set(key, out);
  return out;
}

const LANGS = ['ar', 'fr', 'en', 'es', 'pt', 'de', 'it', 'tr', 'fa', 'ur', 'hi', 'bn', 'ne', 'tl', 'sw', 'am', 'ha', 'wo', 'ber', 'ru', 'zh', 'ja', 'ko', 'id', 'ml', 'ta', 'si'].filter((l) => l.length === 2);

export function languageOptions(locale: 'ar' | 'fr' | 'en') {
  const key = `l:${locale}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const names = new Intl.DisplayNames([intlLocale(locale)], { type: 'language' });
  const out = LANGS.map((code) => ({ value: code, label: names.of(code) ?? code }));
  cache.set(key, out);
  return out;
}
