// Assembles a document (core/documents/document.h) from the dataset and a template: for a unit, a year
// and a language. The only place that knows which table, chart or text a section holds.
#pragma once
#include <string>

#include "check/finding.h"
#include "core/date.h"
#include "core/documents/document.h"
#include "core/finance/ledger.h"
#include "document/template.h"

namespace toteuma {

struct DocumentRequest {
  std::string unit;
  int year = 0;
  Lang lang = Lang::fi;
  Date generated_on;  // printed as "Laadittu 22.11.2026"
};

// Throws std::invalid_argument for an unknown unit.
doc::Document build_document(const Ledger& ledger, const DocTemplate& t, const DocumentRequest& req);

// The findings a document of `unit` reports: the dataset's as a whole and those of the unit and
// its sub-units in `org`.
std::vector<Finding> findings_of_unit(std::vector<Finding> all, const OrgView& org, const std::string& unit);

}  // namespace toteuma
