'use strict';
/* The facilitator's dashboard of a class: every table live, then the results as tables finish.
   The facilitator's token comes after the # of the page's link and never leaves for another site. */

const C = {id: null, token: null, view: null, x: null, y: null, plotEnded: -1, timer: null};

function initDashboard() {
  const match = window.location.pathname.match(/^\/class\/([0-9a-f]+)$/);
  C.token = window.location.hash.replace(/^#/, '');
  if (!match || !C.token) {
    fatal('This dashboard link is incomplete: it needs the class’s id and, after the #, the facilitator’s token.');
    return;
  }
  C.id = match[1];
  refresh();
}

function fatal(message) {
  const node = document.getElementById('fatal');
  node.textContent = message;
  node.classList.remove('hidden');
}

async function refresh() {
  clearTimeout(C.timer);
  try {
    const view = await api('GET', '/api/classes/' + C.id, undefined, C.token);
    document.getElementById('conn').classList.remove('off');
    render(view);
  } catch (e) {
    if (e.status === 401 || e.status === 403 || e.status === 404) {
      fatal(e.message);
      return;
    }
    document.getElementById('conn').classList.add('off');
  }
  // Poll while any table runs; once every one has ended the page has all there is.
  if (!C.view || C.view.tables.some(t => t.state === 'running')) C.timer = setTimeout(refresh, 2000);
}

function download(path) {
  return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(C.token);
}

function render(view) {
  const first = !C.view;
  C.view = view;
  document.getElementById('dashboard').classList.remove('hidden');
  document.title = 'Parley — ' + view.name;
  document.getElementById('context').textContent = title(view.scenario.name) + ' · class dashboard';
  document.getElementById('class-name').textContent = view.name;
  document.getElementById('class-facts').textContent = view.students + ' students · ' + view.tables.length + ' tables · '
    + title(view.scenario.name) + ' · ' + view.scenario.agreementRule;
  if (first) {
    renderTools(view);
    renderCodes(view);
    const names = view.scenario.parties.map(p => p.name);
    C.x = names[0];
    C.y = names[1] || names[0];
  }
  renderTables(view);
  renderResults(view);
}

function renderTools(view) {
  const base = '/api/classes/' + C.id;
  const link = (path, text, attrs) => el('a', Object.assign({class: 'button', href: download(path), target: '_blank', rel: 'noopener'}, attrs || {}), text);
  const sheets = view.scenario.parties.map(p => el('span', {class: 'sheet-links', dataset: {party: p.name}},
    el('strong', {}, title(p.name)), ' ',
    el('a', {href: download(base + '/handouts/' + encodeURIComponent(p.name) + '.html'), target: '_blank', rel: 'noopener', class: 'sheet-html'}, 'HTML'), ' · ',
    el('a', {href: download(base + '/handouts/' + encodeURIComponent(p.name) + '.pdf'), class: 'sheet-pdf'}, 'PDF')));
  clear(document.getElementById('tools'),
    el('div', {class: 'row wrap'},
      el('span', {class: 'tool-label'}, 'Join slips'),
      link(base + '/slips.html', 'Print', {id: 'slips-html'}),
      link(base + '/slips.pdf', 'PDF', {id: 'slips-pdf'}),
      link(base + '/codes.csv', 'Join links (CSV)', {id: 'codes-csv'}),
      el('span', {class: 'muted small'}, 'Students go to ', el('strong', {}, view.joinUrl), ' and type their code.')),
    el('div', {class: 'row wrap'}, el('span', {class: 'tool-label'}, 'Role sheets'), sheets),
    el('div', {class: 'row wrap'}, el('span', {class: 'tool-label'}, 'Results'),
      link(base + '/results.csv', 'Results (CSV)', {id: 'results-csv'}),
      el('button', {class: 'danger', id: 'end-all', onclick: () => endTables(null)}, 'Call time: end every running table')));
}

/* Ends one table (its number) or every running one (null) now, without agreement. */
async function endTables(number) {
  const what = number === null ? 'every table still running' : 'table ' + number;
  if (!window.confirm('End ' + what + ' now, without agreement? The students then see the debriefing.')) return;
  try {
    const view = await api('POST', '/api/classes/' + C.id + (number === null ? '' : '/tables/' + number) + '/end', undefined, C.token);
    toast(number === null ? 'Time called' : 'Table ' + number + ' ended');
    render(view);
  } catch (e) {
    toast(e.message, true);
  }
}

function renderCodes(view) {
  const rows = [];
  for (const table of view.tables) {
    for (const seat of table.seats) {
      if (seat.player === 'human') rows.push({student: seat.student, table: table.number, party: seat.party, code: seat.code, url: seat.url});
    }
  }
  rows.sort((a, b) => a.student - b.student);
  clear(document.getElementById('codes'), el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Student'), el('th', {}, 'Table'), el('th', {}, 'Plays'), el('th', {}, 'Code'), el('th', {}, 'Link'))),
    el('tbody', {}, rows.map(r => el('tr', {dataset: {student: r.student}},
      el('td', {}, String(r.student)), el('td', {}, String(r.table)),
      el('td', {}, partyChip(view.scenario.parties, r.party)),
      el('td', {class: 'mono code'}, r.code),
      el('td', {class: 'small'}, el('a', {href: r.url, target: '_blank', rel: 'noopener'}, r.url)))))));
  paint(document.getElementById('codes'));
}

const ACTIONS = {offer: 'offered', accept: 'accepted', reject: 'rejected', 'walk-away': 'walked away', misbehaviour: 'left the table', ratify: 'ratified'};

function clock(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

function renderTables(view) {
  const parties = view.scenario.parties;
  const running = view.tables.filter(t => t.state === 'running').length;
  const endAll = document.getElementById('end-all');
  if (endAll) endAll.classList.toggle('hidden', running === 0);
  document.getElementById('live-summary').textContent = running
    ? running + ' of ' + view.tables.length + ' running' : 'all ' + view.tables.length + ' ended';
  clear(document.getElementById('tables'), view.tables.map(t => {
    const ended = t.state === 'ended';
    const badge = !ended ? el('span', {class: 'tag'}, 'running')
      : t.agreement ? el('span', {class: 'tag good'}, 'agreement') : el('span', {class: 'tag bad'}, 'no agreement');
    const facts = [];
    if (ended) {
      facts.push(el('div', {class: 'fact'}, 'Ended in round ' + t.roundsPlayed + (t.agreement ? ', signed by '
        + t.signers.map(title).join(' and ') : ' (' + t.ending.replace(/-/g, ' ') + ')')));
    } else {
      facts.push(el('div', {class: 'fact'}, 'Round ' + (t.round + 1) + (t.rounds ? ' of ' + t.rounds : '')
        + (t.timeLeftMs !== undefined ? ' · ' + clock(t.timeLeftMs) + ' left' : '')));
      facts.push(el('div', {class: 'fact turn'}, t.waitingFor.length ? 'Waiting for ' + t.waitingFor.map(title).join(', ') : 'Between moves'));
      if (t.accepted.length) facts.push(el('div', {class: 'fact'}, 'Accepted so far: ' + t.accepted.map(title).join(', ')));
    }
    if (t.lastMove) facts.push(el('div', {class: 'fact muted'}, 'Last move: ' + title(t.lastMove.party) + ' '
      + (ACTIONS[t.lastMove.action] || t.lastMove.action) + ' (round ' + (t.lastMove.round + 1) + ')'));
    const seats = el('ul', {class: 'seats'}, t.seats.map(s => el('li', {dataset: {party: s.party}},
      partyChip(parties, s.party),
      s.player === 'human' ? el('span', {class: 'small muted'}, 'student ' + s.student) : el('span', {class: 'tag ai'}, 'AI'),
      ended ? el('span', {class: 'pts'}, fmtPoints(t.points[s.party])) : null,
      ended && t.signers.includes(s.party) ? el('span', {class: 'tag good small'}, 'signed') : null,
      !ended && t.waitingFor.includes(s.party) ? el('span', {class: 'tag warn small'}, 'to move') : null)));
    return el('div', {class: 'table-card' + (ended ? ' ended' : ''), dataset: {table: t.number, state: t.state}},
      el('div', {class: 'row between'}, el('h3', {}, 'Table ' + t.number), badge),
      facts, seats,
      el('div', {class: 'row between'},
        el('a', {class: 'small', href: t.observerPath, target: '_blank', rel: 'noopener'}, 'Watch this table'),
        ended ? null : el('button', {class: 'link end-table', onclick: () => endTables(t.number)}, 'End this table')));
  }));
  paint(document.getElementById('tables'));
}

function renderResults(view) {
  const r = view.results;
  const card = document.getElementById('results-card');
  if (!r.ended) {
    card.classList.add('hidden');
    return;
  }
  card.classList.remove('hidden');
  const parties = view.scenario.parties;
  document.getElementById('results-summary').textContent = r.ended + ' of ' + r.tables + ' tables ended · '
    + r.agreements + ' agreement' + (r.agreements === 1 ? '' : 's')
    + (r.averageDistanceToRuleFrontier !== undefined ? ' · average distance to the rule’s frontier '
      + fmtPoints(r.averageDistanceToRuleFrontier) : '');
  const ended = view.tables.filter(t => t.state === 'ended');
  clear(document.getElementById('results-table'), el('table', {id: 'class-scores'},
    el('thead', {}, el('tr', {}, el('th', {}, 'Table'), parties.map(p => el('th', {class: 'num'}, title(p.name))),
      el('th', {}, 'Signed'), el('th', {class: 'num', title: 'Distance to the frontier of the deals the agreement rule lets stand (points)'}, 'To frontier'))),
    el('tbody', {}, ended.map(t => el('tr', {dataset: {table: t.number}},
      el('td', {}, String(t.number)),
      parties.map(p => {
        const seat = t.seats.find(s => s.party === p.name);
        return el('td', {class: 'num'}, fmtPoints(t.points[p.name]), seat && seat.player === 'ai' ? el('sup', {class: 'muted'}, ' AI') : null);
      }),
      el('td', {}, t.agreement ? t.signers.map(title).join(', ') : 'none'),
      el('td', {class: 'num'}, t.distanceToRuleFrontier !== undefined ? fmtPoints(t.distanceToRuleFrontier) : '–'))))));
  clear(document.getElementById('averages'), el('table', {id: 'averages-table'},
    el('thead', {}, el('tr', {}, el('th', {}, 'Role'), el('th', {class: 'num'}, 'Average'), el('th', {class: 'num'}, 'Students’ average'),
      el('th', {class: 'num'}, 'Walk-away'), el('th', {class: 'num'}, 'Signed'))),
    el('tbody', {}, r.roles.map(role => el('tr', {dataset: {party: role.party}},
      el('td', {}, partyChip(parties, role.party)),
      el('td', {class: 'num'}, fmtPoints(role.average)),
      el('td', {class: 'num'}, role.studentTables ? fmtPoints(role.studentAverage) + ' (' + role.studentTables + ')' : '–'),
      el('td', {class: 'num'}, fmtPoints(role.reservation)),
      el('td', {class: 'num'}, role.signed + ' of ' + role.tables))))));
  paint(document.getElementById('averages'));
  renderAxes(view);
  if (r.ended !== C.plotEnded) loadPlot();
}

function renderAxes(view) {
  const root = document.getElementById('axes');
  if (root.childElementCount) return;
  const select = (axis) => el('select', {id: 'axis-' + axis, onchange: e => { C[axis] = e.target.value; loadPlot(); }},
    view.scenario.parties.map(p => el('option', {value: p.name, selected: C[axis] === p.name}, title(p.name))));
  clear(root, el('label', {}, 'Across ', select('x')), el('label', {}, ' up ', select('y')));
}

async function loadPlot() {
  C.plotEnded = C.view.results.ended;
  try {
    const data = await api('GET', '/api/classes/' + C.id + '/plot?x=' + encodeURIComponent(C.x) + '&y=' + encodeURIComponent(C.y), undefined, C.token);
    clear(document.getElementById('class-plot-wrap'), classPlot(data));
    const item = (cls, colour, text) => el('span', {}, el('i', {class: cls, dataset: {colour}}), text);
    clear(document.getElementById('class-legend'),
      item('', '#c9ced8', 'possible deal'), item('', '#8fb3ea', 'could pass under the rule'),
      item('line', '#1e3a8a', 'frontier under the agreement rule'),
      item('', '#f59e0b', 'a table’s deal'), item('', '#9aa3b5', 'a table without a deal (both walk away)'),
      item('line', '#9aa3b5', 'walk-away values (dashed)'),
      el('span', {class: 'sample-note'}, 'Dots: ' + data.sample + '; the frontier is exact.'
        + (data.note ? ' ' + data.note : '')));
    paint(document.getElementById('class-legend'));
  } catch (e) {
    clear(document.getElementById('class-plot-wrap'), el('div', {class: 'notice bad'}, e.message));
  }
}

/* The outcome space of two roles with the rule's frontier and every ended table's result, labelled by table. */
function classPlot(data) {
  const W = 660, H = 500, L = 60, R = 20, T = 18, B = 54, max = 100;
  const sx = x => L + (W - L - R) * x / max;
  const sy = y => H - B - (H - T - B) * y / max;
  const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', id: 'class-plot',
    'aria-label': 'The class’s deals: ' + data.x + ' and ' + data.y});
  for (let v = 0; v <= max; v += 20) {
    root.append(svg('line', {x1: sx(v), x2: sx(v), y1: sy(0), y2: sy(max), stroke: '#eef0f4'}));
    root.append(svg('line', {x1: sx(0), x2: sx(max), y1: sy(v), y2: sy(v), stroke: '#eef0f4'}));
    root.append(svg('text', {x: sx(v), y: sy(0) + 18, 'text-anchor': 'middle', 'font-size': 11, fill: '#7b8497'}, v));
    root.append(svg('text', {x: sx(0) - 8, y: sy(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#7b8497'}, v));
  }
  root.append(svg('text', {x: (sx(0) + sx(max)) / 2, y: H - 12, 'text-anchor': 'middle', 'font-size': 13, fill: '#4a5468', 'font-weight': 600},
    title(data.x) + '’s score'));
  root.append(svg('text', {x: 16, y: (sy(0) + sy(max)) / 2, 'text-anchor': 'middle', 'font-size': 13, fill: '#4a5468', 'font-weight': 600,
    transform: `rotate(-90 16 ${(sy(0) + sy(max)) / 2})`}, title(data.y) + '’s score'));
  for (const [x, y] of data.outcomes) root.append(svg('circle', {cx: sx(x), cy: sy(y), r: 2.3, fill: '#c9ced8', 'fill-opacity': .75}));
  for (const [x, y] of data.acceptable) root.append(svg('circle', {cx: sx(x), cy: sy(y), r: 2.8, fill: '#8fb3ea'}));
  const res = data.reservations;
  root.append(svg('line', {x1: sx(res.x), x2: sx(res.x), y1: sy(0), y2: sy(max), stroke: '#9aa3b5', 'stroke-dasharray': '5 4'}));
  root.append(svg('line', {x1: sx(0), x2: sx(max), y1: sy(res.y), y2: sy(res.y), stroke: '#9aa3b5', 'stroke-dasharray': '5 4'}));
  if (data.frontier.length) {
    root.append(svg('polyline', {points: data.frontier.map(([x, y]) => sx(x) + ',' + sy(y)).join(' '), fill: 'none',
      stroke: '#1e3a8a', 'stroke-width': 2.2, 'stroke-linejoin': 'round', id: 'class-frontier'}));
  }
  // Deals at the same point are fanned out a little so that every table's label shows.
  const seen = {};
  for (const deal of data.deals) {
    const [x, y] = deal.point;
    const key = x + ',' + y;
    const k = seen[key] = (seen[key] || 0) + 1;
    const dx = (k - 1) * 20;
    const g = svg('g', {class: 'deal', 'data-table': deal.table, 'data-agreement': deal.agreement});
    g.append(svg('circle', {cx: sx(x) + dx, cy: sy(y), r: 9, fill: deal.agreement ? '#f59e0b' : '#9aa3b5', stroke: '#fff', 'stroke-width': 1.5},
      svg('title', {}, 'Table ' + deal.table + (deal.agreement ? ': signed by ' + deal.signers.join(', ') : ': no deal')
        + ' (' + data.x + ' ' + x + ', ' + data.y + ' ' + y + ')')));
    g.append(svg('text', {x: sx(x) + dx, y: sy(y) + 4, 'text-anchor': 'middle', 'font-size': 10.5, 'font-weight': 700, fill: '#fff'}, deal.table));
    root.append(g);
  }
  return root;
}

document.addEventListener('DOMContentLoaded', initDashboard);
window.addEventListener('hashchange', () => window.location.reload());
