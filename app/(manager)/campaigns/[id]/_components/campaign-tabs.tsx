'use client';
// The campaign's tabs (Campaign | Survey results) as links, the current one marked
// from the URL's segment under /campaigns/{id}, on the server render too.
import type { Route } from 'next';
import { useSelectedLayoutSegment } from 'next/navigation';
import { Tabs } from '@/app/_components/ui/tabs';

type CampaignTabsProps = {
  campaignId: number;
  /** The Survey results tab exists only for a campaign with a survey. */
  hasSurvey: boolean;
  labels: { nav: string; campaign: string; survey: string };
};

export function CampaignTabs({ campaignId, hasSurvey, labels }: CampaignTabsProps) {
  const segment = useSelectedLayoutSegment();
  const items = [{ href: `/campaigns/${campaignId}` as Route, label: labels.campaign, current: segment === null }];
  if (hasSurvey) items.push({ href: `/campaigns/${campaignId}/survey` as Route, label: labels.survey, current: segment === 'survey' });
  return <Tabs label={labels.nav} items={items} />;
}
