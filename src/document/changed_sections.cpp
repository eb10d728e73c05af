#include "document/changed_sections.h"

#include <exception>
#include <map>
#include <optional>
#include <string>

#include "core/date.h"
#include "core/documents/document.h"
#include "document/builder.h"
#include "document/template.h"

namespace toteuma {

namespace {

// What each review part of a document prints, in Finnish and Swedish together; nullopt when the
// document cannot be built (its unit does not exist that year).
std::optional<std::map<std::string, std::string>> printed_parts(const Ledger& ledger, const std::string& kind,
                                                                const std::string& unit, int year) {
  std::map<std::string, std::string> out;
  try {
    DocTemplate t = template_for(ledger.dataset(), kind);
    for (Lang l : {Lang::fi, Lang::sv})
      for (auto& p : doc::review_parts(build_document(ledger, t, {unit, year, l, today()}))) out[p.id] += p.content;
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::vector<SectionRef> changed_sections(const Ledger& before, const Dataset& written, const std::vector<SectionStatus>& reviewed) {
  Ledger after(written);
  std::vector<SectionRef> out;
  for (std::size_t i = 0; i < reviewed.size();) {
    const SectionStatus& first = reviewed[i];  // one document at a time
    auto old_parts = printed_parts(before, first.doc, first.unit, first.year);
    auto new_parts = printed_parts(after, first.doc, first.unit, first.year);
    for (; i < reviewed.size() && reviewed[i].doc == first.doc && reviewed[i].unit == first.unit && reviewed[i].year == first.year; ++i) {
      const std::string& id = reviewed[i].section;
      auto content = [&](const auto& parts) -> std::optional<std::string> {
        if (!parts || !parts->count(id)) return std::nullopt;
        return parts->at(id);
      };
      auto was = content(old_parts), is = content(new_parts);
      if ((was || is) && was != is) out.push_back({first.doc, first.unit, first.year, id});
    }
  }
  return out;
}

}  // namespace toteuma
