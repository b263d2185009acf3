// The proxy's check of detail pages before they render: a campaign, contact, import or
// survey link that is not there (or not in the reader's account) is drawn as the 404
// page on the server; everything that exists, and every other path, goes through.
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { contactImports, surveyTokens } from '@/db/schema';
import { isMissingAccountPage, isMissingSurveyPage } from '@/lib/routing/missing-pages';
import {
  createAccount,
  createCampaign,
  createContact,
  createPhoneNumber,
  createSurvey,
  createSurveyInvitation,
} from '../../support/factories';

async function world() {
  const account = await createAccount();
  const number = await createPhoneNumber(account.id);
  const survey = await createSurvey(account.id);
  const plain = await createCampaign(account.id, { fromNumberId: number.id });
  const withSurvey = await createCampaign(account.id, { fromNumberId: number.id, surveyId: survey.id });
  const contact = await createContact(account.id);
  const [upload] = await db.insert(contactImports).values({ accountId: account.id, filename: 'list.csv' }).returning();
  const invitation = await createSurveyInvitation(account.id, { surveyId: survey.id, contactId: contact.id });
  await db.insert(surveyTokens).values({ token: invitation.token, accountId: account.id, invitationId: invitation.id });
  return { account, plain, withSurvey, contact, upload: upload!, token: invitation.token };
}

describe('missing detail pages', () => {
  it("lets through what exists in the reader's account, and every other path", async () => {
    const w = await world();
    for (const path of [
      `/campaigns/${w.plain.id}`,
      `/campaigns/${w.withSurvey.id}/`,
      `/campaigns/${w.withSurvey.id}/survey`,
      `/contacts/${w.contact.id}`,
      `/contacts/import/${w.upload.id}`,
      '/campaigns',
      '/campaigns/new',
      '/contacts/import',
      '/contacts',
      `/campaigns/${w.plain.id}/recipients.csv`,
    ]) {
      expect(await isMissingAccountPage(path, w.account.id), path).toBe(false);
    }
    expect(await isMissingSurveyPage(`/s/${w.token}`)).toBe(false);
    expect(await isMissingSurveyPage('/login')).toBe(false);
  });

  it("finds missing what does not exist, cannot be an id, or is another account's", async () => {
    const w = await world();
    const other = await createAccount();
    for (const path of [
      '/campaigns/999999999',
      '/campaigns/abc',
      '/campaigns/0',
      `/campaigns/${w.plain.id}/survey`,
      '/contacts/12345678901234567890',
      '/contacts/%E0%A4%A',
      '/contacts/import/999999999',
    ]) {
      expect(await isMissingAccountPage(path, w.account.id), path).toBe(true);
    }
    for (const path of [`/campaigns/${w.plain.id}`, `/contacts/${w.contact.id}`, `/contacts/import/${w.upload.id}`]) {
      expect(await isMissingAccountPage(path, other.id), path).toBe(true);
    }
    for (const token of ['AAAAAAAAAAAA', 'not-a-token', '%E0%A4%A', 'x'.repeat(300)]) {
      expect(await isMissingSurveyPage(`/s/${token}`), token).toBe(true);
    }
  });
});
