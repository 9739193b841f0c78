/*
 * Starts a page's live behaviour, named by the data-page attribute of this script's own element
 * (the Content-Security-Policy allows no inline script, so pages pass their values this way).
 */
(function (script) {
  'use strict';
  var page = script.getAttribute('data-page');
  if (page === 'dashboard') {
    syngenConsole.dashboard();
  } else if (page === 'builder') {
    syngenConsole.builder();
  } else if (page === 'run') {
    syngenConsole.run(script.getAttribute('data-run'), script.getAttribute('data-status'));
  }
})(document.currentScript);
