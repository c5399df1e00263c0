import { Alert, Anchor, Badge, Button, Card, Container, FileButton, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { ApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { fetchMe } from '../auth/api.ts';
import { fetchKeys, fetchRevocations, uploadScans } from './api.ts';
import { type CheckpointCache, loadCache, loadScans, type OfflineVerdict, type RecordedScan, saveCache, saveScans, verifyOffline } from './verify.ts';

const CHECKPOINT_NAME = 'tansiq.checkpoint.name';

function useOnline() {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

/** Reads a QR code from an image (a camera frame or a photo). */
function decodeImage(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement): string | null {
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, width, height);
  const img = ctx.getImageData(0, 0, width, height);
  return jsQR(img.data, width, height)?.data ?? null;
}

/**
 * The checkpoint: scans badges with the camera (or a photo, or a typed code) and verifies them offline from
 * the keys and revocation list it last fetched; every scan is recorded and uploaded when back online.
 */
export function CheckpointPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const online = useOnline();
  const [cache, setCache] = useState<CheckpointCache | null>(() => loadCache());
  const [scans, setScans] = useState<RecordedScan[]>(() => loadScans());
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const [checkpoint, setCheckpoint] = useState(() => localStorage.getItem(CHECKPOINT_NAME) ?? '');
  const [manual, setManual] = useState('');
  const [verdict, setVerdict] = useState<OfflineVerdict | null>(null);
  const [scanning, setScanning] = useState(false);
  const [uploading, setUploading] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(document.createElement('canvas'));
  const streamRef = useRef<MediaStream | null>(null);
  const lastCode = useRef<{ code: string; at: number } | null>(null);

  const refresh = useCallback(async () => {
    setRefreshError(null);
    try {
      await fetchMe();
      const [keys, rev] = await Promise.all([fetchKeys(), fetchRevocations()]);
      const next: CheckpointCache = { keys: keys.keys.map((k) => ({ kid: k.kid, publicKey: k.publicKey })), revoked: rev.items.map((r) => ({ id: r.id, status: r.status })), venues: rev.venues, fetchedAt: rev.generatedAt };
      saveCache(next);
      setCache(next);
      setNeedsSignIn(false);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) setNeedsSignIn(true);
      else setRefreshError(t('accreditation.checkpoint.refreshFailed'));
    }
  }, [t]);

  const upload = useCallback(async () => {
    const pending = loadScans().filter((s) => !s.uploaded);
    if (pending.length === 0) return;
    setUploading(true);
    try {
      await uploadScans(pending.map(({ uploaded: _u, ...s }) => s));
      const done = new Set(pending.map((s) => s.id));
      const next = loadScans().map((s) => (done.has(s.id) ? { ...s, uploaded: true } : s));
      saveScans(next);
      setScans(next);
    } catch {
      // Kept for the next attempt.
    } finally {
      setUploading(false);
    }
  }, []);

  useEffect(() => {
    if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/checkpoint-sw.js').catch(() => {});
    if (navigator.onLine) void refresh().then(upload);
  }, [refresh, upload]);

  useEffect(() => {
    if (online) void refresh().then(upload);
  }, [online]); // eslint-disable-line react-hooks/exhaustive-deps

  const check = useCallback(
    async (code: string) => {
      if (!cache) return;
      const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Qatar' });
      const v = await verifyOffline(code.trim(), cache, today);
      setVerdict(v);
      const scan: RecordedScan = { id: crypto.randomUUID(), code: code.trim(), scannedAt: new Date().toISOString(), checkpoint: checkpoint.trim() || null, offlineReason: v.reason, uploaded: false };
      const next = [...loadScans(), scan];
      saveScans(next);
      setScans(next);
      if (navigator.onLine) void upload();
    },
    [cache, checkpoint, upload],
  );

  const stopCamera = useCallback(() => {
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    setScanning(false);
  }, []);

  const startCamera = async () => {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      streamRef.current = stream;
      setScanning(true);
      const video = videoRef.current;
      if (!video) return;
      video.srcObject = stream;
      await video.play();
      const tick = () => {
        if (!streamRef.current) return;
        if (video.readyState >= 2 && video.videoWidth > 0) {
          const code = decodeImage(video, video.videoWidth, video.videoHeight, canvasRef.current);
          const now = Date.now();
          if (code && (lastCode.current?.code !== code || now - lastCode.current.at > 3000)) {
            lastCode.current = { code, at: now };
            void check(code);
          }
        }
        setTimeout(tick, 250);
      };
      tick();
    } catch {
      setRefreshError(t('accreditation.checkpoint.noCamera'));
      stopCamera();
    }
  };
  useEffect(() => stopCamera, [stopCamera]);

  const fromPhoto = async (file: File | null) => {
    if (!file) return;
    const bitmap = await createImageBitmap(file);
    const code = decodeImage(bitmap, bitmap.width, bitmap.height, canvasRef.current);
    if (code) await check(code);
    else setVerdict({ reason: 'malformed', initials: null, number: null, zones: [], venues: [], validFrom: null, validTo: null });
  };

  const pending = scans.filter((s) => !s.uploaded).length;
  const ok = verdict?.reason === 'valid';
  return (
    <Container size="xs" py="md" px="sm">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Title order={1} size="h3">
            {t('accreditation.checkpoint.title')}
          </Title>
          <LanguageSwitcher />
        </Group>
        <Group gap="xs">
          <Badge color={online ? 'teal' : 'orange'} data-testid="network">
            {online ? t('accreditation.checkpoint.online') : t('accreditation.checkpoint.offline')}
          </Badge>
          {cache && (
            <Text size="xs" c="dimmed" data-testid="cache-info">
              {t('accreditation.checkpoint.cache', { keys: cache.keys.length, revoked: cache.revoked.length, at: fmt.dateTime(cache.fetchedAt) })}
            </Text>
          )}
        </Group>
        {needsSignIn && (
          <Alert color="orange">
            {t('accreditation.checkpoint.signIn')}{' '}
            <Anchor component={Link} to="/sign-in?next=/checkpoint">
              {t('accreditation.checkpoint.signInLink')}
            </Anchor>
          </Alert>
        )}
        {refreshError && <Alert color="orange">{refreshError}</Alert>}
        {!cache && !needsSignIn && <Alert color="gray">{t('accreditation.checkpoint.noCache')}</Alert>}
        <TextInput
          label={t('accreditation.checkpoint.name')}
          value={checkpoint}
          onChange={(e) => {
            setCheckpoint(e.currentTarget.value);
            localStorage.setItem(CHECKPOINT_NAME, e.currentTarget.value);
          }}
        />
        {verdict && (
          <Card withBorder padding="lg" bg={ok ? 'green.0' : 'red.0'} role="status" aria-live="assertive" data-testid="verdict" data-reason={verdict.reason}>
            <Stack gap={4}>
              <Title order={2} size="h2" c={ok ? 'green.8' : 'red.8'}>
                {ok ? t('accreditation.checkpoint.valid') : t('accreditation.checkpoint.refused')}
              </Title>
              <Text fw={600}>{t(`accreditation.reason.${verdict.reason}`)}</Text>
              {verdict.number !== null && (
                <Text size="sm">
                  {t('accreditation.checkpoint.holder', { number: verdict.number, initials: verdict.initials })}
                </Text>
              )}
              {verdict.zones.length > 0 && <Text size="sm">{t('accreditation.checkpoint.zones', { zones: verdict.zones.join(t('common.listSeparator')) })}</Text>}
              {verdict.venues.length > 0 && <Text size="sm">{verdict.venues.join(t('common.listSeparator'))}</Text>}
              {verdict.validFrom && verdict.validTo && <Text size="sm">{t('accreditation.checkpoint.validity', { from: fmt.date(verdict.validFrom), to: fmt.date(verdict.validTo) })}</Text>}
            </Stack>
          </Card>
        )}
        <Card withBorder>
          <Stack gap="sm">
            <video ref={videoRef} playsInline muted style={{ width: '100%', display: scanning ? 'block' : 'none', borderRadius: 8 }} />
            <Group grow>
              {scanning ? (
                <Button variant="light" onClick={stopCamera}>
                  {t('accreditation.checkpoint.stopCamera')}
                </Button>
              ) : (
                <Button onClick={() => void startCamera()} disabled={!cache}>
                  {t('accreditation.checkpoint.scan')}
                </Button>
              )}
              <FileButton onChange={(f) => void fromPhoto(f)} accept="image/*" capture="environment">
                {(props) => (
                  <Button {...props} variant="light" disabled={!cache}>
                    {t('accreditation.checkpoint.photo')}
                  </Button>
                )}
              </FileButton>
            </Group>
            <Textarea label={t('accreditation.checkpoint.manual')} dir="ltr" autosize minRows={2} value={manual} onChange={(e) => setManual(e.currentTarget.value)} data-testid="manual-code" />
            <Button variant="default" disabled={!cache || !manual.trim()} onClick={() => void check(manual)}>
              {t('accreditation.checkpoint.verify')}
            </Button>
          </Stack>
        </Card>
        <Group justify="space-between">
          <Text size="sm" data-testid="pending-scans">
            {t('accreditation.checkpoint.scans', { count: scans.length, pending })}
          </Text>
          <Button size="xs" variant="light" onClick={() => void upload()} disabled={!online || pending === 0} loading={uploading}>
            {t('accreditation.checkpoint.upload')}
          </Button>
        </Group>
        <Button size="xs" variant="subtle" onClick={() => void refresh()} disabled={!online}>
          {t('accreditation.checkpoint.refresh')}
        </Button>
      </Stack>
    </Container>
  );
}
