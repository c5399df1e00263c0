/**
 * Turns a full name (any script) into comparable parts: particles set aside, `Abd …` compounds joined,
 * each part given a Latin form, learned renderings, consonant skeletons and variant-group ids.
 */
import { osaDistance } from './distance.ts';
import { arabicGroupId, latinGroupIds, learnedRenderings, ruleTransliterate } from './knowledge.ts';
import { arabicSkeletons, latinPhonetic, latinSkeleton } from './skeleton.ts';
import { foldLatin, foldLatinDigraphs, normalizeArabic, romanize, splitName } from './text.ts';
import type { Script } from './types.ts';

export interface NamePart {
  /** The part as written (compounds joined with a space). */
  raw: string;
  script: Script;
  /** Exact-comparison key: normalised Arabic for Arabic script, folded Latin otherwise. */
  key: string;
  /** A Latin form (for Arabic: most frequent learned rendering, else rule transliteration). */
  latin: string;
  /** Latin form with doubled letters collapsed. */
  loose: string;
  /** `loose` forms of the Latin form or of every learned rendering. */
  looseForms: string[];
  /** Other Latin renderings to compare against (learned renderings of an Arabic part). */
  alts: string[];
  /** Consonant skeletons, the main one first (a second one with/without a glued article). */
  skels: string[];
  /** Phonetic forms (vowel classes kept) of the Latin form(s): one per Latin form or learned rendering. */
  phons: string[];
  /** True when `alts` are learned renderings (else a rule transliteration or a Latin part). */
  isLearned: boolean;
  /** Variant-group ids from the learned knowledge. */
  groups: readonly number[];
  isGeneric: boolean;
}

export interface PreparedName {
  raw: string;
  parts: NamePart[];
  /** Particles set aside (al-, bin, abu, ould, van, de …), as written. */
  particles: string[];
}

/** Articles: dropped. With a hyphen also the assimilated forms (ad-Din, ash-Shami, er-Rahman). */
const ARTICLES = new Set(['al', 'el', 'ul', 'il', 'ال']);
const HYPHEN_ARTICLES = new Set([
  'ad', 'ar', 'as', 'ash', 'at', 'az', 'an', 'adh', 'ath', 'ed', 'er', 'es', 'esh', 'et', 'ez', 'en', 'ud', 'ur', 'us', 'ut', 'uz', 'un',
]);
/** Kinship and other connectors: set aside (they say nothing about identity). */
const CONNECTORS = new Set([
  'bin', 'ben', 'ibn', 'ebn', 'bn', 'bint', 'bent', 'binti', 'abu', 'abou', 'abo', 'ab', 'ould', 'old', 'wuld', 'weld', 'ag',
  'بن', 'ابن', 'بنت', 'ابو', 'ولد', 'اب',
  'de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'dos', 'das', 'do', 'y', 'mc',
]);
/** Latin spellings of an `Abd` prefix when it stands alone. */
const ABD_ALONE = /^abd(?:[aeiou]{0,2}l?|[aeiou]{0,2}[rstdzn])?$/;
const ABD_PREFIX = /^abd([aeiou]{0,2})(l?)([a-z]+)$/;
const ARABIC_ARTICLE_KEEP = new Set(['الله', 'الياس', 'الهام', 'الفت']);

/** Generic given names: never enough on their own for an alert. */
const GENERIC_LATIN = [
  'muhammad', 'mohammed', 'mohamed', 'mohammad', 'mohamad', 'muhammed', 'mohd', 'mehmet', 'ahmad', 'ahmed',
  'ali', 'abdullah', 'abdallah', 'abdellah', 'abdulla', 'hassan', 'hasan', 'hussein', 'husain', 'hussain',
  'hocine', 'mahmoud', 'mahmud', 'mustafa', 'mostafa', 'omar', 'umar', 'ibrahim', 'khalid', 'khaled', 'youssef',
  'yusuf', 'abdelkader', 'abdulkadir', 'fatima', 'fatma', 'aisha', 'mariam', 'maryam', 'allah',
];
const GENERIC_ARABIC = new Set([
  'محمد', 'احمد', 'علي', 'عبدالله', 'حسن', 'حسين', 'محمود', 'مصطفى', 'مصطفي', 'عمر', 'ابراهيم', 'خالد', 'يوسف',
  'عبدالقادر', 'فاطمة', 'عايشة', 'عائشة', 'مريم', 'الله',
]);
const GENERIC_KEYS = new Set<string>();
const GENERIC_BY_SKELETON = new Map<string, string[]>();
for (const g of GENERIC_LATIN) {
  const key = latinCompoundKey(g);
  GENERIC_KEYS.add(key);
  const skel = key.startsWith('abd') && key !== g ? `BD${latinSkeleton(key.slice(3))}` : latinSkeleton(key);
  GENERIC_BY_SKELETON.set(skel, [...(GENERIC_BY_SKELETON.get(skel) ?? []), key]);
}
for (const g of GENERIC_ARABIC) GENERIC_KEYS.add(normalizeArabic(g));

/** A Latin part is generic when it is a listed generic name or a close spelling of one (same skeleton, ≤ 2 edits). */
function isGenericLatin(key: string, skel: string): boolean {
  if (GENERIC_KEYS.has(key)) return true;
  const list = GENERIC_BY_SKELETON.get(skel);
  return list !== undefined && key.length >= 4 && list.some((g) => osaDistance(g, key, 2) <= 2);
}

function latinCompoundKey(folded: string): string {
  const m = ABD_PREFIX.exec(folded);
  if (!m || folded.length < 5) return folded;
  let rest = m[3] ?? '';
  if (!m[2] && rest.length > 2 && rest[0] === rest[1]) rest = rest.slice(1);
  if (rest.length < 2) return folded;
  return `abd${rest}`;
}

function collapseDoubles(s: string): string {
  let out = '';
  for (const c of s) if (out[out.length - 1] !== c) out += c;
  return out;
}

function stripArabicArticle(ar: string): string {
  if (ar.startsWith('ال') && ar.length >= 4 && !ARABIC_ARTICLE_KEEP.has(ar)) return ar.slice(2);
  return ar;
}

interface Piece {
  raw: string;
  script: Script;
  hyphenNext: boolean;
  /** Folded Latin (romanised for Cyrillic/Greek) or normalised Arabic. */
  norm: string;
  isArabic: boolean;
}

function makeLatinPart(raw: string, script: Script, folded: string, groupsKey: string): NamePart {
  const key = latinCompoundKey(folded);
  const skels = [key.startsWith('abd') && key !== folded ? `BD${latinSkeleton(key.slice(3))}` : latinSkeleton(key)];
  // A glued article (Alrashid, Elsayed): also the skeleton without it.
  if (/^(al|el)[^aeiouyl]/.test(key) && key.length >= 5) skels.push(latinSkeleton(key.slice(2)));
  // A silent h after a vowel (Johns / Jones, Mohd).
  if (/[aeiou]h[^aeiouy]/.test(key)) skels.push(latinSkeleton(key.replace(/([aeiou])h(?=[^aeiouy])/g, '$1')));
  // j read as y (Sonja, Jansson in Nordic/Slavic spellings: سونيا).
  if (key.includes('j') && !key.includes('dj')) skels.push(latinSkeleton(key.replace(/j/g, 'y')));
  // Letters Latin spellings write but do not pronounce (French final -s/-x/-t/-d: Jacques, Georges, Roux,
  // Renault, Bernard; gh after a vowel: Haughton, Hughes) and ch read as k (Buchanan, Zucchi): alternative skeletons.
  // Only French-looking endings, and -es only on longer parts: James, Jones, Ahmad, Said, Ahmet keep theirs.
  if ((key.length >= 6 && key.endsWith('es')) || (key.length >= 5 && /(?:[aeo]ux|ault|aud|aut|ot|ard)$/.test(key)))
    skels.push(latinSkeleton(key.slice(0, -1)));
  if (/[aeiou]gh/.test(key)) skels.push(latinSkeleton(key.replace(/([aeiou])gh/g, '$1')));
  if (/(?:^|[^s])ch/.test(key)) skels.push(latinSkeleton(key.replace(/(^|[^s])ch/g, '$1k')));
  // Carons and cedillas read as digraphs (Žan = Zhan, Şevket = Shevket).
  const digraphs = script === 'latin' ? foldLatinDigraphs(raw) : undefined;
  if (digraphs && digraphs !== key) skels.push(latinSkeleton(digraphs));
  const groups = latinGroupIds(groupsKey);
  return {
    raw,
    script,
    key,
    latin: key,
    loose: collapseDoubles(key),
    looseForms: [collapseDoubles(key)],
    alts: [],
    phons: digraphs && digraphs !== key ? [latinPhonetic(key), latinPhonetic(digraphs)] : [latinPhonetic(key)],
    isLearned: false,
    skels: fixSkels(skels),
    groups: groups.length > 0 ? groups : latinGroupIds(key),
    isGeneric: GENERIC_KEYS.has(folded) || isGenericLatin(key, skels[0] ?? ''),
  };
}

function fixSkels(skels: string[]): string[] {
  return [...new Set(skels.map((s) => collapseDoubles(s)))];
}

function makeArabicPart(raw: string, full: string, restOfAbd?: string): NamePart {
  // `full` is the normalised Arabic part; restOfAbd is set for عبد compounds (the part after عبد).
  let key: string;
  let skels: string[];
  let alts: string[];
  let group: number | undefined;
  let isLearned = true;
  if (restOfAbd !== undefined) {
    const rest = stripArabicArticle(restOfAbd);
    key = `عبد${rest}`;
    skels = arabicSkeletons(rest).map((x) => `BD${x}`);
    group = arabicGroupId(full) ?? arabicGroupId(key);
    const learned = [...learnedRenderings(full), ...learnedRenderings(key)];
    const restLearned = learnedRenderings(restOfAbd).length > 0 ? learnedRenderings(restOfAbd) : learnedRenderings(rest);
    for (const r of restLearned.slice(0, 3)) learned.push(`abd${r}`);
    alts = learned.map(latinCompoundKey);
    if (alts.length === 0) {
      isLearned = false;
      alts.push(`abd${ruleTransliterate(rest)}`);
    }
  } else {
    const stripped = stripArabicArticle(full);
    key = stripped;
    skels = arabicSkeletons(stripped);
    if (stripped !== full) skels.push(...arabicSkeletons(full));
    group = arabicGroupId(full) ?? arabicGroupId(stripped);
    alts = [...(stripped !== full ? learnedRenderings(stripped) : []), ...learnedRenderings(full)].map(latinCompoundKey);
    if (alts.length === 0) {
      isLearned = false;
      alts.push(ruleTransliterate(stripped));
    }
  }
  alts = [...new Set(alts)];
  const latin = alts[0] ?? '';
  return {
    raw,
    script: 'arabic',
    key,
    latin,
    loose: collapseDoubles(latin),
    looseForms: [...new Set(alts.map(collapseDoubles))],
    alts,
    // With the article: Alberti / البرتي.
    phons: [...alts, ...(key !== full && restOfAbd === undefined && alts[0] ? [`al${alts[0]}`] : [])].map(latinPhonetic),
    isLearned,
    skels: fixSkels(skels),
    groups: group === undefined ? [] : [group],
    isGeneric: GENERIC_KEYS.has(key) || GENERIC_KEYS.has(full),
  };
}

/**
 * Prepared parts are immutable and depend only on their inputs: the same part (a common name) is
 * prepared once and shared, which also lets the scorer's per-part memo hit across list names.
 */
const partCache = new Map<string, NamePart>();
function cachedPart(key: string, make: () => NamePart): NamePart {
  let part = partCache.get(key);
  if (!part) {
    part = make();
    if (partCache.size >= 100_000) partCache.clear();
    partCache.set(key, part);
  }
  return part;
}

/** Prepares a full name for comparison. Deterministic; cheap enough to run per person. */
export function prepareName(name: string): PreparedName {
  const pieces: Piece[] = [];
  for (const t of splitName(name)) {
    if (t.script === 'arabic') {
      const norm = normalizeArabic(t.text);
      if (norm) pieces.push({ raw: t.text, script: t.script, hyphenNext: t.hyphenNext, norm, isArabic: true });
    } else {
      const norm = t.script === 'latin' ? foldLatin(t.text) : romanize(t.text);
      if (norm) pieces.push({ raw: t.text, script: t.script, hyphenNext: t.hyphenNext, norm, isArabic: false });
    }
  }
  const parts: NamePart[] = [];
  const particles: string[] = [];
  let pendingAbd: Piece | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    const isLast = i === pieces.length - 1;
    if (!isLast && (ARTICLES.has(p.norm) || (p.hyphenNext && HYPHEN_ARTICLES.has(p.norm)))) {
      particles.push(p.raw);
      continue;
    }
    if (pieces.length > 1 && CONNECTORS.has(p.norm)) {
      particles.push(p.raw);
      continue;
    }
    const isAbdAlone = p.isArabic ? p.norm === 'عبد' : ABD_ALONE.test(p.norm);
    if (isAbdAlone && !isLast) {
      pendingAbd = p;
      continue;
    }
    if (pendingAbd) {
      const abd = pendingAbd;
      pendingAbd = undefined;
      const raw = `${abd.raw} ${p.raw}`;
      if (p.isArabic) parts.push(cachedPart(`A\t${raw}\t${p.norm}`, () => makeArabicPart(raw, `عبد${p.norm}`, p.norm)));
      else parts.push(cachedPart(`L\t${raw}\t${p.script}\t${abd.norm}\t${p.norm}`, () => makeLatinPart(raw, p.script, `abd${p.norm}`, abd.norm + p.norm)));
      continue;
    }
    if (p.isArabic) {
      parts.push(
        cachedPart(`a\t${p.raw}\t${p.norm}`, () =>
          p.norm.startsWith('عبد') && p.norm.length > 4 ? makeArabicPart(p.raw, p.norm, p.norm.slice(3)) : makeArabicPart(p.raw, p.norm),
        ),
      );
    } else parts.push(cachedPart(`l\t${p.raw}\t${p.script}\t${p.norm}`, () => makeLatinPart(p.raw, p.script, p.norm, p.norm)));
  }
  // Names longer than 30 parts are not names; keep the first 30 (the scorer uses 32-bit masks).
  return { raw: name, parts: parts.slice(0, 30), particles };
}
