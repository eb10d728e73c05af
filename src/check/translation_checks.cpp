#include "check/translation_checks.h"

#include <fmt/format.h>

#include "core/workplace/translation.h"

namespace toteuma {

void check_outdated_translations(const Dataset& d, std::vector<Finding>& out) {
  for (const auto& task : translation_tasks(d)) {
    if (task.state != TranslationState::outdated) continue;
    const std::string source(lang_code(task.source->lang)), lang(lang_code(task.lang));
    Finding f;
    f.rule = "complete.translation_outdated";
    f.severity = Severity::warning;
    f.where = {"", 0, d.municipality_of(task.unit).id, task.unit, task.section, lang, task.year};
    f.fi = fmt::format("Tekstin {} käännös kielelle {} on vanhentunut: lähdeteksti ({}) on muuttunut käännöksen jälkeen",
                       task.section, lang, source);
    f.sv = fmt::format("Översättningen av texten {} till språket {} är föråldrad: källtexten ({}) har ändrats efter översättningen",
                       task.section, lang, source);
    f.en = fmt::format("The {} translation of narrative {} is outdated: its source ({}) changed after it was translated", lang,
                       task.section, source);
    out.push_back(std::move(f));
  }
}

}  // namespace toteuma
