'use strict';
/* The organizer's page: the negotiations set up with one organizer key, and a way to end them. */

function organizerKey() {
  return document.getElementById('organizer-key').value.trim();
}

async function load() {
  const error = document.getElementById('organizer-error');
  error.classList.add('hidden');
  sessionStorage.setItem('parley.organizerKey', organizerKey());
  try {
    const [body, classes] = await Promise.all([api('GET', '/api/organizer/negotiations', undefined, organizerKey()),
      api('GET', '/api/organizer/classes', undefined, organizerKey())]);
    renderClasses(classes.classes);
    render(body.negotiations);
  } catch (e) {
    error.textContent = e.message;
    error.classList.remove('hidden');
    document.getElementById('list-card').classList.add('hidden');
    document.getElementById('classes-card').classList.add('hidden');
  }
}

/* The key's classes, each with its dashboard (the link is made from the key, so it works again). */
function renderClasses(classes) {
  clear(document.getElementById('classes'), classes.map(c => el('tr', {dataset: {class: c.id}},
    el('td', {}, el('strong', {}, c.name), el('div', {class: 'hint'}, title(c.scenario))),
    el('td', {}, new Date(c.createdAt).toLocaleString()),
    el('td', {}, c.students + ' at ' + c.tables + ' table' + (c.tables === 1 ? '' : 's')),
    el('td', {class: 'num'}, el('a', {class: 'button dashboard', href: c.dashboardPath}, 'Dashboard')))));
  document.getElementById('classes-card').classList.toggle('hidden', classes.length === 0);
}

function render(negotiations) {
  const rows = negotiations.map(n => el('tr', {dataset: {negotiation: n.id}},
    el('td', {}, title(n.scenario), el('div', {class: 'hint'}, n.id.substring(0, 8))),
    el('td', {}, new Date(n.createdAt).toLocaleString()),
    el('td', {}, n.parties.map(p => p.name + (p.player === 'human' ? ' (person)' : ' (AI)')).join(', ')),
    el('td', {class: 'state'}, n.state === 'running' ? el('span', {class: 'tag warn'}, 'running')
      : el('span', {class: 'tag ' + (n.agreement ? 'good' : '')}, n.agreement ? 'agreement' : n.state)),
    el('td', {class: 'num'}, n.state === 'running'
      ? el('button', {class: 'danger end', onclick: () => end(n)}, 'End') : null)));
  clear(document.getElementById('negotiations'), rows.length ? rows
    : el('tr', {}, el('td', {colspan: 5, class: 'empty'}, 'No negotiation set up with this key yet.')));
  document.getElementById('list-card').classList.remove('hidden');
}

async function end(n) {
  if (!window.confirm('End the ' + title(n.scenario) + ' negotiation now, without agreement?')) return;
  try {
    await api('POST', '/api/organizer/negotiations/' + n.id + '/end', undefined, organizerKey());
    toast('Negotiation ended');
  } catch (e) {
    toast(e.message, true);
  }
  load();
}

function init() {
  const input = document.getElementById('organizer-key');
  const fromLink = window.location.hash.replace(/^#/, '');
  input.value = fromLink || sessionStorage.getItem('parley.organizerKey') || '';
  if (fromLink) history.replaceState(null, '', window.location.pathname);
  document.getElementById('show').addEventListener('click', load);
  input.addEventListener('keydown', e => { if (e.key === 'Enter') load(); });
  if (input.value) load();
}

document.addEventListener('DOMContentLoaded', init);
