// Small news pages written for these tests (not copies of the shared fixtures): each holds the
// furniture real pages have around an article, so tests can check what is kept and dropped.

export const FLOOD_ARTICLE = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Flood waters rise in Riverton — The Daily Test</title>
  <meta property="og:title" content="Flood waters rise in Riverton">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="The Daily Test">
  <meta property="article:published_time" content="2024-03-05T09:30:00Z">
  <style>body { font-family: serif } .share a { margin: 0 4px }</style>
  <script>document.documentElement.setAttribute('data-script-ran', 'yes');</script>
</head>
<body>
  <header>
    <a href="#main">Skip to main content</a>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <main id="main">
    <article>
      <h1>Flood waters rise in Riverton</h1>
      <p class="byline">By Jane Example</p>
      <div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
      <figure>
        <img src="flood.jpg" alt="">
        <figcaption>Residents wade through a flooded street in Riverton on Monday.</figcaption>
      </figure>
      <p>Flood waters in Riverton rose by more than two metres overnight, forcing   hundreds of residents
        from their homes, the town council said on Tuesday. The river burst its banks shortly after midnight.</p>
      <p>The council said 340 homes had been evacuated. Emergency crews were <a href="/crews">working through the night</a> to reinforce the river banks with sandbags, and a school was opened as a shelter.</p>
      <blockquote><p>“We have never seen the water this high in forty years,” said one resident, who asked not to be named.</p></blockquote>
      <p>Forecasters expect more rain on Wednesday, and officials have not said when residents will be able to return to their homes in the lower town.</p>
      <p>Advertisement</p>
      <p>The last comparable flood, in 1998, damaged more than 200 buildings and closed the main bridge for three months.</p>
    </article>
    <aside class="related">
      <h2>Related stories</h2>
      <ul>
        <li><a href="/a">Storm season: what to expect this year</a></li>
        <li><a href="/b">Town council approves new flood barrier plan</a></li>
      </ul>
    </aside>
    <div class="newsletter"><p>Sign up for our free morning newsletter and get the news in your inbox.</p></div>
  </main>
  <section id="comments"><h2>Comments</h2><p>Great article, thanks so much for sharing this with all of us here today!</p></section>
  <footer><p>© 2024 The Daily Test. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>`;

/** A section front: headlines linking to articles, each with a one-sentence teaser. */
export const FRONT_PAGE = `<!doctype html>
<html lang="en">
<head><title>The Daily Test — News, sport and weather</title><meta property="og:type" content="website"></head>
<body>
  <header><h1>The Daily Test</h1><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
  <main>
    ${Array.from(
      { length: 8 },
      (_, i) => `<article class="teaser"><h2><a href="/story-${i}">Story number ${i} about the town and its council budget</a></h2>
      <p>The council met on Tuesday to discuss item ${i} of the budget, and residents were invited to speak about it.</p></article>`,
    ).join('\n')}
  </main>
  <footer>© The Daily Test</footer>
</body>
</html>`;

/** A web app shell: nothing to read until its scripts run. */
export const APP_SHELL = `<!doctype html>
<html><head><title>Mail</title></head><body><div id="app"><noscript>You need to enable JavaScript to run this app.</noscript></div><script src="/app.js"></script></body></html>`;

/**
 * A short brief: under Readability's 500-character threshold, so it parses again without its
 * clutter filter, and the second attempt (which keeps the "extra" box) wins with new text nodes.
 */
export const SHORT_BRIEF = `<!doctype html>
<html lang="en">
<head><title>Bridge reopens after repairs</title><meta property="og:type" content="article"></head>
<body>
  <nav><a href="/">Home</a></nav>
  <article>
    <h1>Bridge reopens after repairs</h1>
    <p>The main bridge in Riverton reopened on Friday after six weeks of repairs, the council said.</p>
    <div class="extra-details"><p>Officials said the work cost about $2 million, but did not say who would pay for it.</p></div>
  </article>
</body>
</html>`;

/** An article quoting an embedded post inside a "social media" wrapper. */
export const ARTICLE_WITH_TWEET = `<!doctype html>
<html lang="en">
<head><title>Slogan draws ridicule online</title><meta property="og:type" content="article"></head>
<body>
  <article>
    <h1>Slogan draws ridicule online</h1>
    <p>The state's new road safety slogan drew a wave of mockery on social media on Monday, with thousands of users sharing jokes about it.</p>
    <p>Many people on Twitter pointed out what might be wrong with the wording, which officials had approved after months of work.</p>
    <div class="social-media-embed"><blockquote class="twitter-tweet"><p lang="en">Yes this is real and the state paid half a million dollars for it: <a href="https://t.co/abc">https://t.co/abc</a></p>&mdash; Sam Poster (@samposter) <a href="https://twitter.com/samposter/status/1">November 18, 2019</a></blockquote></div>
    <p>The governor defended the campaign on Tuesday, saying the attention showed it was working as intended and would continue.</p>
  </article>
</body>
</html>`;

/** An article with a hover card inside a paragraph (hidden until pointed at). */
export const ARTICLE_WITH_HOVER_CARD = `<!doctype html>
<html lang="en">
<head><title>Governor defends campaign</title><meta property="og:type" content="article"></head>
<body>
  <article>
    <h1>Governor defends campaign</h1>
    <p>Governor <span class="person"><a href="/people/noem">Kristi Noem</a><span class="card">Kristi Lynn Noem <a href="/other">Other headline about the governor</a></span></span> defended the campaign on Tuesday, saying it was working.</p>
    <figure><img src="noem.jpg" alt=""><figcaption>The governor speaks at the state capitol in Pierre ... <span class="more">on Monday, two days after the campaign began.</span> <button>[+]</button></figcaption></figure>
    <p>The campaign cost the state roughly $449,000, according to a report in the local newspaper on Monday evening.</p>
    <p>Critics said the money could have been spent on treatment programmes instead, and called for a review of the contract.</p>
  </article>
</body>
</html>`;
