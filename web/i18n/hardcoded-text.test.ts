import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// jsdom gives import.meta.url an http: scheme, so the folder is found from the project root
const webDir = resolve(process.cwd(), 'web');

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

const LETTERS = 'A-Za-z\\u00C0-\\u024F\\u0600-\\u06FF';
/** Text between a closing `>` and the next `<` or `{` that starts with a letter: a sentence typed into JSX. */
const JSX_TEXT = new RegExp(`>\\s*([${LETTERS}][^<>{}]*?)\\s*(?=[<{])`, 'g');
/** Literal strings given to props that people read. */
const TEXT_PROP = new RegExp(
  `\\b(?:label|placeholder|title|description|aria-label|alt|message)=["']([^"']*[${LETTERS}]{2,}[^"']*)["']`,
  'g',
);

/** Hard-coded, human-readable text in a TSX source (sensible, not exhaustive). */
export function findHardCodedText(source: string): string[] {
  // generic type arguments such as useState<string>( or Record<string, string> look like tags
  const code = source.replace(/(?<=[\w\]])<[\w.]+(?:\[\])?(?:\s*[|,]\s*[\w.[\]]+)*>/g, '');
  const found: string[] = [];
  for (const match of code.matchAll(JSX_TEXT)) {
    const text = match[1]?.trim() ?? '';
    // arrow functions and comparisons (`a > b && c`) are code, not text
    if (/=>|&&|\|\||[;=()]/.test(text)) continue;
    if (new RegExp(`[${LETTERS}]{2,}`).test(text)) found.push(text);
  }
  for (const match of code.matchAll(TEXT_PROP)) found.push(match[0]);
  return found;
}

describe('hard-coded text finder', () => {
  it('finds sentences and readable props typed into JSX', () => {
    expect(findHardCodedText('<Text size="sm">Sign in now</Text>')).toEqual(['Sign in now']);
    expect(findHardCodedText('<Button>تسجيل</Button>')).toEqual(['تسجيل']);
    expect(findHardCodedText('<TextInput label="Email" />')).toEqual(['label="Email"']);
  });

  it('leaves translated text, data and code alone', () => {
    expect(findHardCodedText("<Text>{t('auth.signIn')}</Text>")).toEqual([]);
    expect(findHardCodedText('<Text size="sm">{user.name}</Text>')).toEqual([]);
    expect(findHardCodedText('const [a, b] = useState<string>(""); if (x > y && z < w) run();')).toEqual([]);
    expect(findHardCodedText('<span aria-hidden>×</span>')).toEqual([]);
  });
});

describe('web components', () => {
  const files = tsxFiles(webDir);

  it('are found', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('have no hard-coded visible text: every string comes from the catalogs', () => {
    const offences = files.flatMap((file) =>
      findHardCodedText(readFileSync(file, 'utf8')).map((text) => `${relative(webDir, file)}: ${text}`),
    );
    expect(offences).toEqual([]);
  });
});
