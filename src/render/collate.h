// Sorting names as each language does (ICU collation): å, ä, ö after z in Finnish and Swedish,
// case and accents handled as a reader expects, not by byte order.
#pragma once
#include <algorithm>
#include <string>
#include <vector>

#include "core/lang.h"

namespace toteuma {

// A stable sort of `items` by `key(item)` in the order of `lang`.
template <typename T, typename Key>
void sort_by_name(std::vector<T>& items, Lang lang, Key key);

// The collation order of two UTF-8 strings: <0, 0, >0.
int collate(const std::string& a, const std::string& b, Lang lang);

template <typename T, typename Key>
void sort_by_name(std::vector<T>& items, Lang lang, Key key) {
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return collate(key(a), key(b), lang) < 0; });
}

}  // namespace toteuma
