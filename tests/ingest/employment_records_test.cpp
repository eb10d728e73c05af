// Employment and training exports: valid files read exactly; every kind of bad row is rejected
// with the file, line and column, and nothing is returned.
#include <gtest/gtest.h>

#include "ingest/csv.h"
#include "ingest/employment_records.h"
#include "test_util.h"

namespace toteuma {
namespace {

const std::set<std::string> kUnits{"A", "B"};
const std::string kEmpHeader = "person;unit;start;end;percent;unpaid_leave\n";
const std::string kTrainHeader = "person;unit;date;hours;in_plan;employer_arranged;paid;wage_subsidy\n";

class PersonnelRecords : public ::testing::Test {
 protected:
  std::string write(const std::string& content) {
    auto p = (tmp_.path() / ("f" + std::to_string(n_++) + ".csv")).string();
    testing::spit(p, content);
    return p;
  }
  // Expects the employment file to be rejected at `line`/`column`; returns the message.
  std::string expect_employment_error(const std::string& body, int line, const std::string& column) {
    auto path = write(kEmpHeader + body);
    std::vector<Employment> got;
    try {
      got = read_employment_records(path, kUnits);
      ADD_FAILURE() << "no error for:\n" << body;
    } catch (const InputError& e) {
      EXPECT_EQ(e.file, path);
      EXPECT_EQ(e.line, line) << e.what();
      EXPECT_EQ(e.column, column) << e.what();
      EXPECT_TRUE(got.empty());
      return e.what();
    }
    return "";
  }
  std::string expect_training_error(const std::string& body, int line, const std::string& column) {
    auto path = write(kTrainHeader + body);
    std::vector<TrainingRecord> got;
    try {
      got = read_training_records(path, kUnits);
      ADD_FAILURE() << "no error for:\n" << body;
    } catch (const InputError& e) {
      EXPECT_EQ(e.file, path);
      EXPECT_EQ(e.line, line) << e.what();
      EXPECT_EQ(e.column, column) << e.what();
      EXPECT_TRUE(got.empty());
      return e.what();
    }
    return "";
  }

 private:
  testing::TempDir tmp_;
  int n_ = 0;
};

TEST(PersonnelRecordFields, Dates) {
  EXPECT_EQ(parse_record_date("2023-07-01"), (Date{2023, 7, 1}));
  EXPECT_EQ(parse_record_date("1.7.2023"), (Date{2023, 7, 1}));
  EXPECT_EQ(parse_record_date("01.07.2023"), (Date{2023, 7, 1}));
  EXPECT_EQ(parse_record_date(" 29.2.2024 "), (Date{2024, 2, 29}));
  for (const char* bad : {"", "29.2.2023", "32.1.2023", "1.13.2023", "1.7.23", "1.7.2023.", "1..2023", "2023-7-1",
                          "1/7/2023", "a.b.cdef", "123.1.2023"})
    EXPECT_FALSE(parse_record_date(bad).has_value()) << bad;
}

TEST(PersonnelRecordFields, Percent) {
  EXPECT_EQ(parse_hundredths("100"), 10000);
  EXPECT_EQ(parse_hundredths("80"), 8000);
  EXPECT_EQ(parse_hundredths("62,5"), 6250);
  EXPECT_EQ(parse_hundredths("62.5"), 6250);
  EXPECT_EQ(parse_hundredths("33,33"), 3333);
  EXPECT_EQ(parse_hundredths("0"), 0);
  EXPECT_EQ(parse_hundredths("-5"), -500);
  for (const char* bad : {"", "abc", "62,555", "62,", ",5", "80 %", "1e2", "--1", "9999999999999"})
    EXPECT_FALSE(parse_hundredths(bad).has_value()) << bad;
}

TEST_F(PersonnelRecords, ReadsValidEmployments) {
  auto path = write(kEmpHeader +
                    "p1;A;2023-01-01;2023-12-31;100;\n"
                    "p1;B;1.1.2024;;62,5;1.2.2024..29.2.2024 | 2024-06-01..2024-06-30\n"
                    "\n"
                    "p2;B;2023-03-01;2023-03-01;0;\n");
  auto e = read_employment_records(path, kUnits);
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0], (Employment{"p1", "A", {2023, 1, 1}, Date{2023, 12, 31}, 10000, {}, 2}));
  EXPECT_EQ(e[1], (Employment{"p1",
                              "B",
                              {2024, 1, 1},
                              std::nullopt,
                              6250,
                              {{{2024, 2, 1}, {2024, 2, 29}}, {{2024, 6, 1}, {2024, 6, 30}}},
                              3}));
  EXPECT_EQ(e[2].line, 5);  // the blank line still counts
  EXPECT_EQ(e[2].percent_hundredths, 0);
}

TEST_F(PersonnelRecords, AdjacentEmploymentsOfOnePersonAreFine) {
  auto e = read_employment_records(write(kEmpHeader +
                                         "p1;A;2023-01-01;2023-06-30;100;\n"
                                         "p1;B;2023-07-01;;100;\n"),
                                   kUnits);
  EXPECT_EQ(e.size(), 2u);
}

TEST_F(PersonnelRecords, BadDates) {
  expect_employment_error("p1;A;2023-01-01;;100;\np2;A;2023-02-30;;100;\n", 3, "start");
  expect_employment_error("p1;A;32.1.2023;;100;\n", 2, "start");
  expect_employment_error("p1;A;;;100;\n", 2, "start");
  expect_employment_error("p1;A;2023-01-01;soon;100;\n", 2, "end");
}

TEST_F(PersonnelRecords, EndBeforeStart) {
  expect_employment_error("p1;A;2023-06-01;31.5.2023;100;\n", 2, "end");
}

TEST_F(PersonnelRecords, BadPercent) {
  expect_employment_error("p1;A;2023-01-01;;sata;\n", 2, "percent");
  expect_employment_error("p1;A;2023-01-01;;62,555;\n", 2, "percent");
  expect_employment_error("p1;A;2023-01-01;;;\n", 2, "percent");
  std::string m = expect_employment_error("p1;A;2023-01-01;;100,01;\n", 2, "percent");
  EXPECT_NE(m.find("0–100"), std::string::npos) << m;
  expect_employment_error("p1;A;2023-01-01;;-5;\n", 2, "percent");
}

TEST_F(PersonnelRecords, UnknownUnit) {
  std::string m = expect_employment_error("p1;A;2023-01-01;;100;\np2;C;2023-01-01;;100;\n", 3, "unit");
  EXPECT_NE(m.find("\"C\""), std::string::npos) << m;
  expect_employment_error("p1;;2023-01-01;;100;\n", 2, "unit");
}

TEST_F(PersonnelRecords, MissingPerson) {
  expect_employment_error("p1;A;2023-01-01;;100;\n ;A;2023-01-01;;100;\n", 3, "person");
}

TEST_F(PersonnelRecords, BadLeave) {
  // Before the start, after the end, to < from, malformed, empty item.
  expect_employment_error("p1;A;2023-02-01;2023-12-31;100;2023-01-15..2023-02-15\n", 2, "unpaid_leave");
  expect_employment_error("p1;A;2023-01-01;2023-06-30;100;2023-06-01..2023-07-01\n", 2, "unpaid_leave");
  std::string m = expect_employment_error("p1;A;2023-01-01;;100;2023-03-31..2023-03-01\n", 2, "unpaid_leave");
  EXPECT_NE(m.find("ends before it starts"), std::string::npos) << m;
  expect_employment_error("p1;A;2023-01-01;;100;2023-03-01-2023-03-31\n", 2, "unpaid_leave");
  expect_employment_error("p1;A;2023-01-01;;100;2023-03-01..2023-03-31|\n", 2, "unpaid_leave");
  expect_employment_error("p1;A;2023-01-01;;100;2023-03-01..\n", 2, "unpaid_leave");
  // Leave exactly covering the employment is fine.
  auto e = read_employment_records(write(kEmpHeader + "p1;A;2023-03-01;2023-03-31;100;1.3.2023..31.3.2023\n"), kUnits);
  EXPECT_EQ(e.size(), 1u);
}

TEST_F(PersonnelRecords, OverlappingEmploymentsOfOnePerson) {
  // Same person, other unit, sharing 30.6.: reported on the later line, naming the earlier one.
  std::string m = expect_employment_error(
      "p1;A;2023-01-01;2023-06-30;100;\n"
      "p2;A;2023-01-01;;100;\n"
      "p1;B;2023-06-30;;50;\n",
      4, "start");
  EXPECT_NE(m.find("line 2"), std::string::npos) << m;
  EXPECT_NE(m.find("p1"), std::string::npos) << m;
  // An open-ended employment overlaps everything after its start, even when listed later.
  expect_employment_error(
      "p3;A;2024-01-01;2024-12-31;100;\n"
      "p3;A;2020-01-01;;100;\n",
      3, "start");
}

TEST_F(PersonnelRecords, FirstProblemInFileOrderWins) {
  expect_employment_error(
      "p1;A;2023-01-01;;100;\n"
      "p2;X;2023-01-01;;100;\n"
      "p3;A;2023-13-01;;100;\n",
      3, "unit");
}

TEST_F(PersonnelRecords, BadHeaderAndShortRows) {
  // The CSV layer reports a missing column on the header line and a short row on its own line.
  auto no_leave = write("person;unit;start;end;percent\np1;A;2023-01-01;;100\n");
  try {
    read_employment_records(no_leave, kUnits);
    ADD_FAILURE() << "missing column accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line, 1);
    EXPECT_EQ(e.column, "unpaid_leave");
  }
  expect_employment_error("p1;A;2023-01-01;;100;\np2;A;2023-01-01\n", 3, "");
  EXPECT_THROW(read_employment_records(write(""), kUnits), InputError);
  EXPECT_THROW(read_training_records((std::filesystem::path("/nonexistent") / "x.csv").string(), kUnits), InputError);
}

TEST_F(PersonnelRecords, ReadsValidTraining) {
  auto path = write(kTrainHeader +
                    "p1;A;2023-03-01;6;1;1;1;0\n"
                    "p2;B;2.3.2023;7,5;kyllä;Kyllä;KYLLÄ;ei\n"
                    "p3;A;2023-03-03;0,5;0;ei;Ei;1\n");
  auto t = read_training_records(path, kUnits);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], (TrainingRecord{"p1", "A", {2023, 3, 1}, 60, true, true, true, false, 2}));
  EXPECT_EQ(t[1], (TrainingRecord{"p2", "B", {2023, 3, 2}, 75, true, true, true, false, 3}));
  EXPECT_EQ(t[2], (TrainingRecord{"p3", "A", {2023, 3, 3}, 5, false, false, false, true, 4}));
}

TEST_F(PersonnelRecords, BadTrainingRows) {
  expect_training_error("p1;A;2023-02-29;6;1;1;1;0\n", 2, "date");
  expect_training_error("p1;A;2023-03-01;7,25;1;1;1;0\n", 2, "hours");
  expect_training_error("p1;A;2023-03-01;0;1;1;1;0\n", 2, "hours");
  expect_training_error("p1;A;2023-03-01;24,1;1;1;1;0\n", 2, "hours");
  expect_training_error("p1;A;2023-03-01;6;1;1;1;0\np1;C;2023-03-01;6;1;1;1;0\n", 3, "unit");
  expect_training_error("p1;A;2023-03-01;6;yes;1;1;0\n", 2, "in_plan");
  expect_training_error("p1;A;2023-03-01;6;1;2;1;0\n", 2, "employer_arranged");
  expect_training_error("p1;A;2023-03-01;6;1;1;;0\n", 2, "paid");
  expect_training_error("p1;A;2023-03-01;6;1;1;1;x\n", 2, "wage_subsidy");
  expect_training_error(";A;2023-03-01;6;1;1;1;0\n", 2, "person");
}

}  // namespace
}  // namespace toteuma
