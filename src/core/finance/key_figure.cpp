#include "core/finance/key_figure.h"

#include <fmt/format.h>

#include <algorithm>

namespace toteuma {

std::optional<KeyUnit> parse_key_unit(const std::string& s) {
  if (s == "percent") return KeyUnit::percent;
  if (s == "percent_2") return KeyUnit::percent_2;
  if (s == "eur") return KeyUnit::eur;
  if (s == "eur_per_resident") return KeyUnit::eur_per_resident;
  if (s == "count") return KeyUnit::count;
  return std::nullopt;
}

std::string to_string(KeyUnit u) {
  switch (u) {
    case KeyUnit::percent: return "percent";
    case KeyUnit::percent_2: return "percent_2";
    case KeyUnit::eur: return "eur";
    case KeyUnit::eur_per_resident: return "eur_per_resident";
    case KeyUnit::count: return "count";
  }
  return {};
}

int key_unit_decimals(KeyUnit u) {
  return u == KeyUnit::percent ? 1 : u == KeyUnit::percent_2 ? 2 : 0;
}

namespace {

// Recursive descent over the formula's characters; `at` counts code points for the errors.
//   expr := term (('+' | '-') term)*      term := unary (('*' | '/') unary)*
//   unary := '-' unary | primary          primary := number | name | sum(name, n) | '(' expr ')'
class Parser {
 public:
  explicit Parser(const std::string& s) : s_(s) {}

  KeyFormulaParse run() {
    KeyFormulaParse out;
    skip();
    if (i_ >= s_.size()) return fail("a formula", "kaava", "en formel");
    int root = expr();
    if (failed_) return std::move(out_);
    skip();
    if (i_ < s_.size()) return fail("an operator or the end of the formula", "operaattori tai kaavan loppu",
                                    "en operator eller formelns slut");
    f_.root = root;
    out.formula = std::move(f_);
    return out;
  }

 private:
  // The operator at the current position (ASCII or its typographic form) and its byte length.
  char op(std::size_t& len) const {
    if (i_ >= s_.size()) return 0;
    auto is = [&](const char* u) { return s_.compare(i_, std::char_traits<char>::length(u), u) == 0; };
    len = 1;
    char c = s_[i_];
    if (c == '+' || c == '-' || c == '*' || c == '/' || c == '(' || c == ')' || c == ',') return c;
    len = 3;
    if (is("\u2212")) return '-';
    len = 2;
    if (is("\u00d7")) return '*';
    if (is("\u00f7")) return '/';
    return 0;
  }
  void advance(std::size_t bytes) {
    for (std::size_t k = 0; k < bytes; ++k, ++i_)
      if ((static_cast<unsigned char>(s_[i_]) & 0xC0) != 0x80) ++at_;
  }
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) advance(1);
  }
  bool accept(char want) {
    skip();
    std::size_t len = 0;
    if (op(len) != want) return false;
    advance(len);
    return true;
  }
  // `where`: the character the error is about (0 = the current one).
  KeyFormulaParse fail(const std::string& en, const std::string& fi, const std::string& sv, int where = 0) {
    if (!failed_) {
      failed_ = true;
      int at = where > 0 ? where : at_;
      out_.formula.reset();
      out_.error = {at, fmt::format("expected {} at character {}", en, at), fmt::format("odotettiin: {} (merkki {})", fi, at),
                    fmt::format("förväntades: {} (tecken {})", sv, at)};
    }
    return out_;
  }
  int add(KeyNode n) {
    f_.nodes.push_back(std::move(n));
    return static_cast<int>(f_.nodes.size()) - 1;
  }
  int binary(KeyOp o, int a, int b, int at) { return add({o, 0, "", a, b, at}); }

  // One precedence level: operands of `next` joined left to right by its two operators.
  int level(int (Parser::*next)(), char op1, KeyOp k1, char op2, KeyOp k2) {
    int left = (this->*next)();
    while (!failed_) {
      int at = (skip(), at_);
      if (accept(op1)) left = binary(k1, left, (this->*next)(), at);
      else if (accept(op2)) left = binary(k2, left, (this->*next)(), at);
      else break;
    }
    return left;
  }
  int expr() { return level(&Parser::term, '+', KeyOp::add, '-', KeyOp::sub); }
  int term() { return level(&Parser::unary, '*', KeyOp::mul, '/', KeyOp::div); }
  int unary() {
    if (failed_) return -1;
    int at = (skip(), at_);
    if (accept('-')) return add({KeyOp::neg, 0, "", unary(), -1, at});
    return primary();
  }
  std::string name() {
    std::size_t from = i_;
    while (i_ < s_.size() && ((s_[i_] >= 'a' && s_[i_] <= 'z') || (s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '_'))
      advance(1);
    return s_.substr(from, i_ - from);
  }
  std::optional<std::int64_t> number() {
    std::int64_t v = 0;
    std::size_t from = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (i_ - from >= 12) return std::nullopt;  // at most 12 digits: far from overflow
      v = v * 10 + (s_[i_] - '0');
      advance(1);
    }
    return v;
  }
  int primary() {
    if (failed_) return -1;
    skip();
    int at = at_;
    if (accept('(')) {
      int inner = expr();
      if (!failed_ && !accept(')')) fail("\")\"", "\")\"", "\")\"");
      return inner;
    }
    if (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      auto v = number();
      if (!v) return (fail("a number of at most 12 digits", "enintään 12-numeroinen luku", "ett tal med högst 12 siffror", at), -1);
      return add({KeyOp::number, *v, "", -1, -1, at});
    }
    if (i_ < s_.size() && s_[i_] >= 'a' && s_[i_] <= 'z') {
      std::string n = name();
      if (n == "sum") {
        if (!accept('('))
          return (fail("\"(\" after sum", "\"(\" sum-sanan jälkeen", "\"(\" efter sum"), -1);
        skip();
        int line_at = at_;
        std::string line = name();
        if (line.empty() || line == "population" || line == "income_tax_rate" || line == "sum")
          return (fail("a line id of the chart as the first argument of sum", "kaavion rivitunnus sum-funktion ensimmäiseksi argumentiksi",
                       "ett rad-id i schemat som första argument till sum", line_at), -1);
        if (!accept(','))
          return (fail("\",\" and the number of years", "\",\" ja vuosien määrä", "\",\" och antalet år"), -1);
        skip();
        int years_at = at_;
        auto years = i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9' ? number() : std::nullopt;
        if (!years || *years < 1 || *years > 50)
          return (fail("a number of years from 1 to 50", "vuosien määrä 1–50", "ett antal år 1–50", years_at), -1);
        if (!accept(')')) return (fail("\")\"", "\")\"", "\")\""), -1);
        return add({KeyOp::sum, *years, line, -1, -1, line_at});
      }
      if (n == "population") return add({KeyOp::population, 0, "", -1, -1, at});
      if (n == "income_tax_rate") return add({KeyOp::income_tax_rate, 0, "", -1, -1, at});
      return add({KeyOp::line, 0, n, -1, -1, at});
    }
    return (fail("a line id, population, income_tax_rate, sum(line, years), a number or \"(\"",
                 "rivitunnus, population, income_tax_rate, sum(rivi, vuodet), luku tai \"(\"",
                 "ett rad-id, population, income_tax_rate, sum(rad, år), ett tal eller \"(\""),
            -1);
  }

  const std::string& s_;
  std::size_t i_ = 0;
  int at_ = 1;
  bool failed_ = false;
  KeyFormula f_;
  KeyFormulaParse out_;
};

}  // namespace

KeyFormulaParse parse_key_formula(const std::string& text) { return Parser(text).run(); }

std::vector<std::string> formula_lines(const KeyFormula& f) {
  std::vector<std::string> out;
  for (const auto& n : f.nodes)
    if ((n.op == KeyOp::line || n.op == KeyOp::sum) && std::find(out.begin(), out.end(), n.line) == out.end())
      out.push_back(n.line);
  return out;
}

}  // namespace toteuma
