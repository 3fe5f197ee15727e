'use strict';
/* The set-up page: scenario, rules, players; then the join links. */

const state = {scenarios: [], strategies: [], selected: null, upload: null, players: {}, strategyOf: {}};

async function init() {
  try {
    const [scenarios, strategies, protocols] = await Promise.all([api('GET', '/api/scenarios'),
      api('GET', '/api/strategies'), api('GET', '/api/protocols')]);
    state.scenarios = scenarios;
    state.strategies = strategies;
    renderProtocols(protocols);
  } catch (e) {
    clear(document.getElementById('scenarios'), el('div', {class: 'notice bad'}, 'Cannot reach the server: ' + e.message));
    return;
  }
  renderScenarios();
  initOrganizerKey();
  document.getElementById('upload').addEventListener('change', upload);
  document.getElementById('create').addEventListener('click', create);
  for (const id of ['rounds', 'minutes', 'protocol']) {
    document.getElementById(id).addEventListener('input', summarise);
  }
  const first = state.scenarios.find(s => s.name === 'tavrik-accord') || state.scenarios[0];
  if (first) select(first);
}

/* The protocols the server has registered, the default first (the page names none itself). */
function renderProtocols(protocols) {
  const options = protocols.map(p => el('option', {value: p.key},
    p.title.charAt(0).toUpperCase() + p.title.slice(1) + ' — ' + p.description));
  clear(document.getElementById('protocol'), ...options);
}

function allScenarios() {
  return state.upload ? [...state.scenarios, state.upload] : state.scenarios;
}

function renderScenarios() {
  clear(document.getElementById('scenarios'), scenarioCards(allScenarios(), state.selected, state.upload, select, true));
}

function select(scenario) {
  state.selected = scenario;
  state.players = {};
  state.strategyOf = {};
  scenario.parties.forEach((p, i) => {
    state.players[p.name] = i === 0 ? 'human' : 'ai';
    state.strategyOf[p.name] = p.defaultStrategy;
  });
  renderScenarios();
  renderParties();
}

function renderParties() {
  const s = state.selected;
  const body = document.getElementById('parties');
  clear(body, s.parties.map(p => {
    const human = state.players[p.name] === 'human';
    const choices = [...new Set([p.defaultStrategy, ...state.strategies.map(x => x.name)])];
    const select = el('select', {class: 'strategy', disabled: human, 'aria-label': 'AI diplomat for ' + p.name,
        onchange: e => { state.strategyOf[p.name] = e.target.value; summarise(); }},
      choices.map(name => {
        const known = state.strategies.find(x => x.name === name);
        const label = name === p.defaultStrategy ? name + ' (the scenario\'s choice)' : name;
        return el('option', {value: name, selected: state.strategyOf[p.name] === name, title: known ? known.description : ''}, label);
      }));
    return el('tr', {dataset: {party: p.name}},
      el('td', {}, el('strong', {}, title(p.name)), p.required ? el('div', {class: 'hint'}, 'must sign') : null),
      el('td', {class: 'muted small'}, p.role || ''),
      el('td', {}, el('div', {class: 'segmented'},
        el('button', {class: 'player-human' + (human ? ' on' : ''), onclick: () => setPlayer(p.name, 'human')}, 'Person'),
        el('button', {class: 'player-ai' + (!human ? ' on' : ''), onclick: () => setPlayer(p.name, 'ai')}, 'AI diplomat'))),
      el('td', {}, human ? el('span', {class: 'muted small'}, 'gets a private link') : select));
  }));
  document.getElementById('rule').textContent = 'Agreement rule: ' + s.agreementRule + '.';
  summarise();
}

function setPlayer(party, player) {
  state.players[party] = player;
  renderParties();
}

function summarise() {
  const button = document.getElementById('create');
  const s = state.selected;
  if (!s) {
    button.disabled = true;
    return;
  }
  const humans = s.parties.filter(p => state.players[p.name] === 'human').length;
  const rounds = Number(document.getElementById('rounds').value);
  const minutes = Number(document.getElementById('minutes').value);
  document.getElementById('summary').textContent = title(s.name) + ' · ' + humans + ' '
    + (humans === 1 ? 'person' : 'people') + ' and ' + (s.parties.length - humans) + ' AI diplomat'
    + (s.parties.length - humans === 1 ? '' : 's') + ' · ' + (rounds > 0 ? rounds + ' rounds' : 'no round limit')
    + (minutes > 0 ? ' · ' + minutes + ' min' : '');
  button.disabled = !(rounds > 0 || minutes > 0);
}

function upload(event) {
  return checkScenarioFile(event, summary => {
    state.upload = summary;
    select(summary);
  });
}

async function create() {
  const s = state.selected;
  const error = document.getElementById('create-error');
  error.classList.add('hidden');
  const deadline = {};
  const rounds = Number(document.getElementById('rounds').value);
  const minutes = Number(document.getElementById('minutes').value);
  if (rounds > 0) deadline.rounds = rounds;
  if (minutes > 0) deadline.seconds = Math.round(minutes * 60);
  const parties = {};
  for (const p of s.parties) {
    parties[p.name] = state.players[p.name] === 'human'
      ? {player: 'human'} : {player: 'ai', strategy: state.strategyOf[p.name]};
  }
  const body = {protocol: document.getElementById('protocol').value, deadline, parties,
    advisor: document.getElementById('advisor').checked};
  if (s === state.upload) {
    body.scenarioText = s.text;
    body.scenarioFormat = s.format;
  } else {
    body.scenario = s.name;
  }
  const button = document.getElementById('create');
  button.disabled = true;
  try {
    const created = await api('POST', '/api/negotiations', body, storedOrganizerKey());
    showLinks(s, created);
  } catch (e) {
    error.textContent = (e.field ? e.field + ': ' : '') + e.message;
    error.classList.remove('hidden');
  } finally {
    button.disabled = false;
  }
}

function showLinks(scenario, created) {
  document.getElementById('setup').classList.add('hidden');
  document.getElementById('created').classList.remove('hidden');
  const rows = [];
  for (const p of scenario.parties) {
    const link = created.parties[p.name];
    if (link) rows.push(linkRow(p.name, title(p.name), 'Person', link));
  }
  rows.push(linkRow('observer', 'Observer', 'watch live', created.observer));
  if (Object.keys(created.parties).length === 0) {
    rows.unshift(el('div', {class: 'notice'}, 'Only AI diplomats play: follow them with the observer link, which shows the debriefing at the end.'));
  }
  clear(document.getElementById('links'), rows);
}

function linkRow(key, name, kind, link) {
  const url = new URL(link.path, window.location.origin).href;
  return el('div', {class: 'link-row', dataset: {link: key}},
    el('div', {}, el('strong', {}, name), el('div', {class: 'hint'}, kind)),
    el('span', {class: 'url mono'}, url),
    el('button', {onclick: async () => {
      try { await navigator.clipboard.writeText(url); toast('Link copied'); } catch (e) { toast('Copy failed: select the link and copy it', true); }
    }}, 'Copy'),
    el('a', {class: 'button open', href: link.path, target: '_blank', rel: 'noopener'}, 'Open'));
}

document.addEventListener('DOMContentLoaded', init);
