// Plans the small tables: the two accounts, the CONTRACT logins, sender numbers and
// their routes, tags, and surveys with their questions.
import { hashPassword } from '@/lib/auth/password';
import type { Row } from './bulk';
import { CONTACTS_PER_SCALE, daysAfter, type PlannedAccount, type SeedContext } from './plan';
import type { AccountProfile } from './profile';
import { cumulative } from './random';

export const DEMO_LOGINS = [
  { email: 'manager@demo.test', password: 'demo-manager', role: 'manager', account: 'Demo' },
  { email: 'agent@demo.test', password: 'demo-agent', role: 'agent', account: 'Demo' },
  { email: 'manager@other.test', password: 'other-manager', role: 'manager', account: 'Other' },
] as const;

export type Catalog = {
  accounts: PlannedAccount[];
  rows: {
    accounts: Row[];
    users: Row[];
    login_emails: Row[];
    phone_numbers: Row[];
    number_routes: Row[];
    tags: Row[];
    surveys: Row[];
    survey_questions: Row[];
  };
  /** Work rows: how each question is answered. */
  questionPlan: Row[];
};

export async function planCatalog(ctx: SeedContext, profiles: AccountProfile[]): Promise<Catalog> {
  const rows: Catalog['rows'] = {
    accounts: [], users: [], login_emails: [], phone_numbers: [], number_routes: [], tags: [], surveys: [], survey_questions: [],
  };
  const questionPlan: Row[] = [];
  const accounts: PlannedAccount[] = [];
  const ids = { user: 0, number: 0, tag: 0, survey: 0, question: 0 };
  const opened = daysAfter(ctx.historyStart, -420);

  for (const [index, profile] of profiles.entries()) {
    const accountId = index + 1;
    rows.accounts.push({
      id: accountId,
      name: profile.name,
      time_zone: profile.timeZone,
      locale: profile.locale,
      country: profile.country,
      currency: profile.currency,
      // Replaced once the history exists, so the current month sits near the allowance.
      monthly_credits: profile.monthlyCreditsAtS,
      overage_price_per_credit: profile.overagePricePerCredit,
      help_text: profile.helpText,
      created_at: opened,
    });

    let managerId = 0;
    for (const login of DEMO_LOGINS.filter((l) => l.account === profile.name)) {
      const id = ++ids.user;
      if (login.role === 'manager') managerId = id;
      rows.users.push({
        account_id: accountId,
        id,
        email: login.email,
        name: login.role === 'manager' ? `${profile.name} Manager` : `${profile.name} Agent`,
        role: login.role,
        password_hash: await hashPassword(login.password),
        created_at: opened,
      });
      rows.login_emails.push({ email: login.email, account_id: accountId, user_id: id });
    }

    const numberIds: number[] = [];
    for (const number of profile.numbers) {
      const id = ++ids.number;
      numberIds.push(id);
      rows.phone_numbers.push({
        account_id: accountId,
        id,
        e164: number.e164,
        label: number.label,
        kind: number.kind,
        send_rate_per_second: number.ratePerSecond,
        next_send_at: ctx.anchor,
        created_at: opened,
      });
      rows.number_routes.push({ e164: number.e164, account_id: accountId, phone_number_id: id });
    }

    const tagIds = new Map<string, number>();
    for (const tag of profile.tags) {
      const id = ++ids.tag;
      tagIds.set(tag.name, id);
      rows.tags.push({ account_id: accountId, id, name: tag.name, created_at: opened });
    }

    const surveyIds = new Map<string, number>();
    for (const survey of profile.surveys) {
      const id = ++ids.survey;
      surveyIds.set(survey.key, id);
      const created = daysAfter(ctx.historyStart, -30 + ctx.random.int(0, 20));
      rows.surveys.push({
        account_id: accountId,
        id,
        name: survey.name,
        intro: survey.intro,
        thank_you: survey.thankYou,
        archived_at: survey.archived ? daysAfter(ctx.historyStart, 60) : null,
        created_at: created,
        updated_at: created,
      });
      for (const [position, question] of survey.questions.entries()) {
        const questionId = ++ids.question;
        const choices = question.kind === 'single_choice' || question.kind === 'multiple_choice' ? question.choices : [];
        rows.survey_questions.push({
          account_id: accountId,
          id: questionId,
          survey_id: id,
          position: position + 1,
          kind: question.kind,
          prompt: question.prompt,
          choices,
          required: question.required ?? false,
        });
        questionPlan.push({
          account_id: accountId,
          question_id: questionId,
          survey_id: id,
          kind: question.kind,
          required: question.required ?? false,
          choices,
          cumulative: 'weights' in question ? cumulative(question.weights) : [],
          // Multiple choice: each option is ticked on its own with a probability from its weight.
          ticks: question.kind === 'multiple_choice' ? question.weights.map((w) => Math.min(0.9, w / 100)) : [],
          answers: question.kind === 'free_text' ? question.answers : [],
          answer_share: question.kind === 'free_text' ? question.answerShare : 1,
        });
      }
    }

    accounts.push({
      profile,
      accountId,
      managerId,
      numberIds,
      tagIds,
      surveyIds,
      contacts: Math.round(CONTACTS_PER_SCALE[ctx.scale] * profile.contactShare),
    });
  }
  return { accounts, rows, questionPlan };
}
