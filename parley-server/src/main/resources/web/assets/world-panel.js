'use strict';
/* The reputation panel of a world: what the person's power saw and whom it trusts. Shared by the
   world page and the table page of a world's negotiation. */

function fmtTrust(t) {
  return (Math.round(t * 100) / 100).toFixed(2);
}

function trustTag(t) {
  if (t < 0.5) return el('span', {class: 'tag bad'}, 'distrusted');
  if (t > 0.5) return el('span', {class: 'tag good'}, 'trusted');
  return el('span', {class: 'tag'}, 'stranger');
}

function reputationPanel(view) {
  const ended = view.state === 'ended';
  const rows = view.powers.map(p => el('tr', {dataset: {power: p.name}, class: p.you ? 'you' : null},
    el('td', {}, el('strong', {}, title(p.name)), p.you ? el('span', {class: 'tag human'}, 'you') : null,
      p.honours === undefined ? null : el('div', {class: 'muted small revealed'}, 'honours ' + p.honours + ', standing '
        + fmtTrust(p.standing))),
    el('td', {class: 'num record'}, String(p.honoured), ' / ', String(p.breached)),
    el('td', {class: 'num trust'}, p.you ? '–' : [fmtTrust(p.trust), ' ', trustTag(p.trust)]),
    el('td', {class: 'num welfare'}, p.welfare === undefined ? '·' : fmtPoints(p.welfare * 100))));
  const seen = view.rules.breachesSeenBy === 'everyone'
    ? 'Every power sees each agreement honoured or broken.'
    : 'Only the signers of an agreement see it honoured or broken: this record holds what your power saw.';
  return [
    el('h2', {}, 'Reputation'),
    el('p', {class: 'muted small'}, seen + ' Trust is your power\'s own (' + view.rules.trust + ' model): ½ for a'
      + ' stranger, lower after breaches.'),
    el('table', {class: 'reputation', id: 'reputation-table'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Power'), el('th', {class: 'num'}, 'Kept / broken'),
        el('th', {class: 'num'}, 'Your trust'), el('th', {class: 'num welfare'}, 'Welfare'))),
      el('tbody', {}, rows)),
    el('p', {class: 'muted small welfare-note'}, ended
      ? 'The world is over: every power\'s welfare (points summed over its negotiations), honour policy and standing'
        + ' (the others\' mean trust in it) are revealed.'
      : 'Welfare: your points summed over your negotiations; the others\' are revealed when the world is over.')
  ];
}
