import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Match } from '../../../common/contracts/platform.ts';
import { useFormat } from '../../lib/format.ts';
import { useVenueNamer } from '../venues/api.ts';
import { RISK_COLOR, fixtureLabel, riskLabel, stageLabel } from './labels.ts';

export function MatchesTable({ matches, showVenue = true, busy }: { matches: Match[]; showVenue?: boolean; busy?: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const venueName = useVenueNamer();
  return (
    <Table.ScrollContainer minWidth={showVenue ? 760 : 620}>
      <Table striped highlightOnHover aria-busy={busy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matches.number')}</Table.Th>
            <Table.Th>{t('matches.kickoff')}</Table.Th>
            <Table.Th>{t('matches.fixtureHeader')}</Table.Th>
            <Table.Th>{t('matches.stage')}</Table.Th>
            {showVenue && <Table.Th>{t('matches.venue')}</Table.Th>}
            <Table.Th>{t('matches.expectedAttendance')}</Table.Th>
            <Table.Th>{t('matches.riskCategory')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matches.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{fmt.number(m.number)}</Table.Td>
              <Table.Td>
                <Text size="sm">{fmt.date(m.kickoffAt)}</Text>
                <Text size="xs" c="dimmed">
                  {fmt.time(m.kickoffAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/matches/${m.id}`}>
                  {fixtureLabel(m, t)}
                </Anchor>
              </Table.Td>
              <Table.Td>{stageLabel(m.stage, t)}</Table.Td>
              {showVenue && <Table.Td>{venueName(m.venueId, m.venueName)}</Table.Td>}
              <Table.Td>{fmt.number(m.expectedAttendance)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={RISK_COLOR[m.riskCategory] ?? 'gray'} miw="max-content">
                  {riskLabel(m.riskCategory, t)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
