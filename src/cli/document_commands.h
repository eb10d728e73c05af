// `toteuma report`, `toteuma commentary` and `toteuma narrative`: generated documents and the
// texts they hold.
#pragma once
#include <ostream>
#include <string>

namespace toteuma {

struct DocumentOptions {
  std::string db, doc = "annual-report", unit, lang, format = "html", output, section, file, origin = "person";
  int year = 0;
  std::string date;  // "generated on" date, YYYY-MM-DD; default today (fixed in tests)
};

// report: writes the document to `output` (or stdout for html).
int cmd_report(const DocumentOptions& o, std::ostream& out);
// commentary: drafts the standard commentary of the unit and its sub-units in every language of
// the municipality and stores it as drafts; a person's text is left as it is.
int cmd_commentary(const DocumentOptions& o, std::ostream& out);
// narrative set: stores a person's Markdown text (from `file`, "-" = stdin).
int cmd_narrative_set(const DocumentOptions& o, std::ostream& out);

}  // namespace toteuma
