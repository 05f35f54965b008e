// Dates and times as the social map stores them: instants in UTC, written ISO 8601 with
// milliseconds and "Z" ("2026-11-21T09:30:00.000Z"), so that text order is time order.
// Thread-safety: pure functions.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace knooppunt::domain {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;

// Parses "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)". Returns nullopt when malformed, out of range
// or without an offset (a time without a zone is ambiguous).
std::optional<Instant> ParseDateTime(std::string_view text);

// "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string FormatUtc(Instant instant);

// The current time, for stamping writes.
Instant Now();

}  // namespace knooppunt::domain
