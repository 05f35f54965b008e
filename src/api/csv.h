// RFC 4180 CSV for HSDS tabular data packages: a strict reader for files people upload (it names
// the line of an unclosed quote, a ragged row, invalid UTF-8, a NUL byte or an oversized file) and
// a writer for exports. Thread-safety: free functions on values; safe from any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/result.h"

namespace knooppunt::api {

inline constexpr std::size_t kMaxCsvRows = 1'000'000;      // data rows, header not counted
inline constexpr std::size_t kMaxCsvFieldBytes = 1 << 20;  // one field, after unquoting

struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each has header.size() fields
  std::vector<int64_t> row_lines;              // the line each row starts on; the header is line 1
};

// Parses `text`: a header row, then rows with as many fields as the header. Accepts LF or CRLF
// line ends, a UTF-8 byte order mark, quoted fields with "" escapes, commas and line breaks
// inside quotes; blank lines are skipped. Failure: kInvalidArgument whose message names the line
// ("line 7: ..."): an unclosed quote, a row with a different number of fields than the header,
// text after a closing quote, invalid UTF-8, a NUL byte, an empty file, a duplicate column name,
// more than kMaxCsvRows rows or a field longer than kMaxCsvFieldBytes.
Result<CsvTable> ReadCsv(std::string_view text);

// One CSV line ending in "\n": fields separated by commas, quoted (with "" escapes) when they
// hold a comma, quote, CR or LF or begin or end with a space or tab. Never fails.
std::string WriteCsvRow(std::span<const std::string> fields);

// The offset of the first byte of `text` that is not part of well-formed UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF count as malformed), or nullopt when all is valid.
std::optional<std::size_t> FindInvalidUtf8(std::string_view text);

// The 1-based line number of byte `offset` in `text` (LF, CRLF and lone CR end a line).
int64_t LineAt(std::string_view text, std::size_t offset);

}  // namespace knooppunt::api
