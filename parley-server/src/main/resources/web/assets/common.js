'use strict';
/* Shared helpers of Parley's pages: DOM building, the API, formatting. */

const PARTY_COLOURS = ['#7c3aed', '#0e9488', '#d97706', '#2563eb', '#db2777', '#4b5563', '#65a30d', '#0891b2'];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function clear(node, ...children) {
  node.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
  return node;
}

class ApiError extends Error {
  constructor(status, body) {
    super((body && body.error && body.error.message) || ('HTTP ' + status));
    this.status = status;
    this.field = body && body.error && body.error.field;
  }
}

async function api(method, path, body, token) {
  const headers = {'Accept': 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers['Authorization'] = 'Bearer ' + token;
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

function fmtPoints(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '–';
  const r = Math.round(p * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

function title(text) {
  return String(text).replace(/-/g, ' ').replace(/^./, c => c.toUpperCase());
}

function option(text) {
  return String(text).replace(/-/g, ' ');
}

function partyColour(parties, name) {
  const i = parties.findIndex(p => p.name === name);
  return i < 0 ? '#6b7280' : PARTY_COLOURS[i % PARTY_COLOURS.length];
}

function partyChip(parties, name, label) {
  return el('span', {class: 'party-chip'},
    el('span', {class: 'dot', style: null, dataset: {colour: partyColour(parties, name)}}), label || title(name));
}

/* CSP forbids inline style attributes; colours are applied through the CSSOM after building. */
function paint(root) {
  root.querySelectorAll('[data-colour]').forEach(n => { n.style.background = n.dataset.colour; });
  root.querySelectorAll('[data-width]').forEach(n => { n.style.width = n.dataset.width; });
  root.querySelectorAll('[data-left]').forEach(n => { n.style.left = n.dataset.left; });
}

let toastTimer = null;
function toast(message, bad) {
  let node = document.querySelector('.toast');
  if (!node) {
    node = el('div', {class: 'toast'});
    document.body.append(node);
  }
  node.className = 'toast' + (bad ? ' bad' : '');
  node.textContent = message;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => node.remove(), bad ? 6000 : 3000);
}

/*
 * The set-up pages' pieces (a negotiation's and a class's): the scenario cards, a scenario file of
 * one's own checked by the server, and the organizer key.
 */

/* One card per scenario, the selected one marked; {@code deals} adds the outcome count. */
function scenarioCards(scenarios, selected, uploaded, onChoose, deals) {
  return scenarios.map(s => el('button', {
      class: 'scenario' + (selected === s ? ' on' : ''), dataset: {scenario: s.name}, onclick: () => onChoose(s)},
    el('h3', {}, title(s.name), s === uploaded ? el('span', {class: 'tag', text: 'uploaded'}) : null),
    el('p', {}, s.description || 'No description.'),
    el('div', {class: 'facts'},
      el('span', {class: 'tag'}, s.parties.length + ' parties'),
      el('span', {class: 'tag'}, s.issues.length + ' issues'),
      deals ? el('span', {class: 'tag'}, Number(s.outcomes).toLocaleString('en') + ' possible deals') : null)));
}

/* A scenario file chosen in an <input type=file>: checked by the server, then handed to {@code onReady} with its text. */
async function checkScenarioFile(event, onReady) {
  const file = event.target.files[0];
  const status = document.getElementById('upload-status');
  if (!file) return;
  const text = await file.text();
  const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
  try {
    const summary = await api('POST', '/api/scenarios/check', {text, format});
    summary.text = text;
    summary.format = format;
    status.className = 'notice good';
    status.textContent = file.name + ': ' + summary.name + ' is ready to play.';
    onReady(summary);
  } catch (e) {
    status.className = 'notice bad';
    status.textContent = file.name + ': ' + e.message;
  }
  event.target.value = '';
}

/*
 * The organizer key: asked for when the server needs one (or one is kept already), taken from a
 * link's #key=… once, and kept for this tab only (sessionStorage).
 */
async function initOrganizerKey() {
  const fromLink = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('key');
  if (fromLink) {
    sessionStorage.setItem('parley.organizerKey', fromLink);
    history.replaceState(null, '', window.location.pathname);
  }
  const health = await api('GET', '/api/health');
  if (!health.organizerKeyRequired && !sessionStorage.getItem('parley.organizerKey')) return;
  const input = document.getElementById('organizer-key');
  input.value = sessionStorage.getItem('parley.organizerKey') || '';
  input.addEventListener('input', () => sessionStorage.setItem('parley.organizerKey', input.value.trim()));
  document.getElementById('organizer-field').classList.remove('hidden');
}

function storedOrganizerKey() {
  return sessionStorage.getItem('parley.organizerKey') || undefined;
}
