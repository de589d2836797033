#pragma once
// Spreadsheet downloads: a route writes a temporary file under DATA/exports, the server streams it and deletes
// it. One place for the format parameter, the file's life and the download headers.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "http/message.hpp"
#include "util/sheet_writer.hpp"

namespace waihu::http {

/// ?format=csv|xlsx (default csv); 400 naming "format" otherwise.
util::SheetFormat sheet_format(const Context& c);
/// The query parameters as a JSON object, for an export's audit row.
nlohmann::json query_json(const Context& c);
/// Runs write(path, format) into a new temporary file and answers it as a download named NAME-YYYY-MM-DD.EXT;
/// the file is removed once sent, or at once when write throws.
Response sheet_download(const std::string& data_dir, const Context& c, const std::string& name,
                        const std::function<void(const std::string& path, util::SheetFormat format)>& write);

}  // namespace waihu::http
