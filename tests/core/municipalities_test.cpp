// Municipalities (core/dataset.h): the index gives each unit the municipality Dataset::municipality_of
// gives, worked out here by hand for a dataset of two municipalities with a moved unit.
#include <gtest/gtest.h>

#include "core/dataset.h"
#include "core/unit_version.h"

namespace toteuma {
namespace {

using testing::unit;

TEST(Municipalities, EachUnitHasTheMunicipalityOfItsRoot) {
  Dataset d;
  d.municipalities = {{"a", "001", {"A", "A"}, {Lang::fi}, Lang::fi}, {"b", "002", {"B", "B"}, {Lang::sv}, Lang::sv}};
  // s1 lies under a until 2024 and under b from 2025: the last version with a parent counts.
  d.units = {unit("a", "", "2024-01-01"),  unit("b", "", "2024-01-01"),
             unit("s1", "a", "2024-01-01", "2024-12-31"), unit("s1", "b", "2025-01-01"),
             unit("c1", "s1", "2024-01-01"), unit("c2", "a", "2024-01-01"),
             unit("lost", "gone", "2024-01-01")};  // a parent that is no unit: the primary
  Municipalities m(d);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"a", "a"}, {"b", "b"}, {"s1", "b"}, {"c1", "b"}, {"c2", "a"}, {"lost", "a"},
      {"nobody", "a"},  // not a unit: the primary
  };
  for (const auto& [unit_id, municipality] : expected) {
    EXPECT_EQ(m.of(unit_id).id, municipality) << unit_id;
    EXPECT_EQ(d.municipality_of(unit_id).id, municipality) << unit_id;
  }
  EXPECT_EQ(m.find("c1")->id, "b");
  EXPECT_EQ(m.find("nobody"), nullptr);
}

}  // namespace
}  // namespace toteuma
