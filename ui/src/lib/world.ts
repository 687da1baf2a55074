// The world map's geometry, computed once: Natural Earth 110m countries (bundled, so the map
// works offline) in the Equal Earth projection, with a point per country for markers and arcs.
import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import { alpha2OfNumeric } from './countries';

export const WIDTH = 960;
export const HEIGHT = 470;

/** ISO 3166-1 numeric of Antarctica: no data go there, and it would take a fifth of the picture. */
const ANTARCTICA = '010';

/** Destinations too small for the 110m map, placed by hand (longitude, latitude of the capital). */
const SMALL: Record<string, [number, number]> = {
  SG: [103.82, 1.35], HK: [114.17, 22.32], MO: [113.55, 22.19], MT: [14.45, 35.9], BH: [50.56, 26.07],
  MU: [57.55, -20.3], GG: [-2.58, 49.45], JE: [-2.13, 49.21], IM: [-4.53, 54.24], AD: [1.6, 42.55],
  MC: [7.42, 43.74], LI: [9.55, 47.16], SM: [12.46, 43.94], VA: [12.45, 41.9], GI: [-5.35, 36.14],
  BM: [-64.78, 32.3], KY: [-81.25, 19.3], VG: [-64.62, 18.42], FO: [-6.9, 62.0],
};

export interface CountryShape {
  /** ISO alpha-2; null for the few shapes without an ISO code (Kosovo, Somaliland, N. Cyprus). */
  code: string | null;
  /** The SVG path. */
  d: string;
}

const collection = feature(atlas, atlas.objects.countries) as FeatureCollection<Geometry, { name: string }>;
const features = collection.features.filter((f) => f.id !== ANTARCTICA);

const projection = geoEqualEarth().fitExtent(
  [[6, 6], [WIDTH - 6, HEIGHT - 6]],
  { type: 'FeatureCollection', features },
);
const path = geoPath(projection);

const codeOf = (f: Feature) => (f.id === undefined ? null : (alpha2OfNumeric(String(f.id)) ?? null));

export const shapes: CountryShape[] = features
  .map((f) => ({ code: codeOf(f), d: path(f) ?? '' }))
  .filter((s) => s.d);

/** The centre of a country's largest piece, so France sits in Europe, not between it and Guiana. */
function mainCentroid(geometry: Geometry): [number, number] {
  if (geometry.type !== 'MultiPolygon') return geoCentroid(geometry);
  const pieces: Polygon[] = (geometry as MultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  const largest = pieces.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
  return geoCentroid(largest);
}

const points = new Map<string, [number, number]>();
for (const f of features) {
  const code = codeOf(f);
  const xy = code ? projection(mainCentroid(f.geometry)) : null;
  if (code && xy) points.set(code, xy);
}
for (const [code, lonLat] of Object.entries(SMALL)) {
  const xy = projection(lonLat);
  if (xy && !points.has(code)) points.set(code, xy);
}

/** Where a country sits on the map, or null when it cannot be placed (an international organisation). */
export function pointOf(code: string | null | undefined): [number, number] | null {
  return code ? (points.get(code.toUpperCase()) ?? null) : null;
}

/** A gentle arc from one point to another, bowed to the left of its direction (northwards for eastward flows). */
export function arc(from: [number, number], to: [number, number]): string {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length = Math.hypot(dx, dy);
  const bow = Math.min(0.3 * length, 120);
  // Bow upwards whichever way the flow goes, like flight routes on a map.
  const side = dx >= 0 ? 1 : -1;
  const cx = (x1 + x2) / 2 + (dy / (length || 1)) * bow * side;
  const cy = (y1 + y2) / 2 - (Math.abs(dx) / (length || 1)) * bow;
  return `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`;
}
