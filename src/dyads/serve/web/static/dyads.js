/* The dashboard's own drawing code: the dyad and country timelines (with the vendored Plotly) and the
   event map (plain SVG, equirectangular: x = longitude, y = -latitude). */
(function () {
  "use strict";

  var QUADS = [
    ["verbal_cooperation", "Verbal cooperation", "#4c9be8"],
    ["material_cooperation", "Material cooperation", "#1f5fa8"],
    ["verbal_conflict", "Verbal conflict", "#f0a04b"],
    ["material_conflict", "Material conflict", "#c0392b"]
  ];
  var SVG = "http://www.w3.org/2000/svg";

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  // Months shown before the range slider is needed: three years of bars stay wide enough
  // to read at the dashboard's 1200px; a longer series opens on its last three years.
  var VISIBLE_MONTHS = 36;

  function monthsBefore(iso, months) {
    var d = new Date(iso + "T00:00:00Z");
    d.setUTCMonth(d.getUTCMonth() - months);
    return d.toISOString().slice(0, 10);
  }

  // A timeline of periods (events per month by quad class and the mean Goldstein score)
  // on a date axis: ticks thin out to quarters or years as the series grows, and a range
  // slider under the chart picks the span shown.
  function drawSeriesChart(targetId, dataId, emptyText) {
    var periods = readJson(dataId);
    var target = document.getElementById(targetId);
    if (!periods.length) {
      target.textContent = emptyText;
      target.classList.add("empty");
      return;
    }
    var x = periods.map(function (p) { return p.start; });
    var traces = QUADS.map(function (q) {
      return {
        type: "bar", name: q[1], x: x, marker: { color: q[2] },
        xperiod: "M1", xperiodalignment: "middle",
        y: periods.map(function (p) { return p[q[0]]; }),
        hovertemplate: "%{x|%b %Y}: %{y}<extra>" + q[1] + "</extra>"
      };
    });
    traces.push({
      type: "scatter", mode: "lines+markers", name: "Goldstein mean", yaxis: "y2",
      x: x, y: periods.map(function (p) { return p.goldstein_mean; }),
      xperiod: "M1", xperiodalignment: "middle",
      line: { color: "#222", width: 2 }, connectgaps: false,
      hovertemplate: "%{x|%b %Y}: %{y}<extra>Goldstein mean</extra>"
    });
    // a bar covers its whole month: the axis ends with the last month's end
    var first = x[0], end = monthsBefore(x[x.length - 1], -1);
    var shownFrom = periods.length > VISIBLE_MONTHS ? monthsBefore(end, VISIBLE_MONTHS) : first;
    var layout = {
      barmode: "stack", height: 400, margin: { l: 50, r: 50, t: 10, b: 10 },
      legend: { orientation: "h", y: 1.12, traceorder: "normal" },
      xaxis: {
        type: "date", tickformat: "%b %Y", ticklabelmode: "period", nticks: 12,
        range: [shownFrom, end],
        rangeslider: { visible: true, thickness: 0.12, range: [first, end] }
      },
      yaxis: { title: { text: "events" }, rangemode: "tozero", fixedrange: true },
      yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", range: [-10, 10], dtick: 5,
                zeroline: true, showgrid: false, fixedrange: true }
    };
    window.Plotly.newPlot(target, traces, layout, { displaylogo: false, responsive: true });
  }

  function ringPath(ring) {
    var parts = [];
    for (var i = 0; i < ring.length; i += 2) {
      parts.push((i === 0 ? "M" : "L") + ring[i] + "," + (-ring[i + 1]));
    }
    return parts.join("") + "Z";
  }

  function drawOutline(svg, url) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (outline) {
      var path = document.createElementNS(SVG, "path");
      path.setAttribute("class", "land");
      path.setAttribute("d", outline.rings.map(ringPath).join(""));
      svg.insertBefore(path, svg.firstChild);
    });
  }

  function drawPlaces(svg, places) {
    var max = places.reduce(function (m, p) { return Math.max(m, p.events); }, 1);
    places.forEach(function (p) {
      var c = document.createElementNS(SVG, "circle");
      c.setAttribute("class", "place");
      c.setAttribute("cx", p.lon);
      c.setAttribute("cy", -p.lat);
      // area proportional to the count; 1 to 5 degrees of radius stays readable at any zoom
      c.setAttribute("r", 1 + 4 * Math.sqrt(p.events / max));
      var title = document.createElementNS(SVG, "title");
      title.textContent = p.name + (p.country ? " (" + p.country + ")" : "") + ": " + p.events;
      c.appendChild(title);
      svg.appendChild(c);
    });
  }

  function drawMap(svgId, dataId, outlineUrl) {
    var svg = document.getElementById(svgId);
    drawPlaces(svg, readJson(dataId));
    return drawOutline(svg, outlineUrl);
  }

  window.dyads = { drawSeriesChart: drawSeriesChart, drawMap: drawMap };
})();
