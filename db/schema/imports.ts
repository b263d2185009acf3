// Contact CSV imports, staged: the file is parsed and checked row by row into
// contact_import_rows first, so a manager sees every problem by line number before
// anything changes, and nothing of a file is ever half-imported.
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { accounts, users } from './accounts';
import { accountId, at, createdAt, id, ref } from './columns';
import { contactImportStatus } from './enums';

export type StagedContact = {
  firstName: string;
  lastName: string;
  phone: string;
  timeZone: string | null;
  tags: string[];
  birthday: string | null;
};

export const contactImports = pgTable(
  'contact_imports',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    userId: ref('user_id'),
    filename: text('filename').notNull(),
    status: contactImportStatus('status').notNull().default('staged'),
    totalRows: integer('total_rows').notNull().default(0),
    validRows: integer('valid_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    createdContacts: integer('created_contacts').notNull().default(0),
    updatedContacts: integer('updated_contacts').notNull().default(0),
    createdAt: createdAt(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }),
    index('contact_imports_recent').on(t.accountId, t.createdAt),
  ],
);

export const contactImportRows = pgTable(
  'contact_import_rows',
  {
    accountId: accountId(),
    importId: ref('import_id').notNull(),
    /** Line number in the file (the header is line 1). */
    line: integer('line').notNull(),
    /** The normalized contact, when the row is valid. */
    contact: jsonb('contact').$type<StagedContact>(),
    /** Catalog keys of the row's problems (with the column), when it is not. */
    errors: jsonb('errors').$type<Array<{ column: string; problem: string }>>(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.importId, t.line] }),
    foreignKey({ columns: [t.accountId, t.importId], foreignColumns: [contactImports.accountId, contactImports.id] }).onDelete('cascade'),
  ],
);
