#include "cli/document_commands.h"

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>

#include "cli/commands.h"
#include "core/i18n.h"
#include "core/finance/ledger.h"
#include "document/builder.h"
#include "document/commentary.h"
#include "ingest/csv.h"
#include "render/document_output.h"
#include "store/store.h"

namespace toteuma {

namespace {

Lang lang_of(const std::string& code, const Dataset& d, const std::string& unit) {
  return code.empty() ? d.municipality_of(unit).primary : *parse_lang(code);
}

Date date_or_today(const std::string& iso) {
  if (iso.empty()) return today();
  auto d = parse_iso_date(iso);
  if (!d) throw std::invalid_argument("--date: expected YYYY-MM-DD, got " + iso);
  return *d;
}

}  // namespace

int cmd_report(const DocumentOptions& o, std::ostream& out) {
  if (!is_document_format(o.format)) throw std::invalid_argument("--format: expected html|pdf|docx|xlsx");
  if (o.format != "html" && o.output.empty())
    throw std::invalid_argument("--format " + o.format + " needs -o FILE / tarvitsee -o TIEDOSTO / kräver -o FIL");
  Dataset d = read_db(o.db);
  if (!d.has_unit(o.unit)) throw std::invalid_argument("unknown unit / tuntematon yksikkö / okänd enhet: " + o.unit);
  Ledger ledger(d);
  DocumentRequest req{o.unit, o.year, lang_of(o.lang, d, o.unit), date_or_today(o.date)};
  doc::Document document = build_document(ledger, template_for(d, o.doc), req);
  std::string bytes = render_document(document, o.format);
  if (o.output.empty() || o.output == "-") {
    out << bytes;
    return 0;
  }
  write_file_whole(o.output, bytes);
  out << fmt::format("{}: {} ({} sections, {} bytes)\n", o.output, document.title, document.sections.size(), bytes.size());
  return 0;
}

int cmd_commentary(const DocumentOptions& o, std::ostream& out) {
  auto store = open_store(o.db);
  Dataset d = read_db(o.db);
  if (!d.has_unit(o.unit)) throw std::invalid_argument("unknown unit / tuntematon yksikkö / okänd enhet: " + o.unit);
  Ledger ledger(d);
  CommentaryRules rules = commentary_rules_for(d);
  OrgView org = d.org_on(Date{o.year, 12, 31});
  std::vector<std::string> units{o.unit};
  for (std::size_t i = 0; i < units.size(); ++i)
    for (const auto* c : org.children(units[i])) units.push_back(c->id);
  std::vector<Narrative> drafts;
  int kept = 0;
  for (const auto& unit : units)
    for (Lang lang : d.municipality_of(unit).languages) {
      std::string text = draft_commentary(ledger, rules, unit, o.year, lang);
      if (text.empty()) continue;
      const Narrative* have = find_narrative(d.narratives, unit, o.year, "commentary", lang);
      if (have && have->origin == NarrativeOrigin::person) {
        ++kept;
        continue;
      }
      drafts.push_back({unit, o.year, "commentary", lang, NarrativeOrigin::draft, text});
    }
  Actor by = cli_actor();
  store->save_narratives(drafts, &by);
  out << fmt::format("{} drafts stored, {} texts written by a person kept / {} luonnosta, {} henkilön tekstiä ennallaan\n",
                     drafts.size(), kept, drafts.size(), kept);
  return 0;
}

int cmd_narrative_set(const DocumentOptions& o, std::ostream& out) {
  std::string text;
  if (o.file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    text = read_file(o.file);  // InputError (exit 2) when missing
  }
  auto store = open_store(o.db);
  Dataset d = read_db(o.db);
  if (!d.has_unit(o.unit)) throw std::invalid_argument("unknown unit / tuntematon yksikkö / okänd enhet: " + o.unit);
  Actor by = cli_actor();
  store->save_narratives({{o.unit, o.year, o.section, *parse_lang(o.lang), NarrativeOrigin::person, text}}, &by);
  out << fmt::format("{} {} {} {}: {} bytes\n", o.unit, o.year, o.section, o.lang, text.size());
  return 0;
}

}  // namespace toteuma
