// Contacts (the people an account texts), their tags, and the opt-out ledger.
import { sql, type SQL } from 'drizzle-orm';
import { date, foreignKey, index, jsonb, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { optOutKind, optOutSource } from './enums';
import { accounts, users } from './accounts';
import { automations } from './automations';
import { campaigns } from './campaigns';
import { messages } from './messaging';
import { accountId, at, createdAt, id, ref } from './columns';

export const contacts = pgTable(
  'contacts',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    /** E.164, normalized on every write path. */
    phone: text('phone').notNull(),
    /** IANA zone; null means the account's zone. */
    timeZone: text('time_zone'),
    birthday: date('birthday', { mode: 'string' }),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    optedOutAt: at('opted_out_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    /** Lower-cased name and phone, trigram-indexed for search. */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`lower(${contacts.firstName} || ' ' || ${contacts.lastName} || ' ' || ${contacts.phone})`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    unique('contacts_account_phone').on(t.accountId, t.phone),
    index('contacts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('contacts_name').on(t.accountId, t.lastName, t.firstName, t.id),
    index('contacts_created').on(t.accountId, t.createdAt, t.id),
  ],
);

export const tags = pgTable(
  'tags',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] }), unique('tags_account_name').on(t.accountId, t.name)],
);

export const contactTags = pgTable(
  'contact_tags',
  {
    accountId: accountId(),
    contactId: ref('contact_id').notNull(),
    tagId: ref('tag_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.contactId, t.tagId] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.accountId, t.tagId], foreignColumns: [tags.accountId, tags.id] }).onDelete('cascade'),
    index('contact_tags_tag').on(t.accountId, t.tagId, t.contactId),
  ],
);

/**
 * Every opt-out and opt-in, with what caused it and what it is attributed to.
 * contacts.opted_out_at is the current state; this is the history behind it.
 */
export const optOuts = pgTable(
  'opt_outs',
  {
    accountId: accountId(),
    id: id(),
    contactId: ref('contact_id').notNull(),
    kind: optOutKind('kind').notNull(),
    source: optOutSource('source').notNull(),
    keyword: text('keyword'),
    /** The inbound message (keyword) or outbound message (carrier error 21610) behind it. */
    messageId: ref('message_id'),
    campaignId: ref('campaign_id'),
    automationId: ref('automation_id'),
    /** The manager who changed it by hand. */
    userId: ref('user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }),
    foreignKey({ columns: [t.accountId, t.messageId], foreignColumns: [messages.accountId, messages.id] }),
    foreignKey({ columns: [t.accountId, t.campaignId], foreignColumns: [campaigns.accountId, campaigns.id] }),
    foreignKey({ columns: [t.accountId, t.automationId], foreignColumns: [automations.accountId, automations.id] }),
    index('opt_outs_contact').on(t.accountId, t.contactId, t.createdAt),
  ],
);
