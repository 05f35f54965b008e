#include "match/weights.h"

#include <array>
#include <charconv>
#include <cmath>
#include <set>

namespace knooppunt::match {
namespace {

struct Field {
  std::string_view key;
  double Weights::*member;
};

constexpr std::array kFields{
    Field{"shared_language", &Weights::shared_language},
    Field{"distance", &Weights::distance},
    Field{"shared_slot", &Weights::shared_slot},
    Field{"skill", &Weights::skill},
    Field{"interest", &Weights::interest},
    Field{"preference", &Weights::preference},
    Field{"waiting_per_week", &Weights::waiting_per_week},
    Field{"waiting_max", &Weights::waiting_max},
    Field{"min_score", &Weights::min_score},
};

std::string_view Trim(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

// Sets one weight; `seen` catches a key given twice.
Status Set(Weights& weights, std::string_view key, std::string_view text,
           std::set<std::string, std::less<>>& seen) {
  const Field* field = nullptr;
  for (const Field& candidate : kFields) {
    if (candidate.key == key) field = &candidate;
  }
  if (field == nullptr) {
    return InvalidArgument(std::string(key),
                           "unknown matching weight \"" + std::string(key) + "\"");
  }
  if (!seen.insert(std::string(key)).second) {
    return InvalidArgument(std::string(key),
                           "matching weight \"" + std::string(key) + "\" is given twice");
  }
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(value) || value < 0) {
    return InvalidArgument(std::string(key), "matching weight \"" + std::string(key) +
                                                 "\" must be a number of at least 0, not \"" +
                                                 std::string(text) + "\"");
  }
  weights.*(field->member) = value;
  return {};
}

}  // namespace

Result<Weights> ParseWeights(std::string_view text) {
  Weights weights;
  std::set<std::string, std::less<>> seen;
  int line_number = 0;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = Trim(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    size_t equals = line.find('=');
    if (equals == std::string_view::npos) {
      return InvalidArgument(
          "line " + std::to_string(line_number),
          "expected \"key = value\" in matching weights, line " + std::to_string(line_number));
    }
    Status status = Set(weights, Trim(line.substr(0, equals)), Trim(line.substr(equals + 1)), seen);
    if (!status) return status.error();
  }
  return weights;
}

Result<Weights> WeightsFromMap(const std::map<std::string, std::string>& values) {
  Weights weights;
  std::set<std::string, std::less<>> seen;
  for (const auto& [key, value] : values) {
    Status status = Set(weights, key, Trim(value), seen);
    if (!status) return status.error();
  }
  return weights;
}

}  // namespace knooppunt::match
