#include "api/csv.h"

#include <algorithm>
#include <set>

namespace knooppunt::api {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

Error CsvError(int64_t line, const std::string& what) {
  return InvalidArgument("", "line " + std::to_string(line) + ": " + what);
}

bool NeedsQuotes(std::string_view field) {
  if (field.find_first_of(",\"\r\n") != std::string_view::npos) return true;
  if (field.empty()) return false;
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  return blank(field.front()) || blank(field.back());
}

// Reads fields and rows from text that is already known to be valid UTF-8 without NUL bytes.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Result<CsvTable> Read() {
    CsvTable table;
    bool have_header = false;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '\r' || text_[pos_] == '\n') {  // a blank line
        EndLine();
        continue;
      }
      const int64_t start_line = line_;
      auto fields = Row();
      if (!fields) return fields.error();
      if (!have_header) {
        std::set<std::string_view> seen;
        for (const std::string& name : *fields) {
          if (!seen.insert(name).second) {
            return CsvError(start_line, "the column \"" + name + "\" appears twice in the header");
          }
        }
        table.header = std::move(*fields);
        have_header = true;
        continue;
      }
      if (fields->size() != table.header.size()) {
        return CsvError(start_line, "the row has " + std::to_string(fields->size()) +
                                        " fields, but the header has " +
                                        std::to_string(table.header.size()));
      }
      if (table.rows.size() == kMaxCsvRows) {
        return CsvError(start_line, "more than " + std::to_string(kMaxCsvRows) + " rows");
      }
      table.rows.push_back(std::move(*fields));
      table.row_lines.push_back(start_line);
    }
    if (!have_header) return CsvError(1, "the file is empty; a header row is expected");
    return table;
  }

 private:
  // Consumes one line end (CRLF, LF or a lone CR) at pos_.
  void EndLine() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  // Reads the fields of one row, up to and including its line end.
  Result<std::vector<std::string>> Row() {
    std::vector<std::string> fields;
    while (true) {
      const bool quoted = pos_ < text_.size() && text_[pos_] == '"';
      auto field = quoted ? Quoted() : Unquoted();
      if (!field) return field.error();
      fields.push_back(std::move(*field));
      if (pos_ >= text_.size()) return fields;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      EndLine();  // Quoted() and Unquoted() stop only at a comma, a line end or the end
      return fields;
    }
  }

  Result<std::string> Unquoted() {
    std::size_t end = std::min(text_.find_first_of(",\r\n", pos_), text_.size());
    if (end - pos_ > kMaxCsvFieldBytes) return TooLong(line_);
    std::string field(text_.substr(pos_, end - pos_));
    pos_ = end;
    return field;
  }

  Result<std::string> Quoted() {
    const int64_t start_line = line_;
    std::string field;
    ++pos_;  // the opening quote
    while (true) {
      std::size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        return CsvError(start_line,
                        "a quoted field starting here is never closed (is the file cut short?)");
      }
      for (std::size_t i = pos_; i < quote; ++i) {
        if (text_[i] == '\n' || (text_[i] == '\r' && text_[i + 1] != '\n')) ++line_;
      }
      field.append(text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // an escaped quote
        field += '"';
        ++pos_;
      } else {
        break;
      }
      if (field.size() > kMaxCsvFieldBytes) return TooLong(start_line);
    }
    if (field.size() > kMaxCsvFieldBytes) return TooLong(start_line);
    if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\r' && text_[pos_] != '\n') {
      return CsvError(line_, "unexpected text after the closing quote of a field");
    }
    return field;
  }

  static Error TooLong(int64_t line) {
    return CsvError(line, "a field is longer than " + std::to_string(kMaxCsvFieldBytes) + " bytes");
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int64_t line_ = 1;
};

}  // namespace

std::optional<std::size_t> FindInvalidUtf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    unsigned char c = bytes[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      if (c == 0xE0) low = 0xA0;   // overlong
      if (c == 0xED) high = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      if (c == 0xF0) low = 0x90;   // overlong
      if (c == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + length > size || bytes[i + 1] < low || bytes[i + 1] > high) return i;
    for (std::size_t k = 2; k < length; ++k) {
      if (bytes[i + k] < 0x80 || bytes[i + k] > 0xBF) return i;
    }
    i += length;
  }
  return std::nullopt;
}

int64_t LineAt(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  int64_t line = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++line;
    }
  }
  return line;
}

Result<CsvTable> ReadCsv(std::string_view text) {
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  if (auto bad = FindInvalidUtf8(text)) {
    return CsvError(LineAt(text, *bad), "the text is not valid UTF-8 (save the file as UTF-8)");
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    return CsvError(LineAt(text, nul), "the file holds a NUL byte; it is not a text file");
  }
  return Reader(text).Read();
}

std::string WriteCsvRow(std::span<const std::string> fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    const std::string& field = fields[i];
    // A lone empty field would make a blank line, which readers skip.
    if (NeedsQuotes(field) || (fields.size() == 1 && field.empty())) {
      line += '"';
      for (char c : field) {
        if (c == '"') line += '"';
        line += c;
      }
      line += '"';
    } else {
      line += field;
    }
  }
  line += '\n';
  return line;
}

}  // namespace knooppunt::api
