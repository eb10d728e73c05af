// A word diff of two texts (issue 17 item 2): what a translator sees of the source's change since
// the translation was written. Words are runs of non-space characters; the space between them
// belongs to the text around it. A longest common subsequence over the words, after the common
// beginning and end are set aside, in O(n·m) time and memory for the n×m words that differ; past
// kMaxDiffCells the middle is shown as deleted and inserted whole (still correct, only coarser).
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace toteuma {

enum class DiffOp { same, del, ins };

// A run of the diff: consecutive words with one op (the spaces between them included).
struct DiffPart {
  DiffOp op;
  std::string text;
  bool operator==(const DiffPart&) const = default;
};

inline constexpr std::size_t kMaxDiffCells = 4'000'000;

// The parts that turn `before` into `after`: the same parts in order give `after` when the deleted
// ones are left out and `before` when the inserted ones are. A deletion comes before the insertion
// that replaces it.
std::vector<DiffPart> word_diff(const std::string& before, const std::string& after,
                                std::size_t max_cells = kMaxDiffCells);

}  // namespace toteuma
