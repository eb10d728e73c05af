// Standard commentary on deviations from the budget ("toimintakulut toteutuivat selvästi
// arvioitua pienempinä"), drafted in either language from configurable thresholds
// (data/rules/commentary.toml, or the dataset's documents/commentary.toml).
#pragma once
#include <string>
#include <vector>

#include "core/finance/ledger.h"

namespace toteuma {

struct CommentaryRules {
  struct Degree {
    std::int64_t from_permille = 0;  // deviation from which these words apply (20 = 2,0 %)
    Text words;
  };
  struct LineRule {
    std::string line;
    bool signed_compare = false;
    Text subject, more, less, same;
  };
  std::vector<Degree> degrees;  // ascending
  std::vector<LineRule> lines;
  Text share;                   // "toteutuma {} talousarviosta"
};

CommentaryRules parse_commentary_rules(const std::string& toml, const std::string& origin);
// The dataset's documents/commentary.toml, else the built-in rules.
CommentaryRules commentary_rules_for(const Dataset& d);

// The draft (Markdown, one sentence per line of the rules that has both figures) on the
// unit's year, as of the organisation on 31.12.; "" when the unit has no budget or actual.
std::string draft_commentary(const Ledger& ledger, const CommentaryRules& rules, const std::string& unit, int year,
                             Lang lang);

}  // namespace toteuma
