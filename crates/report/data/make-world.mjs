// Writes world-110m.txt, the outline the transfer-risk report draws its map on, from the same
// world-atlas file and projection as the window's map (ui/src/lib/world.ts). Run once, from ui/:
//   node --input-type=module < ../crates/report/data/make-world.mjs > ../crates/report/data/world-110m.txt
// (read from standard input, so the packages resolve from ui/node_modules)
import { readFileSync } from 'node:fs';
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';

const atlas = JSON.parse(readFileSync('node_modules/world-atlas/countries-110m.json', 'utf8'));
const WIDTH = 1000;
const HEIGHT = 490;
const ANTARCTICA = '010';
// Destinations too small for the 110m outline, placed at their capitals (as in world.ts).
const SMALL = {
  SG: [103.82, 1.35], HK: [114.17, 22.32], MO: [113.55, 22.19], MT: [14.45, 35.9], BH: [50.56, 26.07],
  MU: [57.55, -20.3], GG: [-2.58, 49.45], JE: [-2.13, 49.21], IM: [-4.53, 54.24], AD: [1.6, 42.55],
  MC: [7.42, 43.74], LI: [9.55, 47.16], SM: [12.46, 43.94], VA: [12.45, 41.9], GI: [-5.35, 36.14],
  BM: [-64.78, 32.3], KY: [-81.25, 19.3], VG: [-64.62, 18.42], FO: [-6.9, 62.0], LU: [6.13, 49.61],
};

const features = feature(atlas, atlas.objects.countries).features.filter((f) => f.id !== ANTARCTICA);
const projection = geoEqualEarth().fitExtent([[0, 0], [WIDTH, HEIGHT]], { type: 'FeatureCollection', features });

function mainCentroid(geometry) {
  if (geometry.type !== 'MultiPolygon') return geoCentroid(geometry);
  const pieces = geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  return geoCentroid(pieces.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a)));
}

// Rings as projected points, rounded to whole units, with repeated points dropped. The path
// generator cuts rings at the antimeridian (Russia, Fiji), which projecting points one by
// one would not: a ring jumping across the map would draw a line over the whole world.
const path = geoPath(projection);
function rings(f) {
  const d = path(f) ?? '';
  const out = [];
  for (const piece of d.split('M').slice(1)) {
    const points = [];
    for (const pair of piece.replace(/Z/g, '').split('L')) {
      const [x, y] = pair.split(',').map(Number);
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const p = [Math.round(x), Math.round(y)];
      const last = points[points.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p);
    }
    if (points.length >= 3) out.push(points);
  }
  return out;
}

const lines = [
  '# The outline of the transfer map: Natural Earth 1:110m countries (public domain), as packaged',
  '# in world-atlas 2.0.2 (ISC licence, copyright 2013-2019 Michael Bostock), Antarctica left out,',
  '# Equal Earth projection fitted to the size below (y grows downwards). Made by make-world.mjs.',
  '# "S width height"; "P code x y": where arcs to a country end; "R code x,y x,y ...": one ring',
  '# of a country\'s outline ("-" for shapes without an ISO code).',
  `S ${WIDTH} ${HEIGHT}`,
];
const placed = new Set();
for (const f of features) {
  const code = f.id === undefined ? null : countries.numericToAlpha2(String(f.id)) ?? null;
  if (code) {
    const xy = projection(mainCentroid(f.geometry));
    if (xy) {
      lines.push(`P ${code} ${Math.round(xy[0])} ${Math.round(xy[1])}`);
      placed.add(code);
    }
  }
  for (const ring of rings(f)) lines.push(`R ${code ?? '-'} ${ring.map((p) => p.join(',')).join(' ')}`);
}
for (const [code, lonLat] of Object.entries(SMALL)) {
  if (placed.has(code)) continue;
  const xy = projection(lonLat);
  if (xy) lines.push(`P ${code} ${Math.round(xy[0])} ${Math.round(xy[1])}`);
}
process.stdout.write(lines.join('\n') + '\n');
