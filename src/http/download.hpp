#pragma once
// Spreadsheet downloads: a route writes a temporary file under DATA/exports, the server streams it and deletes
// it. One place for the format parameter, the file's life and the download headers.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "http/message.hpp"
#include "util/lang.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::http {

/// ?format=csv|xlsx (default csv); 400 naming "format" otherwise.
util::SheetFormat sheet_format(const Context& c);
/// The query parameters as a JSON object, for an export's audit row.
nlohmann::json query_json(const Context& c);
/// ?lang=zh|en (default zh): the language of the file's headers, labels and name; 400 naming "lang" otherwise.
util::Lang sheet_lang(const Context& c);

/// Runs write() into a new temporary file and answers it as a download named for what it holds and the period
/// it covers — "通话记录-2026-11-24.xlsx" / "calls-2026-11-24.xlsx" (an empty period: today, for a snapshot);
/// the file is removed once sent, or at once when write throws. Headers "format" and "lang" are its own.
/// `dated` false: a file of no period (a template), named for what it is alone.
Response sheet_download(const std::string& data_dir, const Context& c, util::Label what, const std::string& period,
                        const std::function<void(const util::SheetTarget&)>& write, bool dated = true);
/// The period a day / from / to filter covers, for a file name: "2026-11-24", "2026-11-01_2026-11-30", "" (none).
std::string period_name(const std::optional<std::string>& day, const std::optional<std::string>& from,
                        const std::optional<std::string>& to);

}  // namespace waihu::http
