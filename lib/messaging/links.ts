// Tracked links: unguessable short codes for `/l/{code}` (and survey tokens), and
// finding the URLs in a message body so each can be replaced by its tracked link.
import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** 12 base-62 characters carry 71 random bits: at least 64, as agreed, with room. */
export const LINK_CODE_LENGTH = 12;
const LINK_CODE = new RegExp(`^[0-9A-Za-z]{${LINK_CODE_LENGTH}}$`);

/** A new unguessable code from the operating system's random source. */
export function newLinkCode(): string {
  let code = '';
  while (code.length < LINK_CODE_LENGTH) {
    for (const byte of randomBytes(LINK_CODE_LENGTH * 2)) {
      // 248 = 4 × 62: bytes above it are skipped so every character is equally likely.
      if (byte < 248 && code.length < LINK_CODE_LENGTH) code += BASE62[byte % 62];
    }
  }
  return code;
}

/**
 * Whether a `/l/{code}` segment can be one of our codes at all, checked before any
 * database work: anything else (dots, slashes, encoded characters, wrong length) is a 404.
 */
export function isLinkCode(value: unknown): value is string {
  return typeof value === 'string' && LINK_CODE.test(value);
}

export type FoundUrl = {
  /** Offsets in the text: the URL is `text.slice(start, end)`. */
  start: number;
  end: number;
  /** The URL as written. */
  text: string;
};

// http(s):// or www. at a word start (not inside an e-mail address or another word),
// up to whitespace or a character that cannot be in a written URL.
const URL_CANDIDATE = /(?<![\p{L}\p{N}@._/-])(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const TRAILING_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '…', '。', '，', '、', '！', '？', '*']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops sentence punctuation after a URL, and a closing bracket it did not open. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1) ?? '';
    const opener = CLOSERS[last];
    if (TRAILING_PUNCTUATION.has(last)) url = url.slice(0, -1);
    else if (opener && count(url, last) > count(url, opener)) url = url.slice(0, -1);
    else return url;
  }
}

/** The web addresses in a text, in order: http(s) URLs and bare `www.` ones. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const url = trimUrl(match[0]);
    // Needs a host after the prefix: "http://" or "www." alone is not a link.
    if (!/^(?:https?:\/\/|www\.)[\p{L}\p{N}{]/iu.test(url)) continue;
    found.push({ start: match.index, end: match.index + url.length, text: url });
  }
  return found;
}

/**
 * Where a written URL leads: a bare `www.` address gets `http://`, as the recipient's
 * phone would have opened it (the site upgrades to https itself).
 */
export function linkDestination(urlAsWritten: string): string {
  return /^https?:\/\//i.test(urlAsWritten) ? urlAsWritten : `http://${urlAsWritten}`;
}

/** The text with every URL replaced by `trackLink(destination)`. */
export function rewriteUrls(text: string, trackLink: (destination: string) => string): string {
  let out = '';
  let from = 0;
  for (const url of findUrls(text)) {
    out += text.slice(from, url.start) + trackLink(linkDestination(url.text));
    from = url.end;
  }
  return out + text.slice(from);
}
