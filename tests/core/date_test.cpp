#include <gtest/gtest.h>

#include "core/date.h"

namespace toteuma {

TEST(Date, ParsesStrictIso) {
  auto d = parse_iso_date("2025-01-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(to_display(*d), "1.1.2025");
  EXPECT_EQ(to_iso(*d), "2025-01-01");
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2023-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-13-01"));
  EXPECT_FALSE(parse_iso_date("1.1.2025"));
  EXPECT_FALSE(parse_iso_date("2025-1-1"));
  EXPECT_EQ(to_display(*parse_iso_date("2024-09-04")), "4.9.2024");
}

}  // namespace toteuma
