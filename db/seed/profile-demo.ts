// "Demo": a home-goods shop in Brooklyn texting in English from New York, on a
// monthly plan whose allowance the current month is close to using up.
import type { AccountProfile } from './profile';
import { DEMO_POPULATION } from './names';

const SHOP = 'https://harborandpine.example';

export const DEMO_PROFILE: AccountProfile = {
  name: 'Demo',
  timeZone: 'America/New_York',
  locale: 'en',
  country: 'US',
  currency: 'USD',
  monthlyCreditsAtS: 6000,
  overagePricePerCredit: 0.0125,
  helpText: null,
  numbers: [
    { e164: '+18885550123', label: 'Toll-free marketing line', kind: 'toll_free', ratePerSecond: 25 },
    { e164: '+12125550142', label: 'Brooklyn store', kind: 'long_code', ratePerSecond: 1 },
    { e164: '+13125550187', label: 'Chicago pop-up', kind: 'long_code', ratePerSecond: 1 },
  ],
  population: DEMO_POPULATION,
  contactShare: 0.78,
  phoneFormat: 'us',
  tags: [
    { name: 'newsletter', share: 0.45, addedAfterDays: [0, 2] },
    { name: 'customers-2025', share: 0.25, addedAfterDays: [5, 200] },
    { name: 'leads', share: 0.15, addedAfterDays: [0, 1] },
    { name: 'events', share: 0.08, addedAfterDays: [10, 120] },
    { name: 'vip', share: 0.04, addedAfterDays: [30, 300] },
    { name: 'wholesale', share: 0.02, addedAfterDays: [0, 30] },
    { name: 'brooklyn', share: 0.05, zones: ['America/New_York', null], zoneShare: 0.3, addedAfterDays: [0, 60] },
  ],
  surveys: [
    {
      key: 'visit',
      name: 'Store experience',
      intro: 'Thanks for visiting Harbor & Pine! Five quick questions, one minute.',
      thankYou: 'Thank you! Your answers go straight to our team.',
      questions: [
        { kind: 'single_choice', prompt: 'How did you first hear about us?', choices: ['Instagram', 'A friend', 'Walked by the store', 'Google', 'Other'], weights: [35, 25, 20, 12, 8], required: true },
        { kind: 'multiple_choice', prompt: 'What did you shop for?', choices: ['Kitchen', 'Bedding', 'Decor', 'Outdoor', 'Gifts'], weights: [50, 35, 30, 20, 15] },
        { kind: 'rating', prompt: 'How would you rate your visit?', weights: [5, 7, 13, 30, 45], required: true },
        { kind: 'nps', prompt: 'How likely are you to recommend Harbor & Pine to a friend?', weights: [1.5, 1.5, 2, 3, 4, 6, 7, 10, 15, 22, 28], required: true },
        {
          kind: 'free_text',
          prompt: 'Anything we could do better?',
          answers: ['More parking please', 'Loved the candles!', 'Staff was super helpful', 'Open earlier on weekends', 'Bigger outdoor section', 'Prices are a bit high', 'Everything was great', 'Gift wrapping would be nice', 'The checkout line was long', 'Please restock the linen napkins'],
          answerShare: 0.4,
        },
      ],
    },
    {
      key: 'vip',
      name: 'VIP monthly pulse',
      intro: 'As a VIP, your opinion shapes what we stock next.',
      thankYou: 'Thanks — see you at the next VIP preview.',
      questions: [
        { kind: 'nps', prompt: 'How likely are you to recommend us?', weights: [1, 1, 1, 2, 2, 4, 6, 10, 18, 25, 30], required: true },
        { kind: 'rating', prompt: 'How happy are you with this month’s new arrivals?', weights: [3, 6, 15, 36, 40] },
        { kind: 'free_text', prompt: 'What should we stock next?', answers: ['More ceramics', 'Linen bedding in green', 'Outdoor lanterns', 'Natural soaps', 'Handmade rugs', 'Kids’ room decor'], answerShare: 0.5 },
      ],
    },
    {
      key: 'workshops',
      name: 'Workshop interest',
      intro: 'Help us plan next season’s workshops.',
      thankYou: 'Thanks! We’ll text you when sign-ups open.',
      questions: [
        { kind: 'multiple_choice', prompt: 'Which workshops would you join?', choices: ['Candle making', 'Pottery', 'Flower arranging', 'Natural dyeing'], weights: [55, 45, 35, 20], required: true },
        { kind: 'single_choice', prompt: 'Which evening suits you best?', choices: ['Tuesday', 'Wednesday', 'Thursday'], weights: [30, 35, 35] },
      ],
    },
    {
      key: 'holiday-2024',
      name: 'Holiday 2024 feedback',
      intro: 'How was holiday shopping with us?',
      thankYou: 'Thanks and happy new year!',
      archived: true,
      questions: [{ kind: 'rating', prompt: 'How was your holiday shopping?', weights: [5, 5, 15, 35, 40] }],
    },
  ],
  themes: [
    { key: 'lookbook', name: '{month} lookbook', body: `Harbor & Pine: {first_name}, our {month} lookbook is here. New linen, ceramics and candles: ${SHOP}/lookbook Reply STOP to opt out`, audience: 'tag:newsletter', perYear: 6, number: 0, replyRate: [0.01, 0.025], clickRate: [0.08, 0.14] },
    { key: 'sale', name: '{month} sale', body: `{first_name}, our {month} sale starts now: 25% off everything in store and online through Sunday. Shop: ${SHOP}/sale`, audience: 'all', perYear: 3, number: 0, replyRate: [0.015, 0.03], clickRate: [0.09, 0.15] },
    { key: 'vip', name: 'VIP early access — {month}', body: `VIP early access for you, {first_name}: the new collection opens to you 24h before everyone else 🌿 ${SHOP}/vip`, audience: 'tag:vip', perYear: 12, number: 1, replyRate: [0.04, 0.08], clickRate: [0.12, 0.2] },
    { key: 'workshop', name: 'Workshop night — {month}', body: `Join us Thursday 6-8pm for a candle-making workshop at our Brooklyn store. Free for members! RSVP: ${SHOP}/events`, audience: 'tag:events', perYear: 10, number: 1, replyRate: [0.03, 0.06], clickRate: [0.07, 0.12] },
    { key: 'visit-survey', name: 'How did we do? ({month})', body: 'Hi {first_name}, thanks for shopping with Harbor & Pine! Tell us how we did (1 minute): {survey_link}', audience: 'tag:customers-2025', perYear: 4, number: 0, survey: 'visit', replyRate: [0.01, 0.02] },
    { key: 'wholesale', name: 'Wholesale price list — {month}', body: `Wholesale update: the new catalogue and price list are ready [PDF]. Orders placed before the 15th ship free: ${SHOP}/wholesale`, audience: 'tag:wholesale', perYear: 12, number: 2, replyRate: [0.05, 0.1], clickRate: [0.1, 0.18] },
    { key: 'leads', name: 'First order offer — {month}', body: `Hi {first_name}, still thinking about it? Here's 10% off your first order with code WELCOME10: ${SHOP}/first`, audience: 'tag:leads', perYear: 5, number: 0, replyRate: [0.01, 0.02], clickRate: [0.05, 0.09] },
    { key: 'restock', name: 'Back in stock: Pine & Cedar candle', body: `Good news {first_name}: the Pine & Cedar candle is back in stock (limited run). Grab yours: ${SHOP}/candle`, audience: 'tag:customers-2025', perYear: 3, number: 0, replyRate: [0.01, 0.02], clickRate: [0.1, 0.15] },
    { key: 'warehouse', name: 'Warehouse sale weekend', body: `Hello {first_name}! Our annual warehouse sale is back this weekend: up to 60% off furniture, rugs, lighting and tableware, with new markdowns every hour on Saturday. Doors open at 9am at 120 Pier Street; the first 100 guests get a free tote. Details and map: ${SHOP}/warehouse`, audience: 'tag:newsletter', perYear: 1, number: 0, replyRate: [0.015, 0.025], clickRate: [0.1, 0.14] },
    { key: 'brooklyn', name: 'Brooklyn neighbors night', body: 'Brooklyn friends: late opening this Friday until 9pm with local makers and free cider. See you at 120 Pier Street, {first_name}!', audience: 'tag:brooklyn', perYear: 4, number: 1, replyRate: [0.02, 0.05] },
    { key: 'europe', name: 'Shipping to Europe', body: `We now ship to Europe from €9 (free over €120). Don't miss the launch offer, {first_name}: ${SHOP}/eu`, audience: 'tag:newsletter', perYear: 1, number: 0, replyRate: [0.005, 0.01], clickRate: [0.05, 0.08] },
  ],
  specials: [
    { key: 'anniversary', name: 'Anniversary sale — everyone', body: `It's our 10th birthday, {first_name}! 30% off sitewide + free shipping over $75, today and tomorrow only: ${SHOP}/anniversary`, audience: 'all', number: 0, status: 'sent', day: -12, localTime: 10 * 60 + 30, replyRate: [0.02, 0.02], clickRate: [0.12, 0.12] },
    { key: 'evening', name: 'Evening flash sale (sending now)', body: `Tonight only, {first_name}: 20% off candles and diffusers until midnight. ${SHOP}/flash`, audience: 'tag:events', number: 1, status: 'sending', day: 0, localTime: -1, replyRate: [0.02, 0.02], clickRate: [0.1, 0.1] },
    { key: 'spring-preview', name: 'Spring collection preview', body: `Spring preview, {first_name}: fresh linen colors and garden tools arrive Friday. Sneak peek: ${SHOP}/spring`, audience: 'tag:newsletter', number: 0, status: 'scheduled', day: 3, localTime: 10 * 60 },
    { key: 'vip-night', name: 'VIP night invitation', body: 'You are invited, {first_name}: VIP night at the Brooklyn store next Thursday, 7pm, drinks on us. Reply YES to save your spot.', audience: 'tag:vip', number: 1, status: 'scheduled', day: 9, localTime: 11 * 60 },
    { key: 'workshop-poll', name: 'Workshop interest poll', body: 'Which workshops should we run next season, {first_name}? Vote in 30 seconds: {survey_link}', audience: 'tag:events', number: 1, survey: 'workshops', status: 'scheduled', day: 23, localTime: 12 * 60 },
    { key: 'draft-gift', name: 'Gift guide (draft)', body: `Our gift guide is here, {first_name}: thoughtful picks under $50 ${SHOP}/gifts`, audience: 'tag:newsletter', number: 0, status: 'draft', day: -2, localTime: 15 * 60 },
    { key: 'draft-reviews', name: 'Review request (draft)', body: `Hi {first_name}, how are you liking your order? A quick review helps a small shop like ours a lot: ${SHOP}/review`, audience: 'tag:customers-2025', number: 0, status: 'draft', day: -6, localTime: 9 * 60 },
    { key: 'canceled-storm', name: 'Snow day sale (canceled)', body: `Snow day! Stay warm with 15% off throws and blankets today, {first_name}: ${SHOP}/snow`, audience: 'all', number: 0, status: 'canceled', day: -40, localTime: 9 * 60 },
  ],
  followUps: [
    { name: 'Last chance: {source}', body: `Last chance, {first_name}: it ends tonight at midnight. ${SHOP}/last-chance`, share: 0.4 },
    { name: 'Reminder: {source}', body: 'Quick reminder, {first_name}: there is still time. Reply with any questions!', share: 0.35 },
  ],
  automations: [
    { key: 'welcome', name: 'Welcome new contacts', trigger: 'contact_created', config: { delayMinutes: 5 }, audience: 'all', action: 'send_message', body: `Welcome to Harbor & Pine, {first_name}! Here's 10% off your first order: ${SHOP}/welcome Reply STOP to opt out, HELP for help.`, number: 0, activeFromDay: -30, replyRate: [0.02, 0.02], clickRate: [0.15, 0.15] },
    { key: 'vip-welcome', name: 'VIP welcome', trigger: 'tag_added', tag: 'vip', config: { delayMinutes: 60 }, audience: 'all', action: 'send_message', body: 'You made it to VIP, {first_name}! Early access, private events and a birthday gift are now yours. 🎉', number: 1, activeFromDay: 20, replyRate: [0.08, 0.08] },
    { key: 'deals', name: 'Text DEALS for this week’s offers', trigger: 'keyword', keyword: 'DEALS', config: {}, audience: 'all', action: 'send_message', body: `This week's deals, {first_name}: ${SHOP}/deals (updated every Monday)`, number: 0, activeFromDay: 10, keywordShare: 0.03, replyRate: [0.03, 0.03], clickRate: [0.35, 0.35] },
    { key: 'birthday', name: 'Birthday treat', trigger: 'date', config: { dateField: 'birthday', offsetDays: 0, sendTime: '10:00' }, audience: 'all', action: 'send_message', body: `Happy birthday, {first_name}! Enjoy 20% off anything this week with code BDAY20: ${SHOP}/birthday`, number: 0, activeFromDay: 40, replyRate: [0.06, 0.06], clickRate: [0.18, 0.18] },
    { key: 'vip-pulse', name: 'Monthly VIP survey', trigger: 'recurring', config: { every: 'month', monthDay: 1, sendTime: '11:00' }, audience: 'tag:vip', action: 'send_survey', survey: 'vip', body: 'Hi {first_name}, 3 quick questions for our VIPs this month: {survey_link}', number: 1, activeFromDay: 60, replyRate: [0.01, 0.01] },
    { key: 'tips', name: 'Weekly styling tips', trigger: 'recurring', config: { every: 'week', weekday: 2, sendTime: '18:00' }, audience: 'tag:events', action: 'send_message', body: `Tuesday tip: layer two throws of different textures for an instant cozy sofa. More ideas: ${SHOP}/tips`, number: 1, activeFromDay: 90, activeUntilDay: 160, replyRate: [0.01, 0.01], clickRate: [0.06, 0.06] },
    { key: 'summer', name: 'SUMMER keyword (old)', trigger: 'keyword', keyword: 'SUMMER', config: {}, audience: 'all', action: 'send_message', body: `Summer is here! Outdoor furniture 20% off: ${SHOP}/summer`, number: 0, activeFromDay: 120, activeUntilDay: 220, deleted: true, keywordShare: 0.01, replyRate: [0.02, 0.02], clickRate: [0.3, 0.3] },
    { key: 'post-purchase', name: 'Post-purchase survey', trigger: 'tag_added', tag: 'customers-2025', config: { delayMinutes: 1440 }, audience: 'all', action: 'send_survey', survey: 'visit', body: 'Thanks for your purchase, {first_name}! How did we do? {survey_link}', number: 0, activeFromDay: 10_000, replyRate: [0.01, 0.01] },
  ],
  replies: [
    ['Thanks!', 20], ['Yes', 8], ['ok', 6], ['Is this still available?', 6], ['What time do you close today?', 6], ['👍', 6],
    ['Can I book for Saturday?', 4], ['Who is this?', 4], ['Great, see you there', 5], ['How much is shipping?', 4], ['Love it', 5],
    ['No thanks', 4], ['Do you ship to Canada?', 3], ['Sounds good!', 5], ['Does the code work online too?', 3], ['Can I bring a friend?', 2],
    ['Thank you so much!! 🙏', 3], ['Is parking available?', 2],
  ],
  optOuts: [
    ['STOP', 45], ['stop', 15], ['Stop please', 8], ['please unsubscribe', 6], ['STOP texting me', 5], ['Unsubscribe', 6],
    ['cancel', 4], ['End', 3], ['quit', 3], ['STOP.', 3], ['Stop!!', 2],
  ],
  optIns: [['START', 70], ['Unstop', 20], ['start', 10]],
  help: [['HELP', 70], ['info', 30]],
  unprompted: [['Hi, are you open on Sunday?', 3], ['Do you have gift cards?', 3], ['Is the Brooklyn store open late today?', 2], ['Hello?', 2]],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
