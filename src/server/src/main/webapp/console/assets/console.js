/* The console's live updates: a WebSocket that reconnects by itself, progress bars and charts. */
var syngenConsole = (function () {
  'use strict';

  function socketUrl() {
    var base = location.pathname.substring(0, location.pathname.indexOf('/console/'));
    return (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/console/live';
  }

  /** Opens the live socket; on close, waits (1 s, then up to 10 s) and opens it again. */
  function connect(onMessage, watch) {
    var state = document.getElementById('live-state');
    var delay = 1000;
    function open() {
      var ws = new WebSocket(socketUrl());
      ws.onopen = function () {
        delay = 1000;
        if (state) { state.textContent = 'live'; state.className = 'live on'; }
        if (watch) { ws.send('watch:' + watch); }
      };
      ws.onmessage = function (e) { onMessage(JSON.parse(e.data)); };
      ws.onclose = function () {
        if (state) { state.textContent = 'reconnecting…'; state.className = 'live off'; }
        setTimeout(open, delay);
        delay = Math.min(delay * 2, 10000);
      };
    }
    open();
  }

  function text(el, value) { if (el) { el.textContent = value === null || value === undefined ? '' : value; } }

  function row(run) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-run', run.id);
    tr.innerHTML = '<td><a></a></td><td class="scenario"></td><td><span class="badge"></span></td>' +
      '<td><progress max="100" value="0"></progress> <span class="pct"></span></td>' +
      '<td class="rate"></td><td class="eta"></td><td class="current"></td>';
    var a = tr.querySelector('a');
    a.href = 'run.xhtml?id=' + encodeURIComponent(run.id);
    a.textContent = run.id;
    tr.querySelector('progress').setAttribute('aria-label', 'progress of ' + run.id);
    return tr;
  }

  function fill(tr, run) {
    text(tr.querySelector('.scenario') || tr.children[1], run.scenario);
    var badge = tr.querySelector('.badge');
    badge.className = 'badge ' + run.status;
    text(badge, run.status);
    tr.querySelector('progress').value = run.percent;
    text(tr.querySelector('.pct'), run.percent + '%');
    text(tr.querySelector('.rate'), run.rowsPerSecond);
    text(tr.querySelector('.eta'), run.etaSeconds === null ? '' : run.etaSeconds + ' s');
    text(tr.querySelector('.current'), run.current);
  }

  /** A line chart of one or more series; {@code labels} names them (a string for one). */
  function chart(id, labels, max) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') { return null; }
    var names = typeof labels === 'string' ? [labels] : labels;
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: names.map(function (n) { return { label: n, data: [], tension: 0.2, pointRadius: 0 }; })
      },
      options: { animation: false, scales: { y: { beginAtZero: true, suggestedMax: max } } }
    });
  }

  var CHART_POINTS = 300;

  /** Adds one point per series: {@code keys} pick each series' value from a sample. */
  function add(c, sample, keys) {
    c.data.labels.push(new Date(sample.time).toLocaleTimeString());
    keys.forEach(function (k, i) { c.data.datasets[i].data.push(k(sample)); });
    if (c.data.labels.length > CHART_POINTS) {
      c.data.labels.shift();
      c.data.datasets.forEach(function (d) { d.data.shift(); });
    }
  }

  function push(c, sample, keys) {
    if (!c) { return; }
    add(c, sample, keys);
    c.update();
  }

  /** The server's recent samples, so a chart opened now shows the last minutes. */
  function fillHistory(c, samples, keys) {
    if (!c || !samples) { return; }
    c.data.labels.length = 0;
    c.data.datasets.forEach(function (d) { d.data.length = 0; });
    samples.forEach(function (s) { add(c, s, keys); });
    c.update();
  }

  function field(name) { return function (s) { return s[name]; }; }
  function heapPercent(s) { return s.heapMaxMb > 0 ? Math.round(1000 * s.heapUsedMb / s.heapMaxMb) / 10 : null; }
  function cpuPercent(s) { return s.cpu < 0 ? null : s.cpu; }

  function dashboard() {
    var body = document.querySelector('#active-runs tbody');
    var series = [
      [chart('throughput-chart', 'rows/s', undefined), [field('rowsPerSecond')]],
      [chart('error-chart', 'failed share of last 20 runs', 1), [field('errorRate')]],
      [chart('cpu-heap-chart', ['CPU %', 'heap used %'], 100), [cpuPercent, heapPercent]],
      [chart('gc-chart', 'GC ms per s', undefined), [field('gcMillis')]],
      [chart('threads-chart', 'live threads', undefined), [field('threads')]]
    ];
    var now = document.getElementById('res-now');
    connect(function (m) {
      var seen = {};
      m.active.forEach(function (run) {
        seen[run.id] = true;
        var tr = body.querySelector('tr[data-run="' + run.id + '"]');
        if (!tr) { tr = row(run); body.appendChild(tr); }
        fill(tr, run);
      });
      Array.prototype.slice.call(body.querySelectorAll('tr')).forEach(function (tr) {
        if (!seen[tr.getAttribute('data-run')]) { tr.parentNode.removeChild(tr); }
      });
      text(document.getElementById('no-active'), m.active.length ? '' : 'No run is active.');
      text(document.getElementById('sys-queued'), m.queued);
      text(document.getElementById('sys-running'), m.running);
      series.forEach(function (c) {
        if (m.history) { fillHistory(c[0], m.history, c[1]); } else { push(c[0], m, c[1]); }
      });
      text(now, (m.cpu < 0 ? 'CPU unknown' : 'CPU ' + m.cpu + ' %') + ', heap ' + m.heapUsedMb + ' of '
        + m.heapMaxMb + ' MiB, GC ' + m.gcMillis + ' ms in the last second, ' + m.threads + ' threads');
    });
  }

  function run(id, status) {
    connect(function (m) {
      var r = m.watched;
      if (!r) { return; }
      var badge = document.getElementById('run-status');
      if (badge) { badge.className = 'badge ' + r.status; text(badge, r.status); }
      var bar = document.getElementById('run-progress');
      if (bar) { bar.value = r.percent; }
      text(document.getElementById('run-percent'), r.percent + '%');
      text(document.getElementById('run-rows'), r.rows + ' / ' + r.total + ' rows');
      text(document.getElementById('run-rate'), r.rowsPerSecond);
      text(document.getElementById('run-eta'), r.etaSeconds);
      text(document.getElementById('run-current'), r.current);
      r.entities.forEach(function (e) {
        var tr = document.querySelector('#entities tr[data-entity="' + e.entity + '"]');
        if (tr) {
          text(tr.querySelector('.written'), e.written);
          tr.querySelector('progress').value = e.written;
          text(tr.querySelector('.duration'), e.durationMs);
          text(tr.querySelector('.rate'), e.rowsPerSecond);
        }
      });
      text(document.getElementById('run-started'), r.startedAt);
      if (status !== r.status && (r.status === 'failed' || r.status === 'success' || r.status === 'cancelled')
          && (status === 'running' || status === 'pending')) {
        status = r.status;
        finished(r);
      }
    }, id);
  }

  /** A watched run just ended: show what a freshly loaded page would show for it. */
  function finished(r) {
    text(document.getElementById('run-finished'), r.finishedAt);
    text(document.getElementById('run-eta'), 0);
    text(document.getElementById('run-current'), '');
    var cancel = document.getElementById('actions:cancel');
    if (cancel) { cancel.parentNode.removeChild(cancel); }
    var rerun = document.getElementById('actions:rerun');
    if (rerun) { rerun.classList.remove('hidden'); }
    var restart = document.getElementById('actions:restart');
    if (restart && r.status !== 'success') { restart.classList.remove('hidden'); }
    var fidelity = document.getElementById('fidelity');
    if (fidelity && r.status === 'success') { fidelity.classList.remove('hidden'); }
    text(document.getElementById('live-state'),
        'finished: ' + r.status + (r.error ? ' — ' + r.error : '') + ' — the full log is below after a reload');
    if (window.PF && document.getElementById('run-growl')) {
      PF('runGrowl').renderMessage({
        summary: 'Run ' + r.id + ' ' + (r.status === 'success' ? 'finished' : r.status),
        detail: r.error || '',
        severity: r.status === 'success' ? 'info' : (r.status === 'failed' ? 'error' : 'warn')
      });
    }
  }

  /**
   * The run builder: the traffic fields matter only for broker and HTTP targets, so they show
   * when such a target is picked (or when something was typed into them, so nothing is hidden).
   */
  function builder() {
    var fields = document.getElementById('traffic-fields');
    var target = document.getElementById('builder:target');
    if (!fields || !target) { return; }
    var messaging = (fields.getAttribute('data-message-targets') || '').split(' ');
    function filled() {
      return Array.prototype.some.call(fields.querySelectorAll('input[type=text]'),
          function (i) { return i.value !== ''; });
    }
    function update() {
      var show = messaging.indexOf(target.value) >= 0 || filled();
      fields.classList.toggle('hidden', !show);
    }
    target.addEventListener('change', update);
    update();
  }

  /**
   * Behaviour a page declares in an attribute instead of an inline handler (which the
   * Content-Security-Policy forbids): a select with data-autosubmit submits its form when changed.
   * Confirmations are PrimeFaces' p:confirm dialogs.
   */
  function wire() {
    Array.prototype.forEach.call(document.querySelectorAll('select[data-autosubmit]'), function (s) {
      s.addEventListener('change', function () { s.form.submit(); });
    });
  }

  wire();

  return { dashboard: dashboard, run: run, builder: builder };
})();
