// Page furniture: short pieces of text that sit in or next to an article without being part
// of what it says — skip links, share bars, "Advertisement", photo credits, bylines, related
// links, newsletter and cookie boxes, translation and editing credits. The rules describe how
// such text looks on news pages in general (short, no sentence punctuation, fixed phrases);
// prose is never furniture, so every rule gives up on text that reads as a sentence.

import { codePointBefore, codeUnits, isLetterOrNumber, isSpace } from '../text/chars';

/** Ends like a sentence: full stop, question or exclamation mark, maybe inside quotes/brackets. */
export function endsLikeSentence(text: string): boolean {
  return /[.!?…]["'”’»)\]]*$/.test(text.trim());
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

// Whole-block phrases of navigation, sharing and ads (compared lower case, without trailing
// punctuation).
const FURNITURE_PHRASES = new Set([
  'advertisement', 'advertising', 'ad', 'ads', 'sponsored', 'sponsored content', 'paid content',
  'story continues below', 'story continues below advertisement', 'article continues below advertisement',
  'continue reading', 'continue reading below', 'read more', 'read full article', 'read the full story',
  'skip to main content', 'skip to content', 'skip to navigation', 'skip navigation', 'jump to content',
  'share', 'share this', 'share this article', 'share this story', 'share on facebook', 'share on twitter',
  'share via email', 'tweet', 'email', 'print', 'comments', 'comment', 'show comments', 'view comments',
  'facebook', 'twitter', 'linkedin', 'whatsapp', 'pinterest', 'reddit', 'telegram', 'copy link', 'link copied',
  'close', 'menu', 'search', 'home', 'news', 'loading', 'video', 'photo', 'image', 'gallery', 'listen',
  'listen to this article', 'enlarge this image', 'toggle caption', 'hide caption', 'expand', 'fullscreen',
  'sign up', 'subscribe', 'log in', 'sign in', 'register', 'follow', 'follow us', 'related', 'related articles',
  'related stories', 'related content', 'recommended', 'recommended for you', 'most read', 'most popular',
  'trending', 'trending now', 'you may also like', 'more stories', 'more from', 'top stories', 'latest news',
  'back to top', 'next article', 'previous article', 'up next', 'see also', 'also read', 'read next',
  'order reprints', 'reprints', 'print this article', 'text size', 'font size', 'post comment', 'add comment',
  'leave a comment', 'view gallery', 'view slideshow', 'play video', 'watch video', 'audio', 'save', 'save article',
  'bookmark', 'gift this article', 'open in app',
]);

/** Starts of short non-sentence lines that point elsewhere ("More on ...", "Read more: ..."). */
const POINTER_START =
  /^(?:more (?:on|about|from|stories|news|coverage|in)\b|read (?:more|also|next|the full)\b|see (?:also|more)\b|related(?: (?:stories|articles|coverage|content|links|reading|video))?\b|recommended\b|also read\b|you may also like\b|most (?:read|popular|viewed)\b|watch:|listen:|video:|photos?:|gallery:)/i;

/**
 * A teaser for another story: a short label and a colon, then a headline that is not a
 * sentence ("RELATED: Council approves flood barrier", "'Meth. We're On It.': State spends
 * $449K on ad campaign"). Prose after a colon ends like a sentence.
 */
function isLabelledTeaser(text: string): boolean {
  if (text.length > 160 || endsLikeSentence(text)) return false;
  const colon = text.indexOf(': ');
  if (colon < 2 || colon > 60 || wordCount(text.slice(0, colon)) > 8) return false;
  const rest = text.slice(colon + 2);
  return wordCount(rest) >= 3 && /^[\p{Lu}\p{N}'"‘“$]/u.test(rest);
}

/** Credits for the work around the text, not the text ("Translation by ...", "Editing by ..."). */
const CREDIT_LINE =
  /^\(?(?:(?:additional |with )?reporting|writing|written|editing|edited|translation|translated|compiled|produced|illustrations?|photos?|photographs?|graphics?|video|design|interactive|research|fact[- ]checking)(?: and \w+)? by\b/i;

const AGENCY_NAMES =
  'AP|AFP|EPA|Reuters|Getty(?: Images)?|Shutterstock|Scanpix|LETA|TASS|Sputnik|Bloomberg|Alamy|iStock(?:photo)?|PA(?: Images| Wire)?|Xinhua|Anadolu|ANP|DPA|SIPA|Zuma(?: Press)?|Imago|NurPhoto|Pool|Handout|Courtesy|Wikimedia(?: Commons)?|Unsplash|Supplied';

/** Words that give away a picture credit. */
const PICTURE_AGENCY = new RegExp(String.raw`\b(?:${AGENCY_NAMES})\b`);

/**
 * An agency name on its own ("Getty", "Reuters", "(AP Photo)"). No \b after the names: what may
 * follow them (a space, ")" or the end) already ends the word, and with \b there V8 took about
 * 2 ms to compile this one case-insensitive regex, on every page.
 */
export const AGENCY_ONLY = new RegExp(String.raw`^\(?(?:photo:?\s*)?\b(?:${AGENCY_NAMES})(?:\s+(?:photo|images?|file))*\)?$`, 'i');

/** "Yuri Kochetkov / EPA / Scanpix / LETA", "Photo: Getty Images", "(AP Photo/Jane Doe)". */
export function isPictureCredit(text: string): boolean {
  const t = text.trim();
  if (t.length > 120 || endsLikeSentence(t.replace(/[)\]]+$/, '')) && wordCount(t) > 6) return false;
  if (/^\(?(?:photo|image|picture|photograph|credit|source|illustration|pictured)s?(?: credit)?\s*[:/]/i.test(t)) return true;
  if (AGENCY_ONLY.test(t)) return true;
  const parts = t.replace(/^\(|\)$/g, '').split(/\s*(?:\/|\||•|·)\s*|\s+via\s+/);
  const nameLike = parts.every((p) => p.length > 0 && wordCount(p) <= 5 && !/[.!?]$/.test(p) && /^[A-Z(©]/.test(p));
  if (!nameLike) return false;
  return parts.length >= 3 || (parts.length >= 2 && PICTURE_AGENCY.test(t)) || /^©/.test(t);
}

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters" (a byline line on its own). */
export function isBylineLine(text: string): boolean {
  // The cheap test first: V8 would compile the regex (and its \p{L} classes) for any block.
  if (!/^by\s/i.test(text) || endsLikeSentence(text)) return false;
  return /^[Bb][Yy]\s+[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|and|&|de|van|von|al|bin|,))*(?:\s*[,|—–-]\s*[\p{L} .]{0,60})?$/u.test(text) && text.length <= 100;
}

/** Dates and times on their own line ("Published 6:01 am", "November 19, 2019", "3 min read"). */
function isDateLine(text: string): boolean {
  if (text.length > 80) return false;
  if (/^(?:published|updated|posted|last updated|modified|first published)\b/i.test(text)) return true;
  // Every rule below wants a digit.
  if (!/\d/.test(text)) return false;
  if (/^\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\s+(?:read|ago)$/i.test(text)) return true;
  const stripped = text
    .replace(/\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|at|am|pm|a\.m\.|p\.m\.|gmt|utc|[ecmp][sd]t)\b\.?/gi, '')
    .replace(/[\d\s,:./|–—-]+/g, '');
  return stripped === '';
}

/** Newsletter, subscription, cookie and app-store boxes. */
function isPromoLine(text: string): boolean {
  if (text.length > 300) return false;
  // Contact lines and calls to write in ("Write to Jane at jane@example.com", "Have a tip?
  // ... may be reached at ..."): an e-mail address with words that ask the reader to use it.
  if (/[\w.+-]+@[\w-]+\.[\w.-]+/.test(text) && /\b(?:write|contact|e-?mail|reach(?:ed)?|tips?|let us know|send|follow)\b/i.test(text)) return true;
  if (/^©|\ball rights reserved\b/i.test(text)) return true;
  // Promotional boxes are a line or two; a longer paragraph that mentions subscriptions is
  // news about them.
  if (text.length <= 200 && /\b(?:sign up|subscribe|subscription|newsletter|inbox|download (?:the|our) app|get the app|cookie (?:policy|settings)|(?:use|accept)(?: all)? cookies|privacy policy|terms of (?:use|service))\b/i.test(text)) {
    // Promotional lines speak to the reader or are not sentences; prose about newsletters
    // or privacy policies is written about someone else.
    return /\b(?:you|your)\b/i.test(text) || !endsLikeSentence(text);
  }
  if (/^follow (?:us|\S+ on)\b/i.test(text) && text.length < 120) return true;
  if (/^(?:contact|email|reach) (?:the (?:author|writer|reporter)|\S+ \S+ at)\b/i.test(text) && text.length < 160) return true;
  return false;
}

/**
 * The text without a bracketed run of symbols at its end, and the white space before it ("Share
 * (0)" -> "Share"): what /\s*\([^\p{L}\p{N}]*\)$/u removes, without compiling its classes. Such a
 * run lies inside the text's last stretch without a letter or digit; it starts at that
 * stretch's first "(".
 */
export function withoutSymbolsInBrackets(text: string): string {
  if (!text.endsWith(')')) return text;
  let symbolsFrom = text.length;
  for (let code = codePointBefore(text, symbolsFrom); code >= 0 && !isLetterOrNumber(code); code = codePointBefore(text, symbolsFrom)) {
    symbolsFrom -= codeUnits(code);
  }
  let open = text.indexOf('(', symbolsFrom);
  if (open < 0) return text;
  while (open > symbolsFrom && isSpace(text.charCodeAt(open - 1))) open--;
  return text.slice(0, open);
}

/**
 * True when a block of text is page furniture rather than article text. `context.linkShare` is
 * the fraction of the block's characters that sit inside links, when known (HTML pages).
 */
export function isFurniture(rawText: string, context: { linkShare?: number } = {}): boolean {
  // List bullets in front of a line say nothing about what the line is.
  const text = rawText.replace(/\s+/g, ' ').trim().replace(/^[•·▪■►▶*]+\s*/, '');
  if (text === '') return true;
  // A long block that reads as a sentence can only be a credit line or a promotional line:
  // every other rule wants a short block or one that is not a sentence (a furniture phrase
  // could only hide in one behind a hundred characters of punctuation). Most of an article's
  // paragraphs stop here, before the rules' regexes are compiled or run.
  if (text.length > 120 && endsLikeSentence(text)) return (text.length <= 200 && CREDIT_LINE.test(text)) || isPromoLine(text);
  const bare = withoutSymbolsInBrackets(text.toLowerCase())
    .replace(/[\s:•·|>»›→.…!]+$/g, '')
    .replace(/^[\s•·|<«‹←]+/g, '');
  if (FURNITURE_PHRASES.has(bare)) return true;
  // Share bars: a few words naming networks or actions ("Share to or", "Share Tweet Email").
  if (/^(?:share|tweet|email|print|copy link)\b/i.test(text) && wordCount(text) <= 6 && !endsLikeSentence(text)) return true;
  if (!endsLikeSentence(text) && text.length <= 160 && POINTER_START.test(text)) return true;
  if (isLabelledTeaser(text)) return true;
  if (CREDIT_LINE.test(text) && text.length <= 200) return true;
  if (isPictureCredit(text)) return true;
  if (isBylineLine(text)) return true;
  // The signature line of an embedded post: "— Jane Doe (@janedoe) November 18, 2019".
  if (/^[—–-]\s*.{0,80}?\(@\w{1,30}\)/u.test(text) && text.length <= 160 && !endsLikeSentence(text)) return true;
  if (isDateLine(text)) return true;
  // Gallery counters: "Image 1 of 5", "Photo 3/12".
  if (/^(?:image|photo|picture|slide|video)\s+\d+\s*(?:of|\/)\s*\d+$/i.test(text)) return true;
  if (isPromoLine(text)) return true;
  // A line that is all link and no sentence is a link to something else (related stories,
  // tags, "next" teasers), not what this article says.
  if ((context.linkShare ?? 0) >= 0.9 && !endsLikeSentence(text) && text.length <= 200) return true;
  return false;
}
