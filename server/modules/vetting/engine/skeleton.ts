/**
 * Consonant skeletons: a script-independent key of a name part. Latin spellings and Arabic script
 * are both reduced to classes of consonants (vowels, w/y, alef/waw/yeh and ʿayn dropped, related
 * consonants merged, doubles collapsed), so Mohamed / Muhammad / محمد all give `MHMD`,
 * Youssef / Yusuf / Youcef / يوسف give `SF`, Hussein / Hocine / حسين give `HSN`.
 */

const LATIN_DIGRAPHS: [string, string][] = [
  ['sch', 'S'],
  ['tch', 'TS'],
  ['sh', 'S'],
  ['ch', 'S'],
  ['zh', 'G'],
  ['kh', 'X'],
  ['gh', 'G'],
  ['th', 'T'],
  ['dh', 'D'],
  ['ph', 'F'],
  ['dj', 'G'],
  ['ck', 'K'],
  ['qu', 'K'],
];

const LATIN_SINGLE: Record<string, string> = {
  b: 'B', p: 'B', t: 'T', d: 'D', g: 'G', j: 'G', h: 'H', k: 'K', q: 'K', s: 'S', z: 'S',
  l: 'L', m: 'M', n: 'N', r: 'R', f: 'F', v: 'F', x: 'KS',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w']);

function collapse(parts: string[]): string {
  let out = '';
  for (const p of parts) for (const c of p) if (out[out.length - 1] !== c) out += c;
  return out;
}

/** Skeleton of a folded Latin part (a–z only). */
export function latinSkeleton(folded: string): string {
  let s = folded;
  // A final h after a vowel (Fatimah, Abdullah) is the Arabic teh marbuta / final heh: silent.
  if (s.length > 2 && s.endsWith('h') && VOWELS.has(s[s.length - 2] ?? '')) s = s.slice(0, -1);
  const parts: string[] = [];
  let i = 0;
  outer: while (i < s.length) {
    for (const [dg, cls] of LATIN_DIGRAPHS) {
      if (s.startsWith(dg, i)) {
        parts.push(cls);
        i += dg.length;
        continue outer;
      }
    }
    const ch = s[i] ?? '';
    const next = s[i + 1];
    if (ch === 'c') parts.push(next !== undefined && 'eiy'.includes(next) ? 'S' : 'K');
    else if (!VOWELS.has(ch)) parts.push(LATIN_SINGLE[ch] ?? '');
    else parts.push('');
    i++;
  }
  return collapse(parts);
}

const ARABIC_CLASS: Record<string, string> = {
  ب: 'B', پ: 'B', ت: 'T', ط: 'T', ث: 'T', ج: 'G', غ: 'G', گ: 'G', ژ: 'G', چ: 'S', ح: 'H', ه: 'H', خ: 'X',
  د: 'D', ض: 'D', ذ: 'D', ر: 'R', ز: 'S', س: 'S', ش: 'S', ص: 'S', ظ: 'S', ف: 'F', ڤ: 'F', ق: 'K', ك: 'K',
  ل: 'L', م: 'M', ن: 'N', ة: 'H',
};

/** Letters rendered two ways in Latin: ذ dh/z, ث th/s, ظ z/dh, ض d/z (Ramazan), ق q/g (Gulf, Maghreb). */
const ARABIC_ALTERNATIVE: Record<string, string> = { ذ: 'S', ث: 'S', ظ: 'D', ض: 'S', ق: 'G' };

function arabicClasses(normalized: string, alternative: boolean): string {
  let s = normalized.replace(/تش/g, 'چ'); // تش writes "ch" (Richard → ريتشارد)
  // Final teh marbuta / heh is a vowel ending in Latin renderings (Fatima, Abdullah).
  if (s.length > 2 && (s.endsWith('ة') || s.endsWith('ه'))) s = s.slice(0, -1);
  const parts: string[] = [];
  for (const ch of s) parts.push((alternative ? ARABIC_ALTERNATIVE[ch] : undefined) ?? ARABIC_CLASS[ch] ?? '');
  return collapse(parts);
}

/** Skeleton of a normalised Arabic part. */
export function arabicSkeleton(normalized: string): string {
  return arabicClasses(normalized, false);
}

/** Skeletons of a normalised Arabic part: the main one, and one with the alternative readings of ذ ث ظ ض ق when there are any. */
export function arabicSkeletons(normalized: string): string[] {
  const main = arabicClasses(normalized, false);
  const alt = arabicClasses(normalized, true);
  return alt === main ? [main] : [main, alt];
}

/**
 * Phonetic form of a folded Latin part: consonants as in the skeleton, vowels kept as three classes
 * (a; e/i/y → i; o/u → u), a run of vowels reduced to its first, w/y kept as consonants at the start
 * or between vowels. Mohamed `MuHaMiD`, Muhammad `MuHaMaD`; Youssef and Youcef `YuSiF`.
 */
export function latinPhonetic(folded: string): string {
  let s = folded;
  if (s.length > 2 && s.endsWith('h') && VOWELS.has(s[s.length - 2] ?? '')) s = s.slice(0, -1);
  // A silent final e (Hocine, Abderrahmane).
  if (s.length > 3 && s.endsWith('e') && !VOWELS.has(s[s.length - 2] ?? '')) s = s.slice(0, -1);
  let out = '';
  let prevVowel = false;
  let i = 0;
  const push = (c: string) => {
    if (out[out.length - 1] !== c) out += c;
  };
  outer: while (i < s.length) {
    for (const [dg, cls] of LATIN_DIGRAPHS) {
      if (s.startsWith(dg, i)) {
        for (const c of cls) push(c);
        prevVowel = false;
        i += dg.length;
        continue outer;
      }
    }
    const ch = s[i] ?? '';
    const next = s[i + 1];
    const nextIsVowel = next !== undefined && 'aeiou'.includes(next);
    if ((ch === 'y' || ch === 'w') && (i === 0 || prevVowel) && nextIsVowel) {
      push(ch === 'y' ? 'Y' : 'W');
      prevVowel = false;
    } else if (VOWELS.has(ch)) {
      const v = ch === 'a' ? 'a' : ch === 'o' || ch === 'u' || ch === 'w' ? 'u' : 'i';
      if (!prevVowel) out += v;
      prevVowel = true;
    } else {
      const cls = ch === 'c' ? (next !== undefined && 'eiy'.includes(next) ? 'S' : 'K') : (LATIN_SINGLE[ch] ?? '');
      for (const c of cls) push(c);
      prevVowel = false;
    }
    i++;
  }
  return out;
}
