import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connection.js';
import { addStaffMessage } from '../cases/add-message.js';
import { deliverInbound } from './conversation.js';
import { insertInbound } from './storage.js';
import { telegramSendJob } from './telegram/outbound.js';
import { whatsappSendJob } from './whatsapp/outbound.js';

const HOUR = 60 * 60_000;

interface DemoConversation {
  channel: 'whatsapp' | 'telegram';
  externalUser: string;
  name: string;
  phone?: string;
  hoursAgo: number;
  messages: string[];
  reply?: string;
}

const CONVERSATIONS: DemoConversation[] = [
  {
    channel: 'whatsapp',
    externalUser: '6281234500017',
    name: 'Dewi Lestari',
    phone: '+6281234500017',
    hoursAgo: 5,
    messages: [
      'Selamat siang. Saya sudah bayar paspor 10 hari lalu tapi statusnya di M-Paspor masih "verifikasi". Apakah ada masalah?',
      'Nomor permohonan saya 1026110000123.',
    ],
    reply:
      'Selamat siang Ibu Dewi. Permohonan Anda sudah kami periksa: masih menunggu verifikasi data kependudukan. Kami kabari di sini paling lambat besok.',
  },
  {
    channel: 'whatsapp',
    // The same person as a web case of the demo (+62 812-0000-1041), written another way: one contact.
    externalUser: '6281200001041',
    name: 'Fajar Ramadhan',
    phone: '+6281200001041',
    hoursAgo: 30,
    messages: ['Apakah perpanjangan ITAS bisa diwakilkan oleh sponsor perusahaan?'],
  },
  {
    channel: 'telegram',
    externalUser: '318442901',
    name: 'Budi Santoso',
    hoursAgo: 2,
    messages: ['Halo, untuk paspor anak di bawah 17 tahun, apakah kedua orang tua harus hadir?'],
    reply:
      'Halo Pak Budi. Ya, kedua orang tua hadir membawa KTP asli, akta kelahiran dan buku nikah. Jika salah satu berhalangan, lampirkan surat pernyataan bermeterai.',
  },
];

/**
 * WhatsApp and Telegram conversations for the demo office, replayed through the real inbound path. Nothing is sent
 * (the demo has no tokens): the receipts and replies are recorded as the platforms would have confirmed them.
 */
export async function seedDemoMessaging(
  db: Db,
  secret: string,
  officeCode: string,
  now: Date,
): Promise<void> {
  for (const demo of CONVERSATIONS) {
    let caseId = '';
    let at = new Date(now.getTime() - demo.hoursAgo * HOUR);
    for (const body of demo.messages) {
      const externalId =
        demo.channel === 'whatsapp'
          ? `wamid.demo${randomBytes(12).toString('hex')}`
          : `${demo.externalUser}:${Math.floor(at.getTime() / 1000)}`;
      const id = await insertInbound(
        db,
        { channel: demo.channel, externalId, externalUser: demo.externalUser, kind: 'text', payload: {} },
        at,
      );
      const result = await deliverInbound(
        db,
        secret,
        {
          channel: demo.channel,
          channelMessageId: id!,
          externalUser: demo.externalUser,
          displayName: demo.name,
          body,
          files: [],
          sentAt: at,
          officeCode,
          extraIdentities:
            demo.channel === 'telegram' ? [{ kind: 'telegram', value: demo.externalUser }] : [],
          contactPhone: demo.phone,
        },
        demo.channel === 'whatsapp' ? whatsappSendJob : telegramSendJob,
        at,
      );
      caseId = result.case.id;
      at = new Date(at.getTime() + 4 * 60_000);
    }
    if (demo.reply) {
      const row = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
      const { toCase } = await import('../cases/model.js');
      await addStaffMessage(
        db,
        { type: 'staff', id: null, name: 'Rina (Petugas Informasi)' },
        toCase(row),
        { kind: 'public_reply', body: demo.reply },
        new Date(at.getTime() + 20 * 60_000),
      );
    }
    await confirmDemoDeliveries(db, caseId, demo.channel, at);
  }
}

async function confirmDemoDeliveries(db: Db, caseId: string, channel: 'whatsapp' | 'telegram', at: Date) {
  const rows = await db
    .selectFrom('channel_messages')
    .select('id')
    .where('case_id', '=', caseId)
    .where('direction', '=', 'out')
    .execute();
  for (const row of rows) {
    const sent = new Date(at.getTime() + 21 * 60_000).toISOString();
    await db
      .updateTable('channel_messages')
      .set({
        status: channel === 'whatsapp' ? 'read' : 'sent',
        external_id:
          channel === 'whatsapp' ? `wamid.demo${randomBytes(12).toString('hex')}` : `demo:${row.id}`,
        sent_at: sent,
        delivered_at: channel === 'whatsapp' ? sent : null,
        read_at: channel === 'whatsapp' ? new Date(at.getTime() + 35 * 60_000).toISOString() : null,
        updated_at: sent,
      })
      .where('id', '=', row.id)
      .execute();
  }
  // Their send jobs would only fail for want of a token.
  await db
    .deleteFrom('jobs')
    .where('kind', 'in', ['whatsapp.send', 'telegram.send'])
    .where('status', '=', 'pending')
    .execute();
}
