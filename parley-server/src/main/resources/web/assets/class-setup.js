'use strict';
/* The class set-up page: scenario, class size and rules; then on to the class's dashboard. */

const setup = {scenarios: [], selected: null, upload: null};

async function initSetup() {
  try {
    const [scenarios, strategies, protocols] = await Promise.all([api('GET', '/api/scenarios'),
      api('GET', '/api/strategies'), api('GET', '/api/protocols')]);
    setup.scenarios = scenarios;
    clear(document.getElementById('protocol'), protocols.map(p => el('option', {value: p.key},
      p.title.charAt(0).toUpperCase() + p.title.slice(1) + ' — ' + p.description)));
    clear(document.getElementById('ai'), el('option', {value: ''}, 'each party\'s own (the scenario\'s choice)'),
      strategies.map(s => el('option', {value: s.name, title: s.description}, s.name)));
  } catch (e) {
    clear(document.getElementById('scenarios'), el('div', {class: 'notice bad'}, 'Cannot reach the server: ' + e.message));
    return;
  }
  renderScenarioCards();
  document.getElementById('upload').addEventListener('change', uploadScenario);
  for (const id of ['students', 'rounds', 'minutes']) document.getElementById(id).addEventListener('input', summarise);
  document.getElementById('create').addEventListener('click', createClass);
  choose(setup.scenarios.find(s => s.name === 'tavrik-accord') || setup.scenarios[0]);
  initOrganizerKey();
}

function renderScenarioCards() {
  const all = setup.upload ? [...setup.scenarios, setup.upload] : setup.scenarios;
  clear(document.getElementById('scenarios'), scenarioCards(all, setup.selected, setup.upload, choose, false));
}

/* A scenario of the teacher's own: checked by the server, then played from its text. */
function uploadScenario(event) {
  return checkScenarioFile(event, summary => {
    setup.upload = summary;
    renderScenarioCards();
    choose(summary);
  });
}

function choose(scenario) {
  if (!scenario) return;
  setup.selected = scenario;
  document.querySelectorAll('.scenario').forEach(b => b.classList.toggle('on', b.dataset.scenario === scenario.name));
  document.getElementById('rule').textContent = 'At each table: ' + scenario.parties.map(p => title(p.name)).join(', ')
    + '. Agreement rule: ' + scenario.agreementRule + '.';
  summarise();
}

function summarise() {
  const s = setup.selected;
  const students = Number(document.getElementById('students').value);
  const rounds = Number(document.getElementById('rounds').value);
  const minutes = Number(document.getElementById('minutes').value);
  const valid = s && Number.isInteger(students) && students >= 1 && students <= 200 && (rounds > 0 || minutes > 0);
  document.getElementById('create').disabled = !valid;
  if (!s || !(students >= 1)) {
    document.getElementById('tables-hint').textContent = '1 to 200';
    document.getElementById('summary').textContent = '';
    return;
  }
  const n = s.parties.length;
  const tables = Math.ceil(students / n);
  const ai = tables * n - students;
  document.getElementById('tables-hint').textContent = tables + ' table' + (tables === 1 ? '' : 's') + ' of ' + n;
  document.getElementById('summary').textContent = title(s.name) + ' · ' + students + ' students at ' + tables
    + ' table' + (tables === 1 ? '' : 's') + (ai ? ' · ' + ai + ' AI diplomat' + (ai === 1 ? '' : 's') : '')
    + ' · ' + (rounds > 0 ? rounds + ' rounds' : 'no round limit') + (minutes > 0 ? ' · ' + minutes + ' min' : '');
}

async function createClass() {
  const error = document.getElementById('create-error');
  error.classList.add('hidden');
  const deadline = {};
  const rounds = Number(document.getElementById('rounds').value);
  const minutes = Number(document.getElementById('minutes').value);
  if (rounds > 0) deadline.rounds = rounds;
  if (minutes > 0) deadline.seconds = Math.round(minutes * 60);
  const body = {students: Number(document.getElementById('students').value),
    protocol: document.getElementById('protocol').value, deadline, advisor: document.getElementById('advisor').checked};
  if (setup.selected === setup.upload) {
    body.scenarioText = setup.upload.text;
    body.scenarioFormat = setup.upload.format;
  } else {
    body.scenario = setup.selected.name;
  }
  const name = document.getElementById('class-name').value.trim();
  if (name) body.name = name;
  const ai = document.getElementById('ai').value;
  if (ai) body.ai = ai;
  const button = document.getElementById('create');
  button.disabled = true;
  try {
    const created = await api('POST', '/api/classes', body, storedOrganizerKey());
    window.location.assign(created.dashboard.path);
  } catch (e) {
    error.textContent = (e.field ? e.field + ': ' : '') + e.message;
    error.classList.remove('hidden');
    button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', initSetup);
