// Builds a hostile article in the page, synchronously while the page parses (before the
// content script runs at document_idle), from the query string:
//   ?cues=10000&figures=10000  that many cue sentences and figure sentences
//   ?kb=5000                   about that many kilobytes of article text, a cue now and then
//   ?depth=5000                the article's paragraphs nested inside that many <div>s
//   &wrap=span                 ... inside that many <span>s instead (as deep a DOM; Chromium
//                              lays out 5,000 nested inline boxes in about a second, but hangs
//                              on 5,000 nested block boxes with no extension installed at all)
// Text is set with textContent only. Deterministic: the same URL builds the same page.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var cues = Number(params.get('cues') || 0);
  var figures = Number(params.get('figures') || 0);
  var kb = Number(params.get('kb') || 0);
  var depth = Number(params.get('depth') || 0);
  var wrapTag = params.get('wrap') === 'span' ? 'span' : 'div';

  var seed = 12345;
  function random() {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  }
  function pick(list) {
    return list[Math.floor(random() * list.length)];
  }

  var PLACES = ['the northern district', 'the river valley', 'the old town', 'the port', 'the airport', 'the industrial zone', 'the eastern suburbs', 'the border crossing'];
  var BODIES = ['The regional council', 'The transport ministry', 'The water utility', 'The police', 'The health agency', 'The school board', 'The harbour authority', 'The fire service'];
  var PLAIN = [
    ' met on Tuesday to discuss repairs in ',
    ' published a timetable for the work in ',
    ' asked residents to avoid travelling through ',
    ' said crews would stay overnight in ',
    ' opened a temporary office near ',
  ];
  var CUE_SENTENCES = [
    function (p) { return 'Officials reportedly met in ' + p + ' before the vote.'; },
    function (p) { return 'The damage in ' + p + ' could not be independently verified.'; },
    function (p) { return 'Sources said the contract for ' + p + ' had been cancelled.'; },
    function (p) { return 'A spokesman for the operator in ' + p + ' declined to comment.'; },
    function (p) { return 'The contractor allegedly skipped inspections in ' + p + '.'; },
    function (p) { return 'People familiar with the plans for ' + p + ' said it would be delayed.'; },
  ];
  var FIGURE_NOUNS = ['houses were damaged', 'people were evacuated', 'workers were injured', 'vehicles were destroyed', 'families were displaced'];

  function plainSentence() {
    return pick(BODIES) + pick(PLAIN) + pick(PLACES) + ' as part of a programme that began last spring.';
  }

  var sentences = [];
  for (var i = 0; i < cues; i++) sentences.push(CUE_SENTENCES[i % CUE_SENTENCES.length](pick(PLACES)));
  for (var j = 0; j < figures; j++) {
    sentences.push('In ' + pick(PLACES) + ' ' + (j + 2) + ' ' + FIGURE_NOUNS[j % FIGURE_NOUNS.length] + ', the council said.');
  }
  var chars = 0;
  for (var k = 0; k < sentences.length; k++) chars += sentences[k].length + 1;
  var wanted = kb * 1024;
  var n = 0;
  while (chars < wanted || sentences.length < 40) {
    var s = n % 25 === 24 ? CUE_SENTENCES[n % CUE_SENTENCES.length](pick(PLACES)) : plainSentence();
    sentences.push(s);
    chars += s.length + 1;
    n++;
  }
  // Shuffle cue, figure and plain sentences together, deterministically.
  for (var m = sentences.length - 1; m > 0; m--) {
    var r = Math.floor(random() * (m + 1));
    var t = sentences[m];
    sentences[m] = sentences[r];
    sentences[r] = t;
  }

  var article = document.createElement('article');
  var h1 = document.createElement('h1');
  h1.textContent = document.title;
  article.appendChild(h1);
  var container = article;
  for (var d = 0; d < depth; d++) {
    var wrapper = document.createElement(wrapTag);
    container.appendChild(wrapper);
    container = wrapper;
  }
  var fragment = document.createDocumentFragment();
  for (var q = 0; q < sentences.length; q += 5) {
    var para = document.createElement('p');
    para.textContent = sentences.slice(q, q + 5).join(' ');
    fragment.appendChild(para);
  }
  container.appendChild(fragment);
  document.body.appendChild(article);
  window.__generated = { sentences: sentences.length, chars: chars, cues: cues, figures: figures, depth: depth };
})();
