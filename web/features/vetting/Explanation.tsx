import { Badge, Card, Group, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HitExplanation, ScreenedPerson } from '../../../common/contracts/vetting.ts';
import { type Formatters, useFormat } from '../../lib/format.ts';
import { percent } from './labels.tsx';

const KIND_COLOR: Record<string, string> = { same: 'teal', variant: 'blue', transliteration: 'violet', phonetic: 'cyan', typo: 'orange', initial: 'gray' };

function signed(fmt: Formatters, x: number): string {
  const n = new Intl.NumberFormat(fmt.locale === 'ar' ? 'ar-u-nu-latn' : fmt.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(x);
  return x === 0 ? '±0' : n;
}

function fraction(fmt: Formatters, x: number): string {
  return new Intl.NumberFormat(fmt.locale === 'ar' ? 'ar-u-nu-latn' : fmt.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
}

/** The score against the threshold, as a bar with the threshold marked. */
export function ScoreBar({ score, threshold, nameScore, genericOnly }: { score: number; threshold: number; nameScore: number; genericOnly: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder data-testid="score-card">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={4}>{t('vetting.explanation.scoreTitle')}</Title>
        <Group gap="xs">
          <Badge size="lg" color={score >= 0.9 ? 'red' : 'orange'}>
            {t('vetting.explanation.score', { score: percent(fmt, score) })}
          </Badge>
          <Badge size="lg" variant="outline" color="gray">
            {t('vetting.explanation.threshold', { threshold: percent(fmt, threshold) })}
          </Badge>
        </Group>
      </Group>
      <div style={{ position: 'relative' }}>
        <Progress value={score * 100} color={score >= 0.9 ? 'red' : 'orange'} size="lg" aria-label={t('vetting.score')} />
        <div
          aria-hidden
          style={{ position: 'absolute', insetBlock: -4, insetInlineStart: `${threshold * 100}%`, borderInlineStart: '2px dashed var(--mantine-color-dark-4)' }}
        />
      </div>
      <Text size="sm" c="dimmed" mt="xs">
        {t('vetting.explanation.nameScore', { score: percent(fmt, nameScore) })}
        {genericOnly && ` ${t('vetting.explanation.genericOnly')}`}
      </Text>
    </Card>
  );
}

/** Name parts paired with each other, and how; the parts left alone on either side. */
export function NamePairs({ e }: { e: HitExplanation }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('vetting.explanation.namesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        <span dir="auto">{e.queryName}</span> ↔ <span dir="auto">{e.matchedName}</span> ({t(`vetting.nameKind.${e.matchedNameKind}`, { defaultValue: e.matchedNameKind })})
      </Text>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} data-testid="name-pairs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('vetting.explanation.applicantPart')}</Table.Th>
              <Table.Th>{t('vetting.explanation.how')}</Table.Th>
              <Table.Th>{t('vetting.explanation.listPart')}</Table.Th>
              <Table.Th>{t('vetting.explanation.similarity')}</Table.Th>
              <Table.Th>{t('vetting.explanation.weight')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.tokens.map((tok) => (
              <Table.Tr key={`${tok.query}|${tok.entry}|${tok.kind}`}>
                <Table.Td fw={600} dir="auto">
                  {tok.query}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Tooltip label={t(`vetting.kindHint.${tok.kind}`, { defaultValue: '' })} disabled={!t(`vetting.kindHint.${tok.kind}`, { defaultValue: '' })}>
                      <Badge color={KIND_COLOR[tok.kind] ?? 'gray'} variant="light" data-testid="pair-kind">
                        {t(`vetting.kind.${tok.kind}`, { defaultValue: tok.kind })}
                      </Badge>
                    </Tooltip>
                    {tok.isGeneric && (
                      <Badge color="gray" variant="outline" size="xs">
                        {t('vetting.explanation.common')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td fw={600} dir="auto">
                  {tok.entry}
                </Table.Td>
                <Table.Td>{percent(fmt, tok.similarity)}</Table.Td>
                <Table.Td>{fraction(fmt, tok.weight)}</Table.Td>
              </Table.Tr>
            ))}
            {e.unmatchedQuery.map((p) => (
              <Table.Tr key={`q-${p}`}>
                <Table.Td dir="auto">{p}</Table.Td>
                <Table.Td colSpan={4}>
                  <Text size="sm" c="dimmed">
                    {t('vetting.explanation.onlyApplicant')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
            {e.unmatchedEntry.map((p) => (
              <Table.Tr key={`e-${p}`}>
                <Table.Td />
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t('vetting.explanation.onlyList')}
                  </Text>
                </Table.Td>
                <Table.Td dir="auto">{p}</Table.Td>
                <Table.Td colSpan={2} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {e.particles.length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('vetting.explanation.particles')} <span dir="auto">{e.particles.join(' · ')}</span>
        </Text>
      )}
    </Card>
  );
}

/** Birth date, nationality and gender: the applicant's value, the list's, what it says, and how it moved the score. */
export function Evidence({ e, person, entryGender }: { e: HitExplanation; person: ScreenedPerson; entryGender: 'male' | 'female' | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const countries = (codes: string[]) => (codes.length ? codes.map((c) => fmt.country(c)).join(', ') : '—');
  const rows = [
    { key: 'birthDate', applicant: e.birthDate.query ?? person.dateOfBirth ?? '—', entry: e.birthDate.entry ?? '—', outcome: e.birthDate.outcome, adjustment: e.birthDate.adjustment, ltr: true },
    { key: 'nationality', applicant: person.nationality ? fmt.country(person.nationality) : (e.nationality.query ?? '—'), entry: countries(e.nationality.entry), outcome: e.nationality.outcome, adjustment: e.nationality.adjustment, ltr: false },
    { key: 'gender', applicant: person.gender ? t(`vetting.gender.${person.gender}`) : '—', entry: entryGender ? t(`vetting.gender.${entryGender}`) : '—', outcome: e.gender.outcome, adjustment: e.gender.adjustment, ltr: false },
  ];
  return (
    <Card withBorder>
      <Title order={4} mb="xs">
        {t('vetting.explanation.evidenceTitle')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} data-testid="evidence">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>{t('vetting.explanation.applicant')}</Table.Th>
              <Table.Th>{t('vetting.explanation.list')}</Table.Th>
              <Table.Th>{t('vetting.explanation.outcome')}</Table.Th>
              <Table.Th>{t('vetting.explanation.adjustment')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td fw={600}>{t(`vetting.explanation.${r.key}`)}</Table.Td>
                <Table.Td style={r.ltr ? { whiteSpace: 'nowrap' } : undefined}>
                  <span dir={r.ltr ? 'ltr' : 'auto'}>{r.applicant}</span>
                </Table.Td>
                <Table.Td style={r.ltr ? { whiteSpace: 'nowrap' } : undefined}>
                  <span dir={r.ltr ? 'ltr' : 'auto'}>{r.entry || '—'}</span>
                </Table.Td>
                <Table.Td>{t(`vetting.outcome.${r.outcome}`, { defaultValue: r.outcome })}</Table.Td>
                <Table.Td dir="ltr">
                  <Text size="sm" c={r.adjustment > 0 ? 'red' : r.adjustment < 0 ? 'teal' : 'dimmed'} ta="end">
                    {signed(fmt, r.adjustment)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function ExplanationView({ e, person, entryGender }: { e: HitExplanation; person: ScreenedPerson; entryGender: 'male' | 'female' | null }) {
  return (
    <Stack>
      <ScoreBar score={e.score} threshold={e.threshold} nameScore={e.nameScore} genericOnly={e.genericOnly} />
      <NamePairs e={e} />
      <Evidence e={e} person={person} entryGender={entryGender} />
    </Stack>
  );
}
