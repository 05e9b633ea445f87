import { describe, expect, it } from 'vitest';
import { attributionInSentence, attributionOf, subjectBefore } from '../../src/engine/attribution';
import { blocksOf, splitSentences } from '../../src/engine/text/sentences';

function attributionsOf(text: string): (string | null)[] {
  const sentences = splitSentences(text, blocksOf(text));
  return sentences.map((_, i) => attributionOf(sentences, i));
}

describe('attributionInSentence', () => {
  it.each([
    ['According to Chile’s Interior Ministry, 58 fires are still burning.', 'Chile’s Interior Ministry'],
    ['Fifty-eight fires are still burning, according to the regional fire service.', 'the regional fire service'],
    ['On March 3, Elena Markova said that nine miners were trapped.', 'Elena Markova'],
    ['The union claims that 4,000 jobs will go.', 'The union'],
    ['Nine miners were trapped, reports the state news agency Tanjug.', 'the state news agency Tanjug'],
    ['Nine miners were trapped, the rescue service said.', 'the rescue service'],
    ['“We reached them at dawn,” said Petar Ilic, a rescuer.', 'Petar Ilic'],
    ['Tomas Berg, the chief executive of Nordlys, said the plant would close.', 'Tomas Berg'],
    ['The club’s new owner, Ingrid Dahl, said the stadium would be rebuilt.', 'Ingrid Dahl'],
    ['The toll rose to 31, health officials told reporters on Sunday.', 'health officials'],
    ['“We found 18 survivors,” a volunteer told AFP.', 'a volunteer'],
    ['The bank, which employs 2,400 people, said it would shut 40 branches.', 'The bank'],
    ['Exports fell 3% in May, and economists said the slide would continue.', 'economists'],
    ['Figures from the statistics office showed 9,000 new jobs.', 'Figures from the statistics office'],
    ['Meanwhile, the federation’s president also warned that fees would rise.', 'the federation’s president'],
    ['Sweden’s Ambassador to Chile Karin Olsson previously reported that two Swedes were missing.', 'Sweden’s Ambassador to Chile Karin Olsson'],
    ['The regulator and the exchange said trading would resume.', 'The regulator and the exchange'],
  ])('%s', (sentence, who) => {
    expect(attributionInSentence(sentence)).toBe(who);
  });

  it.each([
    'The bridge will reopen in March.',
    'He declined to say when the bridge would reopen.',
    'The bill may pass next week.',
    'His repeated claims of innocence were not believed.',
    'The singer was said to be recovering at home.',
  ])('names nobody when the sentence names no source: %s', (sentence) => {
    expect(attributionInSentence(sentence)).toBeNull();
  });

  it('does not take a clause after "said" as an inverted source', () => {
    expect(attributionInSentence('Ana Ruiz, the club’s treasurer, said the club would sell its ground.')).toBe('Ana Ruiz');
  });
});

describe('attributionOf', () => {
  it('resolves a pronoun subject to the closest named source before it', () => {
    const text = 'Ana Ruiz, the club’s treasurer, said the ground would be sold. She said 300 members had objected.';
    expect(attributionsOf(text)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('names nobody for an unresolved pronoun', () => {
    expect(attributionsOf('He said 300 members had objected.')).toEqual([null]);
  });

  it('returns null for an index outside the sentences', () => {
    expect(attributionOf([], 3)).toBeNull();
  });
});

describe('subjectBefore', () => {
  it('finds the subject that ends at a verb, past an appositive', () => {
    const s = 'Ana Ruiz, the club’s treasurer, declined to comment.';
    expect(subjectBefore(s, s.indexOf('declined'))).toBe('Ana Ruiz');
  });

  it('cuts at a parenthesis that opens its own clause', () => {
    const s = 'The plant shed 70 jobs (the owner would not disclose the exact number).';
    expect(subjectBefore(s, s.indexOf('would not'))).toBe('the owner');
  });
});
