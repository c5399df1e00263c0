import { Alert, Button, Checkbox, CopyButton, Code, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateApiTokenBody, type Organisation } from '../../../common/contracts/platform.ts';
import { TOKEN_PERMISSIONS } from '../../../common/permissions.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { localName, useFormat } from '../../lib/format.ts';
import { useFormErrors } from '../../lib/forms.ts';
import { useCreateApiToken } from './api.ts';
import { permissionDescription, permissionLabel } from './labels.ts';

/** Creates a token, then shows its secret once: it is kept only in this component's state until closed. */
export function CreateTokenModal({
  opened,
  onClose,
  organisations,
}: {
  opened: boolean;
  onClose: () => void;
  organisations: Organisation[];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const create = useCreateApiToken();
  const form = useFormErrors({ 'api_token.permission_not_grantable': 'permissions', 'organisation.not_found': 'organisationId' });
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [permissions, setPermissions] = useState<string[]>([]);
  const [expiresAt, setExpiresAt] = useState('');
  const [secret, setSecret] = useState<string | null>(null);

  const close = () => {
    setSecret(null);
    setName('');
    setOrganisationId(null);
    setPermissions([]);
    setExpiresAt('');
    create.reset();
    onClose();
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body = form.check(CreateApiTokenBody, {
      name,
      organisationId: organisationId ?? '',
      permissions,
      expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null,
    });
    if (!body) return;
    create.mutate(body, { onSuccess: (res) => setSecret(res.secret), onError: form.fromServer });
  };

  return (
    <Modal opened={opened} onClose={close} title={secret ? t('tokens.secretTitle') : t('tokens.create')} size="lg" closeOnClickOutside={!secret} closeOnEscape={!secret}>
      {secret ? (
        <Stack>
          <Alert color="orange" title={t('tokens.secretWarningTitle')}>
            {t('tokens.secretWarning')}
          </Alert>
          <Code block dir="ltr" data-testid="token-secret" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {secret}
          </Code>
          <Group justify="space-between">
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button color={copied ? 'teal' : 'blue'} onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={close}>
              {t('tokens.secretDone')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack>
            <FormAlert message={form.formError} />
            <TextInput
              label={t('tokens.name')}
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                form.clear('name');
              }}
              error={form.errors.name}
            />
            <Select
              label={t('tokens.organisation')}
              description={t('tokens.organisationHint')}
              required
              searchable
              value={organisationId}
              onChange={(value) => {
                setOrganisationId(value);
                form.clear('organisationId');
              }}
              data={organisations.map((o) => ({ value: o.id, label: localName(fmt.locale, o) }))}
              error={form.errors.organisationId}
            />
            <Checkbox.Group
              label={t('tokens.permissions')}
              description={t('tokens.permissionsHint')}
              required
              value={permissions}
              onChange={(value) => {
                setPermissions(value);
                form.clear('permissions');
              }}
              error={form.errors.permissions}
            >
              <Stack gap="xs" mt="xs">
                {TOKEN_PERMISSIONS.map((p) => (
                  <Checkbox key={p} value={p} label={permissionLabel(p, t)} description={permissionDescription(p, t)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <TextInput
              type="datetime-local"
              label={t('tokens.expiresAt')}
              description={t('tokens.expiresHint')}
              value={expiresAt}
              onChange={(e) => {
                setExpiresAt(e.currentTarget.value);
                form.clear('expiresAt');
              }}
              error={form.errors.expiresAt}
            />
            <Text size="xs" c="dimmed">
              {t('tokens.secretOnceNote')}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
