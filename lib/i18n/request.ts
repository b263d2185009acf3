import { getRequestConfig } from 'next-intl/server';

export default getRequestConfig(() => Promise.resolve({ locale: 'en', messages: {} }));
