import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Empty } from './QueryState.tsx';

export function NotPermitted() {
  const { t } = useTranslation();
  return <Empty title={t('access.deniedTitle')} description={t('access.deniedText')} action={<Button component={Link} to="/" variant="light">{t('common.home')}</Button>} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Empty title={t('notFound.title')} description={t('notFound.text')} action={<Button component={Link} to="/" variant="light">{t('common.home')}</Button>} />;
}
