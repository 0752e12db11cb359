// build-geo.mjs writes a GeoJSON map of Europe and its neighbours to stdout, for the ECharts
// map series of the CEAS web UI. Source: Natural Earth 1:50m admin-0 countries as published in
// the world-atlas TopoJSON (ISC), converted with topojson-client.
//
// Every feature carries properties.iso_a2 (ISO 3166-1 alpha-2; GR for Greece and GB for the
// United Kingdom, not the Eurostat codes EL and UK; XK for Kosovo, which ISO has not assigned)
// and properties.name (English short name). Polygons are clipped to a box from the Azores and
// the Canary Islands to the Caspian Sea, so overseas territories and the Russian Far East do not
// stretch the map. Territories that EU law treats as part of a Member State are merged into it:
// Åland into Finland, the area north of the Green Line into Cyprus (Protocol 10 of the 2003 Act
// of Accession suspends the acquis there but does not take it out of Cyprus). Crimea is drawn
// as part of Ukraine (see REASSIGN).
import { readFileSync } from 'node:fs';
import { feature, merge } from 'topojson-client';

const BOX = { west: -32, south: 27, east: 50, north: 72 };
const DECIMALS = 3;

// ISO 3166-1 numeric (the world-atlas id) to alpha-2 and the English short name shown to users.
const COUNTRIES = {
  '008': ['AL', 'Albania'], '012': ['DZ', 'Algeria'], '020': ['AD', 'Andorra'],
  '031': ['AZ', 'Azerbaijan'], '040': ['AT', 'Austria'], '051': ['AM', 'Armenia'],
  '056': ['BE', 'Belgium'], '070': ['BA', 'Bosnia and Herzegovina'], '100': ['BG', 'Bulgaria'],
  '112': ['BY', 'Belarus'], '191': ['HR', 'Croatia'], '196': ['CY', 'Cyprus'],
  '203': ['CZ', 'Czechia'], '208': ['DK', 'Denmark'], '233': ['EE', 'Estonia'],
  '234': ['FO', 'Faroe Islands'], '246': ['FI', 'Finland'], '250': ['FR', 'France'],
  '268': ['GE', 'Georgia'], '275': ['PS', 'Palestine'], '276': ['DE', 'Germany'],
  '300': ['GR', 'Greece'], '336': ['VA', 'Holy See'], '348': ['HU', 'Hungary'],
  '352': ['IS', 'Iceland'], '364': ['IR', 'Iran'], '368': ['IQ', 'Iraq'],
  '372': ['IE', 'Ireland'], '376': ['IL', 'Israel'], '380': ['IT', 'Italy'],
  '398': ['KZ', 'Kazakhstan'], '400': ['JO', 'Jordan'], '414': ['KW', 'Kuwait'],
  '422': ['LB', 'Lebanon'], '428': ['LV', 'Latvia'], '434': ['LY', 'Libya'],
  '438': ['LI', 'Liechtenstein'], '440': ['LT', 'Lithuania'], '442': ['LU', 'Luxembourg'],
  '470': ['MT', 'Malta'], '478': ['MR', 'Mauritania'], '492': ['MC', 'Monaco'],
  '498': ['MD', 'Moldova'], '499': ['ME', 'Montenegro'], '504': ['MA', 'Morocco'],
  '528': ['NL', 'Netherlands'], '578': ['NO', 'Norway'], '616': ['PL', 'Poland'],
  '620': ['PT', 'Portugal'], '642': ['RO', 'Romania'], '643': ['RU', 'Russia'],
  '674': ['SM', 'San Marino'], '682': ['SA', 'Saudi Arabia'], '688': ['RS', 'Serbia'],
  '703': ['SK', 'Slovakia'], '705': ['SI', 'Slovenia'], '724': ['ES', 'Spain'],
  '732': ['EH', 'Western Sahara'], '752': ['SE', 'Sweden'], '756': ['CH', 'Switzerland'],
  '760': ['SY', 'Syria'], '788': ['TN', 'Tunisia'], '792': ['TR', 'Türkiye'],
  '804': ['UA', 'Ukraine'], '807': ['MK', 'North Macedonia'], '826': ['GB', 'United Kingdom'],
  '831': ['GG', 'Guernsey'], '832': ['JE', 'Jersey'], '833': ['IM', 'Isle of Man'],
  '818': ['EG', 'Egypt'],
};
// Features without an ISO numeric id in Natural Earth, by their world-atlas name.
const BY_NAME = { 'Kosovo': ['XK', 'Kosovo'] };
// Shapes merged into the state that EU law counts them in (see the header comment).
const MERGE_INTO = { 'N. Cyprus': '196', 'Åland': '246' };

// Parts that Natural Earth draws by de facto control but EU law counts in another state:
// Crimea is part of Ukraine (UN General Assembly resolution 68/262; the EU does not
// recognise its annexation, Council Decision 2014/386/CFSP). A polygon of `from` lying inside
// `box` [west, south, east, north] is moved to `to` and dissolved into it.
const REASSIGN = [{ from: '643', to: '804', box: [32.3, 44.2, 36.8, 46.3] }];

const topo = JSON.parse(readFileSync(new URL('node_modules/world-atlas/countries-50m.json', import.meta.url)));
const geoms = reassign(topo.objects.countries.geometries);

// groups maps an alpha-2 code to the TopoJSON geometries that make up its shape.
const groups = new Map();
for (const g of geoms) {
  const id = MERGE_INTO[g.properties.name] ?? g.id;
  const entry = COUNTRIES[id] ?? BY_NAME[g.properties.name];
  if (!entry) continue;
  if (!groups.has(entry[0])) groups.set(entry[0], { name: entry[1], geoms: [] });
  groups.get(entry[0]).geoms.push(g);
}

const features = [];
for (const [code, { name, geoms: parts }] of [...groups].sort()) {
  const geometry = shapeOf(parts);
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .map((p) => keepMostly(p, clipPolygon(p))).filter((p) => p.length > 0);
  if (polygons.length === 0) continue;
  features.push({
    type: 'Feature',
    properties: { iso_a2: code, name },
    geometry: polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons },
  });
}
process.stdout.write(JSON.stringify({ type: 'FeatureCollection', features }) + '\n');

// reassign moves the polygons listed in REASSIGN between countries; it returns new geometry
// objects and leaves the topology's arcs alone, so merge() dissolves the moved parts.
function reassign(list) {
  const out = list.map((g) => ({ ...g }));
  for (const { from, to, box } of REASSIGN) {
    const src = out.find((g) => g.id === from), dst = out.find((g) => g.id === to);
    if (!src || !dst || src.type !== 'MultiPolygon') throw new Error(`reassign ${from} -> ${to}: shapes not found`);
    const moved = [], kept = [];
    src.arcs.forEach((arcs, i) => {
      const [w, s, e, n] = bbox(feature(topo, { type: 'Polygon', arcs }).geometry.coordinates[0]);
      (w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3] ? moved : kept).push(arcs);
    });
    if (moved.length === 0) throw new Error(`reassign ${from} -> ${to}: nothing inside the box`);
    src.arcs = kept;
    const merged = merge(topo, [dst, ...moved.map((arcs) => ({ type: 'Polygon', arcs }))]);
    dst.type = 'Merged';
    dst.geometry = merged;
  }
  return out;
}

function bbox(ring) {
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

// shapeOf returns the GeoJSON geometry of a group of TopoJSON geometries.
function shapeOf(parts) {
  if (parts.length === 1 && parts[0].type === 'Merged') return parts[0].geometry;
  if (parts.some((p) => p.type === 'Merged')) throw new Error('cannot merge a reassigned shape again');
  return parts.length > 1 ? merge(topo, parts) : feature(topo, parts[0]).geometry;
}

// keepMostly drops a clipped polygon that is a small sliver of a shape lying mostly outside
// the box (the southern tip of Novaya Zemlya, a strip of Greenland's coast), which would show
// as a meaningless band along the edge; large remainders such as European Russia stay.
function keepMostly(original, clipped) {
  if (clipped.length === 0) return clipped;
  const inside = Math.abs(area(clipped[0])), whole = Math.abs(area(original[0].map(roundPoint)));
  return inside < 5 && inside < 0.5 * whole ? [] : clipped;
}

// clipPolygon clips every ring of a polygon to BOX; it returns [] when the outer ring vanishes.
function clipPolygon(rings) {
  const out = [];
  // A ring that touches the antimeridian (Russia) jumps from 180°E to 180°W; clipping that
  // jump would draw a false strip across the whole box. Unwrap it to run on past 180°E
  // first, so the far-eastern part simply falls outside the box.
  if (rings[0].some((p) => Math.abs(p[0]) === 180)) {
    rings = rings.map((r) => r.map((p) => (p[0] < -90 ? [p[0] + 360, p[1]] : p)));
  }
  for (const [i, ring] of rings.entries()) {
    const clipped = dedupe(clipRing(ring).map(roundPoint));
    if (clipped.length < 4 || Math.abs(area(clipped)) < 1e-6) {
      if (i === 0) return [];
      continue;
    }
    out.push(clipped);
  }
  return out;
}

// clipRing is Sutherland-Hodgman clipping against the four edges of BOX; the ring stays closed.
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= BOX.west, (a, b) => atX(a, b, BOX.west)],
    [(p) => p[0] <= BOX.east, (a, b) => atX(a, b, BOX.east)],
    [(p) => p[1] >= BOX.south, (a, b) => atY(a, b, BOX.south)],
    [(p) => p[1] <= BOX.north, (a, b) => atY(a, b, BOX.north)],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of edges) {
    const next = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(cut(prev, cur));
        next.push(cur);
      } else if (inside(prev)) {
        next.push(cut(prev, cur));
      }
    }
    pts = next;
    if (pts.length === 0) return [];
  }
  return [...pts, pts[0]];
}

function atX(a, b, x) { return [x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])]; }
function atY(a, b, y) { return [a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y]; }
function roundPoint(p) { const f = 10 ** DECIMALS; return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f]; }
function dedupe(ring) { return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]); }
function area(ring) {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
  return s / 2;
}
