// The spending plan page (käyttösuunnitelma, issue 16 item 6; docs/BUDGETING.md, docs/WEB.md):
// `/{lang}/budget/{year}/spending-plan?unit=U&line=L` — a binding unit's appropriation (the budget
// of the year after amendments on a line: its binding line unless another is asked), its split to
// the units under it (areas, cost centers) and to months with the sums per row and column, and
// whether the plan adds up to the decision (the check budget.spending_plan_sum in the reader's
// language, with every line the plan and the decision both hold). Every logged-in user reads it;
// whoever edits figures (finance, admin: the figures right of docs/USERS.md) enters the split.
// A save is one `spending_plan` change per row that changed (core/workplace/workflow.h), each row
// read first by the plan file's reader as `budget spending-plan set` reads it
// (ingest/spending_plan_file.h), then applied as every edit: apply_changes (authorised on the
// server, one transaction, audited, refused whole when stale).
#pragma once
#include "web/context.h"

namespace toteuma::web {

http::Response spending_plan_page(const Ctx& c, int year, const Municipality& m);

}  // namespace toteuma::web
