// Surveys, their questions, per-recipient invitations and the answers given.
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
} from 'drizzle-orm/pg-core';
import { questionKind } from './enums';
import { accounts } from './accounts';
import { accountId, at, createdAt, id, ref } from './columns';
import { automationExecutions, automations } from './automations';
import { campaigns } from './campaigns';
import { contacts } from './contacts';

export const surveys = pgTable(
  'surveys',
  {
    accountId: accountId().references(() => accounts.id),
    id: id(),
    name: text('name').notNull(),
    /** What the recipient sees above the questions. */
    intro: text('intro').notNull().default(''),
    thankYou: text('thank_you').notNull().default(''),
    archivedAt: at('archived_at'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.id] }), index('surveys_name').on(t.accountId, t.name, t.id)],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    accountId: accountId(),
    id: id(),
    surveyId: ref('survey_id').notNull(),
    position: smallint('position').notNull(),
    kind: questionKind('kind').notNull(),
    prompt: text('prompt').notNull(),
    /** Choices for single/multiple choice questions, in display order. */
    choices: jsonb('choices').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.surveyId], foreignColumns: [surveys.accountId, surveys.id] }).onDelete(
      'cascade',
    ),
    unique('survey_questions_position').on(t.accountId, t.surveyId, t.position),
  ],
);

/** One recipient's personal link to a survey, sent by a campaign or an automation. */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    accountId: accountId(),
    id: id(),
    surveyId: ref('survey_id').notNull(),
    contactId: ref('contact_id').notNull(),
    campaignId: ref('campaign_id'),
    automationId: ref('automation_id'),
    automationExecutionId: ref('automation_execution_id'),
    token: text('token').notNull(),
    viewedAt: at('viewed_at'),
    viewCount: integer('view_count').notNull().default(0),
    submittedAt: at('submitted_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({ columns: [t.accountId, t.surveyId], foreignColumns: [surveys.accountId, surveys.id] }),
    foreignKey({ columns: [t.accountId, t.contactId], foreignColumns: [contacts.accountId, contacts.id] }),
    foreignKey({ columns: [t.accountId, t.campaignId], foreignColumns: [campaigns.accountId, campaigns.id] }),
    foreignKey({ columns: [t.accountId, t.automationId], foreignColumns: [automations.accountId, automations.id] }),
    foreignKey({
      columns: [t.accountId, t.automationExecutionId],
      foreignColumns: [automationExecutions.accountId, automationExecutions.id],
    }),
    unique('survey_invitations_token').on(t.accountId, t.token),
    index('survey_invitations_campaign').on(t.accountId, t.campaignId, t.contactId),
    index('survey_invitations_survey').on(t.accountId, t.surveyId, t.submittedAt),
  ],
);

/** Global lookup: a survey token (in /s/TOKEN) names one invitation in one account. */
export const surveyTokens = pgTable(
  'survey_tokens',
  {
    token: text('token').primaryKey(),
    accountId: accountId(),
    invitationId: ref('invitation_id').notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.accountId, t.invitationId],
      foreignColumns: [surveyInvitations.accountId, surveyInvitations.id],
    }).onDelete('cascade'),
  ],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    accountId: accountId(),
    id: id(),
    invitationId: ref('invitation_id').notNull(),
    questionId: ref('question_id').notNull(),
    /** Chosen options (single choice has one). */
    choices: jsonb('choices').$type<string[]>(),
    /** Rating 1–5 or NPS 0–10. */
    score: smallint('score'),
    text: text('text'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    foreignKey({
      columns: [t.accountId, t.invitationId],
      foreignColumns: [surveyInvitations.accountId, surveyInvitations.id],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.accountId, t.questionId],
      foreignColumns: [surveyQuestions.accountId, surveyQuestions.id],
    }),
    unique('survey_answers_one_per_question').on(t.accountId, t.invitationId, t.questionId),
    index('survey_answers_question').on(t.accountId, t.questionId),
  ],
);
