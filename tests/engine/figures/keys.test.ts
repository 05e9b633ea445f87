import { describe, expect, it } from 'vitest';
import { figure, figuresIn } from './helpers';
import { singular } from '../../../src/engine/figures/keys';

describe('what keys: counted noun | event', () => {
  it('joins the singular noun phrase and the event after it', () => {
    expect(figure('Seventeen Canadian tourists were injured in the crash.', 'Seventeen').what).toBe('canadian tourist|injured');
  });

  it('reads an event verb placed before the number', () => {
    expect(figure('Gunmen killed 12 villagers overnight.', '12').what).toBe('villager|killed');
    expect(figure('The factory laid off 300 workers.', '300').what).toBe('worker|laid off');
  });

  it('normalises event words: died and dead are killed, wounded is injured', () => {
    expect(figure('Two pilots died when the jet came down.', 'Two').what).toBe('pilot|killed');
    expect(figure('About 40 others were wounded.', 'About 40').what).toBe('|injured');
  });

  it('takes the noun of the previous figure when the number has none', () => {
    const figures = figuresIn('Four firefighters were killed, and another two were reported missing.');
    expect(figures.map((f) => f.what)).toEqual(['firefighter|killed', 'firefighter|missing']);
  });

  it('reads an event from a noun before the number ("the hostages include...")', () => {
    expect(figure('The hostages include five French nationals.', 'five').what).toBe('french national|taken hostage');
  });

  it('counts people by what happened to them ("seven hostages", "12 deaths")', () => {
    expect(figure('Rebels still hold seven hostages.', 'seven').what).toBe('person|taken hostage');
    expect(figure('The outbreak caused 12 deaths.', '12').what).toBe('person|killed');
  });

  it('gives a part of a count the event of the whole', () => {
    const figures = figuresIn('Gunmen stormed a hotel, killing at least 30 people, including 12 foreigners.');
    expect(figures.map((f) => f.what)).toEqual(['person|killed', 'foreigner|killed']);
  });

  it('keys money by its currency and measure, with rates', () => {
    expect(figure('The utility reported revenue of $4.9 billion.', '$4.9 billion').what).toBe('dollar|revenue');
    expect(figure('Shares were sold at $12.50 a share.', '$12.50').what.startsWith('dollar per share|')).toBe(true);
  });

  it('does not take the forecast an actual value beat for its own modality', () => {
    expect(figure('Revenue of $61.9 billion beat forecasts of $60.8 billion.', '$61.9 billion').what).toBe('dollar|revenue');
  });

  it('marks forecasts apart from actual values', () => {
    expect(figure('Analysts had expected revenue of $5.1 billion.', '$5.1 billion').what).toBe('dollar|expected revenue');
  });

  it('keys percentages by what they are a share of', () => {
    expect(figure('Almost 40 percent of voters stayed home.', 'Almost 40 percent').what).toBe('percent|voter');
  });

  it('singularises English plurals', () => {
    expect(['companies', 'people', 'gunmen', 'buses', 'children', 'news', 'lives', 'stairs'].map(singular)).toEqual([
      'company', 'person', 'gunman', 'bus', 'child', 'news', 'life', 'stair',
    ]);
  });
});

describe('figure fields', () => {
  it('gives the phrase, the number phrase, offsets and a stable id', () => {
    const text = 'Officials said more than 1,200 people were evacuated from the valley.';
    const f = figure(text, 'more than 1,200');
    expect(f.text).toBe('more than 1,200 people were evacuated');
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.id).toBe(`n-${f.start}`);
    expect(f.sentence).toBe(text);
  });

  it('fills attributedTo from the sentence source', () => {
    const f = figure('According to the health ministry, 31 patients were hospitalized.', '31');
    expect(f.attributedTo).toBe('the health ministry');
  });

  it('lists distinctive context words but not the source or the noun', () => {
    const f = figure('According to the health ministry, 31 patients were hospitalized after the Kerala floods.', '31');
    expect(f.context).toEqual(expect.arrayContaining(['kerala', 'floods']));
    expect(f.context).not.toContain('ministry');
  });
});

describe('which event a number belongs to', () => {
  it('gives the verb right before a number priority over a later one', () => {
    const figures = figuresIn('A quake struck, killing at least 14 people and injuring more than 200.');
    expect(figures.map((f) => f.what)).toEqual(['person|killed', 'person|injured']);
  });

  it('stops a counted noun at a verb ("25 million need aid")', () => {
    expect(figure('Nearly 25 million need aid.', 'Nearly 25 million').what).toBe('|');
  });

  it('names an amount of money by the noun it pays for', () => {
    expect(figure('The bill includes a $1.9 trillion relief package.', '$1.9 trillion').what).toBe('dollar|relief package');
  });
});

describe('"one" as a count', () => {
  it('reads "one" in a casualty count but not as a pronoun', () => {
    expect(figure('One person was killed and 12 were injured.', 'One').what).toBe('person|killed');
    expect(figuresIn('One of the officers said one user complained.')).toEqual([]);
  });
});
