// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { watchContent } from '../../src/extension/content/watch';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page watcher', () => {
  it('notices an article paragraph added late, but not a ticking clock or our own card', async () => {
    document.body.replaceChildren();
    const clock = document.createElement('span');
    clock.textContent = '10:00';
    const ours = document.createElement('div');
    document.body.append(clock);
    document.documentElement.append(ours);
    let changes = 0;
    const stop = watchContent(document, (node) => node === ours || ours.contains(node), () => changes++);

    clock.textContent = '10:01';
    const inCard = document.createElement('p');
    inCard.textContent = 'A long explanation inside our own card that must not trigger a rescan.';
    ours.append(inCard);
    await settle();
    expect(changes).toBe(0);

    const paragraph = document.createElement('p');
    paragraph.textContent = 'Officials allegedly said the figures could not be verified independently.';
    document.body.append(paragraph);
    await settle();
    expect(changes).toBe(1);

    stop();
    document.body.append(paragraph.cloneNode(true));
    await settle();
    expect(changes).toBe(1);
  });
});
