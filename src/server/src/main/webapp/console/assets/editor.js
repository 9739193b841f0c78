/*
 * The scenario editor: CodeMirror on the page's text area, YAML highlighting, validation 0.6 s
 * after the last change (the page's syngenValidate remote command), each problem marked at its line
 * when the server's answer arrives, and completion of generator and parameter names from
 * GET /api/v1/generators.
 */
(function () {
  'use strict';
  var host = document.getElementById('editor-host');
  var area = document.getElementById('editor:document');
  if (!host || !area || typeof CodeMirror === 'undefined') { return; }
  var readOnly = host.getAttribute('data-readonly') === 'true';
  var generators = [];
  var byName = {};

  var cm = CodeMirror.fromTextArea(area, {
    mode: 'yaml',
    lineNumbers: true,
    indentUnit: 2,
    tabSize: 2,
    readOnly: readOnly,
    screenReaderLabel: 'Scenario YAML',
    gutters: ['CodeMirror-linenumbers', 'cm-problems'],
    extraKeys: {
      'Ctrl-Space': function (ed) { ed.showHint({ hint: hint, completeSingle: false }); },
      // Tab and Shift-Tab move the focus on (YAML indents with spaces, never with tabs)
      'Tab': false,
      'Shift-Tab': false
    }
  });
  cm.getWrapperElement().classList.add(readOnly ? 'cm-readonly' : 'cm-editable');
  cm.getInputField().setAttribute('aria-describedby', 'editor-keys');

  fetch(host.getAttribute('data-generators'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(function (list) {
      generators = list;
      list.forEach(function (g) { byName[g.name] = g; });
    })
    .catch(function () { generators = []; });

  /* ---- markers: drawn from the problems list the server's answer carries ---- */
  var marks = [];
  var lineClasses = [];

  function mark() {
    cm.operation(function () {
      marks.forEach(function (m) { m.clear(); });
      lineClasses.forEach(function (h) { cm.removeLineClass(h, 'background', 'cm-problem-line'); });
      marks = [];
      lineClasses = [];
      cm.clearGutter('cm-problems');
      var items = document.querySelectorAll('#editor-problems li[data-line]');
      Array.prototype.forEach.call(items, function (li) {
        var n = Math.min(Math.max(parseInt(li.getAttribute('data-line'), 10) - 1, 0), cm.lineCount() - 1);
        var problem = li.getAttribute('data-problem') || '';
        var text = cm.getLine(n);
        var from = text.search(/\S/);
        if (from >= 0) {
          marks.push(cm.markText({ line: n, ch: from }, { line: n, ch: text.length },
            { className: 'cm-problem', attributes: { title: problem } }));
        }
        var dot = document.createElement('span');
        dot.className = 'cm-problem-marker';
        dot.textContent = '!';
        dot.title = problem;
        cm.setGutterMarker(n, 'cm-problems', dot);
        lineClasses.push(cm.addLineClass(n, 'background', 'cm-problem-line'));
      });
    });
  }

  /* ---- validation: one request at a time, the newest text last ---- */
  var timer = null;
  var inFlight = false;
  var again = false;

  function send() {
    if (inFlight) { again = true; return; }
    inFlight = true;
    cm.save();
    window.syngenValidate();
  }

  cm.on('changes', function () {
    cm.save();
    clearTimeout(timer);
    timer = setTimeout(send, 600);
  });

  jQuery(document).on('pfAjaxComplete', function () {
    if (!inFlight) { return; }
    inFlight = false;
    mark();
    if (again) { again = false; send(); }
  });

  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.classList && t.classList.contains('goto')) {
      var n = parseInt(t.getAttribute('data-line'), 10) - 1;
      cm.focus();
      cm.setCursor({ line: n, ch: cm.getLine(n).search(/\S|$/) });
      cm.scrollIntoView(null, 80);
    }
  });

  /* ---- completion ---- */
  function indentOf(s) { return s.search(/\S|$/); }

  /** The key of the nearest line above {@code line} indented less than {@code indent}. */
  function parentKey(line, indent) {
    for (var i = line - 1; i >= 0; i--) {
      var t = cm.getLine(i);
      if (!/\S/.test(t) || /^\s*#/.test(t)) { continue; }
      var ind = indentOf(t.replace(/^(\s*)- /, '$1  '));
      if (ind < indent) {
        var m = /^\s*(?:- )?([A-Za-z_][\w]*):/.exec(t);
        return m ? { key: m[1], line: i, indent: indentOf(t) } : null;
      }
    }
    return null;
  }

  /** The generator type written beside a params block that starts at {@code line}. */
  function typeNear(line, indent) {
    for (var dir = -1; dir <= 1; dir += 2) {
      for (var i = line; i >= 0 && i < cm.lineCount(); i += dir) {
        var t = cm.getLine(i);
        if (i !== line && /\S/.test(t) && indentOf(t) < indent) { break; }
        var m = /(?:^|[\s{,])type:\s*([\w.]+)/.exec(t);
        if (m && indentOf(t) === indent && byName[m[1]]) { return m[1]; }
      }
    }
    return null;
  }

  function list(words, word, cur, suffix) {
    var found = words.filter(function (w) { return w.indexOf(word) === 0; });
    return { list: found.map(function (w) { return { text: w + suffix, displayText: w }; }),
      from: CodeMirror.Pos(cur.line, cur.ch - word.length), to: cur };
  }

  function hint(ed) {
    var cur = ed.getCursor();
    var before = ed.getLine(cur.line).slice(0, cur.ch);
    var indent = indentOf(before.replace(/^(\s*)- /, '$1  '));
    var names = generators.map(function (g) { return g.name; });
    var inline = /generator:\s*\{[^}]*type:\s*([\w.]*)$/.exec(before);
    if (inline) { return list(names, inline[1], cur, ''); }
    var block = /^\s*(?:- )?type:\s*([\w.]*)$/.exec(before);
    var parent = parentKey(cur.line, indent);
    if (block && parent && parent.key === 'generator') { return list(names, block[1], cur, ''); }
    var inlineParams = /params:\s*\{(?:[^}]*,)?\s*([\w]*)$/.exec(before);
    var gen = null;
    var word = null;
    if (inlineParams) {
      var t = /type:\s*([\w.]+)/.exec(before);
      gen = t ? t[1] : typeNear(cur.line, indentOf(before));
      word = inlineParams[1];
    } else if (parent && parent.key === 'params' && /^\s*([\w]*)$/.test(before)) {
      gen = typeNear(parent.line, parent.indent);
      word = /([\w]*)$/.exec(before)[1];
    }
    if (gen && byName[gen]) { return list(byName[gen].params, word, cur, ': '); }
    return null;
  }

  cm.on('inputRead', function (ed, change) {
    if (readOnly || change.origin !== '+input') { return; }
    var cur = ed.getCursor();
    var before = ed.getLine(cur.line).slice(0, cur.ch);
    if (/type:\s*[\w.]+$/.test(before) && !ed.state.completionActive) {
      var h = hint(ed);
      if (h && h.list.length) { ed.showHint({ hint: hint, completeSingle: false }); }
    }
  });

  mark();
})();
