// UUIDs, the ids of every record (HSDS requires them): random ones for new records and
// name-based ones for reference data that must have the same id in every database.
// Thread-safety: free functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace knooppunt::domain {

// A random (version 4) UUID in lower case. Never fails: libsodium's generator is used.
std::string RandomUuid();

// A name-based UUID (RFC 9562 version 8, from a BLAKE2b hash of `name`): the same name gives the
// same id on every machine. Used for Knooppunt's taxonomies and the demo data.
std::string NameUuid(std::string_view name);

// True for the 8-4-4-4-12 hexadecimal form, either case.
bool IsUuid(std::string_view text);

}  // namespace knooppunt::domain
