'use strict';
/* The outcome-space chart of the debriefing, drawn as SVG from /api/negotiations/{id}/plot. */

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const CONCEPT_SHAPES = ['diamond', 'square', 'triangle', 'circle', 'cross'];
const CONCEPT_COLOURS = ['#dc2626', '#111827', '#7c3aed', '#0891b2', '#a16207', '#4b5563'];

/** The shape, colour and size (width in px) of the k-th concept's marker, the same in chart and legend. */
function conceptStyle(k) {
  return {shape: CONCEPT_SHAPES[k % CONCEPT_SHAPES.length], colour: CONCEPT_COLOURS[k % CONCEPT_COLOURS.length],
    size: Math.max(5, 12 - 2 * k)};
}

/** An id for a concept's marker: its key in kebab case (nash, kalai-smorodinsky). */
function conceptId(key) {
  return key.replace(/[A-Z]/g, c => '-' + c.toLowerCase());
}

function conceptMarker(concept, k, sx, sy) {
  const {shape, colour, size} = conceptStyle(k);
  const [x, y] = concept.point;
  const cx = sx(x), cy = sy(y), h = size / 2;
  const attrs = {fill: colour, stroke: '#fff', 'stroke-width': 1.5, id: conceptId(concept.key), class: 'concept',
    'data-concept': concept.key};
  const tooltip = svg('title', {}, concept.name + ' point');
  const polygon = points => svg('polygon', {...attrs, points: points.map(([px, py]) => (cx + px) + ',' + (cy + py)).join(' ')}, tooltip);
  switch (shape) {
    case 'diamond':
      return svg('rect', {...attrs, x: cx - h, y: cy - h, width: size, height: size, transform: `rotate(45 ${cx} ${cy})`}, tooltip);
    case 'square':
      return svg('rect', {...attrs, x: cx - h, y: cy - h, width: size, height: size}, tooltip);
    case 'triangle':
      return polygon([[-h, -h], [h, -h], [0, h]]);
    case 'circle':
      return svg('circle', {...attrs, cx, cy, r: h}, tooltip);
    default: {
      const t = h * 0.4;
      return polygon([[-h, -h + t], [-t, 0], [-h, h - t], [-h + t, h], [0, t], [h - t, h], [h, h - t], [t, 0], [h, -h + t],
        [h - t, -h], [0, -t], [-h + t, -h]]);
    }
  }
}

function outcomePlot(data, colours) {
  const W = 660, H = 500, L = 60, R = 20, T = 18, B = 54;
  const max = 100;
  const sx = x => L + (W - L - R) * x / max;
  const sy = y => H - B - (H - T - B) * y / max;
  const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', id: 'outcome-plot',
    'aria-label': 'Outcome space of ' + data.x + ' and ' + data.y});
  const grid = svg('g', {});
  for (let v = 0; v <= max; v += 20) {
    grid.append(svg('line', {x1: sx(v), x2: sx(v), y1: sy(0), y2: sy(max), stroke: '#eef0f4'}));
    grid.append(svg('line', {x1: sx(0), x2: sx(max), y1: sy(v), y2: sy(v), stroke: '#eef0f4'}));
    grid.append(svg('text', {x: sx(v), y: sy(0) + 18, 'text-anchor': 'middle', 'font-size': 11, fill: '#7b8497'}, v));
    grid.append(svg('text', {x: sx(0) - 8, y: sy(v) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#7b8497'}, v));
  }
  grid.append(svg('line', {x1: sx(0), x2: sx(max), y1: sy(0), y2: sy(0), stroke: '#9aa3b5'}));
  grid.append(svg('line', {x1: sx(0), x2: sx(0), y1: sy(0), y2: sy(max), stroke: '#9aa3b5'}));
  grid.append(svg('text', {x: (sx(0) + sx(max)) / 2, y: H - 12, 'text-anchor': 'middle', 'font-size': 13, fill: '#4a5468', 'font-weight': 600},
    title(data.x) + '’s score'));
  grid.append(svg('text', {x: 16, y: (sy(0) + sy(max)) / 2, 'text-anchor': 'middle', 'font-size': 13, fill: '#4a5468', 'font-weight': 600,
    transform: `rotate(-90 16 ${(sy(0) + sy(max)) / 2})`}, title(data.y) + '’s score'));
  root.append(grid);

  const dots = svg('g', {});
  for (const [x, y] of data.outcomes) dots.append(svg('circle', {cx: sx(x), cy: sy(y), r: 2.3, fill: '#c9ced8', 'fill-opacity': .75}));
  for (const [x, y] of data.acceptable) dots.append(svg('circle', {cx: sx(x), cy: sy(y), r: 2.8, fill: '#8fb3ea'}));
  root.append(dots);

  const res = data.reservations;
  root.append(svg('line', {x1: sx(res.x), x2: sx(res.x), y1: sy(0), y2: sy(max), stroke: '#9aa3b5', 'stroke-dasharray': '5 4'}));
  root.append(svg('line', {x1: sx(0), x2: sx(max), y1: sy(res.y), y2: sy(res.y), stroke: '#9aa3b5', 'stroke-dasharray': '5 4'}));

  if (data.frontier.length) {
    root.append(svg('polyline', {points: data.frontier.map(([x, y]) => sx(x) + ',' + sy(y)).join(' '),
      fill: 'none', stroke: '#1e3a8a', 'stroke-width': 2.2, 'stroke-linejoin': 'round', id: 'frontier'}));
    for (const [x, y] of data.frontier) root.append(svg('circle', {cx: sx(x), cy: sy(y), r: 3, fill: '#1e3a8a'}));
  }

  for (const [party, points] of Object.entries(data.offers)) {
    if (!points.length) continue;
    const colour = colours[party] || '#6b7280';
    const g = svg('g', {class: 'offers', 'data-party': party});
    g.append(svg('polyline', {points: points.map(([x, y]) => sx(x) + ',' + sy(y)).join(' '), fill: 'none', stroke: colour,
      'stroke-width': 1.4, 'stroke-opacity': .75}));
    points.forEach(([x, y], i) => g.append(svg('circle', {cx: sx(x), cy: sy(y), r: i === points.length - 1 ? 5 : 3.6,
      fill: colour, stroke: '#fff', 'stroke-width': 1})));
    root.append(g);
  }

  // The solution concepts' points, in the server's order; each later one is drawn smaller, on top,
  // so that points that coincide all show.
  (data.concepts || []).forEach((concept, k) => root.append(conceptMarker(concept, k, sx, sy)));
  if (data.agreement) {
    const [x, y] = data.agreement;
    root.append(svg('circle', {cx: sx(x), cy: sy(y), r: 11, fill: 'none', stroke: '#f59e0b', 'stroke-width': 3, id: 'agreement'}));
    root.append(svg('circle', {cx: sx(x), cy: sy(y), r: 3, fill: '#f59e0b'}));
  }
  return root;
}

function plotLegend(data, colours) {
  const item = (cls, colour, text) => el('span', {}, el('i', {class: cls, dataset: {colour}}), text);
  const items = [item('', '#c9ced8', 'possible deal'), item('', '#8fb3ea', 'could pass under the rule'),
    item('line', '#1e3a8a', 'Pareto frontier')];
  (data.concepts || []).forEach((concept, k) => {
    const style = conceptStyle(k);
    items.push(item(style.shape, style.colour, concept.name + ' point'));
  });
  if (data.agreement) items.push(item('', '#f59e0b', 'the agreement'));
  for (const [party, points] of Object.entries(data.offers)) {
    if (points.length) items.push(item('', colours[party] || '#6b7280', (party === 'mediator' ? 'mediator' : title(party)) + '’s offers'));
  }
  items.push(item('line', '#9aa3b5', 'walk-away values (dashed)'));
  // What the dots are of the whole space: a sample of a large space says so.
  if (data.sample) items.push(el('span', {class: 'sample-note'}, 'Dots: ' + data.sample + '; the frontier and points are exact.'));
  return items;
}
