/**
 * Name-variant knowledge learned from the training transliteration pairs (see
 * `scripts/build-name-variants.ts`): the most frequent Latin renderings of each Arabic name part, and
 * variant groups (Latin spellings that render the same Arabic part are variants of each other).
 * A rule-based Arabic → Latin transliteration covers parts never seen in training.
 */
import { AlignModel, type AlignModelData, LATIN_POSITIONAL } from './align.ts';
import variants from './data/name-variants.json' with { type: 'json' };

interface VariantFile {
  arabic: Record<string, string>;
  align: AlignModelData;
  latinAlign: AlignModelData;
  trainingFiles: string[];
}

/** The data files the knowledge was built from (training splits only; recorded by the build script). */
export const TRAINING_FILES_READ: readonly string[] = (variants as unknown as VariantFile).trainingFiles;

const arabicKeys: string[] = [];
const arabicRenderings = new Map<string, string[]>();
const arabicGroup = new Map<string, number>();
const latinGroups = new Map<string, number[]>();

for (const [ar, joined] of Object.entries((variants as unknown as VariantFile).arabic)) {
  const id = arabicKeys.length;
  arabicKeys.push(ar);
  const renderings = joined.split('|');
  arabicRenderings.set(ar, renderings);
  arabicGroup.set(ar, id);
  for (const r of renderings) {
    const g = latinGroups.get(r);
    if (g) g.push(id);
    else latinGroups.set(r, [id]);
  }
}

/** Learned Latin renderings of a normalised Arabic part, most frequent first (empty when unseen). */
export function learnedRenderings(arabic: string): readonly string[] {
  return arabicRenderings.get(arabic) ?? [];
}

/** Variant-group id of a normalised Arabic part, if it was seen in training. */
export function arabicGroupId(arabic: string): number | undefined {
  return arabicGroup.get(arabic);
}

/** Variant-group ids of a folded Latin part (the Arabic parts it renders). */
export function latinGroupIds(latin: string): readonly number[] {
  return latinGroups.get(latin) ?? [];
}

/** The letter-level Arabic ↔ Latin model learned from the training pairs. */
export const alignModel = new AlignModel((variants as unknown as VariantFile).align);
/** The letter-level Latin ↔ Latin model (spellings of the same Arabic part in training). */
export const latinAlignModel = new AlignModel((variants as unknown as VariantFile).latinAlign, LATIN_POSITIONAL);

/** Number of Arabic parts in the knowledge (for documentation and tests). */
export const knowledgeSize = arabicKeys.length;

const RULE: Record<string, string> = {
  ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h',
  پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ڤ: 'v',
};

/**
 * Rule-based Arabic → Latin transliteration for parts not seen in training: consonants by a fixed
 * table; alef → a, waw → w/u, yeh → y/i, ʿayn and hamza dropped, teh marbuta → a, and an `a`
 * inserted between two consonants (Arabic script does not write short vowels).
 */
export function ruleTransliterate(arabic: string): string {
  const chars = [...arabic];
  let out = '';
  let prevConsonant = false;
  chars.forEach((ch, i) => {
    const first = i === 0;
    const last = i === chars.length - 1;
    if (ch === 'ا') {
      out += 'a';
      prevConsonant = false;
    } else if (ch === 'و') {
      out += first || (!prevConsonant && !last) ? 'w' : 'ou';
      prevConsonant = first;
    } else if (ch === 'ي') {
      out += first ? 'y' : 'i';
      prevConsonant = first;
    } else if (ch === 'ة') {
      out += 'a';
      prevConsonant = false;
    } else if (ch === 'ع' || ch === 'ء') {
      prevConsonant = false;
    } else {
      const c = RULE[ch];
      if (!c) return;
      if (prevConsonant) out += 'a';
      out += c;
      prevConsonant = true;
    }
  });
  return out;
}
