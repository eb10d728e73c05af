// Writes the demo general-ledger export ledger-2025-01-09.csv (January–September 2025) from
// the demo's 2025 budget, so the follow-up shows plausible realisation to date:
//   node data/demo/ledger/generate.mjs   (deterministic: same bytes every run)
//
// Loviisa's city chancellery center books on five cost centers of its three areas, whose
// budgets are split over lines as the center's detail budget is (annual targets below sum
// to the center's TA 2025 lines and to each area's TA 2025 totals). Heinola books its wages
// and side costs (budgeted city-wide) on its three service areas by their 2025 person-years.
// Wages carry the June holiday bonus (lomaraha), so nine months are 77.5 % of the year;
// the ICT area's purchases run ahead of budget. Internal rents are on the city's own
// accounts 9800–9899 (the mapping sends them to Sisäiset erät).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// A deterministic random stream (mulberry32) per seed; each part of the file has its own, so
// adding a part leaves the rows of the others byte for byte as they were.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(434111);

const MONTHS = 9;
const wageProfile = [1, 1, 1, 1, 1, 1.5, 0.8, 1, 1].map((x) => x / 12);  // 9,3/12 of the year
const even = (share) => Array(MONTHS).fill(share / MONTHS);
const uneven = (share) => {  // invoices arrive unevenly
  const w = Array.from({ length: MONTHS }, (_, m) => (m === 6 ? 0.5 : 0.8 + 0.4 * rnd()));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x / sum) * share);
};
const lumps = (byMonth) => Array.from({ length: MONTHS }, (_, m) => byMonth[m + 1] ?? 0);

// Accounts (AURA) per line, with the description a booking of it gets.
const A = {
  wages: [[4000, 'Kuukausipalkat'], [4000, 'Tuntipalkat'], [4090, 'Henkilöstökorvaukset']],
  side: [[4110, 'Eläkevakuutusmaksut'], [4210, 'Muut henkilösivukulut']],
  services: [[4340, 'Asiantuntijapalvelut'], [4341, 'Toimistopalvelut'], [4342, 'ICT-palvelut'], [4350, 'Ilmoitukset'],
    [4360, 'Postitus'], [4420, 'Matkat'], [4440, 'Koulutus'], [4470, 'Muut palvelut']],
  ict: [[4342, 'ICT-palvelut'], [4342, 'Ohjelmistolisenssit'], [4342, 'Tietoliikenne'], [4340, 'Asiantuntijapalvelut']],
  materials: [[4500, 'Toimistotarvikkeet'], [4510, 'Kirjallisuus'], [4580, 'Kalusto']],
  subsidies: [[4742, 'Avustukset yhteisöille']],
  other: [[4820, 'Huoneistovuokrat'], [4830, 'Laitevuokrat'], [4940, 'Muut toimintakulut']],
  sales: [[3005, 'Myyntituotot']],
  grants: [[3300, 'Hankeavustus']],
  depreciation: [[7170, 'Suunnitelman mukaiset poistot']],
  internal: [[9810, 'Sisäiset vuokrat']],
};

// [cost center, the share of its area it books, its area's bookings: line → [annual euros, monthly shares]]
const kp = (f) => ({
  wages: [384000 * f, wageProfile], side: [96000 * f, wageProfile], services: [600000 * f, uneven(0.70)],
  materials: [20000 * f, uneven(0.675)], subsidies: [35000 * f, lumps({ 3: 0.5 })], other: [55449 * f, uneven(0.72)],
  sales: [500 * f, lumps({ 4: 0.4, 8: 0.3 })], depreciation: [-5939 * f, even(0.75)], internal: [-96000 * f, even(0.75)],
});
const loviisa = [
  ['1110', kp(0.7)],
  ['1111', kp(0.3)],
  ['1120', { wages: [280000, wageProfile], side: [70000, wageProfile], ict: [730000, uneven(0.82)],
    materials: [25000, uneven(0.675)], other: [13985, uneven(0.72)], depreciation: [-12844, even(0.75)],
    internal: [-36000, even(0.75)] }],
  ['1130', { wages: [1011755 * 0.6, wageProfile], side: [252939 * 0.6, wageProfile], services: [680045, uneven(0.72)],
    materials: [24150, uneven(0.675)], other: [37816, uneven(0.72)], grants: [150000, lumps({ 3: 0.4, 6: 0.3 })],
    depreciation: [-25811, even(0.75)], internal: [-54000, even(0.75)] }],
  ['1131', { wages: [1011755 * 0.4, wageProfile], side: [252939 * 0.4, wageProfile] }],
];
const heinolaShare = { '2100': 0.095, '2200': 0.68, '2300': 0.225 };
const heinola = Object.entries(heinolaShare).map(([cc, s]) => [cc, { wages: [25285000 * s, wageProfile], side: [6143000 * s, wageProfile] }]);

// Costs are negative and income positive in Toteuma; the export writes them so.
const sign = { sales: 1, grants: 1 };
const rows = [];
let voucher = 250001;
for (let m = 0; m < MONTHS; m++) {
  for (const [cc, lines] of [...loviisa, ...heinola]) {
    for (const [line, [annual, shares]] of Object.entries(lines)) {
      const target = Math.round(Math.abs(annual) * shares[m] * 100) * (sign[line] ?? -1);
      if (target === 0) continue;
      const accounts = A[line];
      const n = line === 'services' || line === 'ict' ? 4 + Math.floor(rnd() * 8) : line === 'materials' || line === 'other' ? 1 + Math.floor(rnd() * 3) : accounts.length;
      const w = Array.from({ length: n }, () => 0.2 + rnd());
      const sum = w.reduce((a, b) => a + b, 0);
      let left = target;
      for (let i = 0; i < n; i++) {
        const cents = i === n - 1 ? left : Math.round((target * w[i]) / sum);
        left -= cents;
        const [account, text] = accounts[i % accounts.length];
        const last = [31, 28, 31, 30, 31, 30, 31, 31, 30][m];
        const day = line === 'wages' || line === 'side' ? (m === 5 && i === 0 ? 15 : last) : 1 + Math.floor(rnd() * last);
        rows.push({ date: `${day}.${m + 1}.2025`, sort: m * 100 + day, voucher: voucher++, account, cc, cents, text });
      }
    }
  }
}

// The rest of the city (issue 14): the other three sectors on their own cost centers and the
// city-level items (taxes, state transfers, financial items, an extraordinary gain) on the
// financing cost center 1900 of the root unit. A random stream and voucher series of their own,
// so the rows above stay byte for byte what they were. Annual amounts are signed (income +,
// costs −) and are the demo's TA 2025 lines (data/demo/figures.csv); depreciation is booked on
// the sectors' cost centers, since the city's depreciation is the sum of its sectors'.
const rnd2 = mulberry32(434112);
const uneven2 = (share) => {
  const w = Array.from({ length: MONTHS }, (_, m) => (m === 6 ? 0.5 : 0.8 + 0.4 * rnd2()));
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (x / sum) * share);
};
const heating = [0.14, 0.13, 0.11, 0.08, 0.06, 0.04, 0.04, 0.05, 0.07];  // energy: winter-heavy, 72 % by September
const schoolWages = [1, 1, 1, 1, 1, 1.6, 0.45, 0.75, 1].map((x) => x / 12.2);  // term pay, June bonus, summer break
Object.assign(A, {
  fees: [[3295, 'Maksutuotot']],
  rents: [[3440, 'Maa- ja vesialueiden vuokrat'], [3530, 'Muut tuotot']],
  plots: [[3510, 'Tonttien myyntivoitot']],
  energy: [[4500, 'Aineet ja tarvikkeet'], [4530, 'Lämmitys ja sähkö']],
  impairments: [[7230, 'Pysyvien vastaavien hyödykkeiden arvonalentumiset']],
  muniTax: [[5000, 'Kunnan tulovero']], propertyTax: [[5100, 'Kiinteistövero']], corpTax: [[5200, 'Osuus yhteisöveron tuotosta']],
  basicTransfer: [[5501, 'Peruspalvelujen valtionosuus']], equalisation: [[5502, 'Verotuloihin perustuva tasaus']],
  interestIncome: [[6050, 'Muut korkotuotot']], dividends: [[6100, 'Osinkotuotot']],
  interestCosts: [[6255, 'Korkokulut lainoista']], otherFinCosts: [[6380, 'Muut rahoituskulut']],
  extraordinary: [[8000, 'Pysyvien vastaavien hyödykkeiden luovutusvoitot']],
});
// [cost center, { account group: [signed annual euros, monthly shares] }]
const siv = (f) => ({  // Sivistys- ja hyvinvointikeskus: 3100 teaching and early education, 3200 culture and leisure
  sales: [776600 * f, uneven2(0.74)], fees: [1812100 * f, even(0.667)], grants: [1294400 * f, lumps({ 3: 0.35, 9: 0.3 })],
  rents: [431400 * f, uneven2(0.75)], wages: [-19057400 * f, schoolWages], side: [-4397900 * f, schoolWages],
  services: [-7329800 * f, uneven2(0.73)], materials: [-2198900 * f, uneven2(0.7)], subsidies: [-1099500 * f, lumps({ 2: 0.4, 5: 0.3 })],
  other: [-2565361 * f, uneven2(0.75)], depreciation: [-420000 * f, even(0.75)],
});
const eli = (f) => ({  // Elinkeino- ja infrastruktuurikeskus: 4100 properties, 4200 streets and planning
  sales: [1500000 * f, uneven2(0.75)], fees: [440000 * f, uneven2(0.72)], grants: [120000 * f, lumps({ 6: 0.5 })],
  rents: [5400000 * f, even(0.75)], plots: [400000 * f, lumps({ 5: 0.45, 8: 0.4 })],
  wages: [-3080000 * f, wageProfile], side: [-677000 * f, wageProfile], services: [-4300000 * f, uneven2(0.71)],
  energy: [-2300000 * f, heating], subsidies: [-185000 * f, lumps({ 1: 0.5 })], other: [-2000000 * f, uneven2(0.75)],
  depreciation: [-6585405 * f, even(0.75)],
});
const city = [
  ['1010', { grants: [60000, lumps({ 6: 1 })], rents: [15000, uneven2(0.7)], wages: [-445000, wageProfile],
    side: [-97000, wageProfile], services: [-400000, uneven2(0.8)], materials: [-26000, uneven2(0.7)],
    other: [-125000, uneven2(0.75)] }],  // Demokratiapalvelut: council, board, audit, the municipal elections of April 2025
  ['3100', siv(0.85)], ['3200', siv(0.15)], ['4100', eli(0.6)], ['4200', eli(0.4)],
  ['1900', {  // Rahoitus: the city's own income-statement items (TA 2025: 38 600 000 tax, 8 950 000 state transfers)
    muniTax: [26300000, [0.085, 0.095, 0.07, 0.085, 0.08, 0.085, 0.075, 0.08, 0.085]],
    corpTax: [5600000, [0.09, 0.1, 0.06, 0.09, 0.08, 0.09, 0.07, 0.08, 0.08]],
    propertyTax: [6700000, lumps({ 1: 0.02, 9: 0.35 })],  // paid in the autumn
    basicTransfer: [7400000, even(0.75)], equalisation: [1550000, even(0.75)],
    interestIncome: [120000, lumps({ 3: 0.25, 6: 0.25, 9: 0.25 })], dividends: [1800000, lumps({ 5: 0.95 })],
    interestCosts: [-1950000, lumps({ 3: 0.24, 6: 0.25, 9: 0.26 })], otherFinCosts: [-40000, lumps({ 2: 0.3, 8: 0.3 })],
    extraordinary: [64000, lumps({ 6: 1 })],  // not budgeted: the gain on a sold plot of land
  }],
];
const impairment = { m: 7, cc: '4100', cents: -18000000 };  // August: a closed school building written down (not budgeted)
let voucher2 = 260001;
const many = new Set(['services', 'energy', 'other']);
for (let m = 0; m < MONTHS; m++) {
  for (const [cc, lines] of city) {
    for (const [group, [annual, shares]] of Object.entries(lines)) {
      const target = Math.round(annual * shares[m] * 100);
      if (target === 0) continue;
      const accounts = A[group];
      const n = many.has(group) ? 3 + Math.floor(rnd2() * 6) : group === 'materials' ? 1 + Math.floor(rnd2() * 3) : accounts.length;
      const w = Array.from({ length: n }, () => 0.2 + rnd2());
      const sum = w.reduce((a, b) => a + b, 0);
      let left = target;
      const last = [31, 28, 31, 30, 31, 30, 31, 31, 30][m];
      for (let i = 0; i < n; i++) {
        const cents = i === n - 1 ? left : Math.round((target * w[i]) / sum);
        left -= cents;
        const [account, text] = accounts[i % accounts.length];
        const day = group === 'wages' || group === 'side' ? last : 1 + Math.floor(rnd2() * last);
        rows.push({ date: `${day}.${m + 1}.2025`, sort: m * 100 + day, voucher: voucher2++, account, cc, cents, text });
      }
    }
  }
  if (m === impairment.m) {
    const [account, text] = A.impairments[0];
    rows.push({ date: `31.${m + 1}.2025`, sort: m * 100 + 31, voucher: voucher2++, account, cc: impairment.cc, cents: impairment.cents, text });
  }
}
// The investment part (issue 14): the projects' bookings on fixed-asset accounts, with the
// project in the column Projekti (the mapping's [investments] sends them to the investment part
// and, per owning unit, to the cash flow). A third random stream and voucher series, so the rows
// above stay byte for byte what they were. [project, account, signed TA 2025 euros, share booked by
// September, months (1-based) or null = spread]; the day-care centre runs 7.5 % over its
// appropriation already (a binding project: the follow-up marks it), the land purchase waits.
const rnd3 = mulberry32(434113);
const projectRows = [
  ['p101-kenraalinmaen-koulu', 1195, 'Keskeneräiset hankinnat', -4500000, 0.62, null],
  ['p102-keskustan-paivakoti', 1116, 'Muut rakennukset', -2000000, 1.075, null],
  ['p104-perusparannukset', 1116, 'Muut rakennukset', -900000, 0.55, null],
  ['p201-katujen-peruskorjaus', 1130, 'Kiinteät rakenteet ja laitteet', -1300000, 0.7, [4, 5, 6, 7, 8, 9]],
  ['p202-asuinalueiden-kadut', 1130, 'Kiinteät rakenteet ja laitteet', -600000, 0.45, [5, 6, 8, 9]],
  ['p203-liikenneturvallisuus', 1130, 'Kiinteät rakenteet ja laitteet', -200000, 0.6, [6, 8]],
  ['p203-liikenneturvallisuus', 1196, 'Rahoitusosuudet investointeihin', 80000, 0.5, [9]],
  ['p204-puistot', 1130, 'Kiinteät rakenteet ja laitteet', -250000, 0.8, [5, 6, 7, 8]],
  ['p301-ict', 1165, 'Tietokonelaitteet', -300000, 0.4, null],
  ['p302-kalusto', 1170, 'Muut koneet ja kalusto', -250000, 0.65, null],
  ['p401-maanhankinta', 1100, 'Maa- ja vesialueet', -300000, 0.3, [4]],
  ['p402-maan-myynti', 1101, 'Maa-alueiden luovutustulot', 500000, 0.6, [5, 8]],
];
let voucher3 = 270001;
for (const [project, account, annual, share, months, text] of projectRows.map(([p, a, t, y, s, m]) => [p, a, y, s, m, t])) {
  const target = Math.round(annual * share * 100);
  const ms = months ?? Array.from({ length: MONTHS }, (_, m) => m + 1);
  const w = ms.map(() => 0.5 + rnd3());
  const sum = w.reduce((a, b) => a + b, 0);
  let left = target;
  ms.forEach((month, i) => {
    const cents = i === ms.length - 1 ? left : Math.round((target * w[i]) / sum);
    left -= cents;
    const last = [31, 28, 31, 30, 31, 30, 31, 31, 30][month - 1];
    const day = 1 + Math.floor(rnd3() * last);
    rows.push({ date: `${day}.${month}.2025`, sort: (month - 1) * 100 + day, voucher: voucher3++, account, cc: '4100', cents, text, project });
  });
}

rows.sort((a, b) => a.sort - b.sort || a.voucher - b.voucher);

// Finnish number format as ledger systems print it: "-12 345,67" (space-grouped, decimal comma).
const money = (c) => {
  const abs = Math.abs(c);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${c < 0 ? '-' : ''}${euros},${String(abs % 100).padStart(2, '0')}`;
};
let out = '\ufeffTositepvm;Tositenumero;Tili;Kustannuspaikka;Summa;Selite;Projekti\n';
for (const r of rows) out += `${r.date};${r.voucher};${r.account};${r.cc};${money(r.cents)};${r.text} ${r.date.split('.').slice(1).join('/')};${r.project ?? ''}\n`;
fs.writeFileSync(path.join(here, 'ledger-2025-01-09.csv'), out);
console.log(`${rows.length} rows`);
