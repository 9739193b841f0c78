/*
 * The corpus explorer's top-values chart: a horizontal bar chart drawn from the canvas's data
 * attributes (the Content-Security-Policy allows no inline script). The table beside it holds the
 * same numbers for screen readers and for anyone without JavaScript.
 */
(function () {
  'use strict';
  var canvas = document.getElementById('top-values-chart');
  if (!canvas || typeof Chart === 'undefined') { return; }
  var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
  var shares = JSON.parse(canvas.getAttribute('data-shares') || '[]');
  new Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: [{ label: 'share, %', data: shares }] },
    options: { animation: false, indexAxis: 'y', scales: { x: { beginAtZero: true } } }
  });
})();
