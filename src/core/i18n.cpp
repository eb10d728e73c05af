#include "core/i18n.h"

#include <fmt/args.h>

#include <map>
#include <vector>

namespace toteuma {

const std::vector<std::pair<std::string_view, Text>>& workplace_catalogue();  // i18n_workplace.cpp
const std::vector<std::pair<std::string_view, Text>>& message_catalogue();    // i18n_messages.cpp

namespace {
const std::map<std::string_view, Text>& base_catalogue() {
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
      // Budget rounds (issue 16)
      {"versions.title", {"Talousarvion {} valmistelun versiot", "Versionerna av budgeten {} under beredningen"}},
      {"versions.col.change", {"Muutos TA {} → viimeisin", "Förändring budget {} → senaste"}},
      {"versions.col.change_pct", {"Muutos %", "Förändring %"}},
      {"versions.col.frame_distance", {"Ero raamiin", "Skillnad mot ramen"}},
      // Councillors' alternative budgets (issue 16 item 7, core/budgeting/alternative_effect.h)
      {"alt.table.title", {"{} ja vaihtoehtoiset talousarviot {}", "{} och alternativa budgetar {}"}},
      {"alt.col.unit", {"Sitova yksikkö / rivi", "Bindande enhet / rad"}},
      {"alt.col.difference", {"Ero: {}", "Skillnad: {}"}},
      {"alt.row.unit_margin", {"{}: toimintakate", "{}: verksamhetsbidrag"}},
      {"alt.balanced", {"{} on tasapainossa: muutokset eivät muuta tilikauden tulosta {}.",
                        "{} är i balans: ändringarna ändrar inte räkenskapsperiodens resultat {}."}},
      {"alt.weakens", {"{} heikentää tilikauden tulosta {} {} euroa.", "{} försvagar räkenskapsperiodens resultat {} med {} euro."}},
      {"alt.strengthens", {"{} vahvistaa tilikauden tulosta {} {} euroa.", "{} stärker räkenskapsperiodens resultat {} med {} euro."}},
      {"versions.col.alternative", {"{} (vaihtoehto)", "{} (alternativ)"}},
      {"alt.doc.comparison", {"Vertailu sitovilla tasoilla", "Jämförelse på de bindande nivåerna"}},
      {"alt.doc.by_group", {"Laatija: {}", "Upprättat av: {}"}},
      {"alt.doc.changes", {"Muutokset: {}", "Ändringar: {}"}},
      {"alt.col.change_unit", {"Yksikkö", "Enhet"}},
      {"alt.col.line", {"Rivi", "Rad"}},
      {"alt.col.year", {"Vuosi", "År"}},
      {"alt.col.amount", {"Muutos, €", "Ändring, €"}},
      {"alt.col.justification", {"Perustelu", "Motivering"}},
      // The unit's proposal sheet (issue 16 item 5: the Excel round trip)
      {"psheet.sheet", {"Ehdotus", "Förslag"}},
      {"psheet.title", {"Talousarvioehdotus {}: {}", "Budgetförslag {}: {}"}},
      {"psheet.version", {"Versio", "Version"}},
      {"psheet.unit", {"Yksikkö", "Enhet"}},
      {"psheet.year", {"Vuosi", "År"}},
      {"psheet.base", {"Pohja", "Bas"}},
      {"psheet.help",
       {"Täytä keltaiset solut euroina: tuotot positiivisina, kulut negatiivisina. Yhteensä-rivin luku korvaa sen osien summan; "
        "tyhjä solu poistaa luvun. Älä muuta muita soluja: lähetä tiedosto takaisin sellaisenaan.",
        "Fyll i de gula cellerna i euro: intäkter positiva, kostnader negativa. Ett belopp på en summarad ersätter summan av "
        "dess delar; en tom cell tar bort beloppet. Ändra inga andra celler: skicka tillbaka filen som sådan."}},
      {"psheet.col.line_id", {"Rivin tunnus", "Radens id"}},
      {"psheet.col.frame", {"Raami {}", "Ram {}"}},
      {"psheet.col.justification", {"Perustelut", "Motivering"}},
      {"psheet.note.input",
       {"Syöttösarake: euroina, esim. -1 234,56. Tyhjä poistaa luvun.", "Inmatningskolumn: i euro, t.ex. -1 234,56. Tom tar bort beloppet."}},
      // key figures (issue 14, helper keys): table, explanation, refusal
      {"col.key_figure", {"Tunnusluku", "Nyckeltal"}},
      {"table.key_figures", {"Tunnusluvut {}", "Nyckeltal {}"}},
      {"key.population", {"Asukasluku 31.12.{1}, {0}", "Invånarantal 31.12.{1}, {0}"}},
      {"key.income_tax_rate", {"Tuloveroprosentti {1}, {0}", "Inkomstskattesats {1}, {0}"}},
      {"key.formula", {"kaava", "formel"}},
      {"key.source", {"asukas- ja veroprosenttitiedot", "invånar- och skattesatsuppgifter"}},
      {"err.key_figures_root", {"Tunnusluvut lasketaan koko kunnalle: {} ei ole kunnan pääyksikkö ({})",
                                "Nyckeltalen beräknas för hela kommunen: {} är inte kommunens huvudenhet ({})"}},
      {"err.unknown_key_figure", {"Tuntematon tunnusluku: {}", "Okänt nyckeltal: {}"}},
      // table titles and notes
      {"table.annual_report", {"Talousarvion toteutuminen {}", "Budgetens utfall {}"}},
      {"table.budget", {"Talousarvio {} ja taloussuunnitelma {}–{}",
                        "Budget {} och ekonomiplan {}–{}"}},
      {"table.unit_note", {"Euroa", "Euro"}},
      // the statutory parts' tables (core/finance/report_table.cpp); {} the part's name, years
      {"part.income_statement", {"Tuloslaskelma", "Resultaträkning"}},
      {"part.cash_flow", {"Rahoituslaskelma", "Finansieringsanalys"}},
      {"part.investments", {"Investointiosa", "Investeringsdelen"}},
      {"part.key_figures", {"Tunnusluvut", "Nyckeltal"}},
      {"table.part_annual_report", {"{}: talousarvion toteutuminen {}", "{}: budgetens utfall {}"}},
      {"table.part_budget", {"{}: talousarvio {} ja taloussuunnitelma {}–{}", "{}: budget {} och ekonomiplan {}–{}"}},
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
      {"pers.htv.title_from", {"Henkilötyövuodet (htv), organisaatio {} alkaen", "Årsverken, organisationen från {}"}},
      {"pers.other", {"Muut", "Övriga"}},
      {"pers.none", {"Yksiköllä {} ei ole henkilöstötietoja vuodelle {}.", "Enheten {} har inga personaluppgifter för år {}."}},
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
      // general ledger and in-year follow-up (core/finance/follow_up, cli/ledger_commands); {} month, year
      {"followup.scenario", {"Toteuma {}/{} (pääkirja)", "Utfall {}/{} (huvudbok)"}},
      {"followup.title", {"Talousarvion seuranta 1–{}/{}", "Budgetuppföljning 1–{}/{}"}},
      {"followup.col.month", {"Toteuma {}/{}", "Utfall {}/{}"}},
      {"followup.col.to_date", {"Toteuma 1–{}/{}", "Utfall 1–{}/{}"}},
      {"followup.col.projection", {"Ennuste {} (laskettu)", "Prognos {} (beräknad)"}},
      {"followup.col.forecast_deviation", {"Ennusteen poikkeama", "Prognosens avvikelse"}},
      {"followup.col.realisation", {"Toteuma-% 1–{}", "Utfall-% 1–{}"}},
      {"followup.col.forecast_pct", {"Ennuste-%", "Prognos-%"}},
      // Spending plan (issue 16 item 6, helper 'spending'): the actual to date against the budget to
      // date; the table --kind spending-plan ({} year, unit; a line's name).
      {"followup.col.realisation_phased", {"Toteuma-% jaksotetusta TA:sta 1–{}", "Utfall-% av periodiserad budget 1–{}"}},
      {"spending.title", {"Käyttösuunnitelma {}: {}", "Dispositionsplan {}: {}"}},
      {"spending.col.year", {"Määräraha {}", "Anslag {}"}},
      {"spending.total", {"Yhteensä: {}", "Totalt: {}"}},
      {"spending.decided", {"TA {} muutosten jälkeen: {}", "Budget {} inkl. ändringar: {}"}},
      {"followup.realisation_title", {"Toteutumisaste 1–{}/{} (tasainen kertymä {})", "Utfallsgrad 1–{}/{} (jämn fördelning {})"}},
      {"followup.monthly_title", {"Toteuma kuukausittain {}", "Utfall per månad {}"}},
      {"followup.parts_title", {"Ennusteen {} muodostuminen: syötetyt rivit ja suljetuista kuukausista 1–{} laskettu osuus",
                                "Prognosens {} sammansättning: inmatade rader och andelen beräknad från de stängda månaderna 1–{}"}},
      {"followup.parts_title_none", {"Ennusteen {} muodostuminen: yhtään kuukautta ei ole suljettu, joten ennuste on vain syötetyt rivit",
                                     "Prognosens {} sammansättning: ingen månad är stängd, så prognosen består bara av inmatade rader"}},
      {"followup.col.entered", {"Syötetty ennuste", "Inmatad prognos"}},
      {"followup.col.projected", {"Laskettu ennuste", "Beräknad prognos"}},
      {"followup.projected_even", {"toteuma {0} × 12 / {1} (suljetut kuukaudet 1–{1}/{2}, tasainen kertymä)",
                                   "utfall {0} × 12 / {1} (stängda månader 1–{1}/{2}, jämn fördelning)"}},
      {"followup.projected_phasing", {"toteuma {} suljetuilta kuukausilta 1–{}/{} jaksotuksen mukaan koko vuodelle",
                                      "utfall {} för de stängda månaderna 1–{}/{} enligt periodiseringen för hela året"}},
      {"followup.closed", {"Suljetut kuukaudet: 1–{}/{}", "Stängda månader: 1–{}/{}"}},
      {"followup.none_closed", {"Vuoden {} kuukausia ei ole suljettu", "Inga månader år {} är stängda"}},
      {"followup.close_label", {"Suljetut kuukaudet", "Stängda månader"}},
      {"followup.close_none", {"ei yhtään", "inga"}},
      {"followup.close_button", {"Tallenna sulkeminen", "Spara stängningen"}},
      {"followup.overrun", {"ennusteen mukaan sitova määräraha ylittyy", "enligt prognosen överskrids det bindande anslaget"}},
      {"followup.within", {"ennusteen mukaan sitova määräraha ei ylity", "enligt prognosen överskrids det bindande anslaget inte"}},
      {"followup.bad_month", {"Kuukausi {} ei ole välillä 1–12", "Månaden {} är inte mellan 1 och 12"}},
      {"followup.no_ledger", {"Vuodelle {} ei ole tuotu pääkirjan toteumaa", "Inget utfall från huvudboken har importerats för {}"}},
      {"followup.month_missing", {"Kuukaudelle {}/{} ei ole tuotu toteumaa; viimeisin on {}/{}",
                                  "Inget utfall har importerats för {}/{}; det senaste är {}/{}"}},
      {"web.kind.follow_up", {"Talousarvion seuranta (pääkirja)", "Budgetuppföljning (huvudbok)"}},
      {"web.month", {"Kuukausi", "Månad"}},
      {"ledger.imported", {"{}: {} riviä, kuukaudet {}; yhteensä {} (tuotot {}, kulut {})",
                           "{}: {} rader, månaderna {}; totalt {} (intäkter {}, kostnader {})"}},
      {"ledger.skipped", {"  ohitettu (mapping [accounts] skip): {} riviä, yhteensä {}",
                          "  hoppades över (mappning [accounts] skip): {} rader, totalt {}"}},
      {"ledger.suspense", {"  selvittelyrivi (kohdistamatta): {} riviä, yhteensä {}", "  utredningsrad (ej kopplade): {} rader, totalt {}"}},
      {"ledger.suspense_item", {"    {} kustannuspaikka \"{}\" tili \"{}\" ({}): {} riviä, {}",
                                "    {} kostnadsställe \"{}\" konto \"{}\" ({}): {} rader, {}"}},
      {"ledger.reason.account", {"tuntematon tili", "okänt konto"}},
      {"ledger.reason.cost_center", {"tuntematon kustannuspaikka", "okänt kostnadsställe"}},
      {"ledger.reason.unit_not_valid", {"yksikkö ei voimassa", "enheten inte i kraft"}},
      {"ledger.reason.project", {"tuntematon investointihanke", "okänt investeringsprojekt"}},
      {"ledger.stored", {"Tallennettu {} (tuonti {}): {} lukua kuukausille {}", "Sparat {} (import {}): {} siffror för månaderna {}"}},
      {"ledger.rows_total", {"{} riviä, yhteensä {}", "{} rader, totalt {}"}},
      {"ledger.figure", {"luku {} / {} / {}: {}", "siffra {} / {} / {}: {}"}},
      {"ledger.figure_differs", {"Huom. rivien summa poikkeaa luvusta: aineisto tai kuvaus on muuttunut tuonnin jälkeen",
                                 "Obs. radernas summa avviker från siffran: data eller mappning har ändrats efter importen"}},
      {"ledger.no_month", {"Kuukaudelle {} ei ole tuotu pääkirjan toteumaa", "Inget utfall från huvudboken har importerats för {}"}},
      {"ledger.source_missing", {"Lähdetiedosto {} puuttuu ({})", "Källfilen {} saknas ({})"}},
      // charts (core/documents/document_charts); {} as in the code
      {"chart.bva.title", {"{}: talousarvio ja toteutuma {}", "{}: budget och utfall {}"}},
      {"chart.bva.alt", {"{} vuonna {} yksiköittäin: talousarvio muutosten jälkeen ja toteutuma.",
                         "{} år {} per enhet: budget inkl. ändringar och utfall."}},
      {"chart.alt.budget_after", {"talousarvio muutosten jälkeen", "budget inkl. ändringar"}},
      {"chart.alt.actual", {"toteutuma", "utfall"}},
      {"chart.alt.col.actual", {"tilinpäätös {}", "bokslut {}"}},
      {"chart.alt.col.budget_after", {"talousarvio {} muutosten jälkeen", "budget {} inkl. ändringar"}},
      {"chart.alt.col.budget", {"talousarvio {}", "budget {}"}},
      {"chart.alt.col.plan", {"taloussuunnitelma {}", "ekonomiplan {}"}},
      {"chart.plan.title", {"Toimintatuotot, toimintakulut ja toimintakate {}–{}",
                            "Verksamhetens intäkter, kostnader och verksamhetsbidrag {}–{}"}},
      {"chart.metric.value", {"Arvo", "Värde"}},
      {"chart.metric.target", {"Tavoitetaso {}", "Målnivå {}"}},
      {"chart.htv.title", {"Henkilötyövuodet (htv) {}–{}", "Årsverken {}–{}"}},
      {"chart.unit.htv", {"htv", "årsverken"}},
      {"chart.no_data", {"Ei tietoja.", "Inga uppgifter."}},
      // generated documents (document/)
      {"doc.kind.annual-report", {"Toimintakertomus", "Verksamhetsberättelse"}},
      {"doc.kind.budget-book", {"Talousarviokirja", "Budgetbok"}},
      {"doc.kind.service-plan", {"Palvelusuunnitelma", "Serviceplan"}},
      {"doc.kind.personnel-plan", {"Henkilöstösuunnitelma", "Personalplan"}},
      {"web.documents", {"Asiakirjat", "Dokument"}},
      {"doc.toc", {"Sisällys", "Innehåll"}},
      {"doc.generated", {"Laadittu {} Toteumalla", "Upprättad {} med Toteuma"}},
      {"doc.missing_lang", {"Tämä teksti puuttuu suomeksi (se on kirjoitettu ruotsiksi).",
                            "Denna text saknas på svenska (den är skriven på finska)."}},
      {"doc.draft", {"Luonnos: Toteuman laatima vakioteksti, jota kukaan ei ole vielä tarkastanut.",
                     "Utkast: en standardtext skriven av Toteuma som ingen ännu har granskat."}},
      {"doc.checks.intro", {"Toteuma tarkisti tämän asiakirjan luvut: {} virhettä, {} varoitusta, {} pyöristyseroa.",
                            "Toteuma kontrollerade siffrorna i detta dokument: {} fel, {} varningar, {} avrundningsskillnader."}},
      {"doc.checks.table", {"Havainnot", "Observationer"}},
      {"doc.checks.more", {"… ja {} muuta havaintoa (toteuma check).", "… och {} andra observationer (toteuma check)."}},
      {"doc.col.message", {"Havainto", "Observation"}},
      {"doc.col.count", {"Lukumäärä", "Antal"}},
      {"doc.subtitle", {"{} – {}", "{} – {}"}},
      // issue 14, documents (h-docs): the annual report's budget-vs-actual comparison of the
      // operating part at the binding level (document/binding_comparison.cpp); {} year, unit
      {"doc.binding.caption", {"Käyttötalousosan sitovien erien toteutuminen {}", "Utfallet av driftsekonomidelens bindande poster {}"}},
      {"doc.binding.unit", {"Yksikkö – sitova erä", "Enhet – bindande post"}},
      {"doc.binding.state", {"Sitova määräraha", "Bindande anslag"}},
      {"doc.binding.overrun", {"ylittyi", "överskreds"}},
      {"doc.binding.within", {"ei ylittynyt", "överskreds inte"}},
      {"doc.binding.note", {"Kaikki taulukon erät ovat valtuustoon nähden sitovia. Ylitykset ja niiden perustelut alla.",
                            "Alla poster i tabellen är bindande gentemot fullmäktige. Överskridningarna och deras motiveringar nedan."}},
      {"doc.binding.note_within", {"Kaikki taulukon erät ovat valtuustoon nähden sitovia. Yksikään sitova määräraha ei ylittynyt.",
                                   "Alla poster i tabellen är bindande gentemot fullmäktige. Inget bindande anslag överskreds."}},
      {"doc.binding.none", {"Yhdelläkään yksiköllä ei ole sitovaa erää vuodelle {}.", "Ingen enhet har en bindande post för år {}."}},
      {"doc.binding.explanation", {"{}: sitova määräraha ylittyi {} euroa.", "{}: det bindande anslaget överskreds med {} euro."}},
      {"doc.binding.no_explanation", {"Ylitykselle ei ole kirjoitettu perustelua.", "Ingen motivering har skrivits för överskridningen."}},
      {"err.unknown_metric", {"Tuntematon mittari: {}", "Okänd mätare: {}"}},
      // the annual clock (render/annual_clock); {} a year, a date or a text
      {"clock.title", {"Vuosikello {}", "Årsklocka {}"}},
      {"clock.title_any", {"Vuosikello", "Årsklocka"}},
      {"clock.desc", {"Vuosikello {}: vaiheet kuukausien kehällä, tammikuu ylhäällä ja aika myötäpäivään.",
                      "Årsklocka {}: faserna i en cirkel av månader, januari överst och tiden medsols."}},
      {"clock.desc_item", {"{}: {}, määräaika {}, vastuu: {}.", "{}: {}, tidsfrist {}, ansvarig: {}."}},
      {"clock.today", {"Tänään {}", "I dag {}"}},
      {"clock.col.phase", {"Vaihe", "Fas"}},
      {"clock.col.item", {"Asia", "Ärende"}},
      {"clock.col.start", {"Alkaa", "Börjar"}},
      {"clock.col.deadline", {"Määräaika", "Tidsfrist"}},
      {"clock.col.responsible", {"Vastuu", "Ansvarig"}},
      {"clock.col.participation", {"Osallistuminen", "Delaktighet"}},
      {"clock.past", {"Määräaika on mennyt:", "Tidsfristen har gått ut:"}},
      {"clock.none", {"Vuosikellossa ei ole tapahtumia.", "Årsklockan har inga händelser."}},
      {"clock.month.1", {"tammi", "jan"}},
      {"clock.month.2", {"helmi", "feb"}},
      {"clock.month.3", {"maalis", "mars"}},
      {"clock.month.4", {"huhti", "apr"}},
      {"clock.month.5", {"touko", "maj"}},
      {"clock.month.6", {"kesä", "juni"}},
      {"clock.month.7", {"heinä", "juli"}},
      {"clock.month.8", {"elo", "aug"}},
      {"clock.month.9", {"syys", "sep"}},
      {"clock.month.10", {"loka", "okt"}},
      {"clock.month.11", {"marras", "nov"}},
      {"clock.month.12", {"joulu", "dec"}},
      // the investment part (issue 14, helper inv): core/finance/investment_table.cpp
      {"inv.title.annual_report", {"Investointiosan toteutuminen {}", "Investeringsdelens utfall {}"}},
      {"inv.title.budget", {"Investointiosa {} ja taloussuunnitelma {}–{}", "Investeringsdelen {} och ekonomiplan {}–{}"}},
      {"inv.col.project", {"Hanke", "Projekt"}},
      {"inv.col.carried_in", {"Siirtomäärärahat edelliseltä vuodelta", "Reservationer från föregående år"}},
      {"inv.col.budget_after", {"TA {} muutosten ja siirtojen jälkeen", "Budget {} inkl. ändringar och reservationer"}},
      {"inv.col.cost_estimate", {"Kustannusarvio", "Kostnadsförslag"}},
      {"inv.col.later", {"Myöhemmin", "Senare"}},
      {"inv.title.follow_up", {"Investointiosan seuranta 1–{}/{}", "Uppföljning av investeringsdelen 1–{}/{}"}},
      {"inv.col.remaining", {"Jäljellä", "Återstår"}},
      {"inv.row.expenditure", {"Menot", "Utgifter"}},
      {"inv.row.income", {"Tulot", "Inkomster"}},
      {"inv.row.net", {"Netto", "Netto"}},
      {"inv.row.group_total", {"{} yhteensä", "{} totalt"}},
      {"inv.row.part_total", {"Investointiosa yhteensä", "Investeringsdelen totalt"}},
      {"inv.legend.binding", {"* Valtuustoon nähden sitova taso (nettomääräraha)", "* Bindande nivå gentemot fullmäktige (nettoanslag)"}},
      {"inv.legend.overrun", {"! Sitova määräraha ylittyi", "! Det bindande anslaget överskreds"}},
      {"inv.none", {"{}: ei investointiosaa", "{}: ingen investeringsdel"}},
      // printed-table vocabulary and blocks (issue 15, helper h-vocab); {} is a label or heading as printed
      {"sev.info", {"tieto", "upplysning"}},
      {"check.unknown_heading",
       {"Sarakeotsikkoa \"{}\" ei tunnistettu: saraketta ei tarkisteta (muut sarakkeet tarkistetaan; oman otsikon voi lisätä --synonyms-tiedostolla)",
        "Kolumnrubriken \"{}\" känns inte igen: kolumnen kontrolleras inte (de övriga kontrolleras; en egen rubrik kan läggas till med en --synonyms-fil)"}},
      {"check.unknown_label",
       {"Rivin nimeä \"{}\" ei löydy tililuettelon riveistä eikä synonyymeistä: riviä ei tarkisteta omana rivinään, vaan vain osana lohkonsa summaa",
        "Radnamnet \"{}\" finns inte bland kontoplanens rader eller synonymer: raden kontrolleras inte för sig, bara som en del av blockets summa"}},
      {"check.not_checkable_partial",
       {"{}: summaa ei voi tarkistaa, koska taulukko ei näytä kaikkia sen osia, eikä näytettyjen rivien summa täsmää",
        "{}: summan kan inte kontrolleras, eftersom tabellen inte visar alla dess delar och de visade radernas summa inte stämmer"}},
      {"check.not_checkable",
       {"{}: summaa ei voi tarkistaa, koska sen lohkossa on rivejä, joita tililuettelo ei tunne ({}), eikä lohkon rivien summa täsmää",
        "{}: summan kan inte kontrolleras, eftersom blocket har rader som kontoplanen inte känner ({}) och blockets rader inte summerar"}},
      // issue 15, helper misprint: one misprint, one error; signs per row (check/misprint.cpp,
      // check/sign_convention.cpp); {0} row, {1} column, {2} printed, {3} corrected, {4} checks
      {"check.misprint", {"{0} ({1}): painettu {2}; luvulla {3} täsmäisivät kaikki laskelmat, joissa se on mukana ({4})",
                          "{0} ({1}): tryckt {2}; med {3} skulle alla beräkningar där talet ingår stämma ({4})"}},
      {"check.sign", {"{0} ({1}): painettu {2}, etumerkki väärin; luvulla {3} täsmäävät kaikki laskelmat, joissa se on mukana ({4})",
                      "{0} ({1}): tryckt {2}, fel förtecken; med {3} stämmer alla beräkningar där talet ingår ({4})"}},
      {"check.sign_outlier", {"{0} ({1}): painettu {2}, rivin muut luvut toisella etumerkillä; odotettiin {3}",
                              "{0} ({1}): tryckt {2}, radens övriga tal har motsatt förtecken; {3} förväntades"}},
      {"check.misprint.also", {" – sama korjaus täsmäyttää myös liittyvät tarkistukset ({})",
                               " – samma rättelse får också de relaterade kontrollerna att stämma ({})"}},
      {"check.total_blank_deviation", {"{0}: summa puuttuu, vaikka sen poikkeama on painettu; osista seuraa {1}",
                                       "{0}: summan saknas fast dess avvikelse är tryckt; av delarna följer {1}"}},
      {"check.related", {"liittyy", "hör till"}},
      // The severities as the text report names them (the CSV and JSON keep the ids).
      {"check.severity.error", {"virhe", "fel"}},
      {"check.severity.warning", {"varoitus", "varning"}},
      {"check.severity.rounding", {"pyöristys", "avrundning"}},
      {"check.severity.info", {"tieto", "upplysning"}},
      {"check.conv.deviation_by_type", {"poikkeama: tuotot {}, kulut {}", "avvikelse: intäkter {}, kostnader {}"}},
      {"check.conv.actual_minus_budget", {"toteuma − talousarvio", "utfall − budget"}},
      {"check.conv.budget_minus_actual", {"talousarvio − toteuma", "budget − utfall"}},
      {"check.conv.rows_other_sign", {"toisella etumerkillä: {}", "med motsatt förtecken: {}"}},
  };
  return c;
}

// The base entries plus the web workplace's (i18n_workplace.cpp), merged once.
const std::map<std::string_view, Text>& catalogue() {
  static const std::map<std::string_view, Text> c = [] {
    auto all = base_catalogue();
    for (const auto& [k, v] : workplace_catalogue()) all.emplace(k, v);
    for (const auto& [k, v] : message_catalogue()) all.emplace(k, v);
    return all;
  }();
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

std::string Msg::in(Lang lang) const {
  const std::string& pattern = tr(key, lang);
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& a : args) store.push_back(a);
  try {
    return fmt::vformat(pattern, store);
  } catch (const fmt::format_error&) {
    return pattern;  // arguments that do not fit the pattern: a programming error the tests catch
  }
}

MsgError::MsgError(Msg m) : std::runtime_error(m.in(Lang::fi) + " / " + m.in(Lang::sv)), message(std::move(m)) {}
MsgError::MsgError(Msg m, const std::string& detail) : std::runtime_error(detail), message(std::move(m)) {}

std::vector<std::string_view> tr_keys() {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : catalogue()) out.push_back(k);
  return out;
}

}  // namespace toteuma
