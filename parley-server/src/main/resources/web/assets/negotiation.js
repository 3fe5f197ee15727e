'use strict';
/* A negotiation seen through one join link: a party's seat, or the observer's. */

const S = {
  id: null, token: null, view: null, composer: null, touched: false, score: null, scoreSeq: 0,
  receivedAt: 0, connected: false, events: null, busy: false, plotAxes: null, debriefRendered: false
};

function init() {
  const match = window.location.pathname.match(/^\/n\/([0-9a-zA-Z-]+)$/);
  // A world's table: #TOKEN&world=WORLD-ID.WORLD-TOKEN (the reputation panel rides beside the table).
  const [token, world] = window.location.hash.replace(/^#/, '').split('&world=');
  S.token = token;
  if (!match || !S.token) {
    fatal('This page needs a join link of the form /n/ID#TOKEN. Ask the organiser for your link.');
    return;
  }
  S.id = match[1];
  api('GET', '/api/negotiations/' + S.id, undefined, S.token).then(render, e => fatal(e.message));
  connect();
  setInterval(tick, 1000);
  if (world && world.includes('.')) {
    const [id, worldToken] = world.split('.');
    S.world = {id, token: worldToken};
    document.getElementById('play').classList.add('with-world');
    worldPanel();
    setInterval(worldPanel, 2000);
  }
}

/* The world this table belongs to: the reputation panel, and the way back once the table is over. */
async function worldPanel() {
  const panel = document.getElementById('world-panel');
  try {
    const view = await api('GET', '/api/worlds/' + S.world.id, undefined, S.world.token);
    const back = '/w/' + S.world.id + '#' + S.world.token;
    const item = view.schedule[view.position];
    const here = view.table && view.table.id === S.id;
    clear(panel,
      el('section', {class: 'card world-now'},
        el('h2', {}, 'World: ' + title(view.world)),
        el('p', {class: 'muted small'}, here && item
          ? 'Negotiation ' + (view.position + 1) + ' of ' + view.schedule.length + '. After an agreement you decide whether'
            + ' to keep it; every power that sees what you do remembers.'
          : view.state === 'deciding' ? 'This table is over: an agreement you signed waits for your decision.'
          : 'This table is over; the world has moved on.'),
        el('a', {class: 'button' + (here ? '' : ' primary'), id: 'to-world', href: back},
          view.state === 'deciding' ? 'Decide: keep it or break it →' : 'Back to the world →')),
      el('section', {class: 'card', id: 'reputation-card'}, reputationPanel(view)));
    panel.classList.remove('hidden');
  } catch (e) {
    clear(panel, el('p', {class: 'notice bad'}, e.message));
    panel.classList.remove('hidden');
  }
}

function fatal(message) {
  const node = document.getElementById('fatal');
  node.textContent = message;
  node.classList.remove('hidden');
}

function connect() {
  const source = new EventSource('/api/negotiations/' + S.id + '/events?token=' + encodeURIComponent(S.token));
  S.events = source;
  source.addEventListener('view', e => {
    S.connected = true;
    render(JSON.parse(e.data));
  });
  source.onerror = () => {
    S.connected = false;
    renderConnection();
  };
  source.onopen = () => {
    S.connected = true;
    renderConnection();
  };
}

const isParty = () => S.view && S.view.you.role === 'party';
const me = () => S.view.you.party;
const parties = () => S.view.parties;

function render(view) {
  if (S.view && view.version < S.view.version) return;
  const first = !S.view;
  S.view = view;
  S.receivedAt = Date.now();
  if (first) {
    document.title = 'Parley — ' + title(view.scenario.name) + (isParty() ? ' — ' + title(me()) : ' — observer');
    initComposer();
  }
  document.getElementById('context').textContent = title(view.scenario.name) + ' · ' + view.protocol.title;
  clear(document.getElementById('who'), isParty()
    ? ['You negotiate for', partyChip(parties(), me(), title(me()))]
    : [el('span', {class: 'tag'}, 'Observer')]);
  paint(document.getElementById('who'));
  renderStatus();
  renderDebrief();
  renderSide();
  renderCenter();
  document.getElementById('play').classList.remove('hidden');
  if (isParty() && view.state === 'running') requestScore();
}

// --- status bar ------------------------------------------------------------------------------

function statusPill() {
  const v = S.view;
  if (v.state === 'ended') return el('span', {class: 'status-pill ended', id: 'state'}, 'Negotiation over');
  if (isParty() && v.turn) return el('span', {class: 'status-pill turn', id: 'state'}, 'Your turn');
  const waiting = v.waitingFor.map(title).join(', ') || 'the table';
  return el('span', {class: 'status-pill wait', id: 'state'}, 'Waiting for ' + waiting);
}

function renderStatus() {
  const v = S.view;
  const bar = document.getElementById('status');
  const items = [statusPill(), el('span', {class: 'sep'})];
  items.push(stat(v.state === 'ended' ? 'Rounds played' : 'Round', v.state === 'ended' ? String(v.result.rounds) : v.deadline.rounds ? (v.round + 1) + ' of ' + v.deadline.rounds : String(v.round + 1)));
  if (v.roundsLeft !== undefined && v.state === 'running') items.push(stat('Rounds left', String(v.roundsLeft)));
  if (v.timeLeftMs !== undefined && v.state === 'running') items.push(stat('Time left', '', 'time-left'));
  items.push(stat('Rule', v.agreementRule, null, 'rule'));
  items.push(el('span', {class: 'spacer'}));
  items.push(el('span', {class: 'conn', id: 'conn'}));
  clear(bar, items);
  bar.classList.remove('hidden');
  renderConnection();
  tick();
}

function stat(label, value, id, glossary) {
  return el('div', {class: 'stat'}, el('span', {class: 'label'}, glossary ? term(label, glossary) : label), el('span', {class: 'value', id}, value));
}

function renderConnection() {
  const node = document.getElementById('conn');
  if (!node) return;
  const ended = S.view && S.view.state === 'ended';
  node.className = 'conn' + (S.connected || ended ? '' : ' off');
  node.textContent = ended ? 'final' : S.connected ? 'live' : 'reconnecting…';
}

function tick() {
  const node = document.getElementById('time-left');
  if (!node || !S.view || S.view.timeLeftMs === undefined) return;
  const left = S.view.state === 'ended' ? 0 : Math.max(0, S.view.timeLeftMs - (Date.now() - S.receivedAt));
  const s = Math.floor(left / 1000);
  node.textContent = Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

// --- the brief (own preferences) or the parties ----------------------------------------------

function renderSide() {
  const side = document.getElementById('side');
  const cards = [];
  if (isParty()) cards.push(receivedCard());
  if (isParty() && S.view.state === 'running') cards.push(briefCard(S.view.preferences, 'Your brief'));
  cards.push(partiesCard());
  clear(side, cards);
  paint(side);
}

function briefCard(prefs, heading) {
  const issues = S.view.issues;
  const own = heading === 'Your brief';
  const facts = el('div', {class: 'keyfacts'},
    el('div', {class: 'keyfact'}, el('div', {class: 'label'}, term('Walk-away value', 'reservation')), el('div', {class: 'value', id: own ? 'reservation' : null}, fmtPoints(prefs.reservation))),
    el('div', {class: 'keyfact'}, el('div', {class: 'label'}, 'Best possible'), el('div', {class: 'value'}, fmtPoints(prefs.best))));
  const rows = prefs.issues.map((p, i) => {
    const issue = issues[i];
    const lines = p.points
      ? issue.options.map((o, k) => el('div', {class: 'opt-line'},
          el('span', {}, option(o)),
          el('span', {class: 'bar'}, el('span', {dataset: {width: (p.best > 0 ? 100 * p.points[k] / p.best : 0) + '%'}})),
          el('span', {class: 'pts'}, fmtPoints(p.points[k]))))
      : p.curve.map(([x, pts]) => el('div', {class: 'opt-line'}, el('span', {}, String(x)), el('span'), el('span', {class: 'pts'}, fmtPoints(pts))));
    return el('div', {class: 'brief-issue'},
      el('div', {class: 'name'}, title(p.name), el('span', {class: 'w'}, 'up to ' + fmtPoints(p.best) + ' pts')), lines);
  });
  const rules = [];
  for (const c of prefs.constraints) rules.push(el('li', {}, 'A red line: ' + c + '.'));
  if (prefs.discount) {
    rules.push(el('li', {}, (own ? 'Time is against you: each ' : 'Time counts: each ') + prefs.discount.per + ' multiplies '
      + (own ? 'your' : 'the') + ' score by ' + prefs.discount.factor + '.'));
  }
  return el('section', {class: 'card', id: own ? 'brief' : null},
    el('div', {class: 'card-head'}, el('h2', {}, heading), el('span', {class: 'tag'}, own ? 'private' : 'revealed')),
    facts,
    own ? el('p', {class: 'muted small'}, 'Your score is the sum of the points of the options agreed on each issue. No deal scores your walk-away value.') : null,
    rows, rules.length ? el('ul', {class: 'rules'}, rules) : null);
}

// The offers I received, scored for me, in the order they came: is the table moving my way?
function receivedCard() {
  const received = S.view.moves.filter(m => m.action === 'offer' && m.party !== me() && m.score);
  const prefs = S.view.preferences;
  const head = el('div', {class: 'card-head'}, el('h2', {}, 'Offers you received'), el('span', {class: 'tag'}, 'your points'));
  if (received.length === 0) {
    return el('section', {class: 'card', id: 'received'}, head, el('p', {class: 'empty'}, 'None yet: each offer made to you will appear here, scored for you.'));
  }
  const W = 300, H = 150, L = 30, R = 8, T = 10, B = 22;
  const top = Math.max(100, prefs.best);
  const n = received.length;
  const sx = i => L + (n === 1 ? (W - L - R) / 2 : i * (W - L - R) / (n - 1));
  const sy = p => T + (H - T - B) * (1 - Math.max(0, Math.min(top, p)) / top);
  const ticks = [0, 25, 50, 75, 100].filter(t => t <= top).map(t => svg('g', {class: 'tick'},
    svg('line', {x1: L, x2: W - R, y1: sy(t), y2: sy(t), stroke: '#eef0f4'}),
    svg('text', {x: L - 4, y: sy(t) + 3, 'text-anchor': 'end', 'font-size': 9, fill: '#7b8497'}, String(t))));
  const reservation = svg('g', {id: 'received-reservation'},
    svg('line', {x1: L, x2: W - R, y1: sy(prefs.reservation), y2: sy(prefs.reservation), stroke: '#c0392b', 'stroke-dasharray': '4 3'}),
    svg('text', {x: W - R, y: sy(prefs.reservation) - 3, 'text-anchor': 'end', 'font-size': 9, fill: '#c0392b'}, 'walk-away ' + fmtPoints(prefs.reservation)));
  const byParty = {};
  received.forEach((m, i) => { (byParty[m.party] = byParty[m.party] || []).push([i, m]); });
  const lines = Object.entries(byParty).map(([party, list]) => svg('g', {class: 'received-party', 'data-party': party},
    list.length > 1 ? svg('polyline', {points: list.map(([i, m]) => sx(i) + ',' + sy(m.score.points)).join(' '), fill: 'none',
      stroke: partyColour(parties(), party), 'stroke-width': 1.5, opacity: 0.7}) : null,
    list.map(([i, m]) => svg('circle', {cx: sx(i), cy: sy(m.score.points), r: 3.5, fill: partyColour(parties(), party)},
      svg('title', {}, title(party) + ', round ' + (m.round + 1) + ': ' + fmtPoints(m.score.points) + ' pts for you')))));
  const chart = svg('svg', {viewBox: '0 0 ' + W + ' ' + H, class: 'received-chart', id: 'received-chart', role: 'img',
      'aria-label': 'The offers you received, scored for you'},
    ticks, reservation, lines,
    svg('text', {x: L, y: H - 6, 'font-size': 9, fill: '#7b8497'}, 'first'),
    svg('text', {x: W - R, y: H - 6, 'text-anchor': 'end', 'font-size': 9, fill: '#7b8497'}, 'latest'));
  const last = received[received.length - 1];
  return el('section', {class: 'card', id: 'received'}, head, chart,
    el('div', {class: 'row wrap small'}, Object.keys(byParty).map(p => partyChip(parties(), p))),
    el('p', {class: 'muted small'}, 'The latest, by ' + title(last.party) + ', gives you ' + fmtPoints(last.score.points) + ' points ('
      + (last.score.margin >= 0 ? fmtPoints(last.score.margin) + ' above' : fmtPoints(-last.score.margin) + ' below') + ' your walk-away value).'));
}

// The advisor (turned on by whoever set the negotiation up): trades that look better for me and no worse for the others.
function adviceCard() {
  const a = S.view.advice;
  const from = a.learntFrom.map(title).join(' and ');
  const turn = S.view.turn;
  const base = turn && turn.score && turn.kind === 'respond' ? turn.score.points : null;
  return el('section', {class: 'card advice', id: 'advice'},
    el('div', {class: 'card-head'}, el('h2', {}, 'Advisor'), el('span', {class: 'tag'}, 'turned on for this negotiation')),
    el('p', {class: 'small muted'}, 'Counter-offers better for you than ' + title(a.referenceBy) + '’s offer that, judging only by the '
      + a.offersSeen + (a.offersSeen === 1 ? ' offer ' : ' offers ') + from + ' made, should cost them nothing. The advisor does not know their points: it guesses from what they offered.'),
    a.suggestions.length === 0
      ? el('p', {class: 'empty', id: 'no-advice'}, 'Nothing yet: no change looks better for you without costing ' + from + ' something, judging by the offers so far.')
      : a.suggestions.map((s, k) => el('div', {class: 'suggestion', dataset: {k: String(k)}},
        el('div', {class: 'changes'}, s.changes.map(c => el('div', {class: 'change'},
          title(c.issue) + ': ' + option(c.from) + ' → ', el('strong', {}, option(c.to))))),
        el('div', {class: 'num'}, el('strong', {}, fmtPoints(s.score.points) + ' pts'),
          el('div', {class: 'hint'}, base !== null ? '+' + fmtPoints(s.score.points - base) + ' on the table’s offer' : marginText(s.score))),
        el('button', {class: 'link use-suggestion', onclick: () => { Object.assign(S.composer, s.offer); S.touched = true; renderCenter(); requestScore(); }},
          'Put in my offer'))));
}

function marginText(score) {
  return (score.margin >= 0 ? '+' : '−') + fmtPoints(Math.abs(score.margin)) + ' over your walk-away value';
}

function partiesCard() {
  const v = S.view;
  return el('section', {class: 'card'},
    el('h2', {}, 'At the table'),
    el('table', {}, el('tbody', {}, parties().map(p => el('tr', {},
      el('td', {}, partyChip(parties(), p.name), p.name === (isParty() ? me() : null) ? el('span', {class: 'hint'}, ' (you)') : null,
        el('div', {class: 'hint'}, p.role)),
      el('td', {class: 'num'},
        p.left ? el('span', {class: 'tag bad'}, 'left') : v.waitingFor.includes(p.name) ? el('span', {class: 'tag warn'}, 'to move') : null,
        ' ', el('span', {class: 'tag ' + p.player}, p.player === 'ai' ? 'AI' : 'person')))))),
    el('p', {class: 'muted small'}, 'Deal rule: ' + v.agreementRule + '.'));
}

// --- the centre: what is on the table, the composer, the history -----------------------------

function renderCenter() {
  const center = document.getElementById('center');
  // A view arriving while someone types a message must not take the cursor away.
  const typing = document.activeElement && document.activeElement.id === 'say' ? document.activeElement.selectionStart : null;
  const cards = [];
  if (S.view.state === 'running') cards.push(tableCard());
  if (isParty() && S.view.state === 'running' && S.view.advice) cards.push(adviceCard());
  if (isParty() && S.view.state === 'running') cards.push(composerCard());
  cards.push(historyCard());
  clear(center, cards);
  paint(center);
  if (typing !== null && document.getElementById('say')) {
    const box = document.getElementById('say');
    box.focus();
    box.setSelectionRange(typing, typing);
  }
  if (isParty() && S.view.state === 'running') renderScore();
}

function lastOffer() {
  const moves = S.view.moves;
  for (let i = moves.length - 1; i >= 0; i--) {
    if (moves[i].action === 'offer' && !moves[i].sealed) return moves[i];
  }
  return null;
}

function offerGrid(offer, score) {
  const issues = S.view.issues;
  return el('div', {class: 'offer-grid'}, issues.map((issue, i) => el('div', {class: 'offer-item'},
    el('span', {class: 'k'}, title(issue.name)),
    el('span', {class: 'v'}, option(offer[issue.name]),
      score && score.issues ? el('small', {}, '  +' + fmtPoints(score.issues[i].points)) : null))));
}

function scoreTags(score) {
  const tags = [el('span', {class: 'tag ' + (score.acceptable ? 'good' : 'bad')},
    score.acceptable ? 'acceptable to you' : 'not acceptable to you')];
  tags.push(marginTag(score));
  if (!score.aboveReservation) tags.push(el('span', {class: 'tag bad'}, 'below your walk-away value'));
  for (const c of score.brokenConstraints) tags.push(el('span', {class: 'tag bad'}, 'breaks: ' + c));
  return tags;
}

// The margin over my walk-away value: what this deal gives me beyond what I get by leaving.
function marginTag(score) {
  const m = score.margin;
  return el('span', {class: 'tag margin ' + (m >= 0 ? 'good' : 'bad'), title: 'Points above (or below) your walk-away value'},
    marginText(score));
}

// What the party said with its latest offer, if anything: the others see the line, never the reason behind it.
function lastSaid(party) {
  const moves = S.view.moves;
  for (let i = moves.length - 1; i >= 0; i--) {
    if (moves[i].party === party && moves[i].action === 'offer') return moves[i].message || null;
  }
  return null;
}

// A line to say with the next move (offer, accept, reject or walk away); kept across redraws until sent.
function sayInput() {
  return el('div', {class: 'say-row'},
    el('label', {for: 'say', class: 'small muted'}, 'Say something with your move (optional, one line, shown to everyone)'),
    el('input', {type: 'text', id: 'say', class: 'say', maxlength: 500, placeholder: 'e.g. We can move on pricing if the guarantee stays.',
      value: S.say || '', oninput: e => { S.say = e.target.value; }}));
}

function said(text) {
  return el('p', {class: 'said'}, '“' + text + '”');
}

function tableCard() {
  const v = S.view;
  const turn = isParty() ? v.turn : null;
  const body = [];
  let idle = false;
  if (v.protocolLine) body.push(el('p', {class: 'protocol-line small', id: 'protocol-line'}, v.protocolLine));
  if (turn && (turn.kind === 'respond' || turn.kind === 'vote' || turn.kind === 'ratify')) {
    const who = turn.proposer === 'mediator' ? 'The mediator' : title(turn.proposer);
    const heading = turn.kind === 'respond' ? who + '’s offer is on the table'
      : turn.kind === 'vote' ? (turn.proposer === 'mediator' ? 'The mediator proposes an amendment' : 'Vote on ' + who + '’s proposal')
      : 'The mediator’s final text: sign it?';
    body.push(el('div', {class: 'row between wrap'}, el('h2', {}, heading),
      el('div', {class: 'row'}, el('span', {class: 'score-big'}, el('span', {id: 'offer-score'}, fmtPoints(turn.score.points)), el('small', {}, ' pts for you')))));
    const words = turn.proposer && turn.proposer !== 'mediator' ? lastSaid(turn.proposer) : null;
    if (words) body.push(said(words));
    body.push(offerGrid(turn.offer, turn.score));
    body.push(el('div', {class: 'row wrap tags-row'}, scoreTags(turn.score)));
    if (turn.reference) {
      body.push(el('p', {class: 'muted small'}, 'The current text gives you ' + fmtPoints(turn.referenceScore.points) + ' points.'));
    }
    const breaks = turn.score.brokenConstraints.length > 0;
    const buttons = [el('button', {class: 'good', id: 'accept', disabled: breaks,
        title: breaks ? 'You cannot sign a deal that breaks your own rule' : null,
        onclick: () => move({type: 'accept', offer: turn.offer})},
      turn.kind === 'ratify' ? 'Sign' : 'Accept')];
    if (turn.kind !== 'respond') {
      buttons.push(el('button', {id: 'reject', onclick: () => move({type: 'reject', offer: turn.offer})}, turn.kind === 'ratify' ? 'Refuse' : 'Reject'));
    } else {
      buttons.push(el('span', {class: 'muted small'}, 'or make a counter-offer below'));
    }
    buttons.push(el('span', {class: 'spacer'}));
    buttons.push(walkAwayButton());
    // What "Accept" does under the agreement rule: closing the deal at once, and for whom, is said before the click.
    if (turn.acceptEffect) {
      body.push(el('div', {class: 'notice accept-effect ' + (turn.acceptEffect.closes ? 'warn' : ''), id: 'accept-effect'},
        el('strong', {}, turn.acceptEffect.closes ? 'Before you accept: ' : 'What Accept does: '), turn.acceptEffect.text));
    }
    body.push(sayInput());
    body.push(el('div', {class: 'actions'}, buttons));
  } else if (turn && turn.kind === 'propose') {
    body.push(el('h2', {}, 'Your move: make an offer'));
    body.push(el('p', {class: 'muted'}, 'Compose a deal below and send it to the table, or walk away and take your walk-away value.'));
    body.push(sayInput());
    body.push(el('div', {class: 'actions'}, walkAwayButton()));
  } else {
    idle = true;
    const offer = lastOffer();
    const waiting = v.waitingFor.map(title).join(', ');
    body.push(el('h2', {}, offer ? 'Latest offer, by ' + (offer.party === 'mediator' ? 'the mediator' : title(offer.party)) : 'No offer on the table yet'));
    if (offer) {
      if (offer.message) body.push(said(offer.message));
      body.push(offerGrid(offer.offer, offer.score));
      if (offer.score) body.push(el('div', {class: 'row wrap tags-row'}, el('strong', {}, fmtPoints(offer.score.points) + ' pts for you'), scoreTags(offer.score)));
    }
    // No walk-away out of turn: the table takes it only from a party it waits for.
    body.push(el('p', {class: 'muted'}, waiting ? 'Waiting for ' + waiting + ' to move…' : 'Waiting…'));
  }
  return el('section', {class: 'card on-table' + (idle ? ' idle' : ''), id: 'on-table'}, body);
}

function walkAwayButton() {
  return el('button', {class: 'danger', id: 'walk-away', onclick: () => {
    if (window.confirm('Walk away from the table? You will get your walk-away value, ' + fmtPoints(S.view.preferences.reservation) + ' points.')) {
      move({type: 'walk-away'});
    }
  }}, 'Walk away');
}

function initComposer() {
  if (!isParty()) return;
  const prefs = S.view.preferences;
  S.composer = {};
  S.view.issues.forEach((issue, i) => {
    const p = prefs.issues[i];
    if (issue.type === 'discrete') {
      let best = 0;
      p.points.forEach((x, k) => { if (x > p.points[best]) best = k; });
      S.composer[issue.name] = issue.options[best];
    } else {
      let best = p.curve[0];
      for (const point of p.curve) if (point[1] > best[1]) best = point;
      S.composer[issue.name] = best[0];
    }
  });
}

function composerCard() {
  const v = S.view;
  const prefs = v.preferences;
  const canOffer = v.turn && (v.turn.kind === 'propose' || v.turn.kind === 'respond');
  const rows = v.issues.map((issue, i) => {
    const p = prefs.issues[i];
    let control;
    if (issue.type === 'discrete') {
      control = el('div', {class: 'choices'}, issue.options.map((o, k) => el('button', {
          class: 'choice' + (S.composer[issue.name] === o ? ' on' : ''), dataset: {issue: issue.name, option: o},
          onclick: () => { S.composer[issue.name] = o; S.touched = true; renderCenter(); requestScore(); }},
        option(o), el('span', {class: 'p'}, '+' + fmtPoints(p.points[k])))));
    } else {
      control = el('input', {type: 'number', min: issue.min, max: issue.max, step: issue.type === 'integer' ? 1 : 'any',
        value: S.composer[issue.name], dataset: {issue: issue.name},
        onchange: e => { S.composer[issue.name] = Number(e.target.value); S.touched = true; requestScore(); }});
    }
    return el('div', {class: 'composer-issue'}, el('span', {class: 'iname'}, title(issue.name)), control);
  });
  const offer = v.turn && v.turn.offer ? v.turn.offer : (lastOffer() || {}).offer;
  return el('section', {class: 'card', id: 'composer'},
    el('div', {class: 'card-head'}, el('h2', {}, canOffer ? 'Compose your offer' : 'Explore a deal'),
      offer ? el('button', {class: 'link', id: 'copy-offer', onclick: () => { Object.assign(S.composer, offer); S.touched = true; renderCenter(); requestScore(); }},
        'Start from the offer on the table') : null),
    el('div', {}, rows),
    el('div', {class: 'score-box', id: 'score-box'}),
    el('div', {class: 'actions', id: 'send-row'},
      el('button', {class: 'primary big', id: 'send-offer', disabled: !canOffer || S.busy, onclick: () => move({type: 'offer', offer: {...S.composer}})},
        v.turn && v.turn.kind === 'respond' ? 'Send counter-offer' : 'Send offer'),
      canOffer ? null : el('span', {class: 'muted small'}, 'You can send an offer when it is your turn.')));
}

let scoreTimer = null;
function requestScore() {
  clearTimeout(scoreTimer);
  scoreTimer = setTimeout(async () => {
    const seq = ++S.scoreSeq;
    try {
      const score = await api('POST', '/api/negotiations/' + S.id + '/score', {offer: S.composer}, S.token);
      if (seq !== S.scoreSeq) return;
      S.score = score;
      renderScore();
    } catch (e) {
      S.score = null;
      toast(e.message, true);
    }
  }, 60);
}

function renderScore() {
  const box = document.getElementById('score-box');
  if (!box) return;
  const s = S.score;
  const prefs = S.view.preferences;
  if (!s) {
    clear(box, el('span', {class: 'muted'}, 'Scoring…'));
    return;
  }
  const scale = Math.max(100, prefs.best);
  const notes = [el('strong', {}, s.acceptable ? 'You could live with this deal.' : 'You should not accept this deal.')];
  if (s.aboveReservation) notes.push(el('span', {class: 'small muted'}, fmtPoints(s.points - prefs.reservation) + ' points above your walk-away value.'));
  else notes.push(el('span', {class: 'small', text: 'Below your walk-away value of ' + fmtPoints(prefs.reservation) + '.'}));
  for (const c of s.brokenConstraints) notes.push(el('span', {class: 'tag bad'}, 'breaks: ' + c));
  if (s.discountedPoints !== undefined) notes.push(el('span', {class: 'small muted'}, 'Worth ' + fmtPoints(s.discountedPoints) + ' if agreed this round (discount).'));
  clear(box,
    el('div', {}, el('div', {class: 'score-big'}, el('span', {id: 'composer-score'}, fmtPoints(s.points)), el('small', {}, ' / ' + fmtPoints(prefs.best) + ' pts')),
      el('div', {class: 'hint'}, 'this offer gives you')),
    el('div', {class: 'meter'},
      el('div', {class: 'fill' + (s.acceptable ? '' : ' below'), dataset: {width: (100 * s.points / scale) + '%'}}),
      el('div', {class: 'res', dataset: {left: (100 * prefs.reservation / scale) + '%'}}),
      el('div', {class: 'res-label', dataset: {left: (100 * prefs.reservation / scale) + '%'}}, 'walk-away ' + fmtPoints(prefs.reservation))),
    el('div', {class: 'score-notes'}, notes));
  paint(box);
}

async function move(body) {
  if (S.busy) return;
  S.busy = true;
  document.querySelectorAll('#on-table button, #send-offer').forEach(b => { b.disabled = true; });
  try {
    if (S.say && S.say.trim()) body = {...body, message: S.say.trim()};
    const view = await api('POST', '/api/negotiations/' + S.id + '/moves', body, S.token);
    S.say = '';
    render(view);
    toast(body.type === 'offer' ? 'Offer sent' : body.type === 'walk-away' ? 'You walked away' : body.type === 'accept' ? 'Accepted' : 'Rejected');
  } catch (e) {
    toast(e.message, true);
    api('GET', '/api/negotiations/' + S.id, undefined, S.token).then(render, () => {});
  } finally {
    S.busy = false;
    if (S.view) renderCenter();
  }
}

const VERBS = {
  offer: 'offers', accept: 'accepts', reject: 'rejects', 'walk-away': 'walks away', misbehaviour: 'leaves the table (its AI failed)',
  ratify: 'puts the text to a final vote'
};

const REASONS = {
  timeout: 'leaves the table (its AI took too long to move)',
  exception: 'leaves the table (its AI failed)',
  'invalid-move': 'leaves the table (its AI made an invalid move)'
};

const YOUR_VERBS = {offer: 'offer', accept: 'accept', reject: 'reject', 'walk-away': 'walk away'};

function offerText(offer) {
  return S.view.issues.map(i => option(offer[i.name])).join(' · ');
}

function historyCard() {
  const moves = [...S.view.moves].reverse();
  return el('section', {class: 'card', id: 'history'},
    el('div', {class: 'card-head'}, el('h2', {}, 'What has happened'), el('span', {class: 'muted small'}, S.view.moves.length + (S.view.moves.length === 1 ? ' move' : ' moves'))),
    moves.length === 0 ? el('p', {class: 'empty'}, 'Nothing yet.') : el('div', {class: 'timeline'}, moves.map(m => {
      const actor = m.party === 'mediator' ? el('strong', {}, 'Mediator') : partyChip(parties(), m.party, m.party === (isParty() ? me() : null) ? 'You' : title(m.party));
      const mine = m.party === (isParty() ? me() : null);
      const verb = m.party === 'mediator' && m.action === 'offer' ? 'proposes a text'
        : m.action === 'misbehaviour' ? (REASONS[m.reason] || VERBS.misbehaviour)
        : mine ? (YOUR_VERBS[m.action] || m.action) : (VERBS[m.action] || m.action);
      return el('div', {class: 'move'},
        el('span', {class: 'round'}, 'Round ' + (m.round + 1)),
        el('div', {}, el('div', {class: 'what'}, actor, ' ', verb, m.sealed ? el('span', {class: 'tag'}, 'sealed until all are in') : null),
          m.offer ? el('div', {class: 'detail'}, offerText(m.offer)) : null,
          m.message ? el('div', {class: 'said'}, '“' + m.message + '”') : null),
        el('span', {class: 'mine'}, m.score ? fmtPoints(m.score.points) + ' pts' : '',
          m.score ? el('div', {class: 'hint ' + (m.score.margin >= 0 ? 'up' : 'down')}, (m.score.margin >= 0 ? '+' : '−') + fmtPoints(Math.abs(m.score.margin)) + ' vs walk-away') : null));
    })));
}

// --- the debriefing ----------------------------------------------------------------------------

function renderDebrief() {
  const v = S.view;
  const root = document.getElementById('debrief');
  if (v.state !== 'ended') {
    root.classList.add('hidden');
    return;
  }
  if (S.debriefRendered) return;
  S.debriefRendered = true;
  const r = v.result;
  const d = v.debrief;
  const reason = r.agreement
    ? 'Signed by ' + r.signers.map(title).join(' and ') + ' in round ' + r.rounds + '.'
    : r.reason.charAt(0).toUpperCase() + r.reason.slice(1) + '.';
  const banner = el('div', {class: 'outcome-banner ' + (r.agreement ? 'deal' : 'nodeal'), id: 'outcome'},
    el('span', {class: 'icon'}, r.agreement ? '✓' : '✕'),
    el('div', {}, el('h2', {}, r.agreement ? 'Agreement reached' : 'No agreement'), el('p', {class: 'muted'}, reason)));
  if (v.debriefWithheld) {
    // A negotiation of a world in play: the others' briefs wait for the world's end (a later table may reuse them).
    clear(root, el('section', {class: 'card'}, banner,
      r.agreement ? el('div', {}, el('h3', {}, 'The deal'), offerGrid(r.outcome, null)) : null,
      el('p', {class: 'notice', id: 'debrief-withheld'}, v.debriefWithheld)));
    root.classList.remove('hidden');
    root.classList.add('stack');
    paint(root);
    return;
  }
  const you = isParty() ? me() : null;
  const scores = el('table', {id: 'scores'},
    el('thead', {}, el('tr', {}, el('th', {}, 'Party'), el('th', {}, 'Played by'), el('th', {}, 'Signed'),
      el('th', {class: 'num'}, 'Score'), el('th', {class: 'num'}, term('Walk-away', 'reservation')))),
    el('tbody', {}, d.parties.map(p => el('tr', {class: p.name === you ? 'you-row' : null},
      el('td', {}, partyChip(parties(), p.name), p.name === you ? el('span', {class: 'hint'}, ' (you)') : null),
      el('td', {class: 'small'}, p.player === 'ai' ? 'AI: ' + p.strategy : 'person'),
      el('td', {}, p.signed ? el('span', {class: 'tag good'}, 'signed') : el('span', {class: 'muted small'}, '—')),
      el('td', {class: 'num'}, el('strong', {}, fmtPoints(p.points)),
        p.discountedPoints !== p.points ? el('div', {class: 'hint'}, fmtPoints(p.discountedPoints) + ' after discount') : null),
      el('td', {class: 'num muted'}, fmtPoints(p.preferences.reservation))))));
  const a = d.analysis;
  const judged = d.deal;
  const coalition = a.coalition || [];
  const joined = list => list.map(title).join(' + ');
  const facts = [];
  if (a.outcomes) {
    facts.push(keyfact('Possible deals', Number(a.outcomes).toLocaleString('en')));
    if (!a.unanimous && a.passing !== undefined) facts.push(keyfact('Passing under the rule', Number(a.passing).toLocaleString('en'), 'passing'));
    if (a.acceptable !== undefined) facts.push(keyfact('Acceptable to all', Number(a.acceptable).toLocaleString('en'), 'acceptable'));
    if (a.distanceToPareto !== undefined) facts.push(keyfact('Distance to Pareto', fmtPoints(a.distanceToPareto) + ' pts', 'pareto'));
    // One distance per solution concept the server lists, named as it names them.
    for (const c of a.concepts || []) {
      const distance = a['distanceTo' + c.key[0].toUpperCase() + c.key.slice(1)];
      if (distance !== undefined) facts.push(keyfact('Distance to ' + c.name, fmtPoints(distance) + ' pts', c.key));
    }
    if (!a.unanimous && a.distanceToRuleFrontier !== undefined) {
      facts.push(keyfact('Distance to the rule’s frontier', fmtPoints(a.distanceToRuleFrontier) + ' pts', 'ruleFrontier'));
    }
  }
  // What the figures are measured against: the coalition that signed (not every party, under a quorum rule).
  const outside = parties().map(p => p.name).filter(n => !coalition.includes(n));
  const measured = !a.outcomes ? null : el('p', {class: 'small', id: 'measured'}, coalition.length === 0
    ? 'No coalition that may sign under the rule (' + a.rule + ') accepts any deal: there is nothing to measure against.'
    : (r.agreement ? 'Measured against the coalition that signed it, ' : 'No deal. Measured against the coalition that came nearest to one, ')
      + joined(coalition) + (outside.length ? ' (' + joined(outside) + ' outside, at ' + (outside.length === 1 ? 'its' : 'their')
      + ' walk-away value)' : '') + ', under the rule: ' + a.rule + '.');
  const located = (a.concepts || []).filter(c => a[c.key]);
  const points = located.length ? el('div', {class: 'small', id: 'bargaining-points'},
    el('h3', {}, coalition.length === parties().length ? 'The bargaining points' : 'The bargaining points of ' + joined(coalition)),
    located.map(c => el('div', {dataset: {concept: c.key}},
      el('p', {}, el('strong', {}, c.name), ' · ', Object.entries(a[c.key].points).map(([k, x]) => title(k) + ' ' + fmtPoints(x)).join(' · ')),
      el('p', {class: 'small muted'}, offerText(a[c.key].outcome)))))
    : el('p', {class: 'muted small'}, a.note || 'No deal was acceptable to the coalition measured against.');
  const better = judged && judged.betterCoalitions.length ? el('div', {class: 'small', id: 'better-coalitions'},
    el('h3', {}, r.agreement ? 'Who could all have done better' : 'Who could all have done better than walking away'),
    judged.betterCoalitions.map(b => el('div', {dataset: {members: b.members.join('+')}},
      el('p', {}, el('strong', {}, joined(b.members)), ' · ',
        b.members.map(m => title(m) + ' ' + fmtPoints(100 * b.utilities[m]) + ' instead of ' + fmtPoints(100 * b.baseline[m])).join(' · ')),
      el('p', {class: 'small muted'}, offerText(b.outcome)))))
    : (r.agreement && judged && !judged.note ? el('p', {class: 'small muted', id: 'better-coalitions'},
      'No other coalition that may sign could have done better for all of its members.') : null);
  const why = judged && judged.whyNoDeal ? el('div', {class: 'small', id: 'why-no-deal'}, el('h3', {}, 'Why no deal'),
    judged.whyNoDeal.every(c => c.feasible)
      ? el('p', {}, 'Nothing blocked a deal: ' + judged.whyNoDeal.map(c => joined(c.members)).join(', or ')
        + ' had deals all of them accept.')
      : judged.whyNoDeal.map(c => el('div', {dataset: {members: c.members.join('+')}},
        el('p', {}, el('strong', {}, joined(c.members)), c.feasible ? ' could agree: nothing blocks them.'
          : ' could agree only without one of these (a walk-away value lowered to 0, or a non-negotiable dropped):'),
        c.blockerSets.length ? el('ul', {}, c.blockerSets.map(set => el('li', {},
          set.map(b => title(b.party) + ': ' + (b.kind === 'reservation' ? 'walk-away value ' + fmtPoints(100 * b.reservation) : b.text)).join('; '))))
          : null)))
    : null;
  const gaps = judged && judged.lastOffers && judged.lastOffers.offers.length ? el('div', {class: 'small', id: 'last-offers'},
    el('h3', {}, 'How far apart the last offers were'),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Party'), el('th', {class: 'num'}, 'Own last offer'),
      el('th', {}, 'Best offer of the others'), el('th', {class: 'num'}, 'Walk-away'))),
      el('tbody', {}, judged.lastOffers.parties.map(g => el('tr', {dataset: {party: g.party}},
        el('td', {}, partyChip(parties(), g.party)),
        el('td', {class: 'num'}, g.own === null ? '—' : fmtPoints(100 * g.own)),
        el('td', {}, g.closest === null ? '—' : title(g.closest) + '’s: ' + fmtPoints(100 * g.best)
          + (g.acceptsBest ? ' (acceptable)' : '')),
        el('td', {class: 'num muted'}, fmtPoints(100 * g.reservation)))))),
    judged.lastOffers.offers.map(o => el('p', {class: 'muted'}, title(o.offerer) + '’s last offer: accepted by '
      + (o.acceptedBy.length ? joined(o.acceptedBy) : 'no one') + (o.passes ? ', who could have signed it alone.' : ', not enough to pass under the rule.'))))
    : null;
  const deal = r.agreement ? el('div', {}, el('h3', {}, 'The deal'), offerGrid(r.outcome, null)) : null;
  // The conversation, to talk over: each message with the move it came with.
  const talk = d.messages && d.messages.length ? el('div', {class: 'small', id: 'conversation'},
    el('h3', {class: 'section-title'}, 'What was said'),
    d.messages.map(m => el('div', {class: 'move', dataset: {party: m.party}},
      el('span', {class: 'round'}, 'Round ' + (m.round + 1)),
      el('div', {}, el('div', {class: 'what'}, partyChip(parties(), m.party, m.party === you ? 'You' : title(m.party)), ' ',
        m.party === you ? (YOUR_VERBS[m.action] || m.action) : (VERBS[m.action] || m.action)),
        el('div', {class: 'said'}, '“' + m.message + '”')))))
    : null;
  const plotCard = el('section', {class: 'card', id: 'plot-card'},
    el('div', {class: 'card-head'}, el('h2', {}, 'The outcome space'), el('div', {class: 'row', id: 'axes'})),
    el('p', {class: 'muted small plot-note'}, 'Every possible deal, placed by what it gives each of the two parties;'
      + ' the blue dots could pass under the agreement rule. The dark line is the frontier of '
      + (coalition.length ? joined(coalition) : 'the coalition measured against')
      + ': no deal they all accept could give one more without giving another less; the marked points are their'
      + ' bargaining points (see the legend); the coloured paths are the offers as they were made.'),
    el('div', {class: 'plot-wrap', id: 'plot'}, el('p', {class: 'muted'}, 'Drawing…')),
    el('div', {class: 'legend', id: 'legend'}),
    el('div', {class: 'actions'},
      el('button', {id: 'download-record', onclick: () => download('/record', 'application/json')}, 'Download the record (JSON)'),
      el('button', {id: 'download-svg', onclick: () => download('/plot.svg?x=' + encodeURIComponent(S.plotAxes.x) + '&y=' + encodeURIComponent(S.plotAxes.y), 'image/svg+xml')}, 'Download the chart (SVG)')));
  const briefs = el('details', {class: 'card'}, el('summary', {}, el('strong', {}, 'Everyone’s briefs, revealed')),
    el('div', {class: 'grid cols-3'}, d.parties.map(p => briefCard(p.preferences, title(p.name)))));
  clear(root,
    el('section', {class: 'card'}, banner, deal,
      el('div', {class: 'debrief-grid'}, el('div', {}, el('h3', {class: 'section-title'}, 'Scores, revealed'), scores),
        el('div', {}, el('h3', {class: 'section-title'}, 'Analysis'), measured, el('div', {class: 'analysis-facts'}, facts),
          el('p', {class: 'small muted glossary-note'}, 'Every distance is in points: ', term('what a distance means', 'distance'),
            '; the rule: ', term(a.rule, 'rule'), '; measured for ', term('the coalition', 'coalition'), '.'),
          points, better, why, gaps)), talk),
    plotCard, briefs);
  root.classList.remove('hidden');
  root.classList.add('stack');
  paint(root);
  const names = parties().map(p => p.name);
  const x = you || names[0];
  const required = parties().filter(p => p.required && p.name !== x).map(p => p.name);
  const y = required[0] || names.find(n => n !== x);
  S.plotAxes = {x, y};
  renderAxes();
  drawPlot();
}

function keyfact(label, value, glossary) {
  return el('div', {class: 'keyfact'}, el('div', {class: 'label'}, glossary ? term(label, glossary) : label), el('div', {class: 'value'}, value));
}

/* The debriefing's terms in plain words (the same as docs/analysis.md, "Glossary of the debriefing"). */
const GLOSSARY = {
  reservation: 'Walk-away value (reservation value): what a party scores with no deal. A deal worth less to it than this is not worth signing.',
  rule: 'Agreement rule: who must sign for a deal to stand. Under "federation and kaldari must sign", those two can close a deal without the vethari, who then get their walk-away value.',
  acceptable: 'Acceptable: a deal every party named can live with: none of its red lines broken, and worth at least its walk-away value to each.',
  passing: 'Passing under the rule: deals that some group of parties allowed to sign by the rule all find acceptable.',
  pareto: 'Pareto frontier: the acceptable deals that cannot be improved for one party without making another worse off. A deal off the frontier leaves value on the table.',
  distance: 'Distance: how far the result lies from a point or the frontier, in points: the straight-line gap between what each party got and what it would have got there (0 means on it).',
  nash: 'Nash point (Nash 1950): the deal with the largest product of what each party gains over its walk-away value: a balance of gains that does not depend on how points are scaled.',
  kalaiSmorodinsky: 'Kalai–Smorodinsky point (1975): the deal where every party gets the same share of the most it could hope for on the frontier.',
  utilitarian: 'Utilitarian point: the deal with the largest total of everyone\'s scores, whoever gets them.',
  egalitarian: 'Egalitarian point: the deal whose worst-off party gains the most over its walk-away value.',
  raiffa: 'Raiffa point: where step-by-step bargaining ends, each party at each step moving part of the way towards the best it could demand.',
  ruleFrontier: 'The rule\'s frontier: the Pareto frontier of the deals that pass under the agreement rule, each party outside a deal counted at its walk-away value.',
  coalition: 'Coalition measured against: the parties who signed (or, without a deal, the group allowed to sign that came nearest to one); figures are worked out for them.'
};

/* A term with its explanation on hover or keyboard focus (a tooltip drawn by CSS: no inline script or style). */
function term(label, key) {
  const text = GLOSSARY[key];
  if (!text) return label;
  return el('span', {class: 'term', tabindex: 0, 'aria-label': label + '. ' + text, dataset: {tip: text, term: key}}, label);
}

function renderAxes() {
  const names = parties().map(p => p.name);
  if (names.length < 3) return;
  const pick = axis => el('select', {id: 'axis-' + axis, onchange: e => { S.plotAxes[axis] = e.target.value; drawPlot(); }},
    names.map(n => el('option', {value: n, selected: S.plotAxes[axis] === n}, title(n))));
  clear(document.getElementById('axes'), el('span', {class: 'small muted'}, 'across'), pick('x'), el('span', {class: 'small muted'}, 'up'), pick('y'));
}

async function drawPlot() {
  const {x, y} = S.plotAxes;
  try {
    const data = await api('GET', '/api/negotiations/' + S.id + '/plot?x=' + encodeURIComponent(x) + '&y=' + encodeURIComponent(y), undefined, S.token);
    const colours = {};
    parties().forEach(p => { colours[p.name] = partyColour(parties(), p.name); });
    clear(document.getElementById('plot'), outcomePlot(data, colours));
    clear(document.getElementById('legend'), plotLegend(data, colours));
    paint(document.getElementById('legend'));
  } catch (e) {
    clear(document.getElementById('plot'), el('p', {class: 'notice bad'}, e.message));
  }
}

async function download(suffix, type) {
  try {
    const response = await fetch('/api/negotiations/' + S.id + suffix, {headers: {'Authorization': 'Bearer ' + S.token}});
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const blob = new Blob([await response.arrayBuffer()], {type});
    const disposition = response.headers.get('Content-Disposition') || '';
    const match = disposition.match(/filename="([^"]+)"/);
    const a = el('a', {href: URL.createObjectURL(blob), download: match ? match[1] : 'parley-download'});
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  } catch (e) {
    toast('Download failed: ' + e.message, true);
  }
}

document.addEventListener('DOMContentLoaded', init);
// Another link to the same negotiation differs only after the #: load it afresh.
window.addEventListener('hashchange', () => window.location.reload());
