// Draws the dashboard's charts with Chart.js (served by patrol from Debian's libjs-chart.js).
// The numbers come from each canvas's data-chart attribute, the same figures as the tables
// beside it; without this file (or Chart.js) the tables alone carry the page.
(function () {
  'use strict';

  // The value axis: rates run to 100 %, counts are whole numbers.
  function scales(spec) {
    var value = { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } };
    if (spec.unit === '%') value.suggestedMax = 100;
    var category = { stacked: spec.stacked };
    return spec.labels.length > 6 ? { x: value, y: category } : { x: category, y: value };
  }

  function draw(canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart'));
    if (!spec.labels.length) return;
    var datasets = spec.datasets.map(function (set) {
      return { label: set.label, data: set.data, backgroundColor: set.color, borderColor: set.color };
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: spec.labels.length > 6 ? 'y' : 'x',
        plugins: { legend: { display: datasets.length > 1 } },
        scales: scales(spec)
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) return;
    Array.prototype.forEach.call(document.querySelectorAll('canvas.chart'), draw);
  });
})();
