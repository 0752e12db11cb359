// app.js is all the behaviour of the CEAS web UI. The Content-Security-Policy allows no
// inline script and no eval, so pages declare what they need in data- attributes and this
// file reads them:
//
//   <div class="chart" data-chart='{"xAxis":...}'>   an ECharts option as JSON (parsed, never evaluated)
//   <div class="chart" data-chart-src="/x.json">     the same, fetched from the server
//   <div class="chart" data-map='{"DE":12}'>         a choropleth of Europe by ISO alpha-2 code
//   <div class="chart" data-map-src="/x.json">       the same, fetched
//   data-title="..."                                 names the chart, its table and CSV file
//
// Every chart gets ECharts' aria description, a "Show as table" toggle that renders the same
// numbers as an accessible <table>, and a CSV download. ECharts and the map are loaded only
// on pages that have a chart. Labels come from data-l-* attributes on <body>, which the
// server fills from the message catalogue.
(function () {
  'use strict';

  var body = document.body;
  var label = function (name, fallback) { return (body && body.getAttribute('data-l-' + name)) || fallback; };
  var echartsLoading = null;
  var geoLoading = null;
  var names = {}; // ISO alpha-2 -> country name, from the GeoJSON
  var serial = 0;
  var cleanups = new WeakMap(); // chart element -> function releasing what initChart made

  document.documentElement.classList.remove('no-js');

  // htmx: no eval, whatever the meta tag says (belt and braces).
  if (window.htmx) {
    window.htmx.config.allowEval = false;
    window.htmx.config.allowScriptTags = false;
    window.htmx.config.includeIndicatorStyles = false;
    window.htmx.config.historyCacheSize = 0; // pages may hold personal data: not in localStorage
  }

  // loadScript adds a same-origin script once (CSP 'self' allows it) and resolves when loaded.
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function loadECharts() {
    if (window.echarts) return Promise.resolve(window.echarts);
    if (!echartsLoading) {
      echartsLoading = loadScript(body.getAttribute('data-echarts')).then(function () { return window.echarts; });
    }
    return echartsLoading;
  }

  // loadGeo registers the embedded map of Europe with ECharts, once per page.
  function loadGeo(echarts) {
    if (!geoLoading) {
      geoLoading = fetchJSON(body.getAttribute('data-geo')).then(function (geo) {
        geo.features.forEach(function (f) { names[f.properties.iso_a2] = f.properties.name; });
        echarts.registerMap('europe', geo);
      });
    }
    return geoLoading;
  }

  function fetchJSON(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      return r.json();
    });
  }

  // Lambert azimuthal equal-area centred on 10°E 52°N (ETRS89-LAEA, EPSG:3035), the
  // projection the EU uses for statistical maps: areas compare truthfully.
  var rad = Math.PI / 180, lon0 = 10 * rad, lat0 = 52 * rad;
  var laea = {
    project: function (p) {
      var l = p[0] * rad - lon0, f = p[1] * rad;
      var k = Math.sqrt(2 / (1 + Math.sin(lat0) * Math.sin(f) + Math.cos(lat0) * Math.cos(f) * Math.cos(l)));
      return [k * Math.cos(f) * Math.sin(l), -k * (Math.cos(lat0) * Math.sin(f) - Math.sin(lat0) * Math.cos(f) * Math.cos(l))];
    },
    unproject: function (p) {
      var x = p[0], y = -p[1], rho = Math.sqrt(x * x + y * y);
      if (rho === 0) return [lon0 / rad, lat0 / rad];
      var c = 2 * Math.asin(Math.min(1, rho / 2));
      var f = Math.asin(Math.cos(c) * Math.sin(lat0) + y * Math.sin(c) * Math.cos(lat0) / rho);
      var l = lon0 + Math.atan2(x * Math.sin(c), rho * Math.cos(lat0) * Math.cos(c) - y * Math.sin(lat0) * Math.sin(c));
      return [l / rad, f / rad];
    }
  };

  function mapOption(values, title) {
    var data = Object.keys(values).map(function (k) { return { name: k, value: values[k] }; });
    var max = data.reduce(function (m, d) { return Math.max(m, d.value); }, 0);
    return {
      tooltip: { trigger: 'item', formatter: function (p) { return (names[p.name] || p.name) + ': ' + (isNaN(p.value) ? '–' : p.value.toLocaleString()); } },
      visualMap: { min: 0, max: max || 1, text: [(max || 1).toLocaleString(), '0'], left: 'left', bottom: 10, calculable: false, inRange: { color: ['#e7edfa', '#082b7a'] } },
      series: [{
        type: 'map', map: 'europe', nameProperty: 'iso_a2', projection: laea, roam: false, name: title, data: data,
        itemStyle: { areaColor: '#f5f5f5', borderColor: '#707070', borderWidth: 0.5 },
        emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd617' } }
      }],
      _ceasMap: true
    };
  }

  // withDefaults turns on the accessibility description and keeps tooltips in the canvas
  // (richText), because HTML tooltips carry inline style attributes the CSP refuses.
  function withDefaults(option, title) {
    // ECharts' generated description reads the raw data (badly, in English only); ours names
    // the chart and points to the table view, which reads the data in the page language.
    option.aria = Object.assign({ enabled: true, label: { description: title + '. ' + label('aria', '') } }, option.aria);
    // Axis tooltips suit line and bar charts; pies, maps, sankeys and heatmaps need items.
    var axes = (option.xAxis || option.yAxis) && !hasType(option, 'heatmap');
    option.tooltip = Object.assign({ trigger: axes ? 'axis' : 'item' }, option.tooltip, { renderMode: 'richText' });
    // ECL colours, ordered so neighbouring series differ in lightness as well as hue.
    if (!option.color) option.color = ['#0e47cb', '#f29527', '#467a39', '#a52a2a', '#8b7ab8', '#404040', '#3a7ca5'];
    if (title && !option.title) option.title = { show: false, text: title };
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) option.animation = false;
    return option;
  }

  // hasType reports whether any series of the option is of the given type.
  function hasType(option, type) {
    return [].concat(option.series || []).some(function (s) { return s.type === type; });
  }

  // value reads a datum whether ECharts got it as a number, [x, y] or {value}.
  function value(d) {
    if (d === null || d === undefined) return '';
    if (Array.isArray(d)) return d[d.length - 1];
    if (typeof d === 'object') return Array.isArray(d.value) ? d.value[d.value.length - 1] : d.value;
    return d;
  }

  // tableOf derives header and rows from an option: the same numbers the chart shows.
  function tableOf(option, title) {
    var series = [].concat(option.series || []);
    var ds = option.dataset && [].concat(option.dataset)[0];
    if (ds && Array.isArray(ds.source) && ds.source.length) {
      var src = ds.source;
      if (Array.isArray(src[0])) return { head: src[0].map(String), rows: src.slice(1) };
      var keys = Object.keys(src[0]);
      return { head: keys, rows: src.map(function (o) { return keys.map(function (k) { return o[k]; }); }) };
    }
    if (option._ceasMap) {
      return { head: ['', title || ''], rows: series[0].data.map(function (d) { return [names[d.name] || d.name, d.value]; }) };
    }
    if (series.length && series.every(function (s) { return s.type === 'pie' || s.type === 'map' || s.type === 'funnel'; })) {
      return { head: ['', series[0].name || title || ''], rows: (series[0].data || []).map(function (d) { return [d.name, value(d)]; }) };
    }
    if (series.length && series[0].type === 'sankey') {
      return { head: ['source', 'target', 'value'], rows: (series[0].links || []).map(function (l) { return [l.source, l.target, l.value]; }) };
    }
    var axis = [].concat(option.xAxis || [])[0] || {};
    if (!axis.data) axis = [].concat(option.yAxis || [])[0] || {};
    if (series.length && series[0].type === 'heatmap') {
      var ys = ([].concat(option.yAxis || [])[0] || {}).data || [];
      return { head: ['', '', series[0].name || ''], rows: (series[0].data || []).map(function (d) {
        var v = Array.isArray(d) ? d : d.value;
        return [(axis.data || [])[v[0]], ys[v[1]], v[2]];
      }) };
    }
    var cats = axis.data || (series[0] && series[0].data || []).map(function (d, i) { return Array.isArray(d) ? d[0] : i + 1; });
    return {
      head: [axis.name || ''].concat(series.map(function (s, i) { return s.name || ('#' + (i + 1)); })),
      rows: cats.map(function (c, i) {
        return [typeof c === 'object' && c !== null ? c.value : c].concat(series.map(function (s) { return value((s.data || [])[i]); }));
      })
    };
  }

  function renderTable(t, caption) {
    var table = document.createElement('table');
    table.className = 'ecl-table ecl-table--zebra chart-table';
    var cap = table.createCaption();
    cap.textContent = caption || '';
    var tr = table.createTHead().insertRow();
    t.head.forEach(function (h) { var th = document.createElement('th'); th.scope = 'col'; th.textContent = h; tr.appendChild(th); });
    var tbody = table.createTBody();
    t.rows.forEach(function (r) {
      var row = tbody.insertRow();
      r.forEach(function (c, i) {
        var cell = i === 0 ? document.createElement('th') : document.createElement('td');
        if (i === 0) cell.scope = 'row';
        cell.setAttribute('data-ecl-table-header', t.head[i] || '');
        if (typeof c === 'number') { cell.className = 'num'; cell.textContent = c.toLocaleString(); } else { cell.textContent = c === undefined || c === null ? '' : String(c); }
        row.appendChild(cell);
      });
    });
    return table;
  }

  // csvCell quotes per RFC 4180 and defuses spreadsheet formulas in text cells.
  function csvCell(c) {
    var s = c === undefined || c === null ? '' : String(c);
    if (typeof c !== 'number' && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function csvOf(t) {
    return [t.head].concat(t.rows).map(function (r) { return r.map(csvCell).join(','); }).join('\r\n') + '\r\n';
  }

  function slug(s) {
    return (s || 'chart').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'chart';
  }

  // tools adds the toggle, the CSV link and the table holder right after the chart.
  function tools(el, title) {
    var id = el.id || ('chart-' + (++serial));
    el.id = id;
    var bar = document.createElement('div');
    bar.className = 'chart-tools';
    var btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'ecl-button ecl-button--secondary chart-tools__toggle';
    btn.textContent = label('table', 'Show as table');
    btn.setAttribute('aria-pressed', 'false');
    btn.setAttribute('aria-controls', id + '-table');
    var csv = document.createElement('a');
    csv.className = 'ecl-link ecl-link--standalone chart-tools__csv';
    csv.textContent = label('csv', 'Download CSV');
    csv.download = slug(title) + '.csv';
    csv.hidden = true;
    var holder = document.createElement('div');
    holder.id = id + '-table';
    holder.className = 'chart-table-wrap';
    holder.hidden = true;
    bar.appendChild(btn);
    bar.appendChild(csv);
    el.insertAdjacentElement('afterend', bar);
    bar.insertAdjacentElement('afterend', holder);
    btn.addEventListener('click', function () {
      var show = btn.getAttribute('aria-pressed') !== 'true';
      btn.setAttribute('aria-pressed', String(show));
      holder.hidden = !show;
      el.hidden = show;
    });
    return { csv: csv, holder: holder, btn: btn };
  }

  function optionFor(el, title) {
    var inline = el.getAttribute('data-chart');
    if (inline) return Promise.resolve(JSON.parse(inline));
    var src = el.getAttribute('data-chart-src');
    if (src) return fetchJSON(src);
    var map = el.getAttribute('data-map');
    var mapSrc = el.getAttribute('data-map-src');
    if (map || mapSrc) {
      return (map ? Promise.resolve(JSON.parse(map)) : fetchJSON(mapSrc)).then(function (values) {
        return loadECharts().then(loadGeo).then(function () { return mapOption(values, title); });
      });
    }
    return Promise.reject(new Error('chart without data-chart, data-chart-src, data-map or data-map-src'));
  }

  function initChart(el) {
    if (el.getAttribute('data-chart-ready')) return;
    el.setAttribute('data-chart-ready', '1');
    var title = el.getAttribute('data-title') || '';
    var ui = tools(el, title);
    el.setAttribute('aria-busy', 'true');
    Promise.all([loadECharts(), optionFor(el, title)]).then(function (res) {
      var echarts = res[0], option = withDefaults(res[1], title);
      var usesMap = [].concat(option.series || []).some(function (s) { return s.type === 'map'; }) || option.geo;
      return (usesMap ? loadGeo(echarts) : Promise.resolve()).then(function () {
        var chart = echarts.init(el, null, { renderer: 'canvas' });
        chart.setOption(option);
        el.setAttribute('tabindex', '0');
        if (!el.getAttribute('role')) el.setAttribute('role', 'img');
        var t = tableOf(option, title);
        ui.holder.replaceChildren(renderTable(t, title));
        ui.csv.href = URL.createObjectURL(new Blob([csvOf(t)], { type: 'text/csv;charset=utf-8' }));
        ui.csv.hidden = false;
        var ro = window.ResizeObserver ? new ResizeObserver(function () { chart.resize(); }) : null;
        if (ro) ro.observe(el);
        cleanups.set(el, function () { if (ro) ro.disconnect(); URL.revokeObjectURL(ui.csv.href); chart.dispose(); });
      });
    }).catch(function (err) {
      el.classList.add('chart--error');
      el.textContent = label('error', 'The chart could not be loaded.');
      ui.btn.hidden = true;
      if (window.console) console.error('chart', err);
    }).finally(function () { el.removeAttribute('aria-busy'); });
  }

  function init(root) {
    // An error summary takes the focus, so a screen reader reads what to correct first.
    var summary = root.querySelector && root.querySelector('[data-autofocus]');
    if (summary) summary.focus();
    var els = root.querySelectorAll ? root.querySelectorAll('.chart') : [];
    if (root.classList && root.classList.contains('chart')) initChart(root);
    Array.prototype.forEach.call(els, initChart);
  }

  // Dispose of charts that htmx swaps out, so their canvases, observers and CSV blobs go too.
  document.addEventListener('htmx:beforeCleanupElement', function (e) {
    var done = cleanups.get(e.target);
    if (done) { cleanups.delete(e.target); done(); }
  });

  if (window.htmx) {
    window.htmx.onLoad(init); // fires for the body on page load and for every swapped fragment
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { init(document); });
  } else {
    init(document);
  }
}());
