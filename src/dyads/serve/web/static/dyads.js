/* The dashboard's own drawing code: the dyad timeline (with the vendored Plotly) and the
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

  function drawDyadChart(targetId, dataId) {
    var periods = readJson(dataId);
    var target = document.getElementById(targetId);
    if (!periods.length) {
      target.textContent = "No dated events for this dyad.";
      return;
    }
    var x = periods.map(function (p) { return p.period; });
    var traces = QUADS.map(function (q) {
      return {
        type: "bar", name: q[1], x: x, marker: { color: q[2] },
        y: periods.map(function (p) { return p[q[0]]; })
      };
    });
    traces.push({
      type: "scatter", mode: "lines+markers", name: "Goldstein mean", yaxis: "y2",
      x: x, y: periods.map(function (p) { return p.goldstein_mean; }),
      line: { color: "#222", width: 2 }, connectgaps: false
    });
    var layout = {
      barmode: "stack", height: 360, margin: { l: 50, r: 50, t: 10, b: 40 },
      legend: { orientation: "h", y: -0.15, traceorder: "normal" },
      xaxis: { type: "category" },
      yaxis: { title: { text: "events" }, rangemode: "tozero" },
      yaxis2: { title: { text: "Goldstein" }, overlaying: "y", side: "right", range: [-10, 10], dtick: 5,
                zeroline: true, showgrid: false }
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

  window.dyads = { drawDyadChart: drawDyadChart, drawMap: drawMap };
})();
