// A sample contacts CSV to start from: the CONTRACT's columns and three rows, with
// phone numbers written the ways people of the account's country write them.
import { getExampleNumber, parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { requireManagerForRoute } from '@/lib/auth/session';
import { IMPORT_COLUMNS } from '@/lib/contacts/import-rows';

/** Three different valid numbers next to the country's example mobile number. */
function sampleNumbers(country: string) {
  const example = getExampleNumber(country as CountryCode, examples) ?? getExampleNumber('US', examples)!;
  const numbers = [];
  for (let step = 0; numbers.length < 3 && step < 50; step++) {
    const candidate = parsePhoneNumberWithError(`${example.number.slice(0, -2)}${String((Number(example.number.slice(-2)) + step) % 100).padStart(2, '0')}`);
    if (candidate.isValid()) numbers.push(candidate);
  }
  return numbers.length === 3 ? numbers : [example, example, example];
}

export async function GET(): Promise<Response> {
  const manager = await requireManagerForRoute();
  if (manager instanceof Response) return manager;
  const [first, second, third] = sampleNumbers(manager.account.country);
  const rows = [
    IMPORT_COLUMNS.join(','),
    `Ana,Souza,${first!.formatNational()},${manager.account.timeZone},VIP;newsletter,1990-04-12`,
    `Bruno,Lima,${second!.number},,newsletter,`,
    `,,${third!.formatInternational()},,,`,
  ];
  return new Response(`${rows.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="pulse-contacts-sample.csv"',
      'cache-control': 'no-store',
    },
  });
}
