#include "core/workplace/translation.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <tuple>

namespace toteuma {

Lang source_language(const Dataset& d, const std::string& unit) { return d.municipality_of(unit).primary; }

const Narrative* source_of(const Dataset& d, const Narrative& n) {
  Lang source = source_language(d, n.unit);
  if (n.lang == source) return nullptr;
  return find_narrative(d.narratives, n.unit, n.year, n.section, source);
}

bool is_outdated(const Dataset& d, const Narrative& n) {
  const Narrative* source = source_of(d, n);
  return source && n.source_seen != source->markdown;
}

void record_sources(Dataset& d) {
  // (unit, year, section) → the source text; one pass, as a dataset holds thousands of texts.
  std::map<std::tuple<std::string, int, std::string>, const std::string*> sources;
  std::map<std::string, Lang> source_lang;
  auto lang_of = [&](const std::string& unit) {
    auto it = source_lang.find(unit);
    if (it == source_lang.end()) it = source_lang.emplace(unit, source_language(d, unit)).first;
    return it->second;
  };
  for (const auto& n : d.narratives)
    if (n.lang == lang_of(n.unit)) sources[{n.unit, n.year, n.section}] = &n.markdown;
  std::vector<std::string> seen(d.narratives.size());
  for (std::size_t i = 0; i < d.narratives.size(); ++i) {
    auto it = sources.find({d.narratives[i].unit, d.narratives[i].year, d.narratives[i].section});
    if (it != sources.end()) seen[i] = *it->second;
  }
  for (std::size_t i = 0; i < d.narratives.size(); ++i) {
    Narrative& n = d.narratives[i];
    if (n.lang == lang_of(n.unit))
      n.source_seen.reset();
    else if (!n.source_seen)
      n.source_seen = std::move(seen[i]);
  }
}

std::vector<TranslationTask> translation_tasks(const Dataset& d, std::optional<Lang> only) {
  std::vector<TranslationTask> out;
  Municipalities municipality(d);
  // find_narrative for each text scans them all: index them once (the first of equals wins, as there).
  std::map<std::tuple<std::string_view, int, std::string_view, Lang>, const Narrative*> by_key;
  for (const auto& n : d.narratives) by_key.emplace(std::tuple{std::string_view(n.unit), n.year, std::string_view(n.section), n.lang}, &n);
  for (const auto& n : d.narratives) {
    const Municipality& m = municipality.of(n.unit);
    if (n.lang != m.primary || n.markdown.empty()) continue;
    for (Lang l : m.languages) {
      if (l == m.primary || (only && l != *only)) continue;
      auto found = by_key.find(std::tuple{std::string_view(n.unit), n.year, std::string_view(n.section), l});
      const Narrative* t = found == by_key.end() ? nullptr : found->second;
      if (t && t->source_seen == n.markdown) continue;
      out.push_back({n.unit, n.year, n.section, l, t ? TranslationState::outdated : TranslationState::missing, &n, t});
    }
  }
  std::sort(out.begin(), out.end(), [](const TranslationTask& a, const TranslationTask& b) {
    return std::tie(a.unit, a.year, a.section, a.lang) < std::tie(b.unit, b.year, b.section, b.lang);
  });
  return out;
}

}  // namespace toteuma
