// The messages of refusals and errors a page or the API can return (issue 13: no English in the
// Finnish or Swedish interface), each a key of core/i18n.h's `Msg`. Merged into the one catalogue.
#include <string_view>
#include <utility>
#include <vector>

#include "core/lang.h"

namespace toteuma {

const std::vector<std::pair<std::string_view, Text>>& message_catalogue() {
  static const std::vector<std::pair<std::string_view, Text>> c = {
      // the workplace store's refusals of a change (store/workplace_store.cpp); {} the value sent
      {"err.store.internal", {"Tallennus epäonnistui sisäisen virheen vuoksi. Mitään ei muutettu.",
                              "Sparandet misslyckades på grund av ett internt fel. Inget ändrades."}},
      {"err.store.stale", {"Tietoa {} {} muutettiin sillä välin.", "Uppgiften {} {} ändrades under tiden."}},
      {"err.store.year", {"Virheellinen vuosi: {}", "Ogiltigt år: {}"}},
      {"err.store.reason_required", {"Tarkistusvirheiden kanssa jäädytettävä versio tarvitsee hyväksyjän perustelun.",
                                     "En version som fryses trots kontrollfel behöver godkännarens motivering."}},
      {"err.store.origin_person", {"Tekstin alkuperäksi voi asettaa vain henkilön kirjoittaman: {}",
                                   "En texts ursprung kan bara sättas till skriven av en person: {}"}},
      {"err.store.origin_delete", {"Tekstin alkuperää ei voi poistaa; poista teksti.",
                                   "En texts ursprung kan inte tas bort; ta bort texten."}},
      {"err.store.no_text_to_accept", {"Hyväksyttävää tekstiä ei ole: {}", "Det finns ingen text att godkänna: {}"}},
      {"err.store.lang", {"Virheellinen kieli: {} (fi tai sv)", "Ogiltigt språk: {} (fi eller sv)"}},
      {"err.store.unknown_goal", {"Tuntematon tavoite: {}", "Okänt mål: {}"}},
      {"err.store.unknown_entity", {"Tuntematon tietolaji: {}", "Okänd uppgiftstyp: {}"}},
      {"err.store.bad_key", {"Virheellinen tunniste tietolajille {}: {}", "Ogiltig nyckel för uppgiftstypen {}: {}"}},
      {"err.store.unknown_line", {"Tuntematon rivi: {}", "Okänd rad: {}"}},
      {"err.store.unknown_scenario", {"Tuntematon sarake: {}", "Okänd kolumn: {}"}},
      {"err.store.bad_date", {"Virheellinen päivämäärä: {}", "Ogiltigt datum: {}"}},
      {"err.store.bad_amount", {"Virheellinen summa (kokonaisina sentteinä): {}", "Ogiltigt belopp (i hela cent): {}"}},
      // issue 16 item 3: the units' proposals
      {"err.store.unknown_budget_version", {"Tuntematon talousarvioversio: {}", "Okänd budgetversion: {}"}},
      {"err.store.version_year", {"Vuosi {} ei ole version talousarviovuosi {} eikä sen suunnitelmavuosi", "Året {} är inte versionens budgetår {} eller dess planår"}},
      // issue 16 item 7: councillors' alternative budgets (store/alternative_rows.cpp, web/alternative_pages.cpp)
      {"err.store.unknown_alternative", {"Tuntematon vaihtoehtoinen talousarvio: {}", "Okänd alternativ budget: {}"}},
      {"err.store.bad_alternative", {"Virheellinen vaihtoehtoinen talousarvio: {}", "Ogiltig alternativ budget: {}"}},
      {"err.store.note_without_change", {"Perustelulla ei ole muutosta: {}", "Motiveringen har ingen ändring: {}"}},
      {"alt.bad_id", {"Tunnus saa sisältää vain pieniä kirjaimia a–z, numeroita, - ja _.", "Identifieraren får bara innehålla små bokstäver a–z, siffror, - och _."}},
      {"alt.exists", {"Vaihtoehto {} on jo olemassa.", "Alternativet {} finns redan."}},
      {"alt.no_group", {"Et ole minkään valtuustoryhmän jäsen.", "Du är inte medlem i någon fullmäktigegrupp."}},
      {"alt.change_zero", {"Muutoksen on oltava nollasta poikkeava euromäärä.", "Ändringen måste vara ett eurobelopp skilt från noll."}},
      {"alt.unknown_unit_line", {"Valitse yksikkö ja rivi.", "Välj enhet och rad."}},
      {"err.store.bad_proposal", {"Virheellinen ehdotuksen tila: {}", "Ogiltig status för förslaget: {}"}},
      {"err.store.amount_limit", {"Summa ylittää rajan ±999 999 999 999,99 €: {}", "Beloppet överskrider gränsen ±999 999 999 999,99 €: {}"}},
      // what an edit would leave fails the loader's validation (web/actions.cpp): {0} file, {1} line,
      // {2} column, {3} the loader's Finnish message, {4} its Swedish one
      {"err.invalid_state_at", {"Muutosta ei tallennettu, koska aineisto ei sen jälkeen läpäisisi latauksen tarkistusta: {3} ({0}:{1} [{2}])",
                                "Ändringen sparades inte, eftersom datat efter den inte skulle klara inläsningens kontroll: {4} ({0}:{1} [{2}])"}},
      {"err.store.bad_metric_value", {"Virheellinen mittarin arvo (kymmenyksinä;lähde): {}", "Ogiltigt mätarvärde (tiondelar;källa): {}"}},
      {"err.store.bad_scenario", {"Virheellinen sarake (laji;vuosi;päätös;päätöspäivä;nimi_fi;nimi_sv;kunta): {}",
                                  "Ogiltig kolumn (typ;år;beslut;beslutsdatum;namn_fi;namn_sv;kommun): {}"}},
      {"err.store.bad_scenario_kind", {"Tuntematon sarakkeen laji: {}", "Okänd kolumntyp: {}"}},
      {"err.store.amendment_decision", {"Talousarviomuutokselle on annettava päätöksen viite.",
                                        "En budgetändring behöver en hänvisning till beslutet."}},
      {"err.store.bad_decision_date", {"Virheellinen päätöspäivä: {}", "Ogiltigt beslutsdatum: {}"}},
      {"err.store.scenario_has_figures", {"Sarakkeella {} on vielä lukuja.", "Kolumnen {} har fortfarande siffror."}},
      {"err.store.unknown_version", {"Tuntematon asiakirjaversio {}", "Okänd dokumentversion {}"}},
      // opening a database (store/sql_*.cpp): {} the file or URL without its password, then the engine's reason
      {"err.store.open", {"Tietokantaa {} ei voi avata: {}", "Databasen {} kan inte öppnas: {}"}},
      {"err.store.collation", {"Tietokanta {} lajittelee säännöllä '{}'; Toteuma tarvitsee tavujärjestyksen: CREATE DATABASE … "
                               "TEMPLATE template0 LOCALE 'C' (docs/DEPLOY.md)",
                               "Databasen {} sorterar enligt '{}'; Toteuma behöver byteordning: CREATE DATABASE … "
                               "TEMPLATE template0 LOCALE 'C' (docs/DEPLOY.md)"}},
      // toteuma copy-db (store/copy_db.cpp): {} a database (file or URL without its password)
      {"err.copy_db.same", {"Lähde ja kohde ovat sama tietokanta: {}", "Källan och målet är samma databas: {}"}},
      {"err.copy_db.no_source", {"Lähdetietokantaa ei ole: {}", "Källdatabasen finns inte: {}"}},
      {"err.copy_db.not_empty", {"Kohdetietokannassa {} on jo tietoja; korvaa ne valitsimella --replace.",
                                 "Måldatabasen {} innehåller redan uppgifter; ersätt dem med --replace."}},
      {"err.copy_db.ledger_missing", {"Pääkirjatiedosto {} puuttuu tietokannasta {}.", "Huvudboksfilen {} saknas i databasen {}."}},
      {"err.store.unknown_municipality", {"Tuntematon kunta: {}", "Okänd kommun: {}"}},
      {"err.store.scenario_municipality", {"Yksikkö {} ei kuulu sarakkeen {} kuntaan ({}).",
                                           "Enheten {} hör inte till kolumnens {} kommun ({})."}},
      {"err.no_section", {"Asiakirjassa ei ole osiota {}.", "Dokumentet har inget avsnitt {}."}},
      // the JSON API (web/api.cpp)
      {"api.json_type", {"Pyynnön sisällön on oltava JSON:ia (Content-Type: application/json).",
                         "Begärans innehåll måste vara JSON (Content-Type: application/json)."}},
      {"api.not_object", {"Pyynnön sisältö ei ole JSON-olio.", "Begärans innehåll är inte ett JSON-objekt."}},
      {"api.login_fields", {"Kenttien \"user\" ja \"password\" on oltava merkkijonoja.", "Fälten \"user\" och \"password\" måste vara strängar."}},
      {"api.bad_year", {"Vuoden on oltava vuosiluku, esimerkiksi {}.", "Året måste vara ett årtal, till exempel {}."}},
      {"api.bad_table_query", {"Vuosi, taulukko (annual-report tai budget) tai kieli (fi tai sv) on virheellinen.",
                               "År, tabell (annual-report eller budget) eller språk (fi eller sv) är felaktigt."}},
      {"api.entity_key", {"Kentät entity ja key on annettava.", "Fälten entity och key måste anges."}},
      {"api.bad_limit", {"Kentän limit on oltava luku 1–{}.", "Fältet limit måste vara ett tal 1–{}."}},
      {"api.bad_changes", {"Kentän \"changes\" on oltava luettelo, jossa on 1–{} muutosta.",
                           "Fältet \"changes\" måste vara en lista med 1–{} ändringar."}},
      {"api.bad_change", {"Jokaisella muutoksella on oltava \"entity\" ja \"key\" (merkkijonoja) sekä \"before\" ja \"after\" (merkkijono tai null).",
                          "Varje ändring behöver \"entity\" och \"key\" (strängar) samt \"before\" och \"after\" (sträng eller null)."}},
      {"api.forbidden_change", {"Sinulla ei ole oikeutta tähän muutokseen.", "Du har inte behörighet till denna ändring."}},
      {"api.stale", {"Joku muu muutti tietoa sen jälkeen, kun luit sen. Mitään ei tallennettu.",
                     "Någon annan ändrade uppgiften efter att du läste den. Inget sparades."}},
      {"api.bad_review_query", {"Asiakirja (annual-report, budget-book, service-plan tai personnel-plan), vuosi tai kieli on virheellinen.",
                                "Dokument (annual-report, budget-book, service-plan eller personnel-plan), år eller språk är felaktigt."}},
      {"api.unit_not_in_year", {"Yksikköä {} ei ole vuonna {}.", "Enheten {} finns inte år {}."}},
      {"api.bad_action", {"Toiminnon (action) on oltava freeze tai publish.", "Åtgärden (action) måste vara freeze eller publish."}},
      {"api.approver_only", {"Vain hyväksyjä voi jäädyttää tai julkaista.", "Endast en godkännare kan låsa eller publicera."}},
      {"api.not_approved", {"Kaikki osiot on hyväksyttävä ensin; osio {} ei ole hyväksytty.",
                            "Alla avsnitt måste godkännas först; avsnittet {} är inte godkänt."}},
      {"api.bad_version", {"Kentän \"version\" on oltava version tunniste (kokonaisluku).", "Fältet \"version\" måste vara versionens id (heltal)."}},
      {"api.no_version", {"Asiakirjalla ei ole tällaista versiota.", "Dokumentet har ingen sådan version."}},
      {"api.bad_section_body", {"Sisällön on oltava {{\"section\", \"state\": draft, ready tai approved}} tai {{\"action\"}}.",
                                "Innehållet måste vara {{\"section\", \"state\": draft, ready eller approved}} eller {{\"action\"}}."}},
      {"api.section_forbidden", {"Sinulla ei ole oikeutta siirtää osiota tähän tilaan.", "Du har inte behörighet att flytta avsnittet till denna status."}},
      {"api.no_published", {"Julkaistua versiota tai tiedostoa ei ole.", "Det finns ingen sådan publicerad version eller fil."}},
      {"api.bad_public_query", {"Kielen (text) on oltava fi tai sv ja muodon (format) html, pdf, docx tai xlsx.",
                                "Språket (text) måste vara fi eller sv och formatet (format) html, pdf, docx eller xlsx."}},
      {"api.no_route", {"Rajapinnassa ei ole tällaista osoitetta.", "Gränssnittet har ingen sådan adress."}},
      {"api.method", {"Käytä menetelmää {}.", "Använd metoden {}."}},
      {"api.login_first", {"Kirjaudu ensin sisään (POST /api/v1/login).", "Logga in först (POST /api/v1/login)."}},
      {"api.csrf", {"Otsakkeessa X-CSRF-Token on oltava istunnon CSRF-tunniste.", "Rubriken X-CSRF-Token måste innehålla sessionens CSRF-token."}},
      // pages (web/edit_pages.cpp)
      {"web.bad_amount_in", {"{}: \"{}\" ei ole euromäärä", "{}: \"{}\" är inte ett eurobelopp"}},
      {"web.municipality", {"Kunta", "Kommun"}},
      {"web.all_municipalities", {"kaikki kunnat", "alla kommuner"}},
      // the HTTP layer's own refusals (web/http), both languages at once: the language is not known there
      {"http.internal", {"Sisäinen virhe", "Internt fel"}},
      {"http.too_large", {"Pyyntö on liian suuri", "Begäran är för stor"}},
      {"http.headers_too_large", {"Pyynnön otsakkeet ovat liian suuret", "Begärans rubriker är för stora"}},
      {"http.bad_request", {"Virheellinen pyyntö", "Felaktig begäran"}},
      // check findings: how often a metric is measured (goals/metrics.csv frequency)
      {"freq.month", {"kuukausittain", "månadsvis"}},
      {"freq.quarter", {"neljännesvuosittain", "kvartalsvis"}},
      {"freq.half-year", {"puolivuosittain", "halvårsvis"}},
      {"freq.year", {"vuosittain", "årligen"}},
      // documents of a municipality that publishes in one language only; {} the municipality
      {"doc.only_other_language", {"{} julkaisee tekstinsä vain ruotsiksi. Otsikot ja taulukot ovat suomeksi; tekstit ja nimet näkyvät ruotsiksi tai puuttuvat.",
                                   "{} publicerar sina texter endast på finska. Rubrikerna och tabellerna är på svenska; texterna och namnen visas på finska eller saknas."}},
      // budget proposals (issue 16 items 2–4, helper 'spending'): submitting without the justifications
      // the stage's rule asks for; {0} the lines in Finnish, {1} in Swedish
      {"proposal.justification_missing", {"Ehdotusta ei voi jättää: muutetuilta riveiltä puuttuu perustelu ({0}).",
                                          "Förslaget kan inte lämnas in: motivering saknas för ändrade rader ({1})."}},
      // the JSON API of budget rounds (web/api_budget.cpp, helper 'round-api'); {} a field name
      {"api.no_proposal", {"Yksiköllä {} ei ole ehdotusta versiossa \"{}\".", "Enheten {} har inget förslag i versionen \"{}\"."}},
      {"api.proposal_forbidden", {"Ehdotusta lukevat ja muokkaavat vain yksikön muokkaajat ja talous.",
                                  "Förslaget läses och redigeras endast av enhetens redigerare och ekonomin."}},
      {"api.bad_proposal_field", {"Ehdotuksen kenttä \"{}\" puuttuu tai on virheellinen.", "Förslagets fält \"{}\" saknas eller är felaktigt."}},
      {"api.no_alternative", {"Tuntematon vaihtoehtoinen talousarvio: {}", "Okänd alternativ budget: {}"}},
      {"api.alternative_forbidden", {"Julkaisematonta vaihtoehtoista talousarviota lukevat vain valtuustoryhmän jäsenet.",
                                     "En opublicerad alternativ budget läses endast av fullmäktigegruppens medlemmar."}},
      {"api.bad_alternative_year", {"Vuoden on oltava {}–{}.", "Året måste vara {}–{}."}},
      // personnel (htv) in budget versions (issue 16 item 3, helper 'htv'): the proposal page's
      // table (web/proposal_htv.cpp), its refusals, the store's and `toteuma budget htv`'s
      {"proposal.htv.caption", {"Henkilöstö (htv)", "Personal (årsv.)"}},
      {"proposal.htv.row", {"Henkilötyövuodet", "Årsverken"}},
      {"proposal.htv.actual", {"Toteutunut {}", "Utfall {}"}},
      {"proposal.htv.plan", {"Suunnitelma {}", "Plan {}"}},
      {"proposal.htv.label", {"Henkilötyövuodet {}", "Årsverken {}"}},
      {"web.bad_htv_in", {"{}: \"{}\" ei ole henkilötyövuosien määrä (esimerkiksi 12,5)", "{}: \"{}\" är inte ett antal årsverken (till exempel 12,5)"}},
      {"err.store.bad_htv", {"Virheellinen henkilötyövuosien määrä (tuhannesosina): {}", "Ogiltigt antal årsverken (i tusendelar): {}"}},
  };
  return c;
}

}  // namespace toteuma
