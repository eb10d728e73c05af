// The proposal page's tests (proposal_test.cpp, proposal_sections_test.cpp): the demo round 2026's
// proposal version ehdotus-2026 as kanslia's page, and the demo workplace with one user per role.
#pragma once
#include <map>
#include <string>

#include "core/budgeting/proposal.h"
#include "web_client.h"

namespace toteuma::testing::proposal_page {

inline constexpr const char* kPassword = "oikea-salasana-42";
inline const std::string kPage = "/fi/unit/kanslia/proposal";
inline const std::map<std::string, std::string> kQuery{{"version", "ehdotus-2026"}};
inline const std::string kNbsp = "\u00a0";

struct Round : UsersWorkplace {
  Round()
      : UsersWorkplace({{"kanslia", "editor:kanslia"}, {"ict", "editor:ict"}, {"hallinto", "editor:lai-hallinto"},
                        {"sivistys", "editor:sivistys"}, {"talous", "finance"}, {"lukija", "viewer"}},
                       kPassword) {}
  UnitProposal stored() const { return proposal_of(read(), "ehdotus-2026", "kanslia"); }
};

// The form's hidden state fields as the page rendered them.
inline std::map<std::string, std::string> state_fields(const std::string& page) {
  return {{"b_state", Client::field(page, "b_state")}, {"h_state", Client::field(page, "h_state")}};
}

}  // namespace toteuma::testing::proposal_page
