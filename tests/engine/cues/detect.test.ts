import { describe, expect, it } from 'vitest';
import { flagOf, flagsOf, kindsOf } from './helpers';

// Sentences written for these tests in the style of wire copy; none is taken from a fixture.

describe('unverified', () => {
  it.each([
    ['The rebels say 40 soldiers died; the toll could not be independently verified.', 'could not be independently verified'],
    ['Reuters was unable to verify the footage.', 'unable to verify'],
    ['Port officials have not confirmed the number of containers lost.', 'have not confirmed'],
    ['The casualty figures have not yet been independently confirmed.', 'have not yet been independently confirmed'],
    ['Local radio aired unconfirmed reports of a second blast.', 'unconfirmed'],
    ['The senator repeated the charge without providing evidence.', 'without providing evidence'],
    ['He offered no evidence for the accusation.', 'offered no evidence'],
    ['It was impossible to verify the account.', 'impossible to verify'],
    ['The findings have not been peer-reviewed.', 'not been peer-reviewed'],
    ['The ministry has not been able to verify the figures.', 'not been able to verify'],
  ])('%s', (text, cue) => {
    expect(flagOf(text, 'unverified').cue).toBe(cue);
  });

  it('takes "no evidence" as a verdict on a claim, not on the world', () => {
    expect(kindsOf('There is no evidence to support the allegations against the coach.')).toContain('unverified');
    expect(kindsOf('The probe found no evidence of ice in the crater.')).not.toContain('unverified');
  });
});

describe('hedge', () => {
  it.each([
    ['The mayor allegedly accepted gifts from a developer.', 'allegedly'],
    ['The singer reportedly turned down the role.', 'reportedly'],
    ['Police arrested the alleged ringleader on Friday.', 'alleged'],
    ['The purported letter surfaced online last week.', 'purported'],
    ['The former minister is said to be living abroad.', 'is said to'],
    ['The missing hiker was believed to have taken a shortcut.', 'was believed to'],
    ['The chain is rumored to be closing its downtown store.', 'is rumored to'],
    ['The union claims that half its members will strike.', 'claims'],
    ['He claimed he had never been to the warehouse.', 'claimed'],
    ['The lawyer asserts that the contract was void.', 'asserts'],
    ['Neighbors accuse the plant of poisoning the river.', 'accuse'],
  ])('%s', (text, cue) => {
    expect(flagOf(text, 'hedge').cue).toBe(cue);
  });

  it('names the claimant of a claim verb', () => {
    expect(flagOf('The union claims that half its members will strike.', 'hedge').attributedTo).toBe('The union');
  });

  it.each([
    'Jobless claims fell by 9,000 last week.',
    'The insurer paid out more than 3,000 claims after the flood.',
    'No group has claimed responsibility for the attack.',
    'The storm claimed the lives of four fishermen.',
    'She claimed the title after a five-set final.',
    'The goalkeeper asserted his authority in the box.',
    'Rovers claimed a 3-1 win at home.',
    'The state has laid claim to the islands.',
    'The accused was led from the courtroom.',
  ])('"claim" words that report no claim: %s', (text) => {
    expect(kindsOf(text)).not.toContain('hedge');
  });
});

describe('vague-source', () => {
  it.each([
    ['Sources said the merger talks had collapsed.', 'Sources said'],
    ['A source familiar with the negotiations said a deal was near.', 'source familiar with'],
    ['People familiar with the plan said the launch had slipped to May.', 'People familiar with'],
    ['A diplomat who spoke on condition of anonymity said the envoy would resign.', 'on condition of anonymity'],
    ['Two officers, who asked not to be named, described the raid.', 'asked not to be named'],
    ['Some experts say the dam is unsafe.', 'Some experts'],
    ['Critics say the tax hits renters hardest.', 'Critics say'],
    ['Many believe the referendum was rigged.', 'Many believe'],
    ['It is widely believed that the general is ill.', 'It is widely believed'],
    ['Media reports said the ferry had turned back.', 'Media reports said'],
    ['According to local reports, the bridge was closed.', 'According to local reports'],
    ['Observers noted long queues outside polling stations.', 'Observers'],
    ['Many Belgians fear the reform will cost them their pensions.', 'Many Belgians'],
    ['“The plan is doomed,” said one senior analyst.', 'one senior analyst'],
    ['A person briefed on the plans said the bid was dropped.', 'person briefed on'],
    ['Critics of the scheme say it rewards polluters.', 'Critics'],
    ['Local media reported that the dam had burst.', 'Local media reported'],
  ])('%s', (text, cue) => {
    expect(flagOf(text, 'vague-source').cue).toBe(cue);
  });

  it.each([
    'Analyst Maria Lopez said the shares were cheap.',
    'The analysts said the shares were cheap.',
    'Researchers at the University of Ghent said the results held up.',
    'Many people were hurt in the stampede.',
    'Analysts had expected $3.4 billion in sales.',
    'Investors saw shares fall 6% on Monday.',
    'Doctors called for calm.',
    'Some residents were moved to a school gym.',
    'Voters will have some say in the matter.',
    'Experts at Leeds University said the findings were robust.',
    'The number of people in the valley said to be at risk is small.',
  ])('named or non-speaking groups are not vague sources: %s', (text) => {
    expect(kindsOf(text)).not.toContain('vague-source');
  });

  it('gives the unnamed group as the source', () => {
    expect(flagOf('Some experts say the dam is unsafe.', 'vague-source').attributedTo).toBe('Some experts');
  });
});

describe('omission', () => {
  it.each([
    ['A spokeswoman for the club declined to comment.', 'declined to comment'],
    ['The minister refused to say whether he had been told.', 'refused to say'],
    ['The agency did not respond to a request for comment.', 'did not respond to a request'],
    ['The council didn’t immediately respond to emailed questions.', 'didn’t immediately respond to emailed questions'],
    ['The airline did not say how many passengers were on board.', 'did not say'],
    ['The notice didn’t specify which routes would be cut.', 'didn’t specify'],
    ['The report did not name the officers involved.', 'did not name'],
    ['Her statement made no mention of the lawsuit.', 'made no mention'],
    ['There was no mention of the fine in the annual report.', 'no mention of'],
    ['It was not immediately clear how the fire started.', 'It was not immediately clear'],
    ['It is unclear whether the talks will resume.', 'It is unclear'],
    ['The police gave no details about the suspect.', 'gave no details'],
    ['The stake was sold for an undisclosed sum.', 'undisclosed'],
    ['The company would not disclose the price.', 'would not disclose'],
    ['The builder has not been named.', 'has not been named'],
    ['The embassy has yet to comment on the arrests.', 'has yet to comment'],
    ['No reason was given for the closure.', 'No reason was given'],
    ['The landlord could not immediately be reached.', 'could not immediately be reached'],
    ['Police did not release her name.', 'did not release her name'],
  ])('%s', (text, cue) => {
    expect(flagOf(text, 'omission').cue).toBe(cue);
  });

  it('names who left something out', () => {
    expect(flagOf('The ministry’s statement did not mention the arrests.', 'omission').attributedTo).toBe('The ministry’s statement');
    expect(flagOf('A spokeswoman for the club declined to comment.', 'omission').attributedTo).toBe('A spokeswoman for the club');
  });

  it('follows a later omission back to the statement named just before', () => {
    const text = 'The council’s statement did not mention the layoffs. There was also no mention of the budget gap.';
    const flags = flagsOf(text).filter((f) => f.kind === 'omission');
    expect(flags).toHaveLength(2);
    expect(flags[1]!.attributedTo).toBe('The council’s statement');
  });

  it.each([
    'The patient did not respond to the first treatment.',
    'He said he did not know the driver.',
    'No one was injured.',
    'The film was not released in France.',
  ])('a plain negation is not an omission: %s', (text) => {
    expect(kindsOf(text)).not.toContain('omission');
  });
});

describe('not flags: neutral attribution and the writer’s own modality', () => {
  it.each([
    'The mayor said the bridge would reopen in March.',
    'The governor told reporters the budget was balanced.',
    'According to the port authority, 12 ships were delayed.',
    'The bill may pass next week.',
    'Prices could rise further, and rates might possibly fall.',
    'The figures may be revised later this month.',
    '“We are ready,” the coach said after training.',
    'The theft was reported to police on Monday.',
  ])('%s', (text) => {
    expect(flagsOf(text)).toEqual([]);
  });
});

describe('one flag per sentence and kind', () => {
  it('keeps the first cue of a kind and still reports other kinds in the same sentence', () => {
    const flags = flagsOf('The firm reportedly fired 40 staff and allegedly hid the losses, but declined to comment.');
    expect(flags.map((f) => [f.kind, f.cue])).toEqual([
      ['hedge', 'reportedly'],
      ['omission', 'declined to comment'],
    ]);
  });
});

describe('flag fields', () => {
  const text = 'Storm Hits Coast\n\nThe storm flooded 300 homes. The mayor allegedly ignored the warnings.\n\nNobody else was blamed.';

  it('points at the cue in the article text and keeps the sentence', () => {
    const [flag] = flagsOf(text);
    expect(flag).toBeDefined();
    expect(text.slice(flag!.start, flag!.end)).toBe(flag!.cue);
    expect(flag!.cue).toBe('allegedly');
    expect(flag!.sentence).toBe('The mayor allegedly ignored the warnings.');
    expect(text.slice(flag!.sentenceStart, flag!.sentenceStart + flag!.sentence.length)).toBe(flag!.sentence);
    expect(flag!.claim).toBe(flag!.sentence);
    expect(flag!.id).toBe(`f-${flag!.start}`);
    expect(flag!.rule).toMatch(/allegedly/);
  });

  it('gives every flag a distinct id and keeps offsets exact across many flags', () => {
    const long = [
      'Sources said the mine had flooded.',
      'The owner reportedly knew of the leaks, and the company declined to comment.',
      'These figures could not be independently verified.',
    ].join('\n\n');
    const flags = flagsOf(long);
    expect(flags.length).toBe(4);
    expect(new Set(flags.map((f) => f.id)).size).toBe(flags.length);
    for (const f of flags) expect(long.slice(f.start, f.end)).toBe(f.cue);
    expect(flags.map((f) => f.start)).toEqual([...flags.map((f) => f.start)].sort((a, b) => a - b));
  });

  it('finds a cue with invisible characters hidden inside it and keeps the article’s offsets', () => {
    const text = 'The mayor alle\u200Bgedly took bribes. People famil\u2066iar\u2069 with the probe said so.';
    const flags = flagsOf(text);
    expect(flags.map((f) => f.kind)).toEqual(['hedge', 'vague-source']);
    for (const f of flags) expect(text.slice(f.start, f.end)).toBe(f.cue);
    expect(flags[0]!.cue).toBe('alle\u200Bgedly');
  });

  it('matches cues across line breaks and curly or straight apostrophes', () => {
    expect(flagOf("The agency didn't specify a date.", 'omission').cue).toBe("didn't specify");
    expect(flagOf('The agency didn’t specify a date.', 'omission').cue).toBe('didn’t specify');
  });
});
