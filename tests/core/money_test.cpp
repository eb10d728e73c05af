#include <gtest/gtest.h>

#include "core/money.h"
#include "core/format.h"

namespace toteuma {

TEST(Money, ParsesEurosExactlyIntoCents) {
  EXPECT_EQ(parse_euros("-1935039"), -193503900);
  EXPECT_EQ(parse_euros("25050.40"), 2505040);
  EXPECT_EQ(parse_euros("25050,4"), 2505040);
  EXPECT_EQ(parse_euros("0"), 0);
  EXPECT_EQ(parse_euros("-0.05"), -5);
  // 0.1 + 0.2 style inputs stay exact: no floating point anywhere.
  EXPECT_EQ(*parse_euros("0.10") + *parse_euros("0.20"), *parse_euros("0.30"));
}

TEST(Money, RejectsMalformedAmounts) {
  for (const char* bad : {"", "-", "1.234", "1 000", "1e3", "abc", "1.", ".5", "--1", "99999999999999999999"})
    EXPECT_FALSE(parse_euros(bad).has_value()) << bad;
}

TEST(Money, RoundsHalfAwayFromZero) {
  EXPECT_EQ(round_to_euros(150), 2);
  EXPECT_EQ(round_to_euros(149), 1);
  EXPECT_EQ(round_to_euros(-150), -2);
  EXPECT_EQ(round_to_euros(-149), -1);
  EXPECT_EQ(round_to_euros(50), 1);
  EXPECT_EQ(round_to_euros(-50), -1);
}

TEST(Money, PlainFormRoundTrips) {
  for (Cents c : {Cents{0}, Cents{-5}, Cents{2505040}, Cents{-193503900}, Cents{12345678901234}, kMaxEnteredCents,
                  -kMaxEnteredCents})
    EXPECT_EQ(parse_euros(cents_to_plain(c)), c) << c;
  EXPECT_EQ(parse_euros(cents_to_plain(kMaxEnteredCents + 1)), std::nullopt);  // beyond the entry limit
  EXPECT_EQ(cents_to_plain(-193503900), "-1935039");
  EXPECT_EQ(cents_to_plain(2505040), "25050.40");
}

TEST(Money, RealisationPercentInTenths) {
  // Seed 000: Toimintatuotot TP 281 829 of TA 300 500 = 93,79 % -> 93,8 %.
  EXPECT_EQ(ratio_permille(28182900, 30050000), 938);
  // Seed 000: staff survey response rate 69,7 % is printed with one decimal.
  EXPECT_EQ(ratio_permille(697, 1000), 697);
  EXPECT_EQ(ratio_permille(-1774883, -1935039), 917);  // 91,72 %
  EXPECT_FALSE(ratio_permille(1, 0).has_value());
}

TEST(Format, EurosWithNonBreakingThousands) {
  EXPECT_EQ(format_euros(-193503900), "-1\u00a0935\u00a0039");
  EXPECT_EQ(format_euros(-193503900, " "), "-1 935 039");
  EXPECT_EQ(format_euros(100, " "), "1");
  EXPECT_EQ(format_euros(99999, " "), "1 000");  // 999,99 rounds to 1 000
  EXPECT_EQ(format_euros(0, " "), "0");
  EXPECT_EQ(format_euros(-49, " "), "0");
}

TEST(Format, PercentWithDecimalComma) {
  EXPECT_EQ(format_permille(697, " "), "69,7 %");
  EXPECT_EQ(format_permille(1000, " "), "100,0 %");
  EXPECT_EQ(format_permille(-25, " "), "-2,5 %");
}

}  // namespace toteuma
