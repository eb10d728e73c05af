#include "core/i18n.h"

#include <map>
#include <vector>

namespace toteuma {

namespace {
const std::map<std::string_view, Text>& catalogue() {
  static const std::map<std::string_view, Text> c = {
      // table column headings; {} is a year
      {"col.budget", {"TA {}", "Budget {}"}},
      {"col.amendments", {"TA-muutokset", "Budgetändringar"}},
      {"col.budget_after", {"TA {} muutosten jälkeen", "Budget {} inkl. ändringar"}},
      {"col.actual", {"TP {}", "Bokslut {}"}},
      {"col.deviation", {"Poikkeama", "Avvikelse"}},
      {"col.forecast", {"Ennuste {}", "Prognos {}"}},
      {"col.plan", {"TS {}", "Ekonomiplan {}"}},
      {"col.realisation", {"Toteuma-%", "Utfall-%"}},
      {"col.label", {"Rivi", "Rad"}},
      // table titles and notes
      {"table.annual_report", {"Talousarvion toteutuminen {}", "Budgetens utfall {}"}},
      {"table.budget", {"Talousarvio {} ja taloussuunnitelma {}–{}",
                        "Budget {} och ekonomiplan {}–{}"}},
      {"table.unit_note", {"Euroa", "Euro"}},
      {"table.binding", {"Sitova taso: {}", "Bindande nivå: {}"}},
      {"table.overrun", {"Sitova määräraha ylittyi", "Det bindande anslaget överskreds"}},
      {"table.within", {"Sitova määräraha ei ylittynyt", "Det bindande anslaget överskreds inte"}},
      {"unit.responsible", {"Vastuuhenkilö: {}", "Ansvarsperson: {}"}},
      // unit kinds
      {"kind.municipality", {"kunta", "kommun"}},
      {"kind.sector", {"toimiala", "sektor"}},
      {"kind.area", {"vastuualue", "ansvarsområde"}},
      {"kind.cost_center", {"kustannuspaikka", "kostnadsställe"}},
      // web
      {"web.title", {"Toteuma", "Toteuma"}},
      {"web.subtitle", {"Talousarvio ja toteuma", "Budget och utfall"}},
      {"web.units", {"Organisaatio", "Organisation"}},
      {"web.unit", {"Yksikkö", "Enhet"}},
      {"web.year", {"Vuosi", "År"}},
      {"web.kind", {"Taulukko", "Tabell"}},
      {"web.show", {"Näytä", "Visa"}},
      {"web.language", {"Kieli", "Språk"}},
      {"web.other_language", {"På svenska", "Suomeksi"}},
      {"web.not_found", {"Sivua ei löytynyt", "Sidan hittades inte"}},
      {"web.bad_request", {"Virheellinen pyyntö", "Felaktig begäran"}},
      {"web.kind.annual_report", {"Tilinpäätös (toteutuminen)", "Bokslut (utfall)"}},
      {"web.kind.budget", {"Talousarvio ja -suunnitelma", "Budget och ekonomiplan"}},
      {"web.skip", {"Siirry sisältöön", "Hoppa till innehållet"}},
      {"web.subunits", {"Alayksiköt", "Underenheter"}},
      {"web.checks", {"Tarkistukset", "Kontroller"}},
      {"web.checks_intro", {"Aineiston tarkistukset: alayksiköt emoyksikköön verrattuina, sitovan tason ylitykset, talousarviomuutosten päätökset ja käännökset.",
                            "Kontroller av datamängden: underenheter jämförda med sin överenhet, överskridningar på bindande nivå, beslut om budgetändringar och översättningar."}},
      {"web.explain", {"Luvun muodostuminen", "Hur siffran bildas"}},
      {"web.explain_hint", {"Napsauta lukua nähdäksesi, mistä se muodostuu.", "Klicka på en siffra för att se hur den bildas."}},
      {"web.back", {"Takaisin taulukkoon", "Tillbaka till tabellen"}},
      {"web.no_findings", {"Ei havaintoja.", "Inga observationer."}},
      {"web.col.severity", {"Vakavuus", "Allvarlighetsgrad"}},
      {"web.col.rule", {"Sääntö", "Regel"}},
      {"web.col.where", {"Kohde", "Plats"}},
      {"web.col.message", {"Havainto", "Observation"}},
      {"sev.error", {"virhe", "fel"}},
      // personnel plan
      {"pers.col.forecast", {"{} (ennuste)", "{} (prognos)"}},
      {"pers.col.plan", {"{} (suunnitelma)", "{} (plan)"}},
      {"pers.htv.title", {"Henkilötyövuodet (htv)", "Årsverken"}},
      {"pers.unit", {"Yksikkö", "Enhet"}},
      {"pers.of_which", {"josta {}", "varav {}"}},
      {"pers.transfer", {"Liikkeen luovutus: {} ({}), {}{}", "Överlåtelse av rörelse: {} ({}), {}{}"}},
      {"pers.persons", {", {} henkilöä", ", {} personer"}},
      {"pers.headcount.title", {"Palvelussuhteet tyypeittäin {}", "Anställningar per typ {}"}},
      {"pers.total", {"Yhteensä", "Totalt"}},
      {"pers.costs.title", {"Henkilöstökulut", "Personalkostnader"}},
      {"pers.survey.title", {"Ikä ja henkilöstökysely", "Ålder och personalenkät"}},
      {"pers.age", {"Keski-ikä (vuotta)", "Medelålder (år)"}},
      {"web.no_personnel", {"Yksiköllä ei ole henkilöstötietoja tälle vuodelle.", "Enheten har inga personaluppgifter för detta år."}},
      {"pers.retire.title", {"Eläkepoistuma", "Pensionsavgång"}},
      {"pers.training.title", {"Koulutuspäivät ja koulutuskorvaus", "Utbildningsdagar och utbildningsersättning"}},
      {"pers.training.days", {"Koulutuspäivät", "Utbildningsdagar"}},
      {"pers.training.eligible", {"Koulutuskorvaukseen oikeuttavat päivät", "Dagar som berättigar till utbildningsersättning"}},
      {"pers.training.compensation", {"Koulutuskorvaus (€)", "Utbildningsersättning (€)"}},
      {"web.personnel", {"Henkilöstö", "Personal"}},
      {"web.goals", {"Tavoitteet", "Mål"}},
      {"web.no_goals", {"Yksiköllä ei ole tavoitteita tälle vuodelle.", "Enheten har inga mål för detta år."}},
      // goals
      {"goals.title", {"Tavoitteet ja niiden toteutuminen {}", "Målen och hur de uppnåtts {}"}},
      {"goals.col.key", {"Keskuksen avaintavoite (1 vuosi)", "Centralens nyckelmål (1 år)"}},
      {"goals.col.goal", {"Tavoite", "Mål"}},
      {"goals.col.area", {"Vastuualueen tavoite", "Nyckelmål på ansvarsområdesnivå"}},
      {"goals.col.action", {"Toimenpide / keino", "Åtgärd / tillvägagångssätt"}},
      {"goals.col.responsible", {"Vastuutaho", "Ansvarig"}},
      {"goals.col.realisation", {"Toteuma {}", "Utfall {}"}},
      {"goals.col.status", {"Tila", "Status"}},
      {"goals.city", {"Kaupunkitason tavoite", "Mål på stadsnivå"}},
      {"goals.theme", {"Painopiste", "Tyngdpunkt"}},
      {"goals.summary", {"Tavoitteiden tila", "Målens status"}},
      {"goals.metrics", {"Mittarit", "Mätare"}},
      {"goals.review", {"Tilannekatsaus", "Lägesöversikt"}},
      {"goals.comment", {"Kommentti", "Kommentar"}},
      {"goals.metric", {"Mittari", "Mätare"}},
      {"goals.target", {"tavoitetaso", "målnivå"}},
      {"goals.value", {"arvo", "värde"}},
      {"status.met", {"toteutui", "uppnåddes"}},
      {"status.partly", {"toteutui osittain", "uppnåddes delvis"}},
      {"status.not_met", {"ei toteutunut", "uppnåddes inte"}},
      {"status.no_data", {"ei tietoa", "uppgift saknas"}},
      {"sev.warning", {"varoitus", "varning"}},
      {"sev.rounding", {"pyöristysero", "avrundningsskillnad"}},
      // errors
      {"err.unknown_unit", {"Tuntematon yksikkö: {}", "Okänd enhet: {}"}},
      {"err.unit_not_valid", {"Yksikkö {} ei ole voimassa {}", "Enheten {} är inte i kraft {}"}},
  };
  return c;
}
}  // namespace

const std::string& tr(std::string_view key, Lang lang) {
  // Shared by server threads: no lazily filled state here.
  static const std::string kMissing = "[missing text]";
  auto it = catalogue().find(key);
  return it == catalogue().end() ? kMissing : it->second.in(lang);
}

bool tr_complete(std::string_view key) {
  auto it = catalogue().find(key);
  return it != catalogue().end() && !it->second.fi.empty() && !it->second.sv.empty();
}

std::vector<std::string_view> tr_keys() {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : catalogue()) out.push_back(k);
  return out;
}

}  // namespace toteuma
