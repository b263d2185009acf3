// Receives an inbound text (Twilio's incoming-message webhook): routes it to the
// account owning the number, finds or creates the contact, classifies it (reply,
// opt-out, opt-in, help), attributes it to the latest outbound message on the thread
// within 72 hours, notes a new conversation after 24 hours of silence, and decides
// the TwiML answer. The same MessageSid twice changes nothing (DESIGN §5).
import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import { db, type Transaction } from '@/db/client';
import { accounts, contacts, conversations, messages, numberRoutes, providerMessages } from '@/db/schema';
import { segmentsOf } from '@/lib/billing/segments';
import { classifyInbound } from '@/lib/messaging/keywords';
import { keywordReplyText, type KeywordReply } from '@/lib/messaging/keyword-replies';
import { optInContact, optOutContact } from '@/lib/messaging/opt-outs';
import { chargeMessage, recordConversationStart, recordReply } from '@/lib/messaging/rollups';
import { statusRank } from '@/lib/messaging/status';

export type InboundText = {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  /** Twilio Advanced Opt-Out sets it when Twilio itself handled STOP/START/HELP and answered. */
  optOutType: string | null;
};

export type InboundOutcome = {
  result: 'recorded' | 'duplicate' | 'unknown_number';
  /** Texts to answer with in TwiML. */
  reply: string[];
};

const ATTRIBUTION_WINDOW_HOURS = 72;
const CONVERSATION_GAP_HOURS = 24;

export async function receiveInboundText(text: InboundText, at = new Date()): Promise<InboundOutcome> {
  return db.transaction(async (tx) => {
    const [route] = await tx
      .select({ accountId: numberRoutes.accountId, phoneNumberId: numberRoutes.phoneNumberId })
      .from(numberRoutes)
      .where(eq(numberRoutes.e164, text.to));
    if (!route) return { result: 'unknown_number', reply: [] };

    // Serialize concurrent deliveries of the same sid, then skip if already stored.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`inbound:${text.messageSid}`}, 0))`);
    const [seen] = await tx.select().from(providerMessages).where(eq(providerMessages.sid, text.messageSid));
    if (seen) return { result: 'duplicate', reply: [] };

    const [account] = await tx.select().from(accounts).where(eq(accounts.id, route.accountId));
    if (!account) return { result: 'unknown_number', reply: [] };
    const contact = await findOrCreateContact(tx, route.accountId, text.from, at);

    const classified = classifyInbound(text.body, {
      optOutType: text.optOutType,
      locale: account.locale,
      senderOptedOut: contact.optedOutAt !== null,
    });
    const attributed = await latestOutbound(tx, route.accountId, contact.id, route.phoneNumberId, at);
    const thread = await threadActivity(tx, route.accountId, contact.id, route.phoneNumberId, at);

    const [inbound] = await tx
      .insert(messages)
      .values({
        accountId: route.accountId,
        direction: 'inbound',
        inboundKind: classified.kind,
        contactId: contact.id,
        phoneNumberId: route.phoneNumberId,
        contactPhone: text.from,
        numberPhone: text.to,
        campaignId: attributed?.campaignId ?? null,
        automationId: attributed?.automationId ?? null,
        body: text.body,
        status: 'received',
        statusRank: statusRank('received'),
        providerSid: text.messageSid,
        attributedMessageId: attributed?.id ?? null,
        conversationId: thread.conversationId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: messages.id });
    if (!inbound) throw new Error('inbound message not stored');
    await tx
      .insert(providerMessages)
      .values({ sid: text.messageSid, accountId: route.accountId, messageId: inbound.id });
    if (thread.startsConversation) {
      const [conversation] = await tx
        .insert(conversations)
        .values({ accountId: route.accountId, contactId: contact.id, phoneNumberId: route.phoneNumberId, startedAt: at, startedByMessageId: inbound.id })
        .returning({ id: conversations.id });
      await tx
        .update(messages)
        .set({ conversationId: conversation!.id })
        .where(and(eq(messages.accountId, route.accountId), eq(messages.id, inbound.id)));
      await recordConversationStart(tx, { accountId: route.accountId, at });
    }

    const attribution = { campaignId: attributed?.campaignId ?? null, automationId: attributed?.automationId ?? null };
    let answer: KeywordReply | null = null;
    switch (classified.kind) {
      case 'reply':
        if (attributed) await recordReply(tx, { accountId: route.accountId, contactId: contact.id, ...attribution, at, body: text.body });
        break;
      case 'opt_out': {
        const changed = await optOutContact(tx, {
          accountId: route.accountId,
          contactId: contact.id,
          source: 'keyword',
          keyword: classified.keyword ?? null,
          messageId: inbound.id,
          ...attribution,
          at,
        });
        if (changed) answer = 'optOutConfirmation';
        break;
      }
      case 'opt_in': {
        const changed = await optInContact(tx, {
          accountId: route.accountId,
          contactId: contact.id,
          source: 'keyword',
          keyword: classified.keyword ?? null,
          messageId: inbound.id,
          at,
        });
        if (changed) answer = 'optInConfirmation';
        break;
      }
      case 'help':
        answer = 'helpReply';
        break;
    }
    // With Advanced Opt-Out, Twilio has already answered the keyword itself.
    if (answer === null || text.optOutType) return { result: 'recorded', reply: [] };

    const body = keywordReplyText(answer, account);
    await recordKeywordResponse(tx, { accountId: route.accountId, contactId: contact.id, phoneNumberId: route.phoneNumberId, to: text.from, from: text.to, body, at });
    return { result: 'recorded', reply: [body] };
  });
}

async function findOrCreateContact(tx: Transaction, accountId: number, phone: string, at: Date) {
  const columns = { id: contacts.id, optedOutAt: contacts.optedOutAt };
  const [existing] = await tx
    .select(columns)
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.phone, phone)));
  if (existing) return existing;
  const [created] = await tx
    .insert(contacts)
    .values({ accountId, phone, createdAt: at, updatedAt: at })
    .onConflictDoNothing()
    .returning(columns);
  if (created) return created;
  const [raced] = await tx
    .select(columns)
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.phone, phone)));
  if (!raced) throw new Error('contact neither found nor created');
  return raced;
}

/** DESIGN §5: the latest outbound message to the contact from that number sent in the previous 72 hours. */
async function latestOutbound(tx: Transaction, accountId: number, contactId: number, phoneNumberId: number, at: Date) {
  const since = new Date(at.getTime() - ATTRIBUTION_WINDOW_HOURS * 3600_000);
  const [latest] = await tx
    .select({ id: messages.id, campaignId: messages.campaignId, automationId: messages.automationId })
    .from(messages)
    .where(
      and(
        eq(messages.accountId, accountId),
        eq(messages.contactId, contactId),
        eq(messages.phoneNumberId, phoneNumberId),
        eq(messages.direction, 'outbound'),
        isNotNull(messages.sentAt),
        gte(messages.sentAt, since),
        lt(messages.sentAt, new Date(at.getTime() + 1)),
      ),
    )
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(1);
  return latest ?? null;
}

/**
 * The thread's latest message before this one decides the conversation: within 24
 * hours it continues (keeping that message's conversation, if it had one); otherwise
 * this inbound message starts a new conversation.
 */
async function threadActivity(tx: Transaction, accountId: number, contactId: number, phoneNumberId: number, at: Date) {
  const [previous] = await tx
    .select({ createdAt: messages.createdAt, conversationId: messages.conversationId })
    .from(messages)
    .where(and(eq(messages.accountId, accountId), eq(messages.contactId, contactId), eq(messages.phoneNumberId, phoneNumberId)))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(1);
  const silentSince = new Date(at.getTime() - CONVERSATION_GAP_HOURS * 3600_000);
  const active = previous !== undefined && previous.createdAt > silentSince;
  return { startsConversation: !active, conversationId: active ? previous.conversationId : null };
}

async function recordKeywordResponse(
  tx: Transaction,
  m: { accountId: number; contactId: number; phoneNumberId: number; to: string; from: string; body: string; at: Date },
) {
  const { encoding, segments } = segmentsOf(m.body);
  await tx.insert(messages).values({
    accountId: m.accountId,
    direction: 'outbound',
    outboundKind: 'keyword_response',
    contactId: m.contactId,
    phoneNumberId: m.phoneNumberId,
    contactPhone: m.to,
    numberPhone: m.from,
    body: m.body,
    encoding,
    segments,
    credits: segments,
    // Twilio sends the TwiML answer itself; we never learn its sid.
    status: 'sent',
    statusRank: statusRank('sent'),
    sentAt: m.at,
    createdAt: m.at,
    updatedAt: m.at,
  });
  await chargeMessage(tx, { accountId: m.accountId, campaignId: null, automationId: null, credits: segments, sentAt: m.at });
}
