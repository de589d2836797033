#pragma once
// The policy core: a policy file parsed from TOML, read through Table views that know where every value stands in
// the file. Modules read their own sections through a Table; each wrong value becomes a Problem naming
// FILE:LINE:COLUMN. Whatever no module read — an unknown section, a misspelt key — is a problem too (finish()):
// a policy never holds a line that silently does nothing.
//
//   policy::Document doc(text, "preset-a.toml");
//   if (auto t = doc.root().table("effective_call")) { auto secs = t->integer("min_talk_seconds", {.min = 0}); }
//   doc.finish();
//   for (const auto& p : doc.problems()) std::cerr << p.str() << '\n';
//
// toml++ stays inside document.cpp: this header is included by every module that owns a section.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar/calendar.hpp"

namespace waihu::policy {

struct Where {
  int line = 0, column = 0;
};

struct Problem {
  std::string file;
  Where where;
  std::string reason;
  /// "FILE:LINE:COLUMN: reason", as compilers write it.
  std::string str() const;
};

struct DocumentState;

/// A TOML table of the policy. Getters return nullopt when the key is absent (a problem when `required`) or its
/// value is wrong (always a problem); either way the caller carries on so one check reports every problem.
class Table {
 public:
  struct IntRange {
    long long min = -(1LL << 62), max = 1LL << 62;
  };
  bool has(std::string_view key) const;
  /// `key` holds a table (a value that is either a table or a word, such as `baseline = "none"`).
  bool has_table(std::string_view key) const;
  /// The whole file (its keys are sections).
  bool is_root() const;
  /// Where the table starts (its [header], or the key of an inline table).
  Where where() const;
  /// Where `key`'s value stands; the table's own place when absent.
  Where where(std::string_view key) const;
  /// A problem at `key` (at the table when the key is absent).
  void problem(std::string_view key, std::string reason) const;

  std::optional<std::string> text(std::string_view key, bool required = true) const;
  /// One of `allowed`; the problem lists them.
  std::optional<std::string> choice(std::string_view key, std::initializer_list<std::string_view> allowed,
                                    bool required = true) const;
  std::optional<long long> integer(std::string_view key, IntRange range, bool required = true) const;
  std::optional<bool> boolean(std::string_view key, bool required = true) const;
  /// A TOML date (2026-10-01) or "YYYY-MM-DD".
  std::optional<calendar::LocalDate> date(std::string_view key, bool required = true) const;
  /// Minutes after midnight of a TOML time (09:00:00) or "HH:MM"; 24:00 allowed as a day's end.
  std::optional<int> time_of_day(std::string_view key, bool required = true) const;
  /// A number with at most two decimals, as hundredths (99.5 → 9950): percentages, yuan, counts in band tables.
  std::optional<long long> hundredths(std::string_view key, bool required = true) const;
  /// An array of strings, each one of `allowed` when `allowed` is not empty; duplicates are a problem.
  std::optional<std::vector<std::string>> texts(std::string_view key, std::initializer_list<std::string_view> allowed,
                                                bool required = true) const;
  std::optional<Table> table(std::string_view key, bool required = true) const;
  /// An array of tables ([[key]] or key = [{…}, {…}]); empty when absent.
  std::vector<Table> tables(std::string_view key) const;
  /// Keys of the table in file order (for tables whose keys are data, such as metric → expected figure).
  std::vector<std::string> keys() const;
  /// Marks `key` read without reading it (a value handled elsewhere).
  void accept(std::string_view key) const;

 private:
  friend class Document;
  friend std::string overlay_policy(std::string_view, const Table*, std::optional<calendar::LocalDate>);
  Table(DocumentState* state, const void* node) : state_(state), node_(node) {}
  const void* get(std::string_view key) const;
  DocumentState* state_;
  const void* node_;  // const toml::table*
};

class Document {
 public:
  /// Parses `text`; a syntax error is the one problem and root() is an empty table.
  Document(std::string_view text, std::string file);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Table root() const;
  /// Reports every key and section nothing read. Call once, after every module has read its sections.
  void finish();
  const std::vector<Problem>& problems() const;
  bool ok() const { return problems().empty(); }
  const std::string& file() const;
  /// A problem found outside a Table (an example's figure that came out differently).
  void add_problem(Where where, std::string reason);

 private:
  std::unique_ptr<DocumentState> state_;
};

/// A policy's TOML text with `overrides` laid over it — tables merge key by key, any other value (arrays too)
/// replaces — and, when given, [policy] effective_from set: what a scenario runs when it tries a change. Returned as
/// TOML text (comments are not kept); every value of `overrides` counts as read. Throws std::invalid_argument with
/// the parser's message when `base` does not parse.
std::string overlay_policy(std::string_view base, const Table* overrides,
                           std::optional<calendar::LocalDate> effective_from);

}  // namespace waihu::policy
