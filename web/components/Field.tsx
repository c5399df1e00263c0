import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A labelled read-only value on a detail page. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="div">{children}</Text>
    </Stack>
  );
}
