import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../lib/format.ts';
import { useMailbox } from './api.ts';

/** Development only: the messages kept in the outbox (the server answers 404 in production). */
export function MailboxPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const mailbox = useMailbox();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('workforce.mailbox.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('workforce.mailbox.intro')}
      </Text>
      <QueryState query={mailbox} isEmpty={(d) => d.items.length === 0} empty={<Empty title={t('workforce.mailbox.empty')} />}>
        {(d) => (
          <Stack gap="sm">
            {d.items.map((m) => (
              <Card key={m.id} withBorder component="article" data-testid="mail">
                <Text size="xs" c="dimmed" dir="ltr">
                  {t('workforce.mailbox.to')}: {m.to} · {fmt.dateTime(m.createdAt)}
                </Text>
                <Text fw={700}>{m.subject}</Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {linkify(m.body)}
                </Text>
              </Card>
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part.replace(/^https?:\/\/[^/]+/, '')} dir="ltr">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
