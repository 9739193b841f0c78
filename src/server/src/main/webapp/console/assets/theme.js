/*
 * The console's light and dark theme. Runs in the page head, before the body is drawn: the choice
 * kept in localStorage (else the system's preference) becomes data-theme on <html>, which
 * console.css reads. The header's button switches it and remembers the choice.
 */
(function () {
  'use strict';
  var KEY = 'syngen.theme';
  var root = document.documentElement;

  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }

  function preferred() {
    var s = stored();
    if (s === 'dark' || s === 'light') { return s; }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function apply(theme) {
    root.setAttribute('data-theme', theme);
    var b = document.getElementById('theme-toggle');
    if (b) {
      b.setAttribute('aria-pressed', theme === 'dark' ? 'true' : 'false');
      b.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
    }
  }

  apply(preferred());
  document.addEventListener('DOMContentLoaded', function () {
    apply(preferred());
    var b = document.getElementById('theme-toggle');
    if (b) {
      b.addEventListener('click', function () {
        var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
        try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: this page only */ }
        apply(next);
      });
    }
  });
})();
