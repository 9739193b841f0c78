/* Highlights the keys and comments of the scenario YAML shown on the scenarios page. */
(function () {
  'use strict';
  Array.prototype.forEach.call(document.querySelectorAll('#yaml span.l'), function (line) {
    var t = line.firstChild;
    if (!t || t.nodeType !== 3) { return; }
    var m = /^(\s*-?\s*)([A-Za-z_][A-Za-z0-9_]*)(:.*)$/.exec(t.nodeValue);
    if (/^\s*#/.test(t.nodeValue)) { var c = document.createElement('span'); c.className = 'c'; c.textContent = t.nodeValue; line.replaceChild(c, t); return; }
    if (!m) { return; }
    var k = document.createElement('span'); k.className = 'k'; k.textContent = m[2];
    line.replaceChild(document.createTextNode(m[3]), t);
    line.insertBefore(k, line.firstChild);
    line.insertBefore(document.createTextNode(m[1]), k);
  });
})();
