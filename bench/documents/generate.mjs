// Deterministic synthetic municipality for the document benchmark (issue #6 item 6): a bilingual
// municipality with sectors, responsibility areas and cost centers; five years of budgets,
// amendments, actuals and economic plans with figures on the detail lines of the leaf units
// (parents roll up); personnel per sector; goals, metrics and values; narratives in fi and sv.
// Same arguments, same bytes.
//   node generate.mjs OUT_DIR [SECTORS AREAS_PER_SECTOR COST_CENTERS]   (default 10 6 229 = 300 units)
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2] ?? 'out';
const nSectors = Number(process.argv[3] ?? 10);
const areasPerSector = Number(process.argv[4] ?? 6);
const nCenters = Number(process.argv[5] ?? 229);
const ROOT = 'bench';
const FIRST = 2021, LAST_ACTUAL = 2024, LAST_BUDGET = 2025;  // five financial years
const years = (a, b) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

// mulberry32: small, fast, deterministic.
let seed = 20250601;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (a, b) => a + (b - a) * rnd();
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const roundTo = (x, step) => Math.round(x / step) * step;

const files = new Map();  // relative path → text
const field = (v) => (/[;"\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));  // RFC 4180
const csv = (name, header, rows) => files.set(name, [header, ...rows.map((r) => r.map(field).join(';'))].join('\n') + '\n');

// ---- organisation -------------------------------------------------------------------------
const SECTORS = [
  ['konserni', 'Konsernipalvelut', 'Koncerntjänster', 'konsernipalvelujohtaja', 'koncerntjänstdirektören',
    [['Hallinto', 'Förvaltning'], ['Talouspalvelut', 'Ekonomitjänster'], ['Henkilöstöpalvelut', 'Personaltjänster'],
      ['Tietohallinto', 'Dataförvaltning'], ['Viestintä', 'Kommunikation'], ['Asiakaspalvelu', 'Kundtjänst']]],
  ['sivistys', 'Sivistyspalvelut', 'Bildningstjänster', 'sivistysjohtaja', 'bildningsdirektören',
    [['Sivistyshallinto', 'Bildningsförvaltning'], ['Lukiokoulutus', 'Gymnasieutbildning'], ['Kansalaisopisto', 'Medborgarinstitut'],
      ['Musiikkiopisto', 'Musikinstitut'], ['Oppilashuolto', 'Elevvård'], ['Koulukuljetukset', 'Skolskjutsar']]],
  ['varhaiskasvatus', 'Varhaiskasvatus', 'Småbarnspedagogik', 'varhaiskasvatusjohtaja', 'direktören för småbarnspedagogik',
    [['Päiväkodit pohjoinen', 'Daghem norr'], ['Päiväkodit etelä', 'Daghem söder'], ['Perhepäivähoito', 'Familjedagvård'],
      ['Esiopetus', 'Förskoleundervisning'], ['Erityisvarhaiskasvatus', 'Specialsmåbarnspedagogik'], ['Avoin varhaiskasvatus', 'Öppen småbarnspedagogik']]],
  ['perusopetus', 'Perusopetus', 'Grundläggande utbildning', 'opetusjohtaja', 'undervisningsdirektören',
    [['Alakoulut', 'Lågstadieskolor'], ['Yläkoulut', 'Högstadieskolor'], ['Ruotsinkielinen opetus', 'Svenskspråkig undervisning'],
      ['Erityisopetus', 'Specialundervisning'], ['Aamu- ja iltapäivätoiminta', 'Morgon- och eftermiddagsverksamhet'], ['Koulunkäynninohjaus', 'Skolgångshandledning']]],
  ['vapaa-aika', 'Vapaa-aikapalvelut', 'Fritidstjänster', 'vapaa-aikajohtaja', 'fritidsdirektören',
    [['Kirjastopalvelut', 'Bibliotekstjänster'], ['Liikuntapalvelut', 'Idrottstjänster'], ['Nuorisopalvelut', 'Ungdomstjänster'],
      ['Kulttuuripalvelut', 'Kulturtjänster'], ['Museo', 'Museum'], ['Uimahalli', 'Simhall']]],
  ['kaupunkiymparisto', 'Kaupunkiympäristö', 'Stadsmiljö', 'kaupunkiympäristöjohtaja', 'stadsmiljödirektören',
    [['Kaavoitus', 'Planläggning'], ['Rakennusvalvonta', 'Byggnadstillsyn'], ['Maankäyttö', 'Markanvändning'],
      ['Mittaus ja paikkatieto', 'Mätning och geodata'], ['Ympäristönsuojelu', 'Miljöskydd'], ['Joukkoliikenne', 'Kollektivtrafik']]],
  ['tekninen', 'Tekniset palvelut', 'Tekniska tjänster', 'tekninen johtaja', 'tekniska direktören',
    [['Kadut ja tiet', 'Gator och vägar'], ['Puistot', 'Parker'], ['Varikko', 'Depå'],
      ['Jätehuolto', 'Avfallshantering'], ['Satama', 'Hamn'], ['Talvikunnossapito', 'Vinterunderhåll']]],
  ['elinvoima', 'Elinvoimapalvelut', 'Livskraftstjänster', 'elinvoimajohtaja', 'livskraftsdirektören',
    [['Elinkeinopalvelut', 'Näringslivstjänster'], ['Työllisyyspalvelut', 'Sysselsättningstjänster'], ['Matkailu', 'Turism'],
      ['Tapahtumat', 'Evenemang'], ['Kotoutuminen', 'Integration'], ['Työpaja', 'Verkstad']]],
  ['tilapalvelut', 'Tilapalvelut', 'Lokaltjänster', 'tilapalvelupäällikkö', 'lokaltjänstchefen',
    [['Kiinteistöt', 'Fastigheter'], ['Siivous', 'Städning'], ['Ruokapalvelut', 'Kosthåll'],
      ['Huolto', 'Underhåll'], ['Investoinnit', 'Investeringar'], ['Energianhallinta', 'Energihantering']]],
  ['ymparistoterveys', 'Ympäristöterveys', 'Miljöhälsa', 'ympäristöterveysjohtaja', 'miljöhälsodirektören',
    [['Elintarvikevalvonta', 'Livsmedelstillsyn'], ['Terveysvalvonta', 'Hälsoskyddstillsyn'], ['Eläinlääkintä', 'Veterinärvård'],
      ['Tupakkavalvonta', 'Tobakstillsyn'], ['Laboratorio', 'Laboratorium'], ['Löytöeläimet', 'Hittedjur']]],
];
const PLACES = [['Keskusta', 'Centrum'], ['Pohjoinen', 'Norr'], ['Etelä', 'Söder'], ['Itä', 'Öster'], ['Länsi', 'Väster'],
  ['Kylät', 'Byarna']];
if (nSectors > SECTORS.length || areasPerSector > 6) throw new Error('at most 10 sectors of 6 areas');

const units = [[ROOT, `${FIRST - 1}-01-01`, '', '', 'municipality', 'Vertailun kaupunki', 'Jämförelse stad', 'kaupunginjohtaja', 'stadsdirektören', '']];
const sectors = [], areas = [], centers = [];
for (let s = 0; s < nSectors; s++) {
  const [id, fi, sv, rfi, rsv, areaNames] = SECTORS[s];
  sectors.push({ id, fi, sv, areas: [] });
  units.push([id, `${FIRST - 1}-01-01`, '', ROOT, 'sector', fi, sv, rfi, rsv, 'operating_margin']);
  for (let a = 0; a < areasPerSector; a++) {
    const aid = `${id}-${a + 1}`;
    const [afi, asv] = areaNames[a];
    const area = { id: aid, fi: afi, sv: asv, sector: id, centers: [] };
    sectors[s].areas.push(area);
    areas.push(area);
    if (a === 0 && s < 2) {
      // A renamed unit: a second version, so tables of 2024 and later use the new name.
      units.push([aid, `${FIRST - 1}-01-01`, '2023-12-31', id, 'area', `${afi} (vanha)`, `${asv} (gammal)`, 'päällikkö', 'chefen', '']);
      units.push([aid, '2024-01-01', '', id, 'area', afi, asv, 'päällikkö', 'chefen', '']);
    } else {
      units.push([aid, `${FIRST - 1}-01-01`, '', id, 'area', afi, asv, 'päällikkö', 'chefen', '']);
    }
  }
}
// Cost centers spread round-robin over the areas, named after the area and a place.
for (let c = 0; c < nCenters; c++) {
  const area = areas[c % areas.length];
  const k = area.centers.length;
  const [pfi, psv] = PLACES[k % PLACES.length];
  const id = `kp-${String(1001 + c)}`;
  area.centers.push(id);
  // Base yearly operating costs in euros, log-normal: 0.2–5 M€, most around 1 M€.
  const cost = Math.min(5e6, Math.max(2e5, Math.exp(13.8 + 0.7 * (rnd() + rnd() + rnd() - 1.5))));
  centers.push({ id, area, sector: area.sector, cost, technical: area.sector === 'tekninen' || area.sector === 'tilapalvelut' });
  units.push([id, `${FIRST - 1}-01-01`, '', area.id, 'cost_center', `${area.fi}, ${pfi}`, `${area.sv}, ${psv}`, '', '', '']);
}
csv('units.csv', 'id;valid_from;valid_to;parent;kind;name_fi;name_sv;responsible_fi;responsible_sv;binding_line', units);

files.set('municipality.toml', `id = "${ROOT}"\ncode = "998"\nname_fi = "Vertailun kaupunki"\nname_sv = "Jämförelse stad"\n` +
  'languages = ["fi", "sv"]\nprimary_language = "fi"\n');
files.set('README.md', `Synthetic benchmark dataset written by bench/documents/generate.mjs (${units.length} unit versions). Not real data.\n`);

// ---- scenarios ----------------------------------------------------------------------------
const scenarios = [];
const amendmentsOf = {};
for (const y of years(FIRST, LAST_BUDGET)) {
  scenarios.push([`ta${y}`, 'budget', y, '', `Talousarvio ${y}`, `Budget ${y}`, '', '']);
  if (y <= LAST_ACTUAL) {
    amendmentsOf[y] = [];
    for (let k = 1; k <= 2; k++) {
      const id = `tam${y}-${k}`;
      amendmentsOf[y].push(id);
      const date = k === 1 ? `${y}-06-15` : `${y}-11-30`;
      scenarios.push([id, 'amendment', y, '', `Talousarviomuutos ${k}/${y}`, `Budgetändring ${k}/${y}`, `KV ${date.slice(5, 7)}/${y} § ${10 + k * 7}`, date]);
    }
    scenarios.push([`tp${y}`, 'actual', y, '', `Tilinpäätös ${y}`, `Bokslut ${y}`, '', '']);
  }
  for (const p of [y + 1, y + 2])
    scenarios.push([`ts${y}-${p}`, 'plan', p, y, `Taloussuunnitelma ${p} (TA ${y})`, `Ekonomiplan ${p} (BU ${y})`, '', '']);
}
csv('scenarios.csv', 'id;kind;year;base_year;name_fi;name_sv;decision_ref;decision_date', scenarios);

// ---- figures: every detail and memo line at every cost center -----------------------------
const COSTS = ['wages', 'side_costs', 'services', 'materials', 'subsidies', 'other_costs'];
const INCOME = ['sales', 'fees', 'grants', 'other_income'];
const MEMO = ['depreciation', 'internal_net', 'imputed_net'];
const figures = [];
const sectorWages = {};  // sector → year → actual (or budget) wages, for person-years
for (const c of centers) {
  // The center's cost structure (shares of its operating costs), fixed over the years.
  const w = { wages: between(0.3, 0.55), services: between(0.15, 0.4), materials: between(0.03, 0.12),
    subsidies: rnd() < 0.3 ? between(0.01, 0.08) : 0, other_costs: between(0.02, 0.06) };
  w.side_costs = w.wages * 0.21;
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  const base = {};
  for (const l of COSTS) base[l] = -c.cost * w[l] / total;
  base.sales = c.cost * between(0, 0.08);
  base.fees = rnd() < 0.6 ? c.cost * between(0.01, 0.1) : 0;
  base.grants = c.cost * between(0, 0.05);
  base.other_income = c.cost * between(0, 0.02);
  if (c.technical) {
    base.inventory_change = c.cost * between(-0.01, 0.01);
    base.own_use = c.cost * between(0.01, 0.04);
  }
  base.depreciation = -c.cost * between(0.01, 0.05);
  base.internal_net = c.cost * between(-0.1, 0.05);
  base.imputed_net = c.cost * between(-0.05, 0.05);
  const lines = Object.keys(base);
  const budget = {};
  for (const y of years(FIRST, LAST_BUDGET)) {
    const growth = Math.pow(1.025, y - FIRST);
    budget[y] = {};
    for (const l of lines) {
      budget[y][l] = roundTo(base[l] * growth * between(0.97, 1.03), 100);
      figures.push([c.id, l, `ta${y}`, budget[y][l]]);
    }
    for (const p of [y + 1, y + 2])
      for (const l of lines) figures.push([c.id, l, `ts${y}-${p}`, roundTo(budget[y][l] * Math.pow(1.02, p - y) * between(0.99, 1.01), 1000)]);
    if (y > LAST_ACTUAL) {
      (sectorWages[c.sector] ??= {})[y] = (sectorWages[c.sector]?.[y] ?? 0) + budget[y].wages;
      continue;
    }
    // Actuals near the budget; costs mostly a little under it, so binding overruns stay rare
    // (one sector overruns in one year, so the documents' check summaries have a finding).
    const over = c.sector === 'vapaa-aika' && y === LAST_ACTUAL - 1 ? 0.05 : 0;
    const after = { ...budget[y] };
    for (const id of amendmentsOf[y])
      if (rnd() < 0.06) {
        const l = pick(['services', 'wages', 'sales']);
        const a = roundTo(budget[y][l] * between(-0.02, 0.05), 100);
        after[l] += a;
        figures.push([c.id, l, id, a]);
      }
    for (const l of lines) {
      const f = COSTS.includes(l) ? between(0.94, 1.02) + over : INCOME.includes(l) ? between(0.9, 1.1) : between(0.97, 1.03);
      figures.push([c.id, l, `tp${y}`, Math.round(after[l] * f)]);
      if (l === 'wages') (sectorWages[c.sector] ??= {})[y] = (sectorWages[c.sector]?.[y] ?? 0) + after[l] * f;
    }
  }
}
csv('figures.csv', 'unit;line;scenario;amount', figures);

// ---- personnel per sector -------------------------------------------------------------------
const htv = [], headcount = [], retirements = [], ages = [], training = [], survey = [];
for (const s of sectors) {
  const htvOf = (y) => -(sectorWages[s.id][Math.min(y, LAST_BUDGET)] ?? 0) / 43000 * Math.pow(1.01, Math.max(0, y - LAST_BUDGET));
  for (const y of years(FIRST, LAST_BUDGET + 2)) {
    const kind = y <= LAST_ACTUAL ? 'actual' : 'plan';
    htv.push([s.id, y, kind, '', htvOf(y).toFixed(1)]);
    if (s.id === 'elinvoima' || s.id === 'tekninen') htv.push([s.id, y, kind, 'employed', (htvOf(y) * 0.06).toFixed(1)]);
  }
  for (const y of [LAST_ACTUAL - 1, LAST_ACTUAL]) {
    const h = htvOf(y);
    headcount.push([s.id, `${y}-12-31`, 'permanent', Math.round(h * between(0.9, 0.98))]);
    headcount.push([s.id, `${y}-12-31`, 'fixed_term', Math.round(h * between(0.1, 0.25))]);
  }
  for (const y of years(LAST_ACTUAL, LAST_BUDGET + 2)) retirements.push([s.id, y, Math.max(0, Math.round(htvOf(y) * between(0.015, 0.035)))]);
  for (const y of years(LAST_ACTUAL - 2, LAST_ACTUAL)) {
    const days = htvOf(y) * between(1.2, 2.2);
    const eligible = Math.min(days, htvOf(y) * between(0.5, 1.2));
    training.push([s.id, y, days.toFixed(0), eligible.toFixed(0), (eligible * between(45, 60)).toFixed(2)]);
  }
}
for (const u of [ROOT, ...sectors.map((s) => s.id)])
  for (const y of years(LAST_ACTUAL - 2, LAST_BUDGET)) {
    ages.push([u, y, between(43, 49).toFixed(1)]);
    survey.push([u, y, 'response_rate', between(55, 80).toFixed(1)]);
    survey.push([u, y, 'wellbeing', between(3.4, 4.3).toFixed(1)]);
  }
csv('personnel/groups.csv', 'id;name_fi;name_sv', [['employed', 'Työllistetyt', 'Sysselsatta']]);
csv('personnel/employment_types.csv', 'id;name_fi;name_sv', [['permanent', 'vakituiset', 'ordinarie'], ['fixed_term', 'määräaikaiset', 'visstidsanställda']]);
csv('personnel/htv.csv', 'unit;year;kind;group;htv', htv);
csv('personnel/headcount.csv', 'unit;date;type;count', headcount);
csv('personnel/retirements.csv', 'unit;year;count', retirements);
csv('personnel/ages.csv', 'unit;year;average_age', ages);
csv('personnel/training.csv', 'unit;year;days;eligible_days;compensation', training);
csv('personnel/survey_items.csv', 'id;name_fi;name_sv;unit', [['response_rate', 'Vastausprosentti', 'Svarsprocent', '%'],
  ['wellbeing', 'Työhyvinvointi (1–5)', 'Välbefinnande i arbetet (1–5)', 'scale']]);
csv('personnel/survey.csv', 'unit;year;item;value', survey);

// ---- goals: themes, city goals, key goals of the municipality and the sectors, area goals ----
const THEMES = [['elinvoima', 'Elinvoimainen kaupunki', 'Livskraftig stad'], ['hyvinvointi', 'Hyvinvoivat asukkaat', 'Välmående invånare'],
  ['talous', 'Kestävä talous', 'Hållbar ekonomi'], ['henkilosto', 'Osaava ja hyvinvoiva henkilöstö', 'Kunnig personal som mår bra']];
const GOALS = [
  ['Palvelujen saatavuus paranee', 'Tjänsternas tillgänglighet förbättras'], ['Asiakastyytyväisyys kasvaa', 'Kundnöjdheten ökar'],
  ['Toimintakulut pysyvät talousarviossa', 'Verksamhetskostnaderna hålls inom budgeten'], ['Sähköinen asiointi lisääntyy', 'E-tjänsterna ökar'],
  ['Sairauspoissaolot vähenevät', 'Sjukfrånvaron minskar'], ['Yhteistyö yritysten kanssa tiivistyy', 'Samarbetet med företagen fördjupas'],
  ['Tilojen käyttöaste nousee', 'Lokalernas användningsgrad stiger'], ['Osaaminen vahvistuu koulutuksella', 'Kompetensen stärks genom utbildning']];
const ACTIONS = [['Prosessit kuvataan ja niitä kehitetään.', 'Processerna beskrivs och utvecklas.'],
  ['Asiakaspalautetta kerätään säännöllisesti.', 'Kundrespons samlas in regelbundet.'],
  ['Taloutta seurataan kuukausittain.', 'Ekonomin följs upp månatligen.'], ['Henkilöstölle järjestetään koulutusta.', 'Personalen erbjuds utbildning.'],
  ['Palveluverkko arvioidaan.', 'Servicenätet utvärderas.'], ['Digitaalisia palveluja otetaan käyttöön.', 'Digitala tjänster tas i bruk.']];
const METRICS = [  // name, unit, direction, target, partly, value range
  ['Asiakastyytyväisyys', 'Kundnöjdhet', 'scale', 'up', 4, 3.5, [3.2, 4.5]],
  ['Sähköisten asiointien osuus', 'Andel e-ärenden', '%', 'up', 60, 50, [40, 75]],
  ['Sairauspoissaolopäivät / htv', 'Sjukfrånvarodagar / årsverke', 'count', 'down', 12, 15, [9, 18]],
  ['Toimintakulujen ylitys', 'Överskridning av verksamhetskostnader', 'eur', 'down', 0, 50000, [0, 120000]]];
const themes = THEMES.map(([id, fi, sv]) => [`th-${id}`, `${FIRST}-01-01`, '', fi, sv]);
const themeNumbers = [], goals = [], actions = [], metrics = [], values = [], realisations = [], reviews = [], reviewItems = [];
for (const y of years(FIRST, LAST_BUDGET)) {
  THEMES.forEach(([id, fi, sv], t) => {
    themeNumbers.push([`th-${id}`, y, t + 1]);
    goals.push([`g${y}-city-${t + 1}`, y, ROOT, 'city', `th-${id}`, '', t + 1, `${fi}: kaupunkitason tavoite ${y}.`, `${sv}: stadens mål ${y}.`, '', '']);
  });
  // Key goals of the municipality itself and of each sector, 4–6 a year over the themes.
  for (const owner of [{ id: ROOT, areas: [] }, ...sectors]) {
    const n = 4 + Math.floor(rnd() * 3);
    const review = `tk${y}-${owner.id}`;
    if (y === LAST_BUDGET) reviews.push([review, owner.id, `${y}-06-30`, `Tilannekatsaus kesäkuu ${y}`, `Lägesöversikt juni ${y}`]);
    for (let k = 0; k < n; k++) {
      const t = k % THEMES.length;
      const [gfi, gsv] = GOALS[(k + y) % GOALS.length];
      const gid = `g${y}-${owner.id}-${k + 1}`;
      goals.push([gid, y, owner.id, 'center', `th-${THEMES[t][0]}`, `g${y}-city-${t + 1}`, k + 1, `${gfi} (${y}).`, `${gsv} (${y}).`,
        'toimialajohtaja', 'sektordirektören']);
      for (let a = 0; a < 2; a++) {
        const [afi, asv] = ACTIONS[(k + a + y) % ACTIONS.length];
        actions.push([gid, a + 1, afi, asv, 'johtoryhmä', 'ledningsgruppen']);
      }
      if (owner.areas.length) {
        const area = owner.areas[k % owner.areas.length];
        const aid = `${gid}-a`;
        goals.push([aid, y, area.id, 'area', `th-${THEMES[t][0]}`, gid, 1, `${area.fi}: ${gfi.toLowerCase()}.`, `${area.sv}: ${gsv.toLowerCase()}.`, 'päällikkö', 'chefen']);
        const [afi, asv] = ACTIONS[(k + 3) % ACTIONS.length];
        actions.push([aid, 1, afi, asv, 'vastuualueen päällikkö', 'ansvarsområdets chef']);
      }
      const [mfi, msv, unit, dir, target, partly, [lo, hi]] = METRICS[k % METRICS.length];
      const mid = `m${y}-${owner.id}-${k + 1}`;
      metrics.push([mid, gid, mfi, msv, unit, dir, target, partly, 'talous- ja suunnittelupäällikkö', 'year']);
      const value = () => (unit === 'eur' ? roundTo(between(lo, hi), 1000) : between(lo, hi).toFixed(1));
      values.push([mid, `${y - 1}-12-31`, value(), `seuranta ${y - 1}`]);
      if (y <= LAST_ACTUAL) {
        values.push([mid, `${y}-12-31`, value(), `seuranta ${y}`]);
        realisations.push([gid, y, '', '', '', `Tavoitteen eteen tehtiin suunniteltu työ vuonna ${y}; tulokset näkyvät mittarissa.`,
          `Det planerade arbetet för målet gjordes år ${y}; resultaten syns i mätaren.`]);
      } else {
        values.push([mid, `${y}-06-30`, value(), `puolivuotisseuranta ${y}`]);
        reviewItems.push([review, gid, pick(['met', 'partly', 'not_met']), 'Työ etenee aikataulussa.', 'Arbetet framskrider enligt tidtabellen.']);
      }
    }
  }
}
csv('goals/themes.csv', 'id;valid_from;valid_to;name_fi;name_sv', themes);
csv('goals/theme_numbers.csv', 'theme;year;number', themeNumbers);
csv('goals/goals.csv', 'id;year;unit;level;theme;parent;position;text_fi;text_sv;responsible_fi;responsible_sv', goals);
csv('goals/actions.csv', 'goal;position;text_fi;text_sv;responsible_fi;responsible_sv', actions);
csv('goals/metrics.csv', 'id;goal;name_fi;name_sv;unit;direction;target;partly;owner;frequency', metrics);
csv('goals/metric_values.csv', 'metric;date;value;source', values);
csv('goals/realisations.csv', 'goal;year;status;reason_fi;reason_sv;text_fi;text_sv', realisations);
csv('goals/reviews.csv', 'id;unit;date;title_fi;title_sv', reviews);
csv('goals/review_items.csv', 'review;goal;status;text_fi;text_sv', reviewItems);

// ---- narratives: every section the four templates ask for, for the root, sectors and areas ---
const SENTENCES = [
  ['Toiminta eteni pääosin suunnitellusti.', 'Verksamheten framskred i huvudsak som planerat.'],
  ['Palvelujen kysyntä kasvoi edellisestä vuodesta.', 'Efterfrågan på tjänsterna ökade från föregående år.'],
  ['Henkilöstön saatavuus oli paikoin haasteellista.', 'Det var stundvis svårt att få personal.'],
  ['Kustannustason nousu näkyi erityisesti palvelujen ostoissa.', 'Den stigande kostnadsnivån syntes särskilt i köpen av tjänster.'],
  ['Sähköisiä palveluja kehitettiin yhdessä asukkaiden kanssa.', 'E-tjänsterna utvecklades tillsammans med invånarna.'],
  ['Yhteistyö muiden toimialojen kanssa tiivistyi.', 'Samarbetet med de andra sektorerna fördjupades.'],
  ['Tilojen käyttöä tehostettiin ja vuokrakuluja karsittiin.', 'Lokalanvändningen effektiverades och hyreskostnaderna minskades.'],
  ['Valtionavustuksilla rahoitettiin kaksi kehittämishanketta.', 'Två utvecklingsprojekt finansierades med statsunderstöd.'],
  ['Asiakaspalautteen perusteella palvelujen laatu koettiin hyväksi.', 'Enligt kundresponsen upplevdes tjänsternas kvalitet som god.'],
  ['Talousarviossa pysyminen edellyttää tarkkaa seurantaa.', 'Att hålla budgeten kräver noggrann uppföljning.']];
const BULLETS = [['prosessien sujuvoittaminen', 'smidigare processer'], ['henkilöstön osaamisen vahvistaminen', 'stärkt kompetens hos personalen'],
  ['palveluverkon arviointi', 'utvärdering av servicenätet'], ['digitalisaation edistäminen', 'främjande av digitaliseringen'],
  ['energiatehokkuuden parantaminen', 'bättre energieffektivitet'], ['asiakaslähtöisyyden lisääminen', 'ökad kundorientering']];
const HEADINGS = { events: ['Toimintavuosi', 'Verksamhetsåret'], risks: ['Riskit', 'Risker'], principles: ['Periaatteet', 'Principer'],
  priorities: ['Painopisteet', 'Tyngdpunkter'], tasks: ['Tehtävät', 'Uppgifter'], strategy: ['Strategia', 'Strategi'],
  services: ['Palvelut', 'Tjänster'], general: ['Yleistä', 'Allmänt'], organisation: ['Organisaatio', 'Organisation'],
  training: ['Koulutus', 'Utbildning'] };
function narrative(section, y) {
  const n = 3 + Math.floor(rnd() * 4), start = Math.floor(rnd() * SENTENCES.length), b = Math.floor(rnd() * BULLETS.length);
  const text = (l) => {
    const s = [];
    for (let i = 0; i < n; i++) s.push(SENTENCES[(start + i) % SENTENCES.length][l]);
    const list = [0, 1, 2].map((i) => `- ${BULLETS[(b + i) % BULLETS.length][l]}`).join('\n');
    const lead = l === 0 ? `**${HEADINGS[section][0]} ${y}.**` : `**${HEADINGS[section][1]} ${y}.**`;
    return `${lead} ${s.slice(0, 2).join(' ')}\n\n${l === 0 ? 'Keskeisiä asioita olivat:' : 'Centrala frågor var:'}\n\n${list}\n\n${s.slice(2).join(' ')}\n`;
  };
  return [text(0), text(1)];
}
const ALL = Object.keys(HEADINGS), AREA_SECTIONS = ['events', 'risks', 'tasks', 'priorities'];
for (const y of years(FIRST, LAST_BUDGET)) {
  for (const u of [ROOT, ...sectors.map((s) => s.id)])
    for (const sec of ALL) {
      const [fi, sv] = narrative(sec, y);
      files.set(`narratives/${u}/${y}/${sec}.fi.md`, fi);
      files.set(`narratives/${u}/${y}/${sec}.sv.md`, sv);
    }
  for (const a of areas)
    for (const sec of AREA_SECTIONS) {
      const [fi, sv] = narrative(sec, y);
      files.set(`narratives/${a.id}/${y}/${sec}.fi.md`, fi);
      files.set(`narratives/${a.id}/${y}/${sec}.sv.md`, sv);
    }
}

for (const [name, text] of files) {
  fs.mkdirSync(path.dirname(path.join(out, name)), { recursive: true });
  fs.writeFileSync(path.join(out, name), text);
}
console.log(`${out}: ${units.length} unit versions (${1 + sectors.length + areas.length + centers.length} units), ` +
  `${scenarios.length} scenarios, ${figures.length} figures, ${goals.length} goals, ${files.size} files`);
