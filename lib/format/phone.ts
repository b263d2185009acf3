// Phone numbers for display. Stored numbers are E.164; people read their own
// country's numbers in national format and everyone else's in international format.
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/**
 * "+12025550100" → "(202) 555-0100" for a US account, "+1 202 555 0100" for a
 * Brazilian one. Anything that does not parse is shown as stored.
 */
export function formatPhone(e164: string, accountCountry: string): string {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone) return e164;
  return isHomeNumber(phone.country, phone.countryCallingCode, accountCountry)
    ? phone.formatNational()
    : phone.formatInternational();
}

// Fictional and test numbers (555-01xx in North America) fall in no country's
// ranges; for them the calling code decides.
function isHomeNumber(country: CountryCode | undefined, callingCode: string, accountCountry: string): boolean {
  if (country) return country === accountCountry;
  try {
    return getCountryCallingCode(accountCountry as CountryCode) === callingCode;
  } catch {
    return false;
  }
}
