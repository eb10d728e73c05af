#include "core/workplace/workflow.h"

namespace toteuma {

std::optional<SectionState> parse_section_state(const std::string& s) {
  if (s == "draft") return SectionState::draft;
  if (s == "ready") return SectionState::ready;
  if (s == "approved") return SectionState::approved;
  return std::nullopt;
}

std::string to_string(SectionState s) {
  switch (s) {
    case SectionState::draft: return "draft";
    case SectionState::ready: return "ready";
    case SectionState::approved: return "approved";
  }
  return "draft";
}

}  // namespace toteuma
