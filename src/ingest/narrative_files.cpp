#include "ingest/narrative_files.h"

#include <algorithm>
#include <charconv>

#include "core/workplace/translation.h"
#include "ingest/csv.h"
#include "ingest/fields.h"

namespace toteuma {

namespace fs = std::filesystem;
using fields::m3;
using fields::write_text;

namespace {

std::optional<int> year_of(const std::string& s) {
  int y = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), y);
  if (ec != std::errc() || p != s.data() + s.size() || y < 1900 || y > 2200) return std::nullopt;
  return y;
}

// "<section>.<lang>[.draft|.source].md" → the narrative's section, language and origin; `source`
// tells a translation's recorded source text (core/workplace/translation.h) from a text.
bool parse_name(const std::string& name, Narrative& n, bool& source) {
  std::string stem = name;
  if (stem.size() < 3 || stem.substr(stem.size() - 3) != ".md") return false;
  stem.resize(stem.size() - 3);
  n.origin = NarrativeOrigin::person;
  source = stem.size() > 7 && stem.substr(stem.size() - 7) == ".source";
  if (source) {
    stem.resize(stem.size() - 7);
  } else if (stem.size() > 6 && stem.substr(stem.size() - 6) == ".draft") {
    n.origin = NarrativeOrigin::draft;
    stem.resize(stem.size() - 6);
  }
  auto dot = stem.rfind('.');
  if (dot == std::string::npos || dot == 0) return false;
  auto lang = parse_lang(stem.substr(dot + 1));
  if (!lang) return false;
  n.lang = *lang;
  n.section = stem.substr(0, dot);
  return true;
}

}  // namespace

void load_narratives(const fs::path& dir, Dataset& d) {
  fs::path root = dir / "narratives";
  std::vector<std::pair<Narrative, fs::path>> sources;  // the recorded sources, with their files
  if (fs::is_directory(root)) {
    for (const auto& unit_dir : fs::directory_iterator(root)) {
      std::string unit = unit_dir.path().filename().string();
      if (!unit_dir.is_directory()) continue;
      if (!d.has_unit(unit))
        throw InputError(unit_dir.path().string(), 0, "",
                         m3("unknown unit " + unit, "tuntematon yksikkö " + unit, "okänd enhet " + unit));
      for (const auto& year_dir : fs::directory_iterator(unit_dir.path())) {
        auto year = year_of(year_dir.path().filename().string());
        if (!year_dir.is_directory() || !year)
          throw InputError(year_dir.path().string(), 0, "",
                           m3("expected a year folder", "odotettiin vuoden kansiota", "väntade en årsmapp"));
        for (const auto& file : fs::directory_iterator(year_dir.path())) {
          Narrative n{unit, *year, "", Lang::fi, NarrativeOrigin::person, ""};
          bool source = false;
          if (!parse_name(file.path().filename().string(), n, source))
            throw InputError(file.path().string(), 0, "",
                             m3("expected <section>.<fi|sv>[.draft|.source].md", "odotettiin <osio>.<fi|sv>[.draft|.source].md",
                                "väntade <avsnitt>.<fi|sv>[.draft|.source].md"));
          n.markdown = read_file(file.path().string());
          if (source) {
            sources.emplace_back(std::move(n), file.path());
            continue;
          }
          if (find_narrative(d.narratives, n.unit, n.year, n.section, n.lang))
            throw InputError(file.path().string(), 0, "",
                             m3("both a text and a draft", "sekä teksti että luonnos", "både text och utkast"));
          d.narratives.push_back(std::move(n));
        }
      }
    }
  }
  for (auto& [s, file] : sources) {
    auto it = std::find_if(d.narratives.begin(), d.narratives.end(), [&](const Narrative& n) {
      return n.unit == s.unit && n.year == s.year && n.section == s.section && n.lang == s.lang;
    });
    if (it == d.narratives.end() || s.lang == source_language(d, s.unit))
      throw InputError(file.string(), 0, "",
                       m3("a source text recorded for no translation (expected <section>.<lang>.md in another language "
                          "than the municipality's primary one beside it)",
                          "lähdeteksti ilman käännöstä (odotettiin viereen <osio>.<kieli>.md muulla kuin kunnan pääkielellä)",
                          "en källtext utan översättning (väntade <avsnitt>.<språk>.md på ett annat språk än kommunens "
                          "huvudspråk bredvid)"));
    it->source_seen = std::move(s.markdown);
  }
  record_sources(d);
  fs::path docs = dir / "documents";
  if (fs::is_directory(docs))
    for (const auto& file : fs::directory_iterator(docs))
      if (file.path().extension() == ".toml")
        d.templates.push_back({file.path().stem().string(), read_file(file.path().string())});
}

void dump_narratives(const Dataset& d, const fs::path& dir) {
  for (const auto& n : d.narratives) {
    fs::path folder = dir / "narratives" / n.unit / std::to_string(n.year);
    fs::create_directories(folder);
    std::string name = n.section + "." + std::string(lang_code(n.lang)) +
                       (n.origin == NarrativeOrigin::draft ? ".draft" : "") + ".md";
    write_text(folder / name, n.markdown);
    // A translation's recorded source, when it is not the source as it stands (an outdated one).
    const Narrative* source = source_of(d, n);
    if (n.source_seen && *n.source_seen != (source ? source->markdown : std::string()))
      write_text(folder / (n.section + "." + std::string(lang_code(n.lang)) + ".source.md"), *n.source_seen);
  }
  if (!d.templates.empty()) fs::create_directories(dir / "documents");
  for (const auto& t : d.templates) write_text(dir / "documents" / (t.kind + ".toml"), t.toml);
}

}  // namespace toteuma
