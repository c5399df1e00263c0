/**
 * The mail outbox: messages are written in the transaction of the change that causes them, then sent by
 * SMTP when `SMTP_URL` is set; otherwise they stay in the outbox, readable at /dev/mailbox outside
 * production. A failed send is retried on the next flush (every minute), up to 10 attempts.
 */
import { and, asc, desc, eq, isNull, lt } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { Locale } from '../../../common/contracts/common.ts';
import type { Db } from '../../platform/db/client.ts';
import { newId } from '../../platform/ids.ts';
import type { Platform } from '../../platform/platform.ts';
import { mailOutbox } from './workforce.schema.ts';

const MAX_ATTEMPTS = 10;

const TEMPLATES: Record<'confirm' | 'status', Record<Locale, { subject: string; body: string }>> = {
  confirm: {
    en: { subject: 'Confirm your email for the Tansiq workforce portal', body: 'Welcome.\n\nConfirm your email address by opening this link (valid 48 hours):\n{link}\n\nIf you did not create an account, ignore this message.' },
    fr: { subject: 'Confirmez votre adresse e-mail pour le portail Tansiq', body: 'Bienvenue.\n\nConfirmez votre adresse e-mail en ouvrant ce lien (valable 48 heures) :\n{link}\n\nSi vous n’avez pas créé de compte, ignorez ce message.' },
    ar: { subject: 'أكّد بريدك الإلكتروني لبوابة تنسيق للتوظيف', body: 'مرحبًا بك.\n\nأكّد عنوان بريدك الإلكتروني بفتح هذا الرابط (صالح لمدة 48 ساعة):\n{link}\n\nإن لم تُنشئ حسابًا فتجاهل هذه الرسالة.' },
  },
  status: {
    en: { subject: 'Your application has been updated', body: 'There is news about your application. Sign in to see it:\n{link}' },
    fr: { subject: 'Votre candidature a été mise à jour', body: 'Votre candidature a évolué. Connectez-vous pour la consulter :\n{link}' },
    ar: { subject: 'تم تحديث طلبك', body: 'هناك جديد بشأن طلبك. سجّل الدخول للاطلاع عليه:\n{link}' },
  },
};

export function createMailer(platform: Platform) {
  const { db, clock, config, operationId } = platform;
  const transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  let flushing: Promise<void> | null = null;

  async function flushOnce(): Promise<void> {
    if (!transport) return;
    const pending = await db.select().from(mailOutbox).where(and(isNull(mailOutbox.sentAt), lt(mailOutbox.attempts, MAX_ATTEMPTS))).orderBy(asc(mailOutbox.createdAt)).limit(50);
    for (const m of pending) {
      try {
        await transport.sendMail({ from: config.mail.from, to: m.to, subject: m.subject, text: m.body });
        await db.update(mailOutbox).set({ sentAt: clock.now(), attempts: m.attempts + 1, lastError: null }).where(eq(mailOutbox.id, m.id));
      } catch (err) {
        await db.update(mailOutbox).set({ attempts: m.attempts + 1, lastError: String((err as Error).message ?? err).slice(0, 500) }).where(eq(mailOutbox.id, m.id));
      }
    }
  }

  return {
    /** Queues a message in the caller's transaction. */
    async enqueue(tx: Db, to: string, template: keyof typeof TEMPLATES, locale: Locale, vars: { link: string }): Promise<void> {
      const t = TEMPLATES[template][locale];
      await tx.insert(mailOutbox).values({ id: newId(), operationId, to, subject: t.subject, body: t.body.replace('{link}', vars.link), createdAt: clock.now() });
    },

    /** Sends what is pending (no-op without SMTP); concurrent calls share one run. */
    flush(): Promise<void> {
      flushing ??= flushOnce().finally(() => {
        flushing = null;
      });
      return flushing;
    },

    /** The newest messages (the development mailbox). */
    async latest(limit = 50) {
      return db.select().from(mailOutbox).where(eq(mailOutbox.operationId, operationId)).orderBy(desc(mailOutbox.createdAt)).limit(limit);
    },

    close(): void {
      transport?.close();
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
