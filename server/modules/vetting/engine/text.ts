/**
 * Script detection and normalisation of name text: Latin folding, Arabic (and Persian) letter
 * normalisation, Cyrillic and Greek romanisation. Pure functions.
 */
import type { Script } from './types.ts';

const ARABIC_DIACRITICS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Detects the dominant script of a token by its first letter that belongs to a known script. */
export function scriptOf(text: string): Script {
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) return 'arabic';
    if (c >= 0x0400 && c <= 0x052f) return 'cyrillic';
    if ((c >= 0x0370 && c <= 0x03ff) || (c >= 0x1f00 && c <= 0x1fff)) return 'greek';
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff))
      return 'latin';
  }
  return 'other';
}

/** Normalises Arabic-script text: removes vowel marks and tatweel, unifies alef, yeh, teh marbuta forms and Persian letters. */
export function normalizeArabic(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/[ىیئ]/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/[کڪ]/g, 'ك')
    .replace(/[ۀە]/g, 'ه')
    .replace(/[^\u0621-\u064A\u067E\u0686\u0698\u06A4\u06AF]/g, '');
}

const LATIN_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'ng',
};

/** Folds Latin text to lower-case a–z: strips accents and marks, drops apostrophes and ʿayn/hamza signs. */
export function foldLatin(text: string): string {
  const lower = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const ch of lower) {
    if (ch >= 'a' && ch <= 'z') out += ch;
    else {
      const s = LATIN_SPECIAL[ch];
      if (s) out += s;
    }
  }
  return out;
}

/** Letters with a caron or cedilla read as a digraph (Slavic, Turkish, Romanian): Žan = Zhan = Jan, Şevket = Shevket. */
const DIGRAPH_LETTERS: Record<string, string> = { š: 'sh', ž: 'zh', č: 'ch', ć: 'ch', ş: 'sh', ș: 'sh', ţ: 'ts', ț: 'ts', ğ: 'gh', ř: 'rzh' };
const HAS_DIGRAPH_LETTER = /[šžčćşșţțğř]/i;

/** The folded form reading carons and cedillas as digraphs, or undefined when the text has none. */
export function foldLatinDigraphs(text: string): string | undefined {
  if (!HAS_DIGRAPH_LETTER.test(text)) return undefined;
  let out = '';
  for (const ch of text.toLowerCase()) out += DIGRAPH_LETTERS[ch] ?? ch;
  return foldLatin(out);
}

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g',
  ў: 'u', ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', ј: 'j', љ: 'lj', њ: 'nj',
  ћ: 'c', ђ: 'dj', џ: 'dz', ѓ: 'gj', ќ: 'kj', ѕ: 'dz',
};

const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm',
  ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Romanises Cyrillic or Greek text letter by letter (a simple BGN/ELOT-like table), then folds it. */
export function romanize(text: string): string {
  const lower = text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  let out = '';
  for (const ch of lower) out += CYRILLIC[ch] ?? GREEK[ch] ?? ch;
  return foldLatin(out);
}

/** A raw name part with its script and whether it was glued to the next part by a hyphen. */
export interface RawToken {
  text: string;
  script: Script;
  hyphenNext: boolean;
}

/** Splits a full name into parts on spaces, punctuation and hyphens (keeping apostrophes inside Latin parts). */
export function splitName(name: string): RawToken[] {
  const out: RawToken[] = [];
  const re = /([^\s,;:.()[\]{}"/\\|_\-–—‐]+)(\s*[-–—‐]\s*)?/gu;
  for (const m of name.normalize('NFC').matchAll(re)) {
    const text = m[1] ?? '';
    if (!text) continue;
    const cleaned = text.replace(/^['’‘`ʿʾ]+|['’‘`ʿʾ]+$/g, '');
    if (!cleaned) continue;
    const script = scriptOf(cleaned);
    if (script === 'other' && !/\p{L}/u.test(cleaned)) continue;
    out.push({ text: cleaned, script, hyphenNext: m[2] !== undefined });
  }
  return out;
}
