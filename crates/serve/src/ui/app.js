// The entente web UI. Every view is a hash route (#/article/ID, #/events?...),
// so every page has a URL. The DOM is built with createElement and
// textContent only: article text and every string from the API is data,
// never markup.
'use strict';

const SVGNS = 'http://www.w3.org/2000/svg'; // a namespace name, not a resource
const QUADS = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'];

// ---- DOM helpers --------------------------------------------------------

// el('a', {href: '#/x', class: 'y'}, 'text', child): strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// A hash link built from a route and parameters; values are URI-encoded.
function href(route, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return '#/' + route + (s ? '?' + s : '');
}

function link(route, params, ...children) {
  return el('a', { href: href(route, params) }, ...children);
}

function actorLink(a) {
  if (!a) return el('span', { class: 'muted' }, '—');
  return el('a', { href: href('actor/' + encodeURIComponent(a.actor || a.code)), title: 'named “' + a.name + '” · ' + a.code },
    a.actor || a.name, a.code && a.code !== a.actor ? el('span', { class: 'muted' }, ' ' + a.code) : null);
}

// A URL from a document is shown as a link only when it is a web address.
function safeUrl(u) {
  return typeof u === 'string' && /^https?:\/\//i.test(u) ? u : null;
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  const resp = await fetch('/api/' + path + (s ? '?' + s : ''), { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await resp.json(); } catch (e) { body = null; }
  if (!resp.ok) throw new Error((body && body.error) || ('HTTP ' + resp.status));
  return body;
}

function table(headers, rows) {
  return el('table', {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows));
}

function quadCell(q) {
  return el('span', { class: 'quad' + q, title: QUADS[q - 1] || '' }, String(q), ' ', QUADS[q - 1] || '');
}

// The colours of the charts, set as attributes so that a legend's swatch
// has the colour of what it stands for whatever the style sheet says.
const COLOURS = {
  q1: '#4daf4a', q2: '#1f78b4', q3: '#f39c12', q4: '#d62728',
  coop: '#3b8f5a', conf: '#c0392b', member: '#7fa7e6', obligated: '#3b8f5a', attacked: '#c0392b',
  country: '#e07d68', place: '#1f5fbf',
};

// A legend entry: a coloured square, then its label.
function swatch(colour, label) {
  return el('span', { class: 'key' },
    svg('svg', { class: 'swatch', width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true' },
      svg('rect', { width: 12, height: 12, rx: 2, fill: colour })), ' ', label);
}

// ---- routing ------------------------------------------------------------

const main = document.getElementById('main');

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const i = h.indexOf('?');
  const path = decodeURIComponent(i < 0 ? h : h.slice(0, i));
  const params = Object.fromEntries(new URLSearchParams(i < 0 ? '' : h.slice(i + 1)));
  const [route, ...rest] = path.split('/');
  return { route: route || 'home', arg: rest.join('/'), params };
}

const ROUTES = {
  home: viewHome, search: viewSearch, article: viewArticle, events: viewEvents,
  actor: viewActor, network: viewNetwork, map: viewMap, alliances: viewAlliances,
  deployments: viewDeployments, updates: viewUpdates,
};

async function render() {
  const { route, arg, params } = parseHash();
  document.body.removeAttribute('data-ready');
  for (const a of document.querySelectorAll('header nav a')) {
    a.classList.toggle('active', a.getAttribute('href') === '#/' + route);
  }
  const view = ROUTES[route] || viewNotFound;
  clear(main);
  try {
    await view(arg, params);
  } catch (e) {
    main.appendChild(el('p', { class: 'error', id: 'error' }, String(e.message || e)));
  }
  document.body.setAttribute('data-ready', route);
}


function viewNotFound() {
  main.appendChild(el('h1', {}, 'Not found'));
  main.appendChild(el('p', {}, link('', {}, 'Back to the start')));
}

// ---- home and search ----------------------------------------------------

async function viewHome() {
  const [stats, latest, timeline] = await Promise.all([api('stats'), api('articles', { limit: 10 }), api('timeline')]);
  main.appendChild(el('h1', {}, 'entente'));
  main.appendChild(el('div', { class: 'stats', id: 'counts' },
    ['documents', 'stories', 'events', 'mentions', 'quotations', 'deployments', 'updates'].filter(k => stats[k] !== undefined).map(k =>
      el('div', { class: 'stat' }, el('b', {}, String(stats[k])), k))));
  const recent = await latestEvents(timeline.days, 20);
  main.appendChild(el('div', { class: 'cols' },
    el('div', {},
      el('h2', {}, 'Latest events'),
      recent.length ? eventTable(recent, 'latest-events') : el('p', { class: 'muted' }, 'No dated events.'),
      el('p', {}, link('events', {}, 'Explore all ' + stats.events + ' events'))),
    el('div', {},
      el('h2', {}, 'Latest articles'),
      latest.articles.length
        ? el('ol', { id: 'latest-articles' }, latest.articles.map(a => el('li', {},
          link('article/' + a.id, {}, a.title || a.external_id || a.id), ' ', el('span', { class: 'muted' }, a.published || 'undated'))))
        : el('p', { class: 'muted' }, 'No articles yet.'))));
}

// The newest `n` dated events: the timeline says from which day on there
// are at least n, the events from that day are read and sorted newest first.
async function latestEvents(days, n) {
  if (!days.length) return [];
  let from = days[days.length - 1].date, count = 0;
  for (let i = days.length - 1; i >= 0 && count < n; i--) {
    count += days[i].quad.reduce((a, b) => a + b, 0);
    from = days[i].date;
  }
  const res = await api('events', { from, limit: Math.min(1000, Math.max(n, count)) });
  return res.events.slice().sort((a, b) => String(b.date).localeCompare(String(a.date)) || (b.id > a.id ? 1 : b.id < a.id ? -1 : 0)).slice(0, n);
}

async function viewSearch(_, params) {
  const q = params.q || '';
  document.querySelector('#search input').value = q;
  main.appendChild(el('h1', {}, 'Search: ', q));
  const res = await api('search', { q, limit: 50 });
  if (!res.hits.length) {
    main.appendChild(el('p', { class: 'muted' }, 'No article matches.'));
    return;
  }
  const list = el('ol', { id: 'hits' });
  for (const h of res.hits) {
    const copies = h.copies || [];
    list.appendChild(el('li', { class: 'card' },
      link('article/' + h.id, {}, h.title || h.external_id || h.id),
      ' ', el('span', { class: 'muted' }, h.published || ''),
      el('div', {}, snippet(h.snippet)),
      copies.length ? el('div', { class: 'muted copies' }, 'One story with ' + copies.length + (copies.length === 1 ? ' copy: ' : ' copies: '),
        ...copies.flatMap((c, i) => [i ? ', ' : '', link('article/' + c, {}, 'copy ' + (i + 1))])) : ''));
  }
  main.appendChild(list);
}

// The store marks matched terms with [ ]: bold them, as text.
function snippet(s) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(s)) !== null) {
    out.push(s.slice(last, m.index));
    out.push(el('b', {}, m[1]));
    last = re.lastIndex;
  }
  out.push(s.slice(last));
  return out;
}

// ---- article reader -----------------------------------------------------

// The first words of an untitled article.
function headline(text) {
  const first = text.split('\n')[0];
  return first.length > 90 ? first.slice(0, first.lastIndexOf(' ', 90)) + '…' : first;
}

// UTF-8 byte offsets (the API's) to UTF-16 indices (JavaScript's).
function byteIndex(text) {
  const map = new Map();
  let b = 0;
  for (let i = 0; i < text.length;) {
    map.set(b, i);
    const cp = text.codePointAt(i);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  map.set(b, text.length);
  return off => (map.has(off) ? map.get(off) : null);
}

async function viewArticle(id, params) {
  const a = await api('articles/' + encodeURIComponent(id));
  const at = byteIndex(a.text);
  // ?ev=N selects the article's Nth event; ?at=OFFSET the event read at that byte.
  let selected = params.ev !== undefined ? Number(params.ev) : null;
  if (params.at !== undefined) {
    const i = a.events.findIndex(ev => String(ev.evidence.start) === params.at);
    if (i >= 0) selected = i;
  }
  const marks = [];
  const add = (start, end, cls, info) => {
    const s = at(start), e = at(end);
    if (s !== null && e !== null && s < e) marks.push({ s, e, cls, ...info });
  };
  a.mentions.forEach((m, mi) => add(m.start, m.end, 'actor', { mi,
    title: m.name + (m.code ? ' (' + m.code + ')' : '') + (m.role ? ', ' + m.role : ''),
    href: m.actor ? href('actor/' + encodeURIComponent(m.actor)) : null, label: m.text,
  }));
  a.dates.forEach(d => add(d.start, d.end, 'date', {
    title: d.date + ' (' + d.precision + ')', href: href('events', { from: d.date, to: d.date }),
  }));
  a.quantities.forEach(q => add(q.start, q.end, 'qty', { title: 'quantity ' + q.value }));
  a.events.forEach((ev, i) => add(ev.evidence.start, ev.evidence.end, 'ev', {
    title: (ev.label || ev.cameo) + (ev.date ? ' on ' + ev.date : ''),
    href: href('article/' + a.id, { ev: i }), sel: i === selected,
  }));
  a.deployments.forEach(d => add(d.evidence.start, d.evidence.end, 'dep', { title: 'deployment by ' + d.by }));
  a.quotations.forEach(q => add(q.evidence.start, q.evidence.end, 'quote', { title: 'quoted: ' + (q.speaker ? q.speaker.name : 'unattributed') }));

  main.appendChild(el('h1', {}, a.title || headline(a.text)));
  const url = safeUrl(a.url);
  main.appendChild(el('p', { class: 'muted' },
    a.published ? 'Published ' + a.published + ' · ' : '', a.source ? a.source + ' · ' : '',
    url ? el('a', { href: url, rel: 'noopener noreferrer nofollow' }, 'original') : a.origin,
    ' · id ', a.id));
  // A syndicated story: the same text published elsewhere.
  const copies = a.copies || [];
  if (copies.length) {
    main.appendChild(el('p', { class: 'copies', id: 'copies' },
      'The same story was also published ' + copies.length + (copies.length === 1 ? ' time: ' : ' times: '),
      ...copies.flatMap((c, i) => [i ? ', ' : '',
        link('article/' + c.public_id, {}, (c.source || c.title || c.public_id) + (c.title && c.source ? ' (' + c.title + ')' : ''))]),
      '. Its events are counted once.'));
  }
  main.appendChild(el('p', { class: 'legend' },
    el('span', { class: 'actor' }, 'actor'), el('span', { class: 'date' }, 'date'),
    el('span', { class: 'qty' }, 'quantity'), el('span', { class: 'ev' }, 'event'),
    el('span', { class: 'dep' }, 'deployment'), el('span', { class: 'quote' }, 'quotation')));

  const body = el('div', { class: 'article', id: 'article' });
  for (const p of a.paragraphs) {
    const s = at(p.start), e = at(p.end);
    if (s === null || e === null) continue;
    body.appendChild(el('p', { class: 'para' }, highlight(a.text, s, e, marks)));
  }
  main.appendChild(el('div', { class: 'cols' }, body, articleFacts(a, selected)));
  const sel = document.querySelector('tr.selected');
  if (sel) sel.scrollIntoView({ block: 'center' });
}

// The text of [s, e) cut at every mark boundary; each piece carries the
// classes of the marks covering it and links to the innermost one's record.
function highlight(text, s, e, marks) {
  const inside = marks.filter(m => m.s < e && m.e > s);
  const cuts = new Set([s, e]);
  for (const m of inside) { cuts.add(Math.max(m.s, s)); cuts.add(Math.min(m.e, e)); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const cover = inside.filter(m => m.s <= a && m.e >= b).sort((x, y) => (x.e - x.s) - (y.e - y.s));
    if (!cover.length) { out.push(piece); continue; }
    const classes = ['hl', ...new Set(cover.map(m => m.cls))];
    if (cover.some(m => m.sel)) classes.push('sel');
    const target = cover.find(m => m.href);
    const title = cover.map(m => m.title).filter(Boolean).join(' · ');
    // Which mention a piece belongs to: other marks may cut one in pieces.
    const mentions = cover.filter(m => m.mi !== undefined).map(m => m.mi);
    out.push(el(target ? 'a' : 'span', {
      class: classes.join(' '), href: target ? target.href : null, title,
      'data-mention': mentions.length ? mentions.sort((x, y) => x - y).join(' ') : null,
    }, piece));
  }
  return out;
}

function articleFacts(a, selected) {
  const side = el('div', { id: 'facts' });
  side.appendChild(el('h2', {}, 'Events (' + a.events.length + ')'));
  if (a.events.length) {
    side.appendChild(table(['date', 'who', 'did', 'to whom'], a.events.map((ev, i) =>
      el('tr', { class: i === selected ? 'selected' : null, id: 'event-' + i },
        el('td', {}, ev.date || el('span', { class: 'muted' }, 'undated')),
        el('td', {}, actorLink(ev.source)),
        el('td', {}, link('article/' + a.id, { ev: i }, ev.label || ev.cameo), ' ', el('span', { class: 'quad' + ev.quad_class }, '●'), ev.negated ? ' (negated)' : ''),
        el('td', {}, actorLink(ev.target))))));
  } else side.appendChild(el('p', { class: 'muted' }, 'No events coded.'));
  side.appendChild(el('h2', {}, 'Actors (' + a.mentions.length + ')'));
  const seen = new Map();
  for (const m of a.mentions) seen.set(m.actor || m.text, m);
  side.appendChild(el('p', { class: 'tags', id: 'actors' }, [...seen.values()].map(m =>
    el('span', {}, m.actor ? link('actor/' + encodeURIComponent(m.actor), {}, m.name || m.text) : m.text))));
  side.appendChild(el('h2', {}, 'Deployments (' + a.deployments.length + ')'));
  for (const d of a.deployments) side.appendChild(deploymentCard(d));
  side.appendChild(el('h2', {}, 'Quotations (' + a.quotations.length + ')'));
  for (const q of a.quotations) {
    side.appendChild(el('blockquote', { class: 'card' }, '“', q.text, '”',
      el('div', { class: 'muted' }, '— ', q.speaker ? q.speaker.name : 'unattributed')));
  }
  return side;
}

function personnel(p) {
  if (!p) return '';
  const [k, n] = Object.entries(p)[0] || [];
  return ({ exactly: '', at_most: 'up to ', at_least: 'at least ', about: 'about ' }[k] || '') + n;
}

function deploymentCard(d) {
  return el('div', { class: 'card' },
    el('b', {}, d.by), ' → ', d.to.map(c => link('map', { place: c }, c)).reduce((acc, x) => acc.concat(acc.length ? [', ', x] : [x]), []),
    el('div', {}, personnel(d.personnel), ' ', d.role || '', ' · ', d.status,
      d.start ? ' from ' + d.start : '', d.end ? ' until ' + d.end : '', d.review_date ? ' (review ' + d.review_date + ')' : ''),
    d.purpose ? el('div', { class: 'muted' }, d.purpose) : null,
    el('div', { class: 'muted' }, '“', d.evidence.text, '” ', link('article/' + d.doc, {}, 'source')));
}

// ---- events explorer ----------------------------------------------------

const FILTERS = ['actor', 'type', 'quad', 'from', 'to', 'place'];

function filterForm(route, params, extra) {
  const form = el('form', { class: 'filters', id: 'filters' },
    FILTERS.map(f => el('label', {}, f, f === 'quad'
      ? el('select', { name: 'quad' }, el('option', { value: '' }, 'any'),
        QUADS.map((q, i) => el('option', { value: String(i + 1), selected: params.quad === String(i + 1) ? 'selected' : null }, (i + 1) + ' ' + q)))
      : el('input', { name: f, value: params[f] || '', type: f === 'from' || f === 'to' ? 'date' : 'text',
        placeholder: { actor: 'NZL, IGOWSTNAT', type: '04 or CONSULT', place: 'SLB' }[f] || '' }))),
    extra || null,
    el('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(form).entries()) p[k] = v;
    location.hash = href(route, p);
  });
  return form;
}

function eventTable(events, id) {
  const t = table(['date', 'source', 'event', 'target', 'quad', 'Goldstein', 'evidence'], events.map(ev =>
    el('tr', {},
      el('td', {}, ev.date || el('span', { class: 'muted' }, 'undated')),
      el('td', {}, actorLink(ev.source)),
      el('td', {}, link('events', { type: ev.cameo }, ev.cameo), ' ', ev.label || '', ev.plover ? el('div', { class: 'muted' }, ev.plover) : null),
      el('td', {}, actorLink(ev.target)),
      el('td', {}, quadCell(ev.quad_class)),
      el('td', {}, ev.goldstein.toFixed(1)),
      el('td', {}, link('article/' + ev.doc, { at: ev.evidence.start }, ev.evidence.text.length > 140 ? ev.evidence.text.slice(0, 140) + '…' : ev.evidence.text)))));
  if (id) t.setAttribute('id', id);
  return t;
}

async function viewEvents(_, params) {
  const filters = {};
  for (const f of FILTERS.concat(['doc'])) if (params[f]) filters[f] = params[f];
  const [page, timeline] = await Promise.all([
    api('events', { ...filters, cursor: params.cursor, limit: 100 }),
    api('timeline', filters),
  ]);
  main.appendChild(el('h1', {}, 'Events'));
  main.appendChild(filterForm('events', params));
  const chart = timelineChart(timeline.days, filters);
  main.appendChild(el('h2', {}, 'Per ', chart.getAttribute('data-bin') || 'day', ', by quad class'));
  main.appendChild(chart);
  const dl = f => el('a', { href: '/api/events?' + new URLSearchParams({ ...filters, format: f, limit: 1000 }).toString(), download: '' }, f.toUpperCase());
  main.appendChild(el('p', { class: 'pager' },
    el('span', { id: 'total' }, page.total + ' events'),
    'Download this selection: ', dl('csv'), dl('jsonl'), dl('gdelt'),
    link('network', filters, 'Network of these'), link('map', filters, 'Map of these')));
  main.appendChild(eventTable(page.events));
  if (page.next_cursor) {
    main.appendChild(el('p', { class: 'pager' }, link('events', { ...filters, cursor: page.next_cursor }, 'Next page →')));
  }
}

// Time bins: a day, a week (from Monday) or a month, as UTC dates.
const DAY = 86400000;
const iso = d => d.toISOString().slice(0, 10);
function binStart(d, unit) {
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  if (unit === 'week') return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return d;
}
function binNext(d, unit) {
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return new Date(d.getTime() + (unit === 'week' ? 7 : 1) * DAY);
}

// The unit for a span of days: as fine as keeps the bars readable.
function binUnit(spanDays) {
  return spanDays <= 120 ? 'day' : spanDays <= 7 * 110 ? 'week' : 'month';
}

// Stacked bars: one per day, week or month, one colour per quad class.
function timelineChart(days, filters) {
  const W = 1100, H = 240, L = 40, R = 10, B = 36, T = 26;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, id: 'timeline', role: 'img', 'aria-label': 'events over time' });
  if (!days.length) {
    root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'No dated events'));
    return root;
  }
  const first = new Date(days[0].date + 'T00:00:00Z'), last = new Date(days[days.length - 1].date + 'T00:00:00Z');
  const unit = binUnit(Math.round((last - first) / DAY) + 1);
  root.setAttribute('data-bin', unit);
  root.setAttribute('aria-label', 'events per ' + unit);
  // The bins from the first to the last, at least seven: a lone day gets neighbours.
  const bins = [];
  let b = binStart(first, unit);
  while (b <= last) { bins.push(b); b = binNext(b, unit); }
  let before = binStart(first, unit);
  while (bins.length < 7) {
    if (bins.length % 2) { bins.push(b); b = binNext(b, unit); }
    else { before = binStart(new Date(before.getTime() - DAY), unit); bins.unshift(before); }
  }
  const index = new Map(bins.map((d, i) => [iso(d), i]));
  const counts = bins.map(() => [0, 0, 0, 0]);
  for (const d of days) {
    const i = index.get(iso(binStart(new Date(d.date + 'T00:00:00Z'), unit)));
    if (i === undefined) continue;
    d.quad.forEach((n, q) => { counts[i][q] += n; });
  }
  const max = Math.max(1, ...counts.map(c => c[0] + c[1] + c[2] + c[3]));
  const slot = (W - L - R) / bins.length;
  const bw = Math.max(2, Math.min(48, slot * 0.8));
  const y = v => H - B - (v / max) * (H - B - T);
  root.appendChild(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#999' }));
  root.appendChild(svg('text', { x: L - 4, y: T + 8, 'text-anchor': 'end' }, String(max)));
  root.appendChild(svg('text', { x: L - 4, y: H - B, 'text-anchor': 'end' }, '0'));
  // Date ticks: about eight, at bin starts.
  const step = Math.max(1, Math.ceil(bins.length / 8));
  const label = d => unit === 'month' ? iso(d).slice(0, 7) : iso(d);
  bins.forEach((d, i) => {
    if (i % step) return;
    const x = L + i * slot + slot / 2;
    root.appendChild(svg('line', { class: 'tick', x1: x, y1: H - B, x2: x, y2: H - B + 4, stroke: '#999' }));
    root.appendChild(svg('text', { class: 'tick-label', x, y: H - B + 16, 'text-anchor': 'middle' }, label(d)));
  });
  bins.forEach((d, i) => {
    const c = counts[i];
    if (!(c[0] + c[1] + c[2] + c[3])) return;
    const to = new Date(binNext(d, unit).getTime() - DAY);
    const a = svg('a', { href: href('events', { ...filters, from: iso(d), to: iso(to) }) });
    let acc = 0;
    c.forEach((n, q) => {
      if (!n) return;
      a.appendChild(svg('rect', { class: 'q' + (q + 1), fill: COLOURS['q' + (q + 1)], x: L + i * slot + (slot - bw) / 2, y: y(acc + n), width: bw, height: y(acc) - y(acc + n) },
        svg('title', {}, (unit === 'day' ? iso(d) : unit + ' of ' + label(d)) + ': ' + n + ' ' + QUADS[q])));
      acc += n;
    });
    root.appendChild(a);
  });
  QUADS.forEach((q, i) => {
    root.appendChild(svg('rect', { class: 'swatch-q q' + (i + 1), fill: COLOURS['q' + (i + 1)], x: L + 10 + i * 170, y: 4, width: 10, height: 10 }));
    root.appendChild(svg('text', { x: L + 24 + i * 170, y: 13 }, q));
  });
  return root;
}

// ---- actor page ---------------------------------------------------------

async function viewActor(id) {
  const p = await api('actors/' + encodeURIComponent(id));
  const known = p.state ? p.state.name : p.organisation ? p.organisation.name : null;
  main.appendChild(el('h1', {}, known || p.names[0] || p.id, ' ', el('span', { class: 'muted' }, p.id)));
  if (p.state) main.appendChild(el('p', { class: 'muted' }, 'State ', p.state.code, p.state.region ? ' · ' + p.state.region : ''));
  if (p.organisation) main.appendChild(el('p', {}, 'Organisation: ', link('alliances', { org: p.organisation.id }, 'its members')));
  if (!p.events) {
    main.appendChild(el('p', { class: 'muted', id: 'no-events' }, 'No events of ', known || p.id, ' in this store yet.'));
    return;
  }
  main.appendChild(el('p', { class: 'tags' }, 'Named: ', p.names.map(n => el('span', {}, n)), ' Codes: ', p.codes.map(c => el('span', {}, c))));
  main.appendChild(el('div', { class: 'stats' },
    el('div', { class: 'stat' }, el('b', {}, String(p.events)), 'events'),
    el('div', { class: 'stat quad1' }, el('b', {}, p.cooperative.toFixed(1)), 'cooperative Goldstein'),
    el('div', { class: 'stat quad4' }, el('b', {}, p.conflictual.toFixed(1)), 'conflictual Goldstein')));
  main.appendChild(el('h2', {}, 'Roles over time: as source and as target, per month'));
  main.appendChild(monthChart(p.months, [['as_source', 'bar-src', 'as source'], ['as_target', 'bar-tgt', 'as target']]));
  main.appendChild(el('h2', {}, 'Cooperative vs conflictual, per month'));
  main.appendChild(monthChart(p.months, [['cooperative', 'bar-coop', 'cooperative'], ['conflictual', 'bar-conf', 'conflictual']]));
  const partners = (rows, title) => el('div', {}, el('h2', {}, title), table(['actor', 'events', 'mean Goldstein'], rows.map(c =>
    el('tr', {}, el('td', {}, link('actor/' + encodeURIComponent(c.actor), {}, c.actor), ' ', el('span', { class: 'muted' }, c.code)),
      el('td', {}, link('events', { actor: c.actor }, String(c.events))),
      el('td', { class: c.mean_goldstein >= 0 ? 'quad1' : 'quad4' }, c.mean_goldstein.toFixed(1))))));
  main.appendChild(el('div', { class: 'cols' }, partners(p.acts_on, 'It acts on'), partners(p.acted_on_by, 'Acted on by')));
  main.appendChild(el('p', {}, link('events', { actor: p.id }, 'All its events'), ' · ', link('network', { actor: p.id }, 'Its network')));
}

// Grouped bars per month for two series.
function monthChart(months, series) {
  const W = 1100, H = 180, L = 40, B = 28, T = 18;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}` });
  const max = Math.max(1e-9, ...months.flatMap(m => series.map(([k]) => m[k])));
  const gw = (W - L - 10) / Math.max(1, months.length);
  const bw = Math.min(30, gw / 2 - 2);
  months.forEach((m, i) => {
    series.forEach(([k, cls, label], j) => {
      const h = (m[k] / max) * (H - B - T);
      root.appendChild(svg('rect', { class: cls, x: L + i * gw + j * (bw + 1) + 2, y: H - B - h, width: bw, height: h },
        svg('title', {}, m.month + ': ' + (+m[k]).toFixed(1) + ' ' + label)));
    });
    if (months.length <= 24 || i % Math.ceil(months.length / 24) === 0) {
      root.appendChild(svg('text', { x: L + i * gw + 2, y: H - 8 }, m.month));
    }
  });
  series.forEach(([, cls, label], j) => {
    root.appendChild(svg('rect', { class: cls, x: L + j * 120, y: 4, width: 10, height: 10 }));
    root.appendChild(svg('text', { x: L + 14 + j * 120, y: 13 }, label));
  });
  root.appendChild(svg('text', { x: L - 4, y: T + 4, 'text-anchor': 'end' }, max.toFixed(max < 10 ? 1 : 0)));
  return root;
}

// ---- network ------------------------------------------------------------

async function viewNetwork(_, params) {
  const filters = {};
  for (const f of FILTERS) if (params[f]) filters[f] = params[f];
  // How many actors: 40 unless asked (nodes=N, up to the API's 200).
  const nodes = Math.min(200, Math.max(1, parseInt(params.nodes, 10) || 40));
  const net = await api('network', { ...filters, nodes });
  main.appendChild(el('h1', {}, 'Who acts on whom'));
  main.appendChild(filterForm('network', params));
  const W = 900, H = 700, cx = W / 2, cy = H / 2, R = 270;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, id: 'network' });
  if (!net.nodes.length) root.appendChild(svg('text', { x: cx, y: cy, 'text-anchor': 'middle' }, 'No events with a target'));
  // A circular layout: stable, readable, no overlap.
  const pos = new Map();
  net.nodes.forEach((n, i) => {
    const t = (2 * Math.PI * i) / net.nodes.length - Math.PI / 2;
    pos.set(n.id, { x: cx + R * Math.cos(t), y: cy + R * Math.sin(t), t });
  });
  const maxE = Math.max(1, ...net.edges.map(e => e.events));
  const maxN = Math.max(1, ...net.nodes.map(n => n.events));
  const radius = n => 4 + 12 * Math.sqrt(n.events / maxN);
  const rOf = new Map(net.nodes.map(n => [n.id, radius(n)]));
  // Arrowheads, one per colour; sized in user units so thick edges keep small heads.
  root.appendChild(svg('defs', {}, ['coop', 'conf'].map(k =>
    svg('marker', { id: 'arrow-' + k, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: COLOURS[k] })))));
  for (const e of net.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    if (!a || !b) continue;
    const kind = e.mean_goldstein >= 0 ? 'coop' : 'conf';
    const title = svg('title', {}, e.source + ' → ' + e.target + ': ' + e.events + ' events, mean Goldstein ' + e.mean_goldstein.toFixed(1));
    const width = 1 + 5 * Math.sqrt(e.events / maxE);
    if (e.source === e.target) {
      // An actor acting on itself: a small loop outside the circle.
      const ox = Math.cos(a.t) * 30, oy = Math.sin(a.t) * 30;
      root.appendChild(svg('path', { d: `M${a.x},${a.y} c${ox - oy / 2},${oy + ox / 2} ${ox + oy / 2},${oy - ox / 2} 0,0`, fill: 'none',
        class: 'edge edge-' + kind, 'stroke-width': width, 'marker-end': `url(#arrow-${kind})` }, title));
      continue;
    }
    // Curved towards the centre, so A→B and B→A do not overlap; the
    // curve ends at the target's rim, where its arrowhead shows.
    const mx = (a.x + b.x) / 2 * 0.8 + cx * 0.2, my = (a.y + b.y) / 2 * 0.8 + cy * 0.2;
    const dx = b.x - mx, dy = b.y - my, len = Math.hypot(dx, dy) || 1;
    const gap = (rOf.get(e.target) || 4) + 2;
    const ex = b.x - (dx / len) * gap, ey = b.y - (dy / len) * gap;
    root.appendChild(svg('path', { d: `M${a.x},${a.y} Q${mx},${my} ${ex},${ey}`, fill: 'none',
      class: 'edge edge-' + kind, 'stroke-width': width, 'marker-end': `url(#arrow-${kind})` }, title));
  }
  const labels = [];
  for (const n of net.nodes) {
    const p = pos.get(n.id);
    // An actor without a country (a spy, a rebel) is named by its code.
    const name = n.id || n.code || '?';
    const g = svg('a', { href: href('actor/' + encodeURIComponent(name)) });
    g.appendChild(svg('circle', { class: 'node', cx: p.x, cy: p.y, r: radius(n) },
      svg('title', {}, name + ' (' + n.code + '): ' + n.events + ' events')));
    const label = svg('text', { class: 'label', 'data-node': name, 'data-events': n.events,
      'text-anchor': Math.cos(p.t) < -0.1 ? 'end' : Math.cos(p.t) > 0.1 ? 'start' : 'middle' }, name);
    g.appendChild(label);
    labels.push({ n, p, label });
    root.appendChild(g);
  }
  main.appendChild(root);
  placeLabels(labels, cx, cy, R, W, H);
  main.appendChild(el('p', { class: 'legend', id: 'network-legend' },
    swatch(COLOURS.coop, 'cooperative on average'), swatch(COLOURS.conf, 'conflictual on average'),
    el('span', { class: 'muted' }, net.nodes.length + ' actors, ' + net.edges.length + ' links. Arrows point from source to target; width: number of events.')));
}

// Places each node's label outside the circle, heaviest node first: at
// the first of a few distances out from its node where it overlaps no label
// already placed and stays inside the drawing; a label that fits nowhere is
// left out (the node's tooltip still names it), so the heaviest nodes are
// always labelled and no two labels collide. Needs the drawing in the page,
// to measure the text.
function placeLabels(labels, cx, cy, R, W, H) {
  const placed = [];
  const hits = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const order = labels.slice().sort((a, b) => b.n.events - a.n.events || (a.n.id < b.n.id ? -1 : 1));
  for (const { p, label } of order) {
    let at = null;
    for (const out of [22, 36, 50, 64]) {
      setAttrs(label, { x: cx + (R + out) * Math.cos(p.t), y: cy + (R + out) * Math.sin(p.t) + 4 });
      const b = label.getBBox();
      const box = { x: b.x - 1, y: b.y, width: b.width + 2, height: b.height };
      const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= W && box.y + box.height <= H;
      if (inside && !placed.some(q => hits(q, box))) { at = box; break; }
    }
    if (at) placed.push(at); else label.remove();
  }
}

// ---- maps ---------------------------------------------------------------

let worldCache = null;
async function world() {
  if (!worldCache) {
    const resp = await fetch('/world.json');
    if (!resp.ok) throw new Error('world map: HTTP ' + resp.status);
    worldCache = await resp.json();
  }
  return worldCache;
}

// The latitude at the top of world.json (build_world.py's TOP): with the
// width spanning 360 degrees, it fixes the equirectangular projection.
const MAP_TOP = 84.0;
function project(w, lon, lat) {
  const k = w.width / 360;
  return [(lon + 180) * k, (MAP_TOP - lat) * k];
}

// The world with each country's class from classOf(code) and a title.
function worldMap(w, id, classOf, titleOf, hrefOf) {
  const root = svg('svg', { viewBox: `0 0 ${w.width} ${w.height}`, id });
  for (const [code, c] of Object.entries(w.countries)) {
    const path = svg('path', { d: c.d, class: 'country ' + (classOf(code) || ''), 'data-code': code },
      svg('title', {}, titleOf(code, c.n)));
    const target = hrefOf ? hrefOf(code) : null;
    root.appendChild(target ? svg('a', { href: target }, path) : path);
  }
  return root;
}

async function viewMap(_, params) {
  const filters = {};
  for (const f of FILTERS) if (params[f]) filters[f] = params[f];
  const [w, counts] = await Promise.all([world(), api('map', filters)]);
  main.appendChild(el('h1', {}, 'Where events happen'));
  main.appendChild(filterForm('map', params));
  const by = new Map(counts.countries.map(c => [c.country, c]));
  const maxCount = Math.max(1, ...counts.countries.map(c => c.events));
  const root = worldMap(w, 'map', code => (code === filters.place ? 'attacked' : by.has(code) ? 'shade' + Math.min(4, Math.ceil(4 * Math.sqrt(by.get(code).events / maxCount))) : ''),
    (code, name) => name + ': ' + (by.has(code) ? by.get(code).events : 0) + ' events',
    code => href('events', { ...filters, place: code }));
  const max = Math.max(1, ...counts.countries.map(c => c.events));
  for (const c of counts.countries) {
    const shape = w.countries[c.country];
    if (!shape) continue;
    const a = svg('a', { href: href('events', { ...filters, place: c.country }) },
      svg('circle', { class: 'dot', cx: shape.c[0], cy: shape.c[1], r: 3 + 15 * Math.sqrt(c.events / max) },
        svg('title', {}, shape.n + ': ' + c.events + ' events (' + c.quad.join(' / ') + ' by quad class)')));
    root.appendChild(a);
  }
  // Places finer than a country (cities, regions, seas), at their
  // coordinates: the projection is build_world.py's equirectangular one.
  const places = counts.places || [];
  const maxPlace = Math.max(1, ...places.map(p => p.events));
  for (const p of places) {
    const [x, y] = project(w, p.lon, p.lat);
    const dot = svg('circle', { class: 'place place-' + p.precision, cx: x, cy: y, r: 2 + 6 * Math.sqrt(p.events / maxPlace), 'data-name': p.name },
      svg('title', {}, p.name + (p.country ? ' (' + p.country + ')' : '') + ': ' + p.events + ' events (' + p.quad.join(' / ') + ' by quad class)'));
    root.appendChild(p.country ? svg('a', { href: href('events', { ...filters, place: p.country }) }, dot) : dot);
  }
  main.appendChild(root);
  main.appendChild(el('p', { class: 'legend', id: 'map-legend' },
    swatch(COLOURS.country, 'country: events that happened there'),
    swatch(COLOURS.place, 'point: a city, region or sea the text names'),
    el('span', { class: 'muted' }, places.length + ' places. An event is placed where its clause or sentence says it happened, else in its target\'s or source\'s country. Country outlines: Natural Earth, public domain; places: GeoNames, CC BY 4.0, and Natural Earth.')));
  main.appendChild(table(['country', 'events', 'by quad class'], counts.countries.slice().sort((a, b) => b.events - a.events).map(c =>
    el('tr', {}, el('td', {}, link('events', { ...filters, place: c.country }, w.countries[c.country] ? w.countries[c.country].n : c.country), ' ', el('span', { class: 'muted' }, c.country)),
      el('td', {}, String(c.events)), el('td', {}, c.quad.join(' / '))))));
}

// ---- alliance explorer --------------------------------------------------

async function viewAlliances(_, params) {
  const org = params.org || 'NATO';
  const on = params.on || new Date().toISOString().slice(0, 10);
  const attacked = params.attacked || '';
  const [w, orgs, members, duty] = await Promise.all([
    world(), api('organisations'), api('members/' + encodeURIComponent(org), { on }),
    attacked ? api('obligations', { attacked, on, where: params.where }) : Promise.resolve(null),
  ]);
  main.appendChild(el('h1', {}, 'Alliances'));
  const form = el('form', { class: 'filters', id: 'alliance-form' },
    el('label', {}, 'organisation or treaty', el('select', { name: 'org' }, orgs.organisations.map(o =>
      el('option', { value: o.id, selected: o.id === org ? 'selected' : null }, o.id + ' — ' + o.name)))),
    el('label', {}, 'on', el('input', { name: 'on', type: 'date', value: on })),
    el('label', {}, 'who must defend (state)', el('input', { name: 'attacked', value: attacked, placeholder: 'BEL or Belgium' })),
    el('label', {}, 'attacked where', el('input', { name: 'where', value: params.where || '', placeholder: 'Hawaii' })),
    el('button', { type: 'submit' }, 'Ask'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(form).entries()) p[k] = v;
    location.hash = href('alliances', p);
  });
  main.appendChild(form);

  const memberCodes = new Set(members.members.map(m => m.code));
  const obligated = new Map();
  if (duty) for (const o of duty.obligated) {
    if (!obligated.has(o.code)) obligated.set(o.code, []);
    obligated.get(o.code).push(o);
  }
  let attackedCode = null;
  if (duty) attackedCode = duty.attacked;

  if (duty) {
    const byTreaty = new Map();
    for (const o of duty.obligated) {
      if (!byTreaty.has(o.treaty)) byTreaty.set(o.treaty, new Map());
      byTreaty.get(o.treaty).set(o.code, o);
    }
    main.appendChild(el('h2', { id: 'duty-title' }, 'Who is bound to defend ', duty.attacked, duty.where ? ' (' + duty.where + ')' : '', ' on ', duty.on));
    main.appendChild(el('p', {}, el('b', { id: 'duty-count' }, String(obligated.size)), ' states under ', String(byTreaty.size), ' treaties'));
    for (const [treaty, states] of byTreaty) {
      const list = [...states.values()].sort((a, b) => a.name.localeCompare(b.name));
      const first = list[0];
      main.appendChild(el('div', { class: 'card treaty', 'data-treaty': treaty },
        el('b', {}, treaty), ' — ', first.article || first.provision, ' ', el('span', { class: 'muted' }, first.conditions || ''),
        el('div', {}, el('span', { class: 'count' }, String(list.length)), ' states: ',
          el('ul', { class: 'members obligated' }, list.map(o => el('li', { 'data-code': o.code }, link('actor/' + o.code, {}, o.name), ' ', el('span', { class: 'muted' }, o.code))))),
        ...(first.condition_checks || []).map(c => el('div', { class: 'condition', 'data-status': c.status }, 'Condition (', c.condition, ', ', c.status, '): ', c.detail)),
        el('div', { class: 'muted' }, 'Basis: ', first.source)));
    }
    for (const x of duty.excluded) {
      main.appendChild(el('p', { class: 'muted' }, 'Excluded: ', x.treaty, ' ', x.article || '', ' — ', x.reason));
    }
  }

  main.appendChild(worldMap(w, 'alliance-map',
    code => (code === attackedCode ? 'attacked' : obligated.has(code) ? 'obligated' : memberCodes.has(code) ? 'member' : ''),
    (code, name) => name + (code === attackedCode ? ': attacked' : obligated.has(code) ? ': bound to defend under ' + obligated.get(code).map(o => o.treaty).join(', ') : memberCodes.has(code) ? ': member of ' + members.organisation : ''),
    code => href('alliances', { org, on, attacked: code })));
  main.appendChild(el('p', { class: 'legend', id: 'alliance-legend' }, swatch(COLOURS.member, 'member of ' + members.organisation),
    duty ? [swatch(COLOURS.obligated, 'bound to defend'), swatch(COLOURS.attacked, 'attacked')] : el('span', { class: 'muted' }, 'Click a country to ask who must defend it.')));

  main.appendChild(el('h2', {}, 'Members of ', members.organisation, ' on ', members.on, ' (', String(members.members.length), ')'));
  main.appendChild(accessionChart(members.members, on));
  const sorted = members.members.slice().sort((a, b) => String(a.since).localeCompare(String(b.since)));
  main.appendChild(el('ul', { class: 'members', id: 'members' }, sorted.map(m =>
    el('li', {}, link('actor/' + m.code, {}, m.name), ' ', el('span', { class: 'muted' }, m.code + ', since ' + m.since)))));
}

// Membership over time: how many of today's members had joined by each year.
function accessionChart(members, on) {
  const W = 1100, H = 160, L = 40, B = 28, T = 10;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, id: 'accessions' });
  const years = members.map(m => parseInt(String(m.since).slice(0, 4), 10)).filter(y => !isNaN(y)).sort((a, b) => a - b);
  if (!years.length) return root;
  const y0 = years[0], y1 = Math.max(parseInt(on.slice(0, 4), 10) || years[years.length - 1], years[years.length - 1]);
  const x = y => L + ((y - y0) / Math.max(1, y1 - y0)) * (W - L - 20);
  const yv = n => H - B - (n / years.length) * (H - B - T);
  let d = `M${x(y0)},${yv(0)}`, n = 0;
  for (const y of years) { n++; d += `H${x(y)}V${yv(n)}`; }
  d += `H${x(y1)}`;
  root.appendChild(svg('path', { d, fill: 'none', stroke: '#1f5fbf', 'stroke-width': 2 }));
  root.appendChild(svg('text', { x: L, y: H - 8 }, String(y0)));
  root.appendChild(svg('text', { x: W - 20, y: H - 8, 'text-anchor': 'end' }, String(y1)));
  root.appendChild(svg('text', { x: L - 4, y: T + 8, 'text-anchor': 'end' }, String(years.length)));
  for (const m of members) {
    const y = parseInt(String(m.since).slice(0, 4), 10);
    if (isNaN(y)) continue;
    root.appendChild(svg('circle', { cx: x(y), cy: H - B, r: 3, fill: '#e0a030' }, svg('title', {}, m.name + ' joined ' + m.since)));
  }
  return root;
}

// ---- deployments and updates --------------------------------------------

async function viewDeployments(_, params) {
  const res = await api('deployments', { by: params.by, to: params.to, on: params.on, limit: 200 });
  main.appendChild(el('h1', {}, 'Deployments'));
  const form = el('form', { class: 'filters' },
    ['by', 'to', 'on'].map(f => el('label', {}, f, el('input', { name: f, value: params[f] || '', type: f === 'on' ? 'date' : 'text' }))),
    el('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(form).entries()) p[k] = v;
    location.hash = href('deployments', p);
  });
  main.appendChild(form);
  if (!res.deployments.length) main.appendChild(el('p', { class: 'muted' }, 'No deployments.'));
  for (const d of res.deployments) main.appendChild(deploymentCard(d));
}

// The token that lets this tab decide updates: kept for the tab only
// (sessionStorage), sent as a bearer token, never put in a URL.
const TOKEN_KEY = 'entente-token';
function token() {
  try { return sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { return ''; }
}
function setToken(t) {
  try { t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* storage off */ }
}

// What the last decision did, shown once above the refreshed list.
let lastDecision = null;

async function decideUpdate(id, action) {
  let body = null;
  let ok = false;
  try {
    const resp = await fetch('/api/updates/' + encodeURIComponent(id) + '/' + action, {
      method: 'POST', headers: { Accept: 'application/json', Authorization: 'Bearer ' + token() },
    });
    ok = resp.ok;
    try { body = await resp.json(); } catch (e) { body = null; }
    if (!ok) body = { error: (body && body.error) || ('HTTP ' + resp.status) };
  } catch (e) {
    body = { error: String(e.message || e) };
  }
  lastDecision = ok
    ? { ok, text: 'Update #' + id + (body.changed === false ? ' was already ' : ' is now ') + ((body.update && body.update.status) || action) + '.' }
    : { ok, text: 'Update #' + id + ' was not ' + ({ accept: 'accepted', reject: 'rejected', reopen: 'reopened' }[action] || action) + ': ' + body.error };
  await render();
}

function tokenForm() {
  const input = el('input', { type: 'password', name: 'token', placeholder: 'token', autocomplete: 'off', value: token() });
  const form = el('form', { id: 'token-form', class: 'pager' },
    el('label', {}, 'Token to decide updates: ', input), el('button', { type: 'submit' }, token() ? 'Change' : 'Use'),
    token() ? el('button', { type: 'button', id: 'forget-token', class: 'secondary' }, 'Forget') : null);
  form.addEventListener('submit', ev => { ev.preventDefault(); setToken(input.value.trim()); render(); });
  const forget = form.querySelector('#forget-token');
  if (forget) forget.addEventListener('click', () => { setToken(''); render(); });
  return form;
}

async function viewUpdates(_, params) {
  const res = await api('updates', { status: params.status });
  main.appendChild(el('h1', {}, 'Proposed knowledge-base updates'));
  main.appendChild(tokenForm());
  if (lastDecision) {
    main.appendChild(el('p', { id: 'decision', class: lastDecision.ok ? 'notice' : 'error' }, lastDecision.text));
    lastDecision = null;
  }
  main.appendChild(el('p', { class: 'pager', id: 'update-filter' }, 'Show: ',
    ['', 'proposed', 'accepted', 'rejected'].map(st => (params.status || '') === st
      ? el('b', {}, st || 'all') : link('updates', { status: st }, st || 'all'))));
  if (!res.updates.length) { main.appendChild(el('p', { class: 'muted' }, 'None.')); return; }
  const list = el('div', { id: 'updates' });
  for (const u of res.updates) list.appendChild(updateCard(u, !!token()));
  main.appendChild(list);
}

// A state code as a link to its page.
function stateLink(code) {
  return code ? link('actor/' + encodeURIComponent(code), {}, code) : el('span', { class: 'muted' }, '?');
}

// What an update says, as a sentence with links: "FIN joins NATO".
function proposal(p) {
  const body = p.organisation || p.treaty;
  const what = body ? (p.organisation ? link('alliances', { org: p.organisation }, p.organisation) : el('b', {}, p.treaty)) : el('span', { class: 'muted' }, 'an unnamed treaty');
  const st = stateLink(p.state);
  switch (p.kind) {
    case 'accession': return [st, ' joins ', what];
    case 'withdrawal': return [st, ' leaves ', what];
    case 'treaty_signed': return [st, ' and ', stateLink(p.other), ' sign ', what, p.provision ? ' (' + p.provision + ')' : ''];
    case 'treaty_suspended': return [st, ' suspends ', what, p.other ? [' towards ', stateLink(p.other)] : ''];
    case 'treaty_terminated': return [st, ' ends ', what, p.other ? [' with ', stateLink(p.other)] : ''];
    case 'recognition': return [st, ' recognises ', stateLink(p.other), p.over ? [' instead of ', stateLink(p.over)] : ''];
    default: return [String(p.kind || 'change'), ': ', st];
  }
}

// Buttons: accept or reject a proposal, reopen a decided one.
function decisionButtons(u) {
  const actions = u.status === 'proposed' ? [['accept', 'Accept'], ['reject', 'Reject']] : [['reopen', 'Reopen']];
  return el('div', { class: 'decide' }, actions.map(([action, label]) => {
    const b = el('button', { type: 'button', class: 'decide-' + action, 'data-update': String(u.id) }, label);
    b.addEventListener('click', () => { b.disabled = true; decideUpdate(u.id, action); });
    return b;
  }));
}

function updateCard(u, canDecide) {
  const p = u.payload && typeof u.payload === 'object' ? u.payload : {};
  const evidence = u.evidence && typeof u.evidence === 'object' ? u.evidence.text : (u.evidence || p.evidence);
  return el('div', { class: 'card update', 'data-status': u.status, id: 'update-' + u.id },
    el('div', { class: 'proposal' }, el('b', {}, proposal({ kind: u.kind, ...p })), p.date ? ' on ' + p.date : ''),
    el('div', { class: 'muted' }, '#' + u.id, ' · ', String(u.kind).replace(/_/g, ' '), ' · ',
      el('span', { class: 'status status-' + u.status }, u.status),
      u.proposed_at ? ' · proposed ' + u.proposed_at : '', u.decided_at ? ' · decided ' + u.decided_at : ''),
    evidence ? el('blockquote', {}, '“', evidence, '” ', u.doc ? link('article/' + u.doc, {}, 'source') : null) : null,
    u.also && u.also.length ? el('div', { class: 'muted' }, 'Also reported in ', u.also.map((a, i) => [i ? ', ' : '', link('article/' + a.doc, {}, 'article ' + (i + 1))])) : null,
    canDecide ? decisionButtons(u) : null);
}

// ---- start --------------------------------------------------------------

window.addEventListener('hashchange', render);
document.getElementById('search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = new FormData(ev.target).get('q');
  location.hash = href('search', { q });
});
render();
