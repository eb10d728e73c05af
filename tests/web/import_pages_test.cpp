// The import page (/{lang}/import, issue 17 item 5) and the ledger rows page. The demo ledger
// uploaded through the server must give what the command line's import gives in a second
// database (the independent path): the same import record and the same monthly figures. A bad
// file names its line and column in the reader's language and writes nothing. The rows behind
// kansliapalvelut's materials (accounts 4500–4699) in January 2025 are summed here from the CSV
// itself (cost centers 1110 and 1111, dates d.1.2025), and the page's sum and figure must equal it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/ledger_commands.h"
#include "core/format.h"
#include "store/workplace_store.h"
#include "web_client.h"

namespace toteuma {
namespace {

using testing::Client;

constexpr const char* kPassword = "oikea-salasana-42";
const std::string kBoundary = "----importtestB0undary";

struct FilePart {
  std::string field, filename, bytes;
};

// A multipart POST to /{lang}/import as a browser sends it; csrf added unless `with_csrf` is false.
http::Response upload(Client& client, const std::string& lang, std::map<std::string, std::string> fields,
                      const std::vector<FilePart>& files, bool with_csrf = true) {
  if (with_csrf) fields.try_emplace("csrf", client.csrf);
  http::Request r;
  r.method = "POST";
  r.path = "/" + lang + "/import";
  r.headers["content-type"] = "multipart/form-data; boundary=" + kBoundary;
  for (const auto& [k, v] : fields)
    r.body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
  for (const auto& f : files)
    r.body += "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + f.field + "\"; filename=\"" + f.filename +
              "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + f.bytes + "\r\n";
  r.body += "--" + kBoundary + "--\r\n";
  return client.send(r);
}

std::string demo_ledger() { return testing::slurp(testing::demo_dir() / "ledger" / "ledger-2025-01-09.csv"); }
std::string demo_mapping() { return testing::slurp(testing::demo_dir() / "ledger" / "mapping.toml"); }

struct ImportWeb : testing::UsersWorkplace {
  ImportWeb()
      : UsersWorkplace({{"talous", "finance"}, {"paakayttaja", "admin"}, {"kanslia", "editor:kanslia"}, {"lukija", "viewer"}}, kPassword) {}
  std::vector<LedgerImportRecord> records() const { return open_ledger_store(db)->imports(); }
  std::vector<LedgerActual> actuals() const { return open_ledger_store(db)->actuals(); }
  std::int64_t last_audit() const { return open_store(db)->last_audit_id(); }
  http::Response upload_demo(Client& c, const std::string& lang = "fi") {
    return upload(c, lang, {{"kind", "ledger"}, {"mapping_from", "upload"}},
                  {{"file", "ledger-2025-01-09.csv", demo_ledger()}, {"mapping", "mapping.toml", demo_mapping()}});
  }
};

TEST(WebImport, DemoLedgerUploadGivesTheCommandLinesRecordAndFigures) {
  ImportWeb w;
  Client talous = w.as("talous");
  auto page = talous.get("/fi/import");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("enctype=\"multipart/form-data\""), std::string::npos);
  EXPECT_NE(page.body.find("<label for=\"progress-ledger\">Lähetys</label> <progress id=\"progress-ledger\""), std::string::npos);
  EXPECT_NE(page.body.find("<script src=\"/static/import.js\" defer></script>"), std::string::npos);
  EXPECT_NE(page.body.find("Pääkirjaa ei ole vielä tuotu."), std::string::npos);

  auto r = w.upload_demo(talous);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("Tuonti tallennettu"), std::string::npos);
  EXPECT_NE(r.body.find("ledger-2025-01-09.csv: 2095 riviä"), std::string::npos) << "2 096 lines less the header";

  // The independent path: the command line's import of the same files into a second database.
  testing::TempDir other;
  std::string cli_db = testing::load_demo_db(other);
  ASSERT_EQ(testing::import_demo_ledger(cli_db), 0);
  auto cli = open_ledger_store(cli_db);
  auto want = cli->imports(), got = w.records();
  ASSERT_EQ(got.size(), 1u);
  ASSERT_EQ(want.size(), 1u);
  EXPECT_EQ(got[0].file_name, "ledger-2025-01-09.csv");
  EXPECT_EQ(got[0].imported_by, "talous");
  const auto& a = got[0];
  const auto& b = want[0];
  EXPECT_EQ(std::tie(a.sha256, a.months, a.size, a.rows, a.skipped_rows, a.suspense_rows, a.total, a.income, a.costs, a.skipped_total,
                     a.suspense_total),
            std::tie(b.sha256, b.months, b.size, b.rows, b.skipped_rows, b.suspense_rows, b.total, b.income, b.costs, b.skipped_total,
                     b.suspense_total));
  EXPECT_EQ(a.months, "2025-01,2025-02,2025-03,2025-04,2025-05,2025-06,2025-07,2025-08,2025-09");
  auto wa = cli->actuals(), ga = w.actuals();
  ASSERT_EQ(ga.size(), wa.size());
  for (std::size_t i = 0; i < ga.size(); ++i)
    EXPECT_TRUE(ga[i].month == wa[i].month && ga[i].unit == wa[i].unit && ga[i].line == wa[i].line && ga[i].amount == wa[i].amount) << i;

  // Audited via web; the record listed on the page with exact euros; the snapshot swapped (the
  // follow-up shows the months at once).
  auto audit = open_workplace_store(w.db)->audit("", 5);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().entity, "import");
  EXPECT_EQ(audit.front().key, "ledger/ledger-2025-01-09.csv");
  EXPECT_EQ(audit.front().via, "web");
  EXPECT_EQ(audit.front().user, "talous");
  page = talous.get("/fi/import");
  EXPECT_NE(page.body.find("<th scope=\"row\">ledger-2025-01-09.csv</th>"), std::string::npos);
  // The nine months of the file (January to September) as one range, not nine month ids.
  EXPECT_NE(page.body.find("<td>1–9/2025</td>"), std::string::npos);
  EXPECT_NE(page.body.find(format_euro_cents(b.total)), std::string::npos) << format_euro_cents(b.total);
  auto fu = talous.get("/fi/unit/kanslia", {{"year", "2025"}, {"kind", "follow-up"}});
  EXPECT_NE(fu.body.find("1–9/2025"), std::string::npos);
  EXPECT_NE(fu.body.find("href=\"/fi/import\""), std::string::npos) << "finance finds the import page from the follow-up";

  // A second upload with the mapping kept from the last import replaces the same months: same figures.
  auto again = upload(talous, "sv", {{"kind", "ledger"}, {"mapping_from", "last"}}, {{"file", "ledger-2025-01-09.csv", demo_ledger()}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_NE(again.body.find("Importen sparades"), std::string::npos);
  EXPECT_EQ(w.records().size(), 2u);
  ga = w.actuals();
  ASSERT_EQ(ga.size(), wa.size());
  for (std::size_t i = 0; i < ga.size(); ++i) EXPECT_EQ(ga[i].amount, wa[i].amount) << i;
}

TEST(WebImport, BadFileShowsItsLocatedErrorInTheReadersLanguageAndWritesNothing) {
  ImportWeb w;
  Client talous = w.as("talous");
  std::string bad = demo_ledger();
  auto at = bad.find("-590,16");  // line 5 (the header is line 1)
  ASSERT_NE(at, std::string::npos);
  bad.replace(at, 7, "-5x0,16");
  std::int64_t audit_before = w.last_audit();
  const struct {
    const char* lang;
    const char* located;
    const char* refused;
  } cases[] = {
      {"fi", "kirjanpito.csv, rivi 5, sarake Summa: ", "Tiedostoa ei tuotu – mitään ei tallennettu"},
      {"sv", "kirjanpito.csv, rad 5, kolumn Summa: ", "Filen importerades inte – ingenting sparades"},
  };
  for (const auto& c : cases) {
    auto r = upload(talous, c.lang, {{"kind", "ledger"}, {"mapping_from", "upload"}},
                    {{"file", "kirjanpito.csv", bad}, {"mapping", "mapping.toml", demo_mapping()}});
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find(c.located), std::string::npos) << c.lang << r.body.substr(0, 3000);
    EXPECT_NE(r.body.find(c.refused), std::string::npos) << c.lang;
    EXPECT_NE(r.body.find(std::string(c.lang) == "fi" ? "Rivi 5 tiedostossa: 2.1.2025;250014;4500;1110;-5x0,16;"
                                                      : "Rad 5 i filen: 2.1.2025;250014;4500;1110;-5x0,16;"),
              std::string::npos) << "what was found";
  }
  EXPECT_TRUE(w.records().empty());
  EXPECT_TRUE(w.actuals().empty());
  EXPECT_EQ(w.last_audit(), audit_before);
  // Without the demo's mapping no cost center maps (no import yet, so the default mapping): the
  // first error located, the nine others the reader lists counted, and no temporary path shown anywhere.
  auto many = upload(talous, "fi", {{"kind", "ledger"}, {"mapping_from", "last"}}, {{"file", "kirjanpito.csv", demo_ledger()}});
  EXPECT_EQ(many.status, 400);
  EXPECT_NE(many.body.find("kirjanpito.csv, rivi 2, sarake Kustannuspaikka: tuntematon kustannuspaikka"), std::string::npos)
      << many.body.substr(0, 3000);
  EXPECT_NE(many.body.find("Tiedostossa on lisäksi 9 muuta virhettä"), std::string::npos);
  EXPECT_EQ(many.body.find(std::filesystem::temp_directory_path().string() + "/"), std::string::npos) << "a temporary file's name";
  // A mapping that is not TOML: located in the mapping file, nothing written.
  auto r = upload(talous, "fi", {{"kind", "ledger"}, {"mapping_from", "upload"}},
                  {{"file", "kirjanpito.csv", demo_ledger()}, {"mapping", "oma.toml", "preset = \n"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("oma.toml, rivi "), std::string::npos) << r.body.substr(0, 3000);
  // No file chosen; a body cut short.
  r = upload(talous, "fi", {{"kind", "ledger"}}, {{"file", "", ""}});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Valitse tuotava tiedosto."), std::string::npos);
  http::Request cut;
  cut.method = "POST";
  cut.path = "/fi/import";
  cut.headers["content-type"] = "multipart/form-data; boundary=" + kBoundary;
  cut.headers["x-csrf-token"] = talous.csrf;
  cut.body = "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nledger";
  r = talous.send(cut);
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("Lähetys katkesi kesken."), std::string::npos);
  EXPECT_TRUE(w.records().empty());
  EXPECT_EQ(w.last_audit(), audit_before);
}

TEST(WebImport, OnlyFinanceAndAdminAndOnlyWithTheSessionsToken) {
  ImportWeb w;
  for (const char* who : {"kanslia", "lukija"}) {
    Client c = w.as(who);
    EXPECT_EQ(c.get("/fi/import").status, 403) << who;
    EXPECT_EQ(w.upload_demo(c).status, 403) << who;
  }
  Client admin = w.as("paakayttaja");
  EXPECT_EQ(admin.get("/sv/import").status, 200);
  Client talous = w.as("talous");
  auto r = upload(talous, "fi", {{"kind", "ledger"}, {"mapping_from", "upload"}, {"csrf", "vaara"}},
                  {{"file", "a.csv", demo_ledger()}, {"mapping", "mapping.toml", demo_mapping()}}, false);
  EXPECT_EQ(r.status, 403) << "a wrong token";
  r = upload(talous, "fi", {{"kind", "ledger"}, {"mapping_from", "upload"}},
             {{"file", "a.csv", demo_ledger()}, {"mapping", "mapping.toml", demo_mapping()}}, false);
  EXPECT_EQ(r.status, 403) << "no token";
  EXPECT_TRUE(w.records().empty());
  // A multipart body to any other route is refused as before: its token is not read there.
  http::Request other;
  other.method = "POST";
  other.path = "/fi/scenarios";
  other.headers["content-type"] = "multipart/form-data; boundary=" + kBoundary;
  other.body = "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + talous.csrf + "\r\n--" + kBoundary + "--\r\n";
  EXPECT_EQ(talous.send(other).status, 403);
}

// Hand sum from the CSV: rows of cost centers 1110/1111, accounts 4500–4699, dated in January 2025.
Cents january_materials_of_kansliapalvelut(int& rows) {
  std::istringstream in(demo_ledger());
  std::string line;
  std::getline(in, line);  // header: Tositepvm;Tositenumero;Tili;Kustannuspaikka;Summa;Selite;Projekti
  Cents sum = 0;
  rows = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    for (std::string x; std::getline(ls, x, ';');) f.push_back(x);
    if (f.size() < 5) continue;
    int account = std::stoi(f[2]);
    bool january = f[0].size() > 7 && f[0].substr(f[0].size() - 7) == ".1.2025";
    if (!january || (f[3] != "1110" && f[3] != "1111") || account < 4500 || account > 4699) continue;
    std::string digits;
    for (char ch : f[4])
      if ((ch >= '0' && ch <= '9') || ch == '-') digits += ch;
    sum += std::stoll(digits);  // "-1 587,49" → -158749 cents (two decimals always)
    ++rows;
  }
  return sum;
}

TEST(WebLedgerRows, TheRowsBehindAFollowUpFigureAddUpToIt) {
  ImportWeb w;
  Client talous = w.as("talous");
  ASSERT_EQ(w.upload_demo(talous).status, 200);
  int rows = 0;
  Cents want = january_materials_of_kansliapalvelut(rows);
  ASSERT_GT(rows, 0);
  Client viewer = w.as("lukija");
  auto page = viewer.get("/fi/unit/kansliapalvelut/ledger", {{"year", "2025"}, {"line", "materials"}, {"month", "1"}});
  ASSERT_EQ(page.status, 200) << page.body;
  std::string euros = format_euro_cents(want);
  EXPECT_NE(page.body.find("<dt>Luku seurannassa</dt><dd class=\"num\">" + euros + "</dd>"), std::string::npos) << euros;
  EXPECT_NE(page.body.find("<dt>Rivejä</dt><dd class=\"num\">" + std::to_string(rows) + "</dd>"), std::string::npos) << rows;
  EXPECT_NE(page.body.find("<dd class=\"num\" id=\"rows-sum\">" + euros + "</dd>"), std::string::npos);
  EXPECT_EQ(page.body.find("class=\"notice\""), std::string::npos) << "the rows add up to the figure";
  EXPECT_NE(page.body.find("<td>ledger-2025-01-09.csv</td>"), std::string::npos);
  auto sv = viewer.get("/sv/unit/kansliapalvelut/ledger", {{"year", "2025"}, {"line", "materials"}, {"month", "1"}});
  EXPECT_NE(sv.body.find("<dt>Siffran i uppföljningen</dt>"), std::string::npos);
  // Every follow-up figure of a month links here: the month column and the months table (the
  // table's template escapes the slashes too).
  auto fu = viewer.get("/fi/unit/kansliapalvelut", {{"year", "2025"}, {"kind", "follow-up"}, {"month", "1"}});
  EXPECT_NE(fu.body.find("href=\"&#x2F;fi&#x2F;unit&#x2F;kansliapalvelut&#x2F;ledger?year=2025&amp;line=materials&amp;month=1\""), std::string::npos);
  fu = viewer.get("/fi/unit/kansliapalvelut", {{"year", "2025"}, {"kind", "follow-up"}, {"month", "9"}});
  EXPECT_NE(fu.body.find("href=\"&#x2F;fi&#x2F;unit&#x2F;kansliapalvelut&#x2F;ledger?year=2025&amp;line=materials&amp;month=9\""), std::string::npos);
  EXPECT_NE(fu.body.find("href=\"&#x2F;fi&#x2F;unit&#x2F;kansliapalvelut&#x2F;ledger?year=2025&amp;line=materials&amp;month=1\""), std::string::npos);
  // Bad parameters; a month not imported.
  EXPECT_EQ(viewer.get("/fi/unit/kansliapalvelut/ledger", {{"year", "2025"}, {"line", "materials"}, {"month", "13"}}).status, 400);
  EXPECT_EQ(viewer.get("/fi/unit/kansliapalvelut/ledger", {{"year", "2025"}, {"line", "eiole"}, {"month", "1"}}).status, 400);
  EXPECT_EQ(viewer.get("/fi/unit/eiole/ledger", {{"year", "2025"}, {"line", "materials"}, {"month", "1"}}).status, 404);
  EXPECT_EQ(viewer.get("/fi/unit/kansliapalvelut/ledger", {{"year", "2025"}, {"line", "materials"}, {"month", "11"}}).status, 404);
}

}  // namespace
}  // namespace toteuma
