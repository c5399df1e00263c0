import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CursorPager } from '../lib/pagination.ts';
import { useFormat } from '../lib/format.ts';

export function Pager({ pager, nextCursor, busy }: { pager: CursorPager; nextCursor: string | null | undefined; busy?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!pager.hasPrevious && !nextCursor) return null;
  return (
    <Group justify="space-between" mt="md">
      <Button variant="default" size="xs" disabled={!pager.hasPrevious || busy} onClick={pager.previous}>
        {t('pager.previous')}
      </Button>
      <Text size="sm" c="dimmed">
        {t('pager.page', { page: fmt.number(pager.page) })}
      </Text>
      <Button
        variant="default"
        size="xs"
        disabled={!nextCursor || busy}
        onClick={() => nextCursor && pager.next(nextCursor)}
      >
        {t('pager.next')}
      </Button>
    </Group>
  );
}
