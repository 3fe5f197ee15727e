'use strict';
/* A world of repeated negotiations: choosing one to play (/w), and playing it (/w/ID#TOKEN). */

const W = {id: null, token: null, view: null, chosen: null, text: null, organizerKey: false, busy: false};

function init() {
  const match = window.location.pathname.match(/^\/w\/([0-9a-f]+)$/);
  if (match) {
    W.id = match[1];
    W.token = window.location.hash.replace(/^#/, '');
    if (!W.token) { fatal('This page needs the world\'s link, /w/ID#TOKEN, as it was given when the world started.'); return; }
    refresh();
    setInterval(refresh, 1500);
  } else {
    setup();
  }
}

function fatal(message) {
  const node = document.getElementById('fatal');
  node.textContent = message;
  node.classList.remove('hidden');
}

// --- choosing a world --------------------------------------------------------------------------

async function setup() {
  document.getElementById('setup').classList.remove('hidden');
  try {
    const health = await api('GET', '/api/health');
    W.organizerKey = health.organizerKeyRequired;
    document.getElementById('organizer-field').classList.toggle('hidden', !W.organizerKey);
    const worlds = await api('GET', '/api/worlds');
    clear(document.getElementById('worlds'), worlds.map(w => el('button', {class: 'scenario', dataset: {world: w.name},
        onclick: () => choose(w, null)},
      el('h3', {}, title(w.name)),
      el('p', {}, w.negotiations + ' negotiations among ' + w.powers.map(title).join(', ') + '.'),
      el('div', {class: 'facts'}, el('span', {class: 'tag'}, 'trust: ' + w.rules.trust),
        el('span', {class: 'tag'}, 'breaches seen by ' + w.rules.breachesSeenBy)))));
  } catch (e) {
    fatal(e.message);
  }
  document.getElementById('upload').addEventListener('change', upload);
  document.getElementById('start').addEventListener('click', start);
}

async function upload(e) {
  const file = e.target.files[0];
  if (!file) return;
  const status = document.getElementById('upload-status');
  const text = await file.text();
  try {
    const w = await api('POST', '/api/worlds/check', {worldText: text});
    status.className = 'notice good';
    status.textContent = 'Read ' + file.name + ': ' + w.negotiations + ' negotiations among ' + w.powers.length + ' powers.';
    choose(w, text);
  } catch (err) {
    status.className = 'notice bad';
    status.textContent = err.message;
  }
}

function choose(world, text) {
  W.chosen = world;
  W.text = text;
  document.querySelectorAll('#worlds .scenario').forEach(n => n.classList.toggle('on', n.dataset.world === world.name && !text));
  clear(document.getElementById('power'), world.powers.map(p => el('option', {value: p}, title(p))));
  document.getElementById('summary').textContent = title(world.name) + ': ' + world.negotiations + ' negotiations, '
    + world.rounds + ' rounds each.';
  document.getElementById('start').disabled = false;
}

async function start() {
  const body = {power: document.getElementById('power').value, seed: Number(document.getElementById('seed').value)};
  if (W.text) body.worldText = W.text; else body.world = W.chosen.name;
  const key = W.organizerKey ? document.getElementById('organizer-key').value : null;
  const error = document.getElementById('start-error');
  document.getElementById('start').disabled = true;
  try {
    const started = await api('POST', '/api/worlds', body, key);
    window.location.assign(started.path);
  } catch (e) {
    error.textContent = e.message;
    error.classList.remove('hidden');
    document.getElementById('start').disabled = false;
  }
}

// --- playing it ----------------------------------------------------------------------------------

async function refresh() {
  if (W.busy) return;
  try {
    render(await api('GET', '/api/worlds/' + W.id, undefined, W.token));
  } catch (e) {
    fatal(e.message);
  }
}

function render(view) {
  W.view = view;
  document.title = 'Parley — ' + title(view.world) + ' — ' + title(view.you);
  document.getElementById('context').textContent = 'World: ' + title(view.world) + ' · seed ' + view.seed;
  clear(document.getElementById('who'), 'You play', el('span', {class: 'tag human', id: 'you'}, title(view.you)));
  document.getElementById('world').classList.remove('hidden');
  renderNow(view);
  renderSchedule(view);
  clear(document.getElementById('reputation'), el('section', {class: 'card', id: 'reputation-card'}, reputationPanel(view)));
}

const count = view => view.schedule.length;
const points = u => fmtPoints(u * 100);

function renderNow(view) {
  const now = document.getElementById('now');
  now.dataset.state = view.state;
  if (view.state === 'negotiating') {
    const item = view.schedule[view.position];
    clear(now, el('h2', {}, 'Negotiation ' + (view.position + 1) + ' of ' + count(view) + ': ' + title(item.scenario)),
      el('p', {class: 'muted'}, 'You negotiate for ' + title(view.table.party) + ' with '
        + item.powers.filter(p => p !== view.you).map(title).join(' and ') + '. The reputation panel stays beside the table.'),
      el('p', {}, el('a', {class: 'button primary big', id: 'go-table', href: view.table.path}, 'Go to your table →')));
  } else if (view.state === 'deciding') {
    const d = view.decision;
    const terms = Object.entries(d.agreement).map(([issue, value]) => el('li', {}, el('strong', {}, title(issue)), ': ', option(value)));
    clear(now, el('h2', {}, 'Agreement reached: keep it or break it?'),
      el('p', {class: 'muted'}, 'Negotiation ' + (d.index + 1) + ' (' + title(d.scenario) + ') ended in an agreement you signed for '
        + title(d.party) + '. The others decide at the same time as you.'),
      el('ul', {class: 'terms', id: 'terms'}, terms),
      el('div', {class: 'keyfacts'},
        el('div', {class: 'keyfact'}, el('div', {class: 'label'}, 'Keeping it gives you'), el('div', {class: 'value', id: 'keep-points'}, points(d.yourUtility))),
        el('div', {class: 'keyfact'}, el('div', {class: 'label'}, 'Breaking it gains you'), el('div', {class: 'value', id: 'gain'}, '+' + points(d.gain)))),
      d.reputationCost === undefined ? el('p', {class: 'muted small'}, 'Only the signers will see what you do.')
        : el('p', {class: 'notice warn', id: 'cost'}, 'Every power will see it. By the reckoning a calculating power makes, a breach'
          + ' now costs about ' + points(d.reputationCost) + ' points over your remaining negotiations, in worse terms from'
          + ' powers that trust you less.'),
      el('div', {class: 'row'},
        el('button', {class: 'good big', id: 'honour', onclick: () => decide('honour')}, 'Honour the agreement'),
        el('button', {class: 'danger big', id: 'breach', onclick: () => decide('breach')}, 'Break it (+' + points(d.gain) + ')')),
      el('p', {class: 'small'}, el('a', {href: d.table}, 'See the table again')));
  } else if (view.state === 'running') {
    clear(now, el('h2', {}, 'The other powers are negotiating'),
      el('p', {class: 'muted'}, 'Negotiation ' + (view.position + 1) + ' of ' + count(view) + ' is played without you;'
        + ' your next one opens when they are done.'));
  } else if (view.state === 'ended') {
    const you = view.powers.find(p => p.you);
    clear(now, el('h2', {}, 'The world is over'),
      el('p', {}, 'Your welfare: ', el('strong', {id: 'your-welfare'}, points(you.welfare)), ' points over '
        + you.negotiations + ' negotiations; you kept ' + you.honoured + ' agreements and broke ' + you.breached + '.'),
      el('p', {class: 'muted small'}, 'Each power\'s welfare and standing (the others\' mean trust in it) and its honour policy are now revealed in the panel.'),
      el('p', {class: 'muted small', id: 'debriefs-open'}, 'The debriefing of each of your tables, with everyone\'s briefs and scores, is open now: follow its link in the schedule.'));
  } else {
    clear(now, el('h2', {}, 'The world has stopped'), el('p', {class: 'notice bad'}, view.failure || 'A negotiation failed.'));
  }
}

async function decide(decision) {
  W.busy = true;
  document.querySelectorAll('#honour, #breach').forEach(b => { b.disabled = true; });
  try {
    render(await api('POST', '/api/worlds/' + W.id + '/decision', {decision}, W.token));
    toast(decision === 'honour' ? 'You kept your word.' : 'You broke the agreement; every power that saw it remembers.');
  } catch (e) {
    toast(e.message, true);
  } finally {
    W.busy = false;
  }
}

function renderSchedule(view) {
  const rows = view.schedule.map(item => {
    let result = '';
    if (item.status === 'done') {
      if (item.agreement === undefined) result = el('span', {class: 'muted'}, 'not seen');
      else if (!item.agreement) result = el('span', {class: 'tag'}, 'no agreement');
      else {
        result = [el('span', {class: 'tag good'}, 'agreement')];
        if (item.breached) {
          item.breached.forEach(b => result.push(' ', el('span', {class: 'tag bad'}, 'broken by ' + title(b))));
        }
      }
    }
    const status = el('span', {class: 'tag ' + (item.status === 'current' ? 'human' : item.status === 'done' ? '' : 'ai')}, item.status);
    return el('tr', {class: 'meeting ' + item.status + (item.yours ? ' yours' : ''), dataset: {index: item.index}},
      el('td', {class: 'num'}, String(item.index + 1)),
      el('td', {}, title(item.scenario)),
      el('td', {}, item.powers.map(p => p === view.you ? el('strong', {}, title(p)) : title(p)).reduce((a, b) => [a, ', ', b])),
      el('td', {}, status),
      el('td', {class: 'result'}, result),
      el('td', {class: 'num'}, item.yourPayoff === undefined ? '' : points(item.yourPayoff)),
      el('td', {}, item.table ? el('a', {href: item.table, class: 'small'}, 'table') : ''));
  });
  clear(document.getElementById('schedule'), el('table', {id: 'schedule-table'},
    el('thead', {}, el('tr', {}, el('th', {class: 'num'}, '#'), el('th', {}, 'Scenario'), el('th', {}, 'Powers'),
      el('th', {}, 'Status'), el('th', {}, 'Result'), el('th', {class: 'num'}, 'Your points'), el('th', {}, ''))),
    el('tbody', {}, rows)));
}

document.addEventListener('DOMContentLoaded', init);
