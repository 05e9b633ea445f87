import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/tools/random';
import { AGENCY_ONLY, isFurniture, isPictureCredit, withoutSymbolsInBrackets } from '../../../src/engine/article/furniture';

describe('isFurniture', () => {
  it.each([
    'Skip to main content',
    '• Share to or',
    'Advertisement',
    'Story continues below advertisement',
    'Read more: Storm season explained',
    'More on the history of the town council',
    'Related stories',
    'Translation by Sasha Example',
    'Additional reporting by Jo Bloggs; Editing by Sam Roe',
    'By Jane Example and John Roe',
    'Published 6:01 am',
    'November 18, 2019',
    '3 min read',
    'Image 2 of 5',
    'Sign up for our free morning newsletter',
    'Write to Jane Example at jane@example.com',
    '— Sam Poster (@samposter) November 18, 2019',
    'Post Comment (+)',
  ])('takes %j for furniture', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it.each([
    'More than 1,400 people were killed in the attack.',
    'By Tuesday, the death toll had risen to 20.',
    'Sources said the ministry had not been told.',
    'Share prices fell 5 percent on the news, the steepest drop this year.',
    'The statement did not mention the hostages.',
    'Flood waters rise in Riverton',
    'Residents wade through a flooded street in Riverton on Monday.',
    'The hacker used the address john.doe@example.com to register the domain.',
    '“We sold 500 cookies today,” the owner said.',
    'Subscribers to the newsletter fell by a third last year.',
    'Amazon is now letting you listen to music free on smartphones and TV, and rivals are nervous. The company said the free tier comes with ads, and a paid subscription removes them, while you can still upgrade at any time.',
  ])('keeps %j', (line) => {
    expect(isFurniture(line)).toBe(false);
  });

  it('takes a line that is all link and no sentence for a pointer elsewhere', () => {
    expect(isFurniture('Town council approves new flood barrier plan', { linkShare: 1 })).toBe(true);
    expect(isFurniture('Town council approves new flood barrier plan', { linkShare: 0 })).toBe(false);
    expect(isFurniture('The council approved the plan on Tuesday.', { linkShare: 1 })).toBe(false);
  });
});

describe('isPictureCredit', () => {
  it.each(['Yuri Kochetkov / EPA / Scanpix / LETA', 'Photo: Getty Images', '(AP Photo/Jane Doe)', 'Getty', 'Jane Roe / Reuters'])(
    'recognises %j',
    (line) => expect(isPictureCredit(line)).toBe(true),
  );

  it.each(['Israel / Gaza', 'The ministry said the figures could not be verified.', 'Hamas delegation discusses hostages during talks in Moscow'])(
    'does not take %j for a credit',
    (line) => expect(isPictureCredit(line)).toBe(false),
  );
});

describe('AGENCY_ONLY', () => {
  // The regex it replaced: the same but for a \b after the agency names (slow to compile in V8).
  const NAMES =
    'AP|AFP|EPA|Reuters|Getty(?: Images)?|Shutterstock|Scanpix|LETA|TASS|Sputnik|Bloomberg|Alamy|iStock(?:photo)?|PA(?: Images| Wire)?|Xinhua|Anadolu|ANP|DPA|SIPA|Zuma(?: Press)?|Imago|NurPhoto|Pool|Handout|Courtesy|Wikimedia(?: Commons)?|Unsplash|Supplied';
  const REFERENCE = new RegExp(String.raw`^\(?(?:photo:?\s*)?\b(?:${NAMES})\b(?:\s+(?:photo|images?|file))*\)?$`, 'i');

  it('accepts exactly what the regex it replaced accepted', () => {
    const next = seededRandom(11);
    const pieces = ['(', ')', ' ', ':', 'photo', 'Photo', 'AP', 'ap', 'Getty', ' Images', 'PA', ' Wire', 'images', 'file', 'x', '_', '1', 'é', 'K', '\u017f', '-', '/'];
    const texts = ['Getty', '(AP Photo)', 'Photo: Getty Images', 'REUTERS', 'APx', 'AP_', 'AP1', 'APé', 'photoAP', 'PA Wire file', 'iStockphoto'];
    let accepted = 0;
    for (let n = 0; n < 60_000; n++) {
      let text = '';
      const length = 1 + Math.floor(next() * 6);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      texts.push(text);
    }
    for (const text of texts) {
      expect(AGENCY_ONLY.test(text), text).toBe(REFERENCE.test(text));
      if (REFERENCE.test(text)) accepted++;
    }
    expect(accepted, 'the generated texts include credits, not only other text').toBeGreaterThan(500);
  });
});

describe('withoutSymbolsInBrackets', () => {
  const REFERENCE = /\s*\([^\p{L}\p{N}]*\)$/u;

  it('removes what the regex it replaced removed', () => {
    const next = seededRandom(3);
    const pieces = ['(', ')', ' ', '\u00a0', 'share', 'a', '1', '²', '-', '…', '😀', '𝐚', '\udc00', '|', '.'];
    const texts = ['share (0)', 'comments ( 12 )', 'share ()', 'share (a)', '(())', 'x (—) (…)', 'x (1)'];
    for (let n = 0; n < 50_000; n++) {
      let text = '';
      const length = Math.floor(next() * 9);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      texts.push(next() < 0.5 ? `${text})` : text);
    }
    const wrong = texts.filter((t) => withoutSymbolsInBrackets(t) !== t.replace(REFERENCE, ''));
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(texts.filter((t) => REFERENCE.test(t)).length).toBeGreaterThan(1000);
  });
});
