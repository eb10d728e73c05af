// Deterministic general-ledger export for the import benchmark: N rows of 2025 booked on
// 400 cost centers with official AURA accounts (../shared/reference/account_info.csv) and
// amounts of realistic size, plus the dataset (units, scenarios) and the mapping that
// `toteuma import ledger` needs. Same arguments, same bytes.
//   node generate.mjs ROWS OUT_DIR
import fs from 'node:fs';
import path from 'node:path';

const rows = Number(process.argv[2] ?? 1_000_000);
const out = process.argv[3] ?? 'out';
fs.mkdirSync(path.join(out, 'dataset'), { recursive: true });

// mulberry32: small, fast, deterministic.
let seed = 20250101;
function rnd() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

// Official AURA accounts of the operating statement, weighted by how often municipalities book them.
const income = [3005, 3070, 3295, 3300, 3390, 3440, 3499, 3530, 3560];
const costs = [4000, 4000, 4000, 4060, 4090, 4110, 4110, 4120, 4210, 4300, 4315, 4340, 4341, 4342, 4342, 4350,
  4360, 4370, 4380, 4390, 4400, 4410, 4420, 4430, 4440, 4470, 4470, 4500, 4510, 4520, 4530, 4550, 4560, 4568,
  4569, 4570, 4580, 4600, 4712, 4714, 4721, 4739, 4742, 4810, 4820, 4820, 4830, 4890, 4910, 4940];
const texts = ['Ostolasku', 'Palkkajakso', 'Sähkö ja lämpö', 'Myyntilasku', 'Vuokra', 'Matkalasku', 'Muistio',
  'Jaksotus', 'Hankinta', 'Käyttökorvaus'];
const centers = 400;

// Units: the municipality, 20 sectors, 400 cost centers (codes 1001–1400 in the ledger).
let units = 'id;valid_from;valid_to;parent;kind;name_fi;name_sv;responsible_fi;responsible_sv;binding_line\n';
units += 'bench;2020-01-01;;;municipality;Vertailukunta;Jämförelsekommun;;;\n';
for (let s = 1; s <= 20; s++) {
  const id = `sec-${String(s).padStart(2, '0')}`;
  units += `${id};2020-01-01;;bench;sector;Toimiala ${s};Sektor ${s};;;operating_margin\n`;
}
let mapping = '# Mapping of the benchmark ledger (bench/ledger/generate.mjs)\ndelimiter = ";"\ndecimal = ","\n\n[cost_centers]\n';
for (let c = 0; c < centers; c++) {
  const code = 1001 + c;
  const sector = `sec-${String(1 + (c % 20)).padStart(2, '0')}`;
  units += `cc-${code};2020-01-01;;${sector};cost_center;Kustannuspaikka ${code};Kostnadsställe ${code};;;\n`;
  mapping += `"${code}" = "cc-${code}"\n`;
}
const dir = path.join(out, 'dataset');
fs.writeFileSync(path.join(dir, 'municipality.toml'),
  'id = "bench"\ncode = "999"\nname_fi = "Vertailukunta"\nname_sv = "Jämförelsekommun"\nlanguages = ["fi", "sv"]\nprimary_language = "fi"\n');
fs.writeFileSync(path.join(dir, 'units.csv'), units);
fs.writeFileSync(path.join(dir, 'scenarios.csv'), 'id;kind;year;base_year;name_fi;name_sv;decision_ref;decision_date\nta2025;budget;2025;;Talousarvio 2025;Budget 2025;;\n');
fs.writeFileSync(path.join(dir, 'figures.csv'), 'unit;line;scenario;amount\n');
fs.writeFileSync(path.join(out, 'mapping.toml'), mapping);

// The ledger, in date order as exports are, written in 4 MB pieces.
const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const fd = fs.openSync(path.join(out, 'ledger.csv'), 'w');
let buf = 'Tositepvm;Tosite;Tili;Kustannuspaikka;Summa;Selite\n';
let voucher = 100000;
for (let m = 0; m < 12; m++) {
  const n = Math.floor(rows / 12) + (m < rows % 12 ? 1 : 0);
  for (let i = 0; i < n; i++) {
    const day = 1 + Math.floor(rnd() * days[m]);
    const isIncome = rnd() < 0.15;
    const account = isIncome ? income[Math.floor(rnd() * income.length)] : costs[Math.floor(rnd() * costs.length)];
    const center = 1001 + Math.floor(rnd() * centers);
    // Log-normal euros: most rows tens to thousands, a few tens of thousands.
    const euros = Math.exp(4 + 2 * (rnd() + rnd() + rnd() - 1.5));
    let cents = Math.max(1, Math.round(euros * 100));
    if (!isIncome) cents = -cents;
    const abs = Math.abs(cents);
    const amount = `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
    if (rnd() < 0.3) voucher++;
    buf += `2025-${String(m + 1).padStart(2, '0')}-${String(day).padStart(2, '0')};${voucher};${account};${center};${amount};${texts[voucher % texts.length]} ${voucher}\n`;
    if (buf.length > 4_000_000) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
}
fs.writeSync(fd, buf);
fs.closeSync(fd);
