// Traps a hostile page sets BEFORE the content script runs (a synchronous script in <head>):
// it overrides the DOM primitives an extension's UI would use, so that if the content script
// ever ran them in the page's world, the page would capture the card, its listeners and its
// highlights. The test reads window.__traps afterwards and expects every list to stay empty.
(function () {
  'use strict';
  var traps = {
    // Shadow roots created through the page's attachShadow (forced open and kept).
    shadowRoots: [],
    // Event listeners registered through the page's addEventListener: [type, target name].
    listeners: [],
    // Highlights registered or ranges added through the page's CSS.highlights / Highlight.
    highlightSets: [],
    highlightAdds: 0,
    // Elements the page saw being marked as Caveat's card through its own setAttribute.
    cardAttributes: 0,
    // Elements appended to <html> through the page's appendChild.
    htmlAppends: 0,
  };
  window.__traps = traps;
  window.__caveatPwned = 0;

  var attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attachShadow.call(this, Object.assign({}, init, { mode: 'open' }));
    traps.shadowRoots.push(root);
    return root;
  };

  var addEventListener = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    var name = this === window ? 'window' : this === document ? 'document' : (this && this.nodeName) || 'other';
    traps.listeners.push([String(type), name]);
    return addEventListener.call(this, type, listener, options);
  };

  if (typeof HighlightRegistry === 'function') {
    var set = HighlightRegistry.prototype.set;
    HighlightRegistry.prototype.set = function (name, highlight) {
      traps.highlightSets.push(String(name));
      return set.call(this, name, highlight);
    };
  }
  if (typeof Highlight === 'function') {
    var add = Highlight.prototype.add;
    Highlight.prototype.add = function (range) {
      traps.highlightAdds++;
      return add.call(this, range);
    };
  }

  var setAttribute = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (name, value) {
    if (String(name).toLowerCase() === 'data-caveat-card') traps.cardAttributes++;
    return setAttribute.call(this, name, value);
  };

  var appendChild = Node.prototype.appendChild;
  Node.prototype.appendChild = function (child) {
    if (this === document.documentElement) traps.htmlAppends++;
    return appendChild.call(this, child);
  };
})();
