// A page-side heartbeat: ticks every 10 ms and remembers the longest gap between two ticks,
// so a test (or the bench) can see whether anything blocked the page's main thread. Plain
// script, loaded synchronously in <head> before the content script can run.
(function () {
  'use strict';
  var last = performance.now();
  var maxGap = 0;
  var ticks = 0;
  var gaps = [];
  setInterval(function () {
    var now = performance.now();
    var gap = now - last;
    if (gap > maxGap) maxGap = gap;
    if (gap > 50) gaps.push({ at: Math.round(now), gap: Math.round(gap) });
    last = now;
    ticks++;
  }, 10);
  window.__heartbeat = function () {
    return { ticks: ticks, maxGap: maxGap, sinceLastTick: performance.now() - last, longGaps: gaps.slice(-20) };
  };
  window.__resetHeartbeat = function () {
    maxGap = 0;
    gaps = [];
  };
})();
