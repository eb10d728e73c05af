#include "render/collate.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>

namespace toteuma {

namespace {
// One collator per language, created once; ICU collators are thread-safe for compare().
const icu::Collator* collator(Lang lang) {
  static std::once_flag once;
  static std::unique_ptr<icu::Collator> fi, sv;
  std::call_once(once, [] {
    UErrorCode st = U_ZERO_ERROR;
    fi.reset(icu::Collator::createInstance(icu::Locale("fi", "FI"), st));
    st = U_ZERO_ERROR;
    sv.reset(icu::Collator::createInstance(icu::Locale("sv", "SE"), st));
  });
  return lang == Lang::fi ? fi.get() : sv.get();
}
}  // namespace

int collate(const std::string& a, const std::string& b, Lang lang) {
  const icu::Collator* c = collator(lang);
  if (!c) return a.compare(b);  // no ICU data: byte order rather than nothing
  UErrorCode st = U_ZERO_ERROR;
  auto r = c->compareUTF8(a, b, st);
  if (U_FAILURE(st)) return a.compare(b);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

}  // namespace toteuma
