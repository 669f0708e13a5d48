/*
 * The observatory dashboard. Every panel reads one JSON endpoint (its data-source) and renders what it gets; an
 * endpoint that answers non-2xx (or cannot be reached) shows "not available" with the status, without stopping the
 * other panels. The houses panel draws each house's series with uPlot (vendor/uplot, served locally). Everything is
 * read again every REFRESH_MS. Each chart container has data-chart="<house>-<name>" and data-rendered="true" once
 * drawn; document.body.dataset.ready is "true" after the first full render.
 */
(function () {
  "use strict";

  var REFRESH_MS = 10000;
  var charts = {}; // chart name -> uPlot instance
  var cards = {}; // house -> card elements
  var refreshing = false;
  var timer = null;

  // ---- small helpers ----

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === undefined || value === null) {
        return;
      }
      if (key === "text") {
        node.textContent = String(value);
      } else if (key === "class") {
        node.className = value;
      } else {
        node.setAttribute(key, String(value));
      }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function replace(node, children) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    children.forEach(function (child) {
      node.appendChild(child);
    });
  }

  function badge(text) {
    var value = text === null || text === undefined ? "unknown" : String(text);
    return el("span", { class: "badge " + value.toLowerCase(), text: value });
  }

  function number(value, digits) {
    if (value === null || value === undefined || isNaN(value)) {
      return "–";
    }
    return Number(value).toLocaleString("en", { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  function millis(value) {
    if (value === null || value === undefined) {
      return "–";
    }
    return value >= 1000 ? number(value / 1000, 2) + " s" : number(value, 0) + " ms";
  }

  function ago(seconds) {
    if (seconds === null || seconds === undefined) {
      return "never";
    }
    if (seconds < 90) {
      return number(seconds, 0) + " s ago";
    }
    if (seconds < 5400) {
      return number(seconds / 60, 0) + " min ago";
    }
    if (seconds < 172800) {
      return number(seconds / 3600, 1) + " h ago";
    }
    return number(seconds / 86400, 1) + " d ago";
  }

  function entries(map) {
    return Object.keys(map || {}).map(function (key) {
      return key + " " + number(map[key], 0);
    }).join(" · ") || "–";
  }

  function table(headers, rows) {
    return el("table", {}, [
      el("thead", {}, [el("tr", {}, headers.map(function (header) {
        return el("th", { class: header.num ? "num" : null, text: header.text });
      }))]),
      el("tbody", {}, rows.map(function (cells) {
        return el("tr", {}, cells.map(function (cell, i) {
          var td = el("td", { class: headers[i].num ? "num" : null });
          td.appendChild(typeof cell === "object" && cell !== null ? cell : document.createTextNode(cell === null || cell === undefined ? "–" : String(cell)));
          return td;
        }));
      }))
    ]);
  }

  function since() {
    return document.getElementById("since").value;
  }

  function withSince(url) {
    return url + (url.indexOf("?") < 0 ? "?" : "&") + "since=" + encodeURIComponent(since());
  }

  function getJson(url) {
    return fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        return response.text().then(function (text) {
          var body = null;
          try {
            body = text ? JSON.parse(text) : null;
          } catch (e) {
            body = null;
          }
          if (!response.ok) {
            return { ok: false, status: response.status, reason: (body && body.message) || response.statusText || "" };
          }
          if (body === null) {
            return { ok: false, status: response.status, reason: "the answer is not JSON" };
          }
          return { ok: true, data: body };
        });
      })
      .catch(function (e) {
        return { ok: false, status: 0, reason: String((e && e.message) || e) };
      });
  }

  function showUnavailable(panel, url, result) {
    panel.dataset.state = "unavailable";
    var what = result.status ? "HTTP " + result.status : "no answer";
    replace(panel.querySelector(".panel-body"), [
      el("div", { class: "unavailable" }, [
        el("strong", { text: "not available" }),
        " — " + url + " answered " + what + (result.reason ? ": " + result.reason : "")
      ])
    ]);
  }

  function showLoaded(panel, children) {
    panel.dataset.state = "loaded";
    replace(panel.querySelector(".panel-body"), children);
  }

  // ---- panels ----

  function renderMesh(panel, report) {
    var services = report.services || [];
    showLoaded(panel, [
      el("div", { class: "summary" }, [
        badge(report.status),
        el("span", { text: services.length + " instances" }),
        el("span", { class: "muted", text: (report.missing || []).length ? "missing: " + report.missing.join(", ") : "nothing missing" })
      ]),
      table(
        [{ text: "service" }, { text: "instance" }, { text: "status" }, { text: "version" }, { text: "last seen", num: true }],
        services.map(function (s) {
          return [s.service, s.instance, badge(s.status), s.version, ago(s.lastSeenSecondsAgo)];
        })
      )
    ]);
  }

  function renderChecks(panel, report) {
    var order = { critical: 0, error: 1, warn: 2, ok: 3 };
    var checks = (report.checks || []).slice().sort(function (a, b) {
      return (order[a.state] - order[b.state]) || String(a.id).localeCompare(String(b.id));
    });
    showLoaded(panel, [
      el("div", { class: "summary" }, [
        badge(report.worst),
        el("span", { text: entries(report.counts) }),
        el("span", { class: "muted", text: report.at ? "checked " + new Date(report.at).toLocaleTimeString() : "" })
      ]),
      table(
        [{ text: "state" }, { text: "check" }, { text: "value", num: true }, { text: "message" }],
        checks.map(function (c) {
          return [badge(c.state), c.id, c.value === undefined ? "–" : number(c.value, 2) + (c.unit ? " " + c.unit : ""), c.message];
        })
      )
    ]);
  }

  function renderSlo(panel, report) {
    var uptime = report.uptime || [];
    var latencies = report.latencies || [];
    showLoaded(panel, [
      el("div", { class: "muted", text: report.from && report.to ? new Date(report.from).toLocaleString() + " – " + new Date(report.to).toLocaleString() : "" }),
      table(
        [{ text: "service" }, { text: "uptime", num: true }, { text: "target", num: true }, { text: "budget left", num: true }, { text: "" }],
        uptime.map(function (u) {
          return [u.service, u.percent === undefined ? "–" : number(u.percent, 3) + " %", number(u.targetPercent, 2) + " %",
            u.budgetRemainingPercent === undefined ? "–" : number(u.budgetRemainingPercent, 1) + " %",
            u.met === undefined ? "" : badge(u.met ? "met" : "missed")];
        })
      ),
      table(
        [{ text: "latency" }, { text: "p50", num: true }, { text: "p95", num: true }, { text: "objective", num: true }, { text: "" }],
        latencies.map(function (l) {
          return [l.name, l.p50Seconds === undefined ? "–" : millis(l.p50Seconds * 1000), l.p95Seconds === undefined ? "–" : millis(l.p95Seconds * 1000),
            l.objectiveSeconds === undefined ? "–" : millis(l.objectiveSeconds * 1000), l.met === undefined ? "" : badge(l.met ? "met" : "missed")];
        })
      )
    ]);
  }

  // ---- houses and charts ----

  function figure(label, value) {
    return el("div", { class: "figure" }, [el("div", { class: "label", text: label }), el("div", { class: "value", text: value })]);
  }

  function houseFigures(stats) {
    return [
      figure("turns", number(stats.turns, 0)),
      figure("turns / min", number(stats.turnsPerMinute, 2)),
      figure("p50 / p95", millis(stats.turnP50Millis) + " / " + millis(stats.turnP95Millis)),
      figure("tool calls / turn", number(stats.toolCallsPerTurn, 2)),
      figure("inbox", stats.inboxDepth === undefined ? "–" : number(stats.inboxDepth, 0)),
      figure("last turn", ago(stats.secondsSinceLastTurn)),
      figure("outcomes", entries(stats.outcomes)),
      figure("received", entries(stats.received)),
      figure("sent", entries(stats.sent)),
      figure("tools", entries(stats.tools)),
      figure("tool outcomes", entries(stats.toolOutcomes))
    ];
  }

  function card(house) {
    if (cards[house]) {
      return cards[house];
    }
    var figures = el("div", { class: "figures" });
    var activity = el("div", { class: "chart", "data-chart": house + "-activity" });
    var duration = el("div", { class: "chart", "data-chart": house + "-duration" });
    var root = el("article", { class: "house", "data-house": house }, [
      el("h3", { text: house }),
      figures,
      el("div", { class: "chart-title", text: "turns, failed turns and tool calls per bucket" }),
      activity,
      el("div", { class: "chart-title", text: "p95 turn duration (ms)" }),
      duration
    ]);
    cards[house] = { root: root, figures: figures, activity: activity, duration: duration };
    return cards[house];
  }

  function chartWidth(container) {
    return Math.max(280, (container.clientWidth || container.parentNode.clientWidth || 480) - 4);
  }

  function draw(container, options, data) {
    var name = container.getAttribute("data-chart");
    if (typeof window.uPlot !== "function") {
      replace(container, [el("div", { class: "unavailable" }, [el("strong", { text: "not available" }), " — uPlot did not load"])]);
      return;
    }
    var existing = charts[name];
    if (existing && existing.root.parentNode === container) {
      existing.setData(data);
    } else {
      if (existing) {
        existing.destroy();
      }
      replace(container, []);
      options.width = chartWidth(container);
      charts[name] = new window.uPlot(options, data, container);
    }
    container.setAttribute("data-rendered", "true");
  }

  function drawSeries(entry, series) {
    var step = series.stepSeconds >= 3600 ? number(series.stepSeconds / 3600, 1) + " h" : series.stepSeconds >= 60 ? number(series.stepSeconds / 60, 1) + " min" : series.stepSeconds + " s";
    draw(entry.activity, {
      height: 180,
      scales: { x: { time: true } },
      series: [
        {},
        { label: "turns", stroke: "#2563eb", width: 2, fill: "rgba(37, 99, 235, 0.08)" },
        { label: "failed", stroke: "#b91c1c", width: 2 },
        { label: "tool calls", stroke: "#15803d", width: 2, dash: [6, 4] }
      ],
      axes: [{}, { label: "per " + step, size: 50 }]
    }, [series.time, series.turns, series.failedTurns, series.toolCalls]);
    draw(entry.duration, {
      height: 140,
      scales: { x: { time: true } },
      series: [{}, { label: "p95 ms", stroke: "#7c3aed", width: 2, spanGaps: false, points: { show: true } }],
      axes: [{}, { label: "ms", size: 60 }]
    }, [series.time, series.turnP95Millis]);
  }

  function renderHouses(panel, stats, series) {
    var byHouse = {};
    series.forEach(function (s) {
      byHouse[s.house] = s;
    });
    if (stats.length === 0) {
      Object.keys(cards).forEach(function (house) {
        delete cards[house];
      });
      showLoaded(panel, [el("div", { class: "muted", text: "no house is known yet" })]);
      return;
    }
    var container = panel.querySelector(".houses");
    if (!container || panel.dataset.state !== "loaded") {
      container = el("div", { class: "houses" });
      showLoaded(panel, [container]);
    }
    var wanted = stats.map(function (s) {
      return s.house;
    });
    Object.keys(cards).forEach(function (house) {
      if (wanted.indexOf(house) < 0) {
        cards[house].root.remove();
        delete cards[house];
      }
    });
    stats.forEach(function (houseStats) {
      var entry = card(houseStats.house);
      if (entry.root.parentNode !== container) {
        container.appendChild(entry.root);
      }
      replace(entry.figures, houseFigures(houseStats));
      if (byHouse[houseStats.house]) {
        drawSeries(entry, byHouse[houseStats.house]);
      }
    });
  }

  function loadPanel(name, render) {
    var panel = document.querySelector('[data-panel="' + name + '"]');
    if (!panel) {
      return Promise.resolve();
    }
    var url = panel.getAttribute("data-source");
    return getJson(url).then(function (result) {
      if (result.ok) {
        render(panel, result.data);
      } else {
        showUnavailable(panel, url, result);
      }
    });
  }

  function loadHouses() {
    var panel = document.querySelector('[data-panel="houses"]');
    if (!panel) {
      return Promise.resolve();
    }
    var statsUrl = withSince(panel.getAttribute("data-source"));
    var seriesUrl = withSince(panel.getAttribute("data-series-source"));
    return Promise.all([getJson(statsUrl), getJson(seriesUrl)]).then(function (results) {
      if (!results[0].ok) {
        showUnavailable(panel, statsUrl, results[0]);
      } else if (!results[1].ok) {
        showUnavailable(panel, seriesUrl, results[1]);
      } else {
        renderHouses(panel, results[0].data, results[1].data);
      }
    });
  }

  function guarded(promise, name) {
    return promise.catch(function (e) {
      var panel = document.querySelector('[data-panel="' + name + '"]');
      if (panel) {
        showUnavailable(panel, "rendering", { status: 0, reason: String((e && e.message) || e) });
      }
    });
  }

  function refresh() {
    if (refreshing) {
      return Promise.resolve();
    }
    refreshing = true;
    clearTimeout(timer);
    return Promise.all([
      guarded(loadPanel("mesh", renderMesh), "mesh"),
      guarded(loadPanel("checks", renderChecks), "checks"),
      guarded(loadPanel("slo", renderSlo), "slo"),
      guarded(loadHouses(), "houses")
    ]).then(function () {
      document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
      document.body.dataset.ready = "true";
    }).finally(function () {
      refreshing = false;
      timer = setTimeout(refresh, REFRESH_MS);
    });
  }

  window.addEventListener("resize", function () {
    Object.keys(charts).forEach(function (name) {
      var chart = charts[name];
      var container = chart.root.parentNode;
      if (container) {
        chart.setSize({ width: chartWidth(container), height: chart.height });
      }
    });
  });

  document.getElementById("since").addEventListener("change", refresh);
  refresh();
})();
